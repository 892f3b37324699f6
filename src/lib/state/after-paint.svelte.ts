/**
 * "Preview first": what a change makes the page do that is not the preview's
 * text (building the form's sections for a new target, the file tree's rows)
 * can wait until the browser has painted the change's first frame. The
 * click's or keystroke's own task then does the least it can, the first frame
 * shows the file text and the control touched, and the rest follows in the
 * frame after (web.dev, "Optimize Interaction to Next Paint": yield so the
 * browser can paint). scripts/bench-ui.mjs measures both: to the preview's
 * text and its frame, and to "settled" (the page's last change) and its frame.
 */
import { untrack } from 'svelte';

/** Longest wait for a frame (a hidden tab paints none): the work runs then anyway. */
const LONGEST_WAIT_MS = 100;

/** The callbacks waiting for the next frame, one batch per frame: one rAF, one message and one timer for all of them. */
let batch: { id: number; fns: (() => void)[]; frame: number; late: ReturnType<typeof setTimeout> } | null = null;
let batches = 0;
/** One channel for the page's whole life (creating one per change cost about 0.1 ms of the keystroke's task). */
let channel: MessageChannel | null = null;

function runBatch(): void {
	const b = batch;
	if (!b) return;
	batch = null;
	cancelAnimationFrame(b.frame);
	clearTimeout(b.late);
	// A callback that asks for another frame starts the next batch: it runs after the next frame, not this one.
	for (const fn of b.fns) fn();
}

/**
 * Run `fn` in a task after the next frame has been rendered (requestAnimationFrame,
 * then a message to a MessageChannel: its task runs after that frame's rendering),
 * or after LONGEST_WAIT_MS when no frame comes. Returns a function that cancels it.
 * Every call before that frame shares its frame callback, message and timer.
 */
export function afterPaint(fn: () => void): () => void {
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		fn();
	};
	if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
		const t = setTimeout(once, 0);
		return () => ((done = true), clearTimeout(t));
	}
	if (!batch) {
		if (!channel) {
			channel = new MessageChannel();
			// A message names its batch: one posted just before that batch ran on its timer must not run the next one early.
			channel.port1.onmessage = (e: MessageEvent<number>) => {
				if (batch?.id === e.data) runBatch();
			};
		}
		const port = channel.port2;
		const id = ++batches;
		batch = { id, fns: [], frame: requestAnimationFrame(() => port.postMessage(id)), late: setTimeout(runBatch, LONGEST_WAIT_MS) };
	}
	batch.fns.push(once);
	return () => {
		done = true;
	};
}

/**
 * A value that follows `get()` one painted frame late (the first value at once;
 * a change that comes before the frame replaces the one waiting). Equal values
 * (`same`, default Object.is) change nothing. Create it while a component
 * initialises (it owns an effect).
 */
export function deferred<T>(get: () => T, same: (a: T, b: T) => boolean = Object.is): { readonly value: T } {
	let value = $state.raw(untrack(get));
	$effect(() => {
		const next = get();
		if (same(untrack(() => value), next)) return;
		return afterPaint(() => (value = next));
	});
	return {
		get value() {
			return value;
		}
	};
}
