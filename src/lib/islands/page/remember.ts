/**
 * The last configuration, kept in the browser's storage (localStorage) so a
 * later visit without a link starts where the last one stopped: the config as
 * typed (invalid text included: the model keeps text fields as typed), the
 * drafts of number fields, the open step, and the fragment the address bar held
 * for it (a reload of that same address is a return, not a shared link).
 *
 * A shared link wins over what is kept, without destroying it: the kept entry
 * is copied aside (`BEFORE_LINK_KEY`) before the link's config replaces it,
 * and the page offers to go back to it.
 *
 * Everything here tolerates a browser without storage (private modes, quota,
 * a blocked origin): reading gives null, writing does nothing.
 */
import type { Config } from '../../model/config.ts';
import { defaultConfig } from '../../model/defaults.ts';
import { readConfig } from '../../model/validate.ts';
import { STEPS, type StepId } from '../../state/app.svelte.ts';

export const STORAGE_KEY = 'slipway:last';
export const BEFORE_LINK_KEY = 'slipway:before-link';
/** Version of the stored record; a record of another version is ignored. */
const RECORD_VERSION = 1;

export interface Remembered {
	config: Config;
	drafts: Record<string, string>;
	step: StepId;
	/** The address bar's fragment when it was saved ('' when there was none). */
	fragment: string;
	/** When it was saved (ms since the epoch). */
	savedAt: number;
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/**
 * Read a stored record. The config is read by the model's reader with the
 * defaults filling what an older record lacks; a record the reader cannot make
 * into a config (wrong types, not JSON) is dropped, never half-loaded.
 */
export function readRemembered(key = STORAGE_KEY): Remembered | null {
	const raw = storage()?.getItem(key);
	if (!raw) return null;
	try {
		const data = JSON.parse(raw) as Partial<Record<keyof Remembered | 'v', unknown>>;
		if (data.v !== RECORD_VERSION) return null;
		const read = readConfig(data.config, defaultConfig());
		if (!read.ok) return null;
		const drafts: Record<string, string> = {};
		if (data.drafts && typeof data.drafts === 'object')
			for (const [k, v] of Object.entries(data.drafts as Record<string, unknown>)) if (typeof v === 'string' && v.length <= 200) drafts[k] = v;
		const step = STEPS.find((s) => s.id === data.step)?.id ?? 'project';
		return {
			config: read.config,
			drafts,
			step,
			fragment: typeof data.fragment === 'string' ? data.fragment : '',
			savedAt: typeof data.savedAt === 'number' ? data.savedAt : 0
		};
	} catch {
		return null;
	}
}

export function writeRemembered(r: Remembered, key = STORAGE_KEY): void {
	try {
		storage()?.setItem(key, JSON.stringify({ v: RECORD_VERSION, ...r }));
	} catch {
		// Quota or a blocked storage: the page works on without remembering.
	}
}

/** Copy the kept record aside (before a shared link replaces it). */
export function setAside(): void {
	const s = storage();
	try {
		const raw = s?.getItem(STORAGE_KEY);
		if (raw) s?.setItem(BEFORE_LINK_KEY, raw);
	} catch {
		// As above.
	}
}

export function forget(key: string): void {
	try {
		storage()?.removeItem(key);
	} catch {
		// As above.
	}
}

/** "5 minutes ago", "yesterday", for the notices. */
export function ago(savedAt: number, now = Date.now()): string {
	const min = Math.round((now - savedAt) / 60_000);
	if (!savedAt || min < 1) return 'just now';
	if (min < 60) return `${min} minute${min === 1 ? '' : 's'} ago`;
	const h = Math.round(min / 60);
	if (h < 24) return `${h} hour${h === 1 ? '' : 's'} ago`;
	const d = Math.round(h / 24);
	return d === 1 ? 'yesterday' : `${d} days ago`;
}
