/**
 * The page's script: the only JavaScript the page loads at start (a module
 * script named in the prerendered HTML by ../hooks.ts; the build adds it as
 * an entry, ../build/page-entry.ts).
 *
 * The page is prerendered and not hydrated (`csr = false`): SvelteKit's client
 * router, which a single page with no navigation does not need, never loads.
 * This script owns the state and does the page's work:
 * - the configuration (`AppState`) and the page's own state (`PageUi`), given
 *   to every island as `PageActions`;
 * - the islands (../client.ts): each top-level island element
 *   is hydrated when it is needed;
 * - a shared link in the address bar (`#c=…`) is opened, and the address bar
 *   follows the configuration afterwards (debounced, only when valid);
 * - copy link, download zip, go to a field, the keyboard shortcuts;
 * - the service worker is registered once the page has loaded.
 */
import { tick } from 'svelte';
import { AppState, STEPS, fieldId, plain, stepOf } from '$lib/state/app.svelte';
import { initialUi, type PageActions, type PageUi } from '../index.ts';
import { adoptPage, hydrateAll, setIslandProps } from '../client.ts';
import { linkFromHash, MAX_LINK_LENGTH } from '$lib/share/fragment';
import { copyText, downloadBlob } from '$lib/components/help';
import { whenIdle } from '../idle.ts';
import { defaultConfig } from '$lib/model/defaults';
import type { Config } from '$lib/model/config';
import { BEFORE_LINK_KEY, forget, readRemembered, setAside, writeRemembered, type Remembered } from './remember.ts';

/** Debounce of the address bar after an edit. */
const URL_DELAY_MS = 350;

