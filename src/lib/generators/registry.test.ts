import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { load } from 'js-yaml';
import { generate } from './index.ts';
import { PRESETS } from '../model/presets.ts';
import { BACKENDS_FOR } from '../model/defaults.ts';
import { PACKAGE_MANAGERS, TARGETS, type Config } from '../model/config.ts';
import { validateConfig } from '../model/validate.ts';

function* everyConfig(): Generator<[string, Config]> {
	for (const p of PRESETS)
		for (const manager of PACKAGE_MANAGERS)
			for (const target of TARGETS) {
				const c = p.config();
				c.packaging.manager = manager;
				c.packaging.backend = BACKENDS_FOR[manager][0];
				c.target = target;
				if (validateConfig(c).length === 0) yield [`${p.id}/${manager}/${target}`, c];
			}
}

const ALL = [...everyConfig()];

describe('generate()', () => {
	it('covers most preset x manager x target combinations', () => {
		expect(ALL.length).toBeGreaterThanOrEqual(60);
	});

	it.each(ALL)('%s: sorted, unique, relative paths; pure; deterministic', (_name, config) => {
		const frozen = structuredClone(config);
		const a = generate(config);
		const b = generate(config);
		expect(a).toEqual(b);
		expect(config).toEqual(frozen);
		const paths = a.map((f) => f.path);
		expect(paths).toEqual([...paths].sort());
		expect(new Set(paths).size).toBe(paths.length);
		for (const f of a) {
			expect(f.path).not.toMatch(/^\/|\\|(^|\/)\.\.(\/|$)/);
			expect(f.content === '' || f.content.endsWith('\n'), f.path).toBe(true);
		}
	});

	it.each(ALL)('%s: every TOML re-parses, pyproject names the project', (_name, config) => {
		const files = generate(config);
		for (const f of files.filter((f) => f.path.endsWith('.toml'))) expect(() => parse(f.content), f.path).not.toThrow();
		const py = parse(files.find((f) => f.path === 'pyproject.toml')!.content) as Record<string, Record<string, unknown>>;
		const name = py.project?.name ?? (py.tool?.poetry as Record<string, unknown>)?.name;
		expect(name).toBe(config.project.name);
	});

	it.each(ALL)('%s: every YAML re-parses', (_name, config) => {
		const files = generate(config);
		expect(files.length).toBeGreaterThan(0);
		for (const f of files.filter((f) => /\.ya?ml$/.test(f.path))) {
			expect(() => f.content.split(/^---$/m).forEach((d) => load(d)), f.path).not.toThrow();
		}
	});

	it('escapes user text in pyproject: quotes, backslashes, unicode', () => {
		const c = PRESETS[0].config();
		c.project.description = 'He said "hi" \\ o/ — ünïcödé 🚀 [x] = # not a comment';
		c.project.authorName = "O'Brien \"Bob\"";
		const py = parse(generate(c).find((f) => f.path === 'pyproject.toml')!.content) as { project: { description: string; authors: { name: string }[] } };
		expect(py.project.description).toBe(c.project.description);
		expect(py.project.authors[0].name).toBe(c.project.authorName);
	});
});
