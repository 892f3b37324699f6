import { describe, expect, it } from 'vitest';
import { AppState } from './app.svelte.ts';
import { defaultConfig } from '../model/defaults.ts';
import { validateConfig } from '../model/validate.ts';

describe('AppState errors', () => {
	it('are none for the default config, and follow every edit', () => {
		const app = new AppState();
		expect(app.errors).toEqual([]);
		app.config.project.name = 'not a valid name!';
		expect(app.errors.map((e) => e.path)).toContain('project.name');
		expect(app.errors).toEqual(validateConfig(app.config));
		expect(app.stale).toBe(true);
		app.config.project.name = defaultConfig().project.name; // back to the loaded config
		expect(app.errors).toEqual([]);
		expect(app.stale).toBe(false);
	});

	it('of a loaded invalid config are its own, also before and after edits back to it', () => {
		const app = new AppState();
		const bad = defaultConfig();
		bad.project.version = 'one point oh';
		app.load(bad, { kind: 'import', what: 'pyproject.toml' });
		expect(app.dirty).toBe(false);
		expect(app.errors.map((e) => e.path)).toEqual(['project.version']);
		app.config.project.version = '1.0.0';
		expect(app.errors).toEqual([]);
		app.config.project.version = 'one point oh';
		expect(app.errors.map((e) => e.path)).toEqual(['project.version']);
	});

	it('after undo are those of the restored config', () => {
		const app = new AppState();
		app.config.project.description = 'bad\u0000description';
		const edited = validateConfig(app.config);
		expect(edited.length).toBeGreaterThan(0);
		app.load(defaultConfig(), { kind: 'default' }, 'your edits');
		expect(app.errors).toEqual([]);
		app.undo();
		expect(app.errors).toEqual(edited);
	});
});
