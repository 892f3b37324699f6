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

	it('stay the same array while an edit changes no message; a new one when one does', () => {
		// Svelte runs no reader of a derived again when the derived's new value is the same (===): what reads the
		// messages (every field's, the step tabs, the review, the preview's notice) then stays as it was. This test
		// runs Svelte's server build (no effects), so it holds the values, not the readers.
		const app = new AppState();
		app.config.project.name = 'not a valid name!';
		const errors = app.errors;
		expect(errors.length).toBeGreaterThan(0);
		app.config.project.description = 'Another description.';
		expect(app.errors).toBe(errors);
		app.config.project.name = 'still not valid!';
		expect(app.errors).toEqual(validateConfig(app.config));
		// A message that changes gives a new list, and the fields read the new one.
		app.config.project.version = 'one point oh';
		expect(app.errors).not.toBe(errors);
		expect(app.errors).toEqual(validateConfig(app.config));
		expect(app.errorsAt('project.version').length).toBe(1);
		app.config.project.version = '1.0.0';
		app.config.project.name = defaultConfig().project.name;
		expect(app.errors).toEqual([]);
		expect(app.errorsAt('project.version')).toEqual([]);
	});
});

describe('AppState json', () => {
	it('is JSON.stringify of the config, part by part, after edits of one part, loads and a part replaced', () => {
		const app = new AppState();
		const same = () => expect(app.json).toBe(JSON.stringify($state.snapshot(app.config)));
		same();
		app.config.project.name = 'renamed';
		same();
		app.config.target = 'kubernetes';
		same();
		app.config.packaging.manager = 'poetry';
		app.config.kubernetes.replicas = 3;
		same();
		app.config.docker = { ...$state.snapshot(app.config.docker), baseImage: 'dhi' };
		same();
		const other = defaultConfig();
		other.project.description = 'Loaded "with quotes" and \\ backslashes';
		app.load(other, { kind: 'import', what: 'pyproject.toml' });
		same();
		expect(JSON.parse(app.json)).toEqual(other);
	});
});