export function startPage(): () => void {
	// The state's effects (AppState sends each valid config to the generators) live as long as the page.
	let app!: AppState;
	const stopRoot = $effect.root(() => {
		app = new AppState();
	});
	const ui: PageUi = $state(initialUi());
	let mounted = $state(false);
	/** The fragment the address bar holds now (written by us or opened by the user). */
	let lastFragment = '';
	/** JSON of the config the address bar stands for: the URL is rewritten only when the config differs. */
	let urlJson = '';

	/** The share-link codec (with fflate): loaded when a link is first opened or written. */
	let codec: Promise<typeof import('$lib/share/codec')> | null = null;
	const loadCodec = () => (codec ??= import('$lib/share/codec'));

	/** What the browser kept from the last visit (remember.ts): read once, at start. */
	const kept = readRemembered();
	/** Whether the state is written to storage (from the end of the first load on). */
	let remembering = false;
	const record = (): Remembered => ({
		config: JSON.parse(app.json) as Config,
		drafts: { ...app.drafts },
		step: app.step,
		fragment: lastFragment,
		savedAt: Date.now()
	});
	const remember = () => {
		if (remembering) writeRemembered(record());
	};

	/** Show a kept record: every island goes live first (the state no longer matches the prerendered markup). */
	function restore(r: Remembered, source: 'restored', undoLabel = ''): void {
		hydrateAll();
		app.load(r.config, { kind: source }, undoLabel);
		app.drafts = { ...r.drafts };
		app.step = r.step;
	}

	/** Whether a kept record holds anything a person did (not the untouched default). */
	const worthKeeping = (r: Remembered) => JSON.stringify(r.config) !== JSON.stringify(defaultConfig()) || Object.keys(r.drafts).length > 0;

	async function openHash(hash: string, undoLabel: string): Promise<void> {
		const value = linkFromHash(hash);
		if (value === null) return;
		if (`#c=${value}` === lastFragment) return;
		const { decodeConfig, portableConfig } = await loadCodec();
		const r = decodeConfig(value);
		// Either outcome changes what the page shows: every island goes live first, so none hydrates against stale markup.
		hydrateAll();
		if (r.ok) {
			// The link wins, and what this browser kept is set aside (not destroyed): the page offers to go back to it.
			const before = readRemembered();
			const same = before && JSON.stringify(portableConfig(before.config)) === JSON.stringify(portableConfig(r.config));
			if (before && !same && worthKeeping(before)) {
				setAside();
				// Opened later in the session, the link's undo bar already offers the way back.
				if (!undoLabel) ui.keptOffer = { savedAt: before.savedAt };
			}
			app.load(r.config, { kind: 'link' }, undoLabel);
			ui.linkError = null;
			ui.status = 'Opened the configuration from the link.';
		} else {
			ui.linkError = { message: r.message, errors: r.errors, instead: undoLabel ? 'The configuration you had stays' : 'The default configuration is shown instead' };
		}
	}

	/** "Start fresh": the default configuration (the previous one stays one Undo away). */
	function startFresh(): void {
		hydrateAll();
		app.load(defaultConfig(), { kind: 'default' }, 'your configuration with the default one');
		app.step = 'project';
		ui.restored = null;
		ui.status = 'Started fresh with the default configuration.';
	}

	/** Back to the configuration kept before a shared link was opened. */
	function goBackToKept(): void {
		const r = readRemembered(BEFORE_LINK_KEY);
		ui.keptOffer = null;
		if (!r) return;
		restore(r, 'restored', 'the configuration from the link');
		forget(BEFORE_LINK_KEY);
		// The address bar stops naming the link at once (not after the edit debounce): pasting that link again is a change.
		void syncUrl();
		ui.status = 'Back to your own configuration.';
	}

	/** Write the fragment now if the (valid) config differs from what the address bar holds. */
	async function syncUrl(): Promise<string> {
		const { encodeFragment } = await loadCodec();
		if (app.stale) return lastFragment;
		const json = app.json;
		const frag = encodeFragment(JSON.parse(json) as Config);
		urlJson = json;
		if (frag.length - 3 > MAX_LINK_LENGTH) {
			ui.linkTooLong = true;
			return lastFragment;
		}
		ui.linkTooLong = false;
		if (frag !== lastFragment) {
			lastFragment = frag;
			history.replaceState(history.state, '', frag);
			remember();
		}
		return frag;
	}

	async function copyLink() {
		const frag = await syncUrl();
		const hasLink = frag.startsWith('#c=');
		const url = location.origin + location.pathname + (hasLink ? frag : (await loadCodec()).encodeFragment(plain(app.config)));
		const ok = await copyText(url);
		ui.status = !ok
			? 'Copying failed: copy the address bar instead.'
			: app.stale
				? 'Link copied — it holds the last valid configuration (fix the problems to include your latest edits).'
				: `Link copied (${url.length} characters).`;
	}

	async function downloadZip() {
		if (app.stale || ui.busy) {
			if (app.stale) ui.status = 'Fix the problems first: the zip is built from a valid configuration.';
			return;
		}
		ui.busy = true;
		try {
			const { buildZip } = await import('$lib/output/zip');
			// The files of the config as it is now, even if the worker is still on the last keystroke.
			const files = await app.current();
			const bytes = await buildZip(files, app.config.project.name);
			downloadBlob(bytes as Uint8Array<ArrayBuffer>, `${app.config.project.name}.zip`, 'application/zip');
			ui.status = `Downloaded ${app.config.project.name}.zip (${files.length} files).`;
		} catch (e) {
			ui.status = `The zip could not be built: ${(e as Error).message}`;
		} finally {
			ui.busy = false;
		}
	}

	async function goTo(path: string) {
		app.step = stepOf(path);
		await tick();
		// A step opened for the first time loads its code first: wait (up to 5 s) for the field to appear.
		let el = document.getElementById(fieldId(path));
		for (let waited = 0; !el && waited < 5000; waited += 50) {
			await new Promise((r) => setTimeout(r, 50));
			el = document.getElementById(fieldId(path));
		}
		// A field kept for another target sits in a closed <details>: open it first.
		const folded = el?.closest('details');
		if (folded && !folded.open) folded.open = true;
		const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input:checked, input:not(:disabled)') : el;
		target?.focus();
	}

	const actions: PageActions = {
		app,
		ui,
		copyLink: () => copyLink(),
		downloadZip: () => void downloadZip(),
		goTo: (p) => void goTo(p),
		startFresh,
		goBackToKept
	};
	setIslandProps(actions);

	let stopped = false;
	const cleanup: Array<() => void> = [];
	const stopUrl = $effect.root(() => {
		// The URL follows the configuration, debounced, only when it changed and is valid.
		$effect(() => {
			if (!mounted || app.stale) return;
			if (app.json === urlJson) return; // reads (tracks) every field
			const t = setTimeout(() => void syncUrl(), URL_DELAY_MS);
			return () => clearTimeout(t);
		});
		// The browser keeps the configuration as typed (valid or not), its drafts and the open step.
		$effect(() => {
			if (!mounted) return;
			app.json + JSON.stringify(app.drafts) + app.step; // reads (tracks) them all
			const t = setTimeout(remember, URL_DELAY_MS);
			return () => clearTimeout(t);
		});
	});
	cleanup.push(stopUrl, stopRoot);

	adoptPage();

	/** Open a step from the keyboard: focus goes to its tab (the control that had it may now be hidden). */
	const stepTo = (i: number) => {
		app.step = STEPS[Math.max(0, Math.min(STEPS.length - 1, i))].id;
		void tick().then(() => document.getElementById(`tab-${app.step}`)?.focus());
	};
	const typing = (t: EventTarget | null) =>
		t instanceof HTMLElement && (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type)));
	const onKey = (e: KeyboardEvent) => {
		// "?" shows the shortcuts (src/lib/components/Shortcuts.svelte), except while typing text.
		if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
			const pop = document.getElementById('shortcuts-help');
			if (pop && !pop.matches(':popover-open')) {
				e.preventDefault();
				pop.showPopover();
			}
			return;
		}
		if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
		const i = STEPS.findIndex((s) => s.id === app.step);
		const keys: Record<string, () => void> = {
			KeyL: () => void copyLink(),
			KeyD: () => void downloadZip(),
			ArrowRight: () => stepTo(i + 1),
			ArrowLeft: () => stepTo(i - 1)
		};
		const f = keys[e.code];
		if (f) {
			e.preventDefault();
			f();
		}
	};
	/** A page sent to the background may never come back (a phone discards it): what was typed is saved now, not after the debounce. */
	const onHidden = () => {
		if (document.visibilityState === 'hidden') remember();
	};
	const onHash = () => void openHash(location.hash, 'your configuration before opening the link');

	/** A dialog opened (the shortcuts popover, by its button or "?"): focus moves inside it. */
	const onToggle = (e: Event) => {
		const t = e.target;
		if (t instanceof HTMLElement && t.id === 'shortcuts-help' && (e as ToggleEvent).newState === 'open') t.querySelector<HTMLElement>('button')?.focus();
	};
	document.addEventListener('toggle', onToggle, true);
	cleanup.push(() => document.removeEventListener('toggle', onToggle, true));

	// Open a shared link (or what this browser kept), then follow the address bar and listen for shortcuts.
	void (async () => {
		const value = linkFromHash(location.hash);
		if (kept && (value === null ? worthKeeping(kept) : kept.fragment === `#c=${value}`)) {
			// No link, or the address this page itself wrote (a reload): the last configuration, as typed.
			restore(kept, 'restored');
			if (value === null) ui.restored = { savedAt: kept.savedAt };
		} else {
			await openHash(location.hash, '');
			// A link that cannot be opened shows the last configuration, not the default (which would then be saved over it).
			if (ui.linkError && kept && worthKeeping(kept)) {
				restore(kept, 'restored');
				ui.linkError.instead = 'Your last configuration is shown instead';
			}
		}
		if (stopped) return;
		// Encoding waits for the first edit: the address bar already stands for what is shown.
		lastFragment = location.hash;
		urlJson = app.json;
		mounted = true;
		remembering = true;
		window.addEventListener('hashchange', onHash);
		window.addEventListener('keydown', onKey);
		window.addEventListener('pagehide', remember);
		document.addEventListener('visibilitychange', onHidden);
		cleanup.push(() => {
			document.removeEventListener('visibilitychange', onHidden);
			window.removeEventListener('hashchange', onHash);
			window.removeEventListener('keydown', onKey);
			window.removeEventListener('pagehide', remember);
		});
	})();

	return () => {
		stopped = true;
		for (const f of cleanup.splice(0)) f();
	};
}

/**
 * The offline worker (src/service-worker.ts), registered once the page has
 * loaded and the main thread is idle: `register()` itself takes a long
 * moment on the main thread (20 ms in a profile on this machine) and the
 * worker's install then downloads every asset, neither of which should compete
 * with the page coming to life. The page is at the site's root (under the base
 * path), so the worker's URL is relative to it.
 */
export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator)) return;
	const register = () => void navigator.serviceWorker.register(new URL('service-worker.js', document.baseURI)).catch(() => {});
	const later = () => void whenIdle(register, 5000);
	if (document.readyState === 'complete') later();
	else addEventListener('load', later, { once: true });
}
