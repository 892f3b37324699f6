/**
 * The browser's SPDX checker (package.json "imports" #spdx, condition "browser"): the SPDX
 * License List is ~6 KB gzip, too much for the first load (scripts/budget.mjs), so it is
 * loaded the first time a license outside Slipway's own list (licenses.ts) is checked.
 * Until it arrives (a few milliseconds, from the service worker's precache) such a license is
 * accepted; then every listener (AppState) validates again, with the full list. Node (the CLI,
 * the prerender, the tests) takes spdx.ts itself, synchronously.
 */
import { LICENSES } from './licenses.ts';
import type { SpdxCheck } from './spdx.ts';

export type { SpdxCheck } from './spdx.ts';

const OWN = new Set(LICENSES.map((l) => l.id));
let full: ((e: string) => SpdxCheck) | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
	loading ??= import('./spdx.ts').then((m) => {
		full = m.checkSpdx;
		for (const l of listeners) l();
	});
}

export function checkSpdx(expression: string): SpdxCheck {
	if (full) return full(expression);
	if (OWN.has(expression)) return { ok: true, licenses: [expression], exceptions: [] };
	load();
	// Accepted until the list arrives (listeners validate again then); never a message it would take back.
	return { ok: true, licenses: expression.split(/\s+(?:AND|OR)\s+|[()]/).map((s) => s.trim()).filter(Boolean), exceptions: [] };
}

/** Call `fn` once the full list has loaded (validation may change then). Returns an unsubscribe. */
export function onSpdxLoaded(fn: () => void): () => void {
	listeners.add(fn);
	return () => listeners.delete(fn);
}
