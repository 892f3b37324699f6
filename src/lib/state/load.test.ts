import { describe, expect, it } from 'vitest';
import { AppState } from './app.svelte.ts';
import { PRESETS } from '../model/presets.ts';

describe('AppState.load', () => {
	it('gives every preset after every other exactly, and an unedited state (JSON equal, not dirty)', () => {
		for (const a of PRESETS)
			for (const b of PRESETS) {
				const app = new AppState();
				app.load(a.config(), { kind: 'preset', id: a.id });
				app.config.project.name = 'edited-before-the-load';
				app.load(b.config(), { kind: 'preset', id: b.id }, 'your edits');
				expect(JSON.stringify(app.config), `${a.id} -> ${b.id}`).toBe(JSON.stringify(b.config()));
				expect(app.dirty).toBe(false);
				// The edit made before the load comes back with undo.
				app.undo();
				expect(app.config.project.name).toBe('edited-before-the-load');
			}
	});
});
