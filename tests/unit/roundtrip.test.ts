/**
 * Round trips (issue: no broken file, ever): config -> pyproject.toml ->
 * import -> config keeps every field a pyproject can carry, for every preset,
 * manager, backend and Poetry layout; and config -> link -> config is identity
 * (also covered for random configs in property.test.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generate } from '../../src/lib/generators/index.ts';
import { devDependencies, runtimeDependencies } from '../../src/lib/generators/dependencies.ts';
import { importPyproject } from '../../src/lib/import/index.ts';
import { PRESETS } from '../../src/lib/model/presets.ts';
import { BACKENDS_FOR, defaultConfig } from '../../src/lib/model/defaults.ts';
import { PACKAGE_MANAGERS, type Config } from '../../src/lib/model/config.ts';
import { normalizeName, parseRequirement } from '../../src/lib/model/pep.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import { decodeConfig, encodeConfig } from '../../src/lib/share/codec.ts';

function variants(): [string, Config][] {
	const out: [string, Config][] = [];
	for (const p of PRESETS)
		for (const manager of PACKAGE_MANAGERS)
			for (const backend of BACKENDS_FOR[manager])
				for (const layout of manager === 'poetry' ? (['poetry2', 'classic'] as const) : (['poetry2'] as const)) {
					const c = p.config();
					c.packaging = { ...c.packaging, manager, backend, poetryLayout: layout };
					c.project.url = 'https://github.com/acme/x';
					c.project.description = 'Ünïcode "quoted" \\ back-slashed — and # not a comment';
					c.project.dependencies = ['httpx[http2]>=0.27,<1', "tomli>=2; python_version < '3.11'"];
					c.project.devDependencies = ['hypothesis>=6'];
					if (validateConfig(c).length === 0) out.push([`${p.id}/${manager}/${backend}${manager === 'poetry' ? '/' + layout : ''}`, c]);
				}
	return out;
}

/** Requirement set, normalised (name, extras, specifier, marker) for comparison. */
function reqSet(list: readonly string[]): string[] {
	return list
		.map((s) => {
			const r = parseRequirement(s);
			if (!r.ok) return `!${s}`;
			const v = r.value;
			return `${normalizeName(v.name)}[${[...v.extras].sort().join(',')}]${v.specifier.split(',').sort().join(',')}${v.url}; ${v.marker.replace(/"/g, "'")}`;
		})
		.sort();
}

describe('config -> pyproject -> import -> config', () => {
	it.each(variants())('%s keeps every field', (_name, config) => {
		const text = generate(config).find((f) => f.path === 'pyproject.toml')!.content;
		const r = importPyproject(text, defaultConfig());
		expect(r.ok, r.ok ? '' : r.message).toBe(true);
		if (!r.ok) return;
		const got = r.config;
		const p = config.project;
		expect(got.project).toMatchObject({
			name: p.name,
			version: p.version,
			description: p.description,
			authorName: p.authorName,
			authorEmail: p.authorEmail,
			license: p.license,
			url: p.url,
			pythonVersion: p.pythonVersion,
			kind: p.kind,
			framework: p.framework
		});
		if (config.packaging.manager === 'pip') {
			// A pyproject cannot say "pip": PEP 735 groups read as uv. The report must say what was inferred.
			expect(r.report.taken.some((t) => /manager/i.test(t) && /dependency-groups/.test(t)), r.report.taken.join('\n')).toBe(true);
		} else expect(got.packaging.manager).toBe(config.packaging.manager);
		expect(reqSet(runtimeDependencies(got))).toEqual(reqSet(runtimeDependencies(config)));
		expect(reqSet(devDependencies(got))).toEqual(reqSet(devDependencies(config)));
	});
});

describe('config -> link -> config', () => {
	it('is the identity for every preset with random text', () => {
		const result = fc.check(
			fc.property(fc.constantFrom(...PRESETS), fc.string({ unit: 'grapheme', maxLength: 200 }), (preset, text) => {
				const c = preset.config();
				c.project.description = text;
				const back = decodeConfig(encodeConfig(c));
				// A rejected link must be because the text itself is invalid (e.g. control characters).
				if (!back.ok) return validateConfig(c).length > 0;
				return JSON.stringify(back.config) === JSON.stringify(c);
			}),
			{ numRuns: 500, seed: 7 }
		);
		expect(result.failed, String(result.counterexample)).toBe(false);
	});
});
