/**
 * The steps after the first load as ONE lazy chunk (src/lib/components/steps/later-steps.ts, issue 18.16):
 * a dynamic import per step made a chunk and a stylesheet per step, a dozen requests of the first visit's
 * precache, each with its own headers (measured: 49 -> 39 requests, 257.4 -> 252.6 KB, `npm run bench:ui
 * -- --only bytes`). The Wizard imports later-steps.ts and nothing else dynamically, and later-steps.ts
 * names every step but the first, which stays in the first load.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/lib/state/app.svelte.ts';

const wizard = readFileSync('src/lib/components/Wizard.svelte', 'utf8');
const later = readFileSync('src/lib/components/steps/later-steps.ts', 'utf8');

describe('later steps in one lazy chunk', () => {
	it('the Wizard loads every later step through steps/later-steps.ts, with one dynamic import', () => {
		expect([...wizard.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1])).toEqual(['./steps/later-steps.ts']);
		// The first step is in the first load: a static import.
		expect(wizard).toMatch(/^\s*import ProjectStep from '\.\/steps\/ProjectStep\.svelte';$/m);
	});

	it('later-steps.ts exports each step after the first, from its own component', () => {
		const names = STEPS.slice(1).map((s) => `${s.title}Step`);
		const exported = [...later.matchAll(/export \{ default as (\w+) \} from '\.\/(\w+)\.svelte';/g)].map((m) => [m[1], m[2]]);
		expect(exported).toEqual(names.map((n) => [n, n]));
		expect(later).not.toMatch(/ProjectStep/);
	});
});
