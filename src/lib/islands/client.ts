/**
 * The browser side of the page's islands (see index.ts): an attachment that
 * hydrates an island's prerendered markup when it is needed, and a scheduler
 * that runs one island per task.
 *
 * - In the viewport (IntersectionObserver): queued, then
 *   hydrated one per task, so the browser can paint and take input between.
 * - The user's first interaction (pointer, key, focus, touch; captured on the
 *   window, before the event reaches its target): every island still waiting
 *   is hydrated at once, synchronously, so the event lands on live controls.
 * - `hydrateAll()`: the same, for the page (before it replaces the state, as
 *   when it opens a shared link).
 * - `data-island-when="idle"`: not tied to the viewport (the update prompt),
 *   hydrated once the page is idle.
 */
import { hydrate, mount, unmount } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { ISLANDS, MOUNTED_ISLANDS, type PageActions } from './index.ts';
import { whenIdle } from './idle.ts';

interface Job {
	el: HTMLElement;
	name: string;
	root: Record<string, unknown> | null;
	state: 'waiting' | 'queued' | 'live' | 'gone';
}

let actions: PageActions | null = null;
const waiting = new Set<Job>();
const queue: Job[] = [];
let observer: IntersectionObserver | null = null;
let pumping = false;
let eager = false;

/** The props every island gets; the page sets them before any island starts. */
export function setIslandProps(props: PageActions): void {
	actions = props;
}

function start(job: Job): void {
	if (job.state === 'live' || job.state === 'gone') return;
	waiting.delete(job);
	observer?.unobserve(job.el);
	if (!actions) throw new Error('islands: setIslandProps() was not called');
	const island = ISLANDS[job.name];
	if (!island) throw new Error(`islands: unknown island "${job.name}"`);
	performance.mark(`island-start:${job.name}`);
	if (MOUNTED_ISLANDS.has(job.name) || !job.el.firstChild) {
		job.el.replaceChildren();
		job.root = mount(island, { target: job.el, props: actions });
	} else {
		job.root = hydrate(island, { target: job.el, props: actions });
	}
	job.state = 'live';
	job.el.dataset.live = '';
	performance.mark(`island-end:${job.name}`);
}

/** One queued island per task. */
function pump(): void {
	if (pumping) return;
	pumping = true;
	const ch = new MessageChannel();
	ch.port1.onmessage = () => {
		const job = queue.shift();
		if (job) start(job);
		if (queue.length) ch.port2.postMessage(null);
		else {
			pumping = false;
			ch.port1.close();
		}
	};
	ch.port2.postMessage(null);
}

/** A waiting island is due: queue it (it is no longer watched). */
function enqueue(job: Job): void {
	if (job.state !== 'waiting') return;
	waiting.delete(job);
	observer?.unobserve(job.el);
	job.state = 'queued';
	queue.push(job);
	pump();
}

/** Every island still waiting or queued, now, in document order. */
export function hydrateAll(): void {
	eager = true;
	stopListening();
	// Starting an island can create islands inside it: repeat until none is left.
	for (let jobs = [...waiting, ...queue]; jobs.length; jobs = [...waiting, ...queue]) {
		queue.length = 0;
		jobs.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
		for (const job of jobs) start(job);
	}
}

const INTERACTIONS = ['pointerdown', 'keydown', 'focusin', 'touchstart', 'wheel'] as const;
let listening = false;
function onInteraction(e: Event): void {
	performance.mark(`interaction:${e.type}`);
	hydrateAll();
}
function listen(): void {
	if (listening || eager) return;
	listening = true;
	for (const type of INTERACTIONS) window.addEventListener(type, onInteraction, { capture: true, passive: true });
}
function stopListening(): void {
	if (!listening) return;
	listening = false;
	for (const type of INTERACTIONS) window.removeEventListener(type, onInteraction, { capture: true });
}

/**
 * Take charge of an island's element: hydrate the prerendered island there
 * when it is needed (near the viewport, or when the page is idle for an
 * element marked `data-island-when="idle"`), or mount it at once when the
 * element is empty (created in the browser). Returns the clean-up.
 */
export function adopt(el: HTMLElement, name: string): () => void {
	const job: Job = { el, name, root: null, state: 'waiting' };
	let cancelIdle = () => {};
	if (eager || !el.firstChild || typeof IntersectionObserver === 'undefined') start(job);
	else {
		waiting.add(job);
		listen();
		if (el.dataset.islandWhen === 'idle') cancelIdle = whenIdle(() => enqueue(job), 3000);
		else {
			observer ??= new IntersectionObserver((entries) => {
				for (const entry of entries) {
					const hit = entry.isIntersecting && [...waiting].find((j) => j.el === entry.target);
					if (hit) enqueue(hit);
				}
			});
			observer.observe(el);
		}
	}
	return () => {
		cancelIdle();
		waiting.delete(job);
		observer?.unobserve(el);
		const i = queue.indexOf(job);
		if (i >= 0) queue.splice(i, 1);
		if (job.root) void unmount(job.root);
		job.state = 'gone';
	};
}

/** `{@attach island('name')}` on an island's element inside an island (empty in the template). */
export function island(name: string): Attachment<HTMLElement> {
	return (el) => adopt(el, name);
}

/** The islands of a page that is not hydrated itself: every `[data-island]` element not inside another island. */
export function adoptPage(root: ParentNode = document): void {
	for (const el of root.querySelectorAll<HTMLElement>('[data-island]')) {
		if (el.parentElement?.closest('[data-island]')) continue;
		adopt(el, el.dataset.island!);
	}
}
