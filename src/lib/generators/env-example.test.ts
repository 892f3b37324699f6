import { describe, expect, it } from 'vitest';
import { TARGETS } from '../model/config.ts';
import { presetTargetCases } from '../../../tests/support/cases.ts';
import { defaultConfig } from '../model/defaults.ts';
import { generate } from './index.ts';
import { facts } from '../model/derive.ts';
import { PRESETS } from '../model/presets.ts';
import { envExample, envValue } from './env-example.ts';

/** Minimal reader with python-dotenv's and compose's shared rules for the forms we write. */
function readEnv(text: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const line of text.split('\n')) {
		if (!line || line.startsWith('#')) continue;
		const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
		expect(m, line).not.toBeNull();
		let v = m![2];
		if (v.startsWith("'")) {
			expect(v.endsWith("'")).toBe(true);
			v = v.slice(1, -1);
		} else expect(v).toMatch(/^[^\s#'"$`\\]*$/);
		out.set(m![1], v);
	}
	return out;
}

describe('.env.example', () => {
	for (const preset of PRESETS) {
		it(`${preset.id}: lists every app and compose variable with its example and a comment`, () => {
			const c = preset.config();
			const f = facts(c);
			const files = envExample(c);
			if (!f.env.length && !f.composeEnv.length) {
				expect(files).toEqual([]);
				return;
			}
			const text = files[0].content;
			const values = readEnv(text);
			for (const v of [...f.env, ...f.composeEnv]) {
				expect(values.get(v.name)).toBe(v.example);
				const lines = text.split('\n');
				const i = lines.findIndex((l) => l.startsWith(`${v.name}=`));
				expect(lines[i - 1].startsWith('# ')).toBe(true);
			}
			expect(values.size).toBe(f.env.length + f.composeEnv.length);
		});
	}
	it('libraries have no .env.example, with or without services (there is no compose.yaml to start them)', () => {
		const c = PRESETS.find((p) => p.id === 'library')!.config();
		expect(envExample(c)).toEqual([]);
		c.services.postgres = true;
		expect(envExample(c)).toEqual([]);
	});
	describe('names only files the project has', () => {
		const cases = presetTargetCases((c) => {
			c.services = { postgres: true, redis: true, sqlalchemy: false, celery: false };
			if (c.project.kind === 'service' && c.target === 'serverless' && c.serverless.provider === 'cloud-run') c.serverless.memoryMb = 512;
		});
		it('covers every target', () => {
			expect(new Set(cases.map(([, c]) => c.target))).toEqual(new Set(TARGETS));
		});
		it.each(cases)('%s', (_id, c) => {
			const all = generate(c);
			const paths = all.map((f) => f.path);
			const text = all.find((f) => f.path === '.env.example')?.content ?? '';
			// compose.yaml is named exactly when it is generated, and so are its containers' variables.
			expect(text.includes('compose.yaml'), text).toBe(paths.includes('compose.yaml'));
			expect(text.includes('POSTGRES_PASSWORD')).toBe(paths.includes('compose.yaml'));
			// Every file name in it is a file of the project (config.py lives in the package).
			for (const [name] of text.matchAll(/[\w./-]*\w\.(?:ya?ml|py|toml|txt|md|json|sh|cfg|example|template)\b/g))
				expect(paths.some((p) => p === name || p.endsWith(`/${name}`)), `${name} named in .env.example`).toBe(true);
		});
	});
	it('quotes values safely for both python-dotenv and compose', () => {
		expect(envValue('postgresql://app:change-me@localhost:5432/app')).toBe('postgresql://app:change-me@localhost:5432/app');
		expect(envValue('two words # not a comment')).toBe("'two words # not a comment'");
		expect(envValue('$HOME')).toBe("'$HOME'");
		expect(() => envValue("it's")).toThrow();
		expect(() => envValue('a\nb')).toThrow();
		expect(() => envValue('back\\slash')).toThrow();
	});
	it('is deterministic', () => {
		expect(envExample(defaultConfig())).toEqual(envExample(defaultConfig()));
	});
});
