import { expect } from 'vitest';

/** A checker's answer that refuses: `ok` false, and its message names `fragment`. */
export function expectRefused(r: { ok: true } | { ok: false; error: string }, fragment: string): void {
	expect(r.ok).toBe(false);
	if (!r.ok) expect(r.error).toContain(fragment);
}
