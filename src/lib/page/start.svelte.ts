/**
 * The page's script: the only JavaScript the page loads at start (a module
 * script named in the prerendered HTML by src/hooks.server.ts; the build adds
 * it as an entry, src/build/page-entry.ts).
 *
 * The page is prerendered and not hydrated (`csr = false`): SvelteKit's client
 * router, which a single page with no navigation does not need, never loads.
 * This script owns the state and does the page's work:
 * - the configuration (`AppState`) and the page's own state (`PageUi`), given
 *   to every island as `PageActions`;
 * - the islands (src/lib/islands-client.ts): each top-level island element
 *   is hydrated when it is needed;
 * - a shared link in the address bar (`#c=…`) is opened, and the address bar
 *   follows the configuration afterwards (debounced, only when valid);
 * - copy link, download zip, go to a field, the keyboard shortcuts;
 * - the service worker is registered once the page has loaded.
 */
import { tick } from 'svelte';
import { AppState, STEPS, fieldId, plain, stepOf } from '$lib/state/app.svelte';
import { initialUi, type PageActions, type PageUi } from '$lib/islands';
import { adoptPage, hydrateAll, setIslandProps } from '$lib/islands-client';
import { linkFromHash, MAX_LINK_LENGTH } from '$lib/share/fragment';
import { copyText, downloadBlob } from '$lib/components/help';
import { whenIdle } from '$lib/idle';

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

	async function openHash(hash: string, undoLabel: string): Promise<void> {
		const value = linkFromHash(hash);
		if (value === null) return;
		if (`#c=${value}` === lastFragment) return;
		const r = (await loadCodec()).decodeConfig(value);
		// Either outcome changes what the page shows: every island goes live first, so none hydrates against stale markup.
		hydrateAll();
		if (r.ok) {
			app.load(r.config, { kind: 'link' }, undoLabel);
			ui.linkError = null;
			ui.status = 'Opened the configuration from the link.';
		} else {
			ui.linkError = { message: r.message, errors: r.errors };
		}
	}

	/** Write the fragment now if the (valid) config differs from what the address bar holds. */
	async function syncUrl(): Promise<string> {
		const { encodeFragment } = await loadCodec();
		if (app.stale) return lastFragment;
		const json = JSON.stringify(app.config);
		const frag = encodeFragment(JSON.parse(json));
		urlJson = json;
		if (frag.length - 3 > MAX_LINK_LENGTH) {
			ui.linkTooLong = true;
			return lastFragment;
		}
		ui.linkTooLong = false;
		if (frag !== lastFragment) {
			lastFragment = frag;
			history.replaceState(history.state, '', frag);
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
		const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input:checked, input:not(:disabled)') : el;
		target?.focus();
	}

	const actions: PageActions = { app, ui, copyLink: () => void copyLink(), downloadZip: () => void downloadZip(), goTo: (p) => void goTo(p) };
	setIslandProps(actions);

	let stopped = false;
	const cleanup: Array<() => void> = [];
	const stopUrl = $effect.root(() => {
		// The URL follows the configuration, debounced, only when it changed and is valid.
		$effect(() => {
			if (!mounted || app.stale) return;
			if (JSON.stringify(app.config) === urlJson) return; // reads (tracks) every field
			const t = setTimeout(() => void syncUrl(), URL_DELAY_MS);
			return () => clearTimeout(t);
		});
	});
	cleanup.push(stopUrl, stopRoot);

	adoptPage();

	const onKey = (e: KeyboardEvent) => {
		if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
		const i = STEPS.findIndex((s) => s.id === app.step);
		const keys: Record<string, () => void> = {
			KeyL: () => void copyLink(),
			KeyD: () => void downloadZip(),
			ArrowRight: () => (app.step = STEPS[Math.min(i + 1, STEPS.length - 1)].id),
			ArrowLeft: () => (app.step = STEPS[Math.max(i - 1, 0)].id)
		};
		const f = keys[e.code];
		if (f) {
			e.preventDefault();
			f();
		}
	};
	const onHash = () => void openHash(location.hash, 'your configuration before opening the link');

	// Open a shared link, then follow the address bar and listen for shortcuts.
	void (async () => {
		await openHash(location.hash, '');
		if (stopped) return;
		// Encoding waits for the first edit: the address bar already stands for what is shown.
		lastFragment = location.hash;
		urlJson = JSON.stringify(app.config);
		mounted = true;
		window.addEventListener('hashchange', onHash);
		window.addEventListener('keydown', onKey);
		cleanup.push(() => {
			window.removeEventListener('hashchange', onHash);
			window.removeEventListener('keydown', onKey);
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
