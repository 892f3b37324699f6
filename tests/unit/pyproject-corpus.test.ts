/**
 * Issue 19.4: the model holds what real projects have. A corpus of pyproject.toml fixtures
 * written for this test (tests/fixtures/pyproject-corpus/README.md: each modelled on the
 * features of uv, httpx, Flask, pydantic-settings, Poetry, full-stack-fastapi-template's
 * backend, cookiecutter-django and a Poetry 1 library) is imported; what the import takes
 * is checked per fixture; then generate -> import again must give back, field by field,
 * everything the model holds (the second import overlays a config whose every such field
 * differs, so a field the generator forgot cannot pass by being kept from the base).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/generators/index.ts';
import { devDependencies, runtimeDependencies } from '../../src/lib/generators/dependencies.ts';
import { importPyproject } from '../../src/lib/import/index.ts';
import { defaultConfig } from '../../src/lib/model/defaults.ts';
import type { Config } from '../../src/lib/model/config.ts';
import { normalizeName, parseRequirement } from '../../src/lib/model/pep.ts';
import { validateConfig, validationWarnings } from '../../src/lib/model/validate.ts';

const DIR = join(import.meta.dirname, '../fixtures/pyproject-corpus');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.toml')).sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

function imported(file: string) {
	const r = importPyproject(read(file), defaultConfig());
	if (!r.ok) throw new Error(`${file}: ${r.message}`);
	return r;
}

/** Requirement set, normalised for comparison (as roundtrip.test.ts). */
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

/** pyproject.toml as data, the dev group's entries sorted. */
function normalised(text: string): unknown {
	const doc = parse(text) as { 'dependency-groups'?: Record<string, unknown[]> };
	const dev = doc['dependency-groups']?.dev;
	if (dev) dev.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
	return doc;
}

/** A base whose every field a pyproject carries differs from anything in the corpus. */
function poisoned(like: Config): Config {
	const c = defaultConfig();
	c.target = like.target;
	c.services = { ...like.services };
	Object.assign(c.project, {
		name: 'poison-name',
		version: '9.9.9',
		description: 'poison',
		authorName: 'Poison Author',
		authorEmail: 'poison@example.com',
		moreAuthors: [{ name: 'Poison Co-author', email: '' }],
		maintainers: [{ name: 'Poison Maintainer', email: '' }],
		license: 'ISC',
		licenseForm: 'spdx',
		keywords: ['poison'],
		classifiers: ['Topic :: Games/Entertainment'],
		extras: [{ name: 'poison', requirements: ['poison-extra'] }],
		dependencyGroups: [{ name: 'poison', includes: [], requirements: ['poison-group'] }],
		devIncludes: ['poison'],
		url: 'https://poison.example.com',
		pythonVersion: '3.15',
		dependencies: ['poison-runtime'],
		devDependencies: ['poison-dev']
	});
	return c;
}

/** Everything in the model that pyproject.toml carries, field by field. */
const HELD = ['name', 'version', 'description', 'authorName', 'authorEmail', 'moreAuthors', 'maintainers', 'license', 'licenseForm', 'keywords', 'classifiers', 'extras', 'dependencyGroups', 'devIncludes', 'url', 'pythonVersion', 'kind', 'framework'] as const;

describe('pyproject corpus: import -> generate -> import loses nothing the model holds', () => {
	it('has every fixture the README lists', () => {
		const listed = [...read('README.md').matchAll(/^\| ([\w-]+\.toml) \|/gm)].map((m) => m[1]).sort();
		expect(listed).toEqual(FIXTURES);
	});

	it.each(FIXTURES)('%s', (file) => {
		const first = imported(file);
		expect(validateConfig(first.config), JSON.stringify(first.report, null, 1)).toEqual([]);
		const text = generate(first.config).find((f) => f.path === 'pyproject.toml')!.content;
		const second = importPyproject(text, poisoned(first.config));
		if (!second.ok) throw new Error(second.message);
		const a = first.config.project;
		const b = second.config.project;
		for (const k of HELD) expect(b[k], `${file}: project.${k}`).toEqual(a[k]);
		expect(reqSet(runtimeDependencies(second.config)), `${file}: runtime dependencies`).toEqual(reqSet(runtimeDependencies(first.config)));
		expect(reqSet(devDependencies(second.config)), `${file}: dev dependencies`).toEqual(reqSet(devDependencies(first.config)));
		const pk = first.config.packaging;
		// A pyproject cannot say "pip" (PEP 735 groups read as uv): the rest of packaging must come back.
		if (pk.manager !== 'pip') expect(second.config.packaging.manager, `${file}: manager`).toBe(pk.manager);
		expect(second.config.packaging.backend, `${file}: backend`).toBe(pk.backend);
		if (pk.manager === 'poetry') expect(second.config.packaging.poetryLayout, `${file}: layout`).toBe(pk.poetryLayout);
		// A fixed point: generating from the re-import writes the same pyproject.toml (pip given back, as above),
		// up to the order of the dev group, where the user's entries that replace implied ones move in front.
		const again = { ...second.config, packaging: pk.manager === 'pip' ? { ...pk } : second.config.packaging };
		expect(normalised(generate(again).find((f) => f.path === 'pyproject.toml')!.content)).toEqual(normalised(text));
	});
});

describe('pyproject corpus: what each fixture keeps, and what the import reports it drops', () => {
	const ignored = (file: string) => imported(file).report.ignored.join('\n');

	// The whole list of what each import drops, reviewed in __snapshots__/pyproject-corpus.test.ts.snap:
	// a change to what the import keeps or reports shows there.
	it.each(FIXTURES)('%s: the full report of what is dropped', (file) => {
		expect(imported(file).report.ignored).toMatchSnapshot();
	});

	it('uv-like: MIT OR Apache-2.0 kept (never MIT), keywords, dev including docs and lint; maturin reported', () => {
		const { config } = imported('maturin-dual-license.toml');
		const p = config.project;
		expect(p).toMatchObject({ license: 'MIT OR Apache-2.0', licenseForm: 'spdx', keywords: ['packaging', 'requirements', 'resolver'], devIncludes: ['docs', 'lint'], devDependencies: ['maturin>=1.7'] });
		expect(p.dependencyGroups.map((g) => g.name)).toEqual(['docs', 'lint']);
		// Own classifiers kept; Python versions derived; License :: dropped for the SPDX expression (PEP 639).
		expect(p.classifiers).toEqual(['Development Status :: 5 - Production/Stable', 'Environment :: Console', 'Intended Audience :: Developers', 'Operating System :: OS Independent', 'Programming Language :: Python', 'Programming Language :: Python :: 3 :: Only', 'Topic :: Software Development :: Libraries']);
		const drops = ignored('maturin-dual-license.toml');
		expect(drops).toContain('build backend "maturin"');
		expect(drops).toContain('License :: OSI Approved :: MIT License');
		expect(drops).toContain('Programming Language :: Python :: 3.9');
		expect(drops).toContain('[tool.maturin]');
		expect(drops).toContain('[project.urls] Documentation: one URL is modelled');
		expect(drops).toContain('[build-system] requires (maturin>=1.7,<2.0) is regenerated');
		// No LICENSE text for an expression: a warning says so, and none is written.
		expect(validationWarnings(config).map((w) => w.message).join('\n')).toContain('writes no LICENSE file');
		expect(generate(config).some((f) => f.path === 'LICENSE')).toBe(false);
		expect(generate(config).find((f) => f.path === 'pyproject.toml')!.content).not.toContain('license-files');
	});

	it('httpx-like: extras with markers, a second author without e-mail, the dynamic version reported', () => {
		const { config } = imported('hatch-dynamic-extras.toml');
		const p = config.project;
		expect(p.extras.find((x) => x.name === 'brotli')?.requirements).toEqual(["brotli; platform_python_implementation == 'CPython'", "brotlicffi; platform_python_implementation != 'CPython'"]);
		expect(p.extras.map((x) => x.name)).toEqual(['brotli', 'cli', 'http2', 'socks', 'zstd']);
		expect(p.moreAuthors).toEqual([{ name: 'Sam Sample', email: '' }]);
		expect(p.classifiers).toContain('Development Status :: 4 - Beta');
		expect(ignored('hatch-dynamic-extras.toml')).toContain('the version is dynamic');
		expect(ignored('hatch-dynamic-extras.toml')).toContain('dynamic readme');
	});

	it('Flask-like: flit backend, maintainers, five groups with include-group chains', () => {
		const { config } = imported('flit-groups.toml');
		expect(config.packaging.backend).toBe('flit-core');
		const p = config.project;
		expect(p.maintainers).toEqual([{ name: 'The Bottle Team', email: 'contact@example.org' }]);
		expect(p.dependencyGroups).toEqual([
			{ name: 'docs', includes: [], requirements: ['pallets-sphinx-themes', 'sphinx', 'sphinxcontrib-log-cabinet'] },
			{ name: 'docs-auto', includes: ['docs'], requirements: ['sphinx-autobuild'] },
			{ name: 'tests', includes: [], requirements: ['asgiref', 'greenlet', 'pytest', 'python-dotenv'] },
			{ name: 'typing', includes: ['tests'], requirements: ['cryptography', 'mypy', 'pyright', 'python-dotenv'] }
		]);
		expect(p.extras).toEqual([
			{ name: 'async', requirements: ['asgiref>=3.2'] },
			{ name: 'dotenv', requirements: ['python-dotenv'] }
		]);
		expect(ignored('flit-groups.toml')).toContain('license-files');
	});

	it('pydantic-settings-like: three authors, extras with markers, dev made of two groups', () => {
		const p = imported('settings-extras.toml').config.project;
		expect([p.authorName, ...p.moreAuthors.map((a) => a.name)]).toEqual(['Sam Ple', 'Eve Example', 'Hal Example']);
		expect(p.extras.find((x) => x.name === 'toml')?.requirements).toEqual(["tomli>=2.0.1; python_version < '3.11'"]);
		expect(p.devIncludes).toEqual(['linting', 'testing']);
		expect(p.devDependencies).toEqual([]);
	});

	it('Poetry-like: Poetry 2 group tables by name, include-groups, the optional group reported', () => {
		const { config } = imported('poetry2-groups.toml');
		expect(config.packaging).toMatchObject({ manager: 'poetry', poetryLayout: 'poetry2' });
		const p = config.project;
		expect(p.maintainers.map((m) => m.name)).toEqual(['Arun Example', 'Bas Example', 'Randy Example']);
		expect(p.dependencyGroups.map((g) => [g.name, g.includes])).toEqual([
			['test', []],
			['typing', ['test']],
			['github-actions', []]
		]);
		expect(p.dependencyGroups[0].requirements).toContain('pytest-xdist[psutil]>=3.1');
		expect(ignored('poetry2-groups.toml')).toContain('[tool.poetry.group.github-actions]: "optional = true" is not modelled');
		const text = generate(config).find((f) => f.path === 'pyproject.toml')!.content;
		expect(text).toContain('[tool.poetry.group.typing]\ninclude-groups = ["test"]');
	});

	it('full-stack-fastapi backend-like: a FastAPI service on uv; no license in the file is reported, not hidden', () => {
		const { config } = imported('uv-backend-service.toml');
		expect(config.project).toMatchObject({ kind: 'service', framework: 'fastapi' });
		expect(config.services.postgres).toBe(true);
		expect(ignored('uv-backend-service.toml')).toContain('no license in the file; kept MIT');
	});

	it('cookiecutter-django-like: license = { text = "BSD" } kept verbatim with a warning, its License :: classifier kept', () => {
		const { config } = imported('legacy-bsd-text.toml');
		const p = config.project;
		expect(p).toMatchObject({ license: 'BSD', licenseForm: 'text' });
		expect(p.classifiers).toContain('License :: OSI Approved :: BSD License');
		expect(p.classifiers).toContain('Framework :: Django :: 5.2');
		expect(validationWarnings(config).find((w) => w.path === 'project.license')?.message).toContain('kept verbatim');
		const files = generate(config);
		expect(files.find((f) => f.path === 'pyproject.toml')!.content).toContain('license = { text = "BSD" }');
		expect(files.some((f) => f.path === 'LICENSE')).toBe(false);
	});

	it('Poetry 1 library: Apache-2.0 WITH LLVM-exception, [tool.poetry.extras] as extras (Poetry 2 layout, reported)', () => {
		const r = imported('poetry1-extras-exception.toml');
		const p = r.config.project;
		expect(p).toMatchObject({ license: 'Apache-2.0 WITH LLVM-exception', licenseForm: 'spdx' });
		expect(p.extras).toEqual([
			{ name: 'numpy', requirements: ['numpy>=1.26'] },
			{ name: 'pretty', requirements: ['rich>=13.7,<14.0'] }
		]);
		expect(p.moreAuthors).toEqual([{ name: 'Kim Example', email: 'kim@example.net' }]);
		expect(p.maintainers).toEqual([{ name: 'Pat Example', email: 'pat@example.net' }]);
		expect(r.config.packaging.poetryLayout).toBe('poetry2');
		expect(r.report.taken.join('\n')).toContain('the classic layout cannot');
		expect(p.dependencies).toEqual(['cffi>=1.17,<2.0']);
	});

	it('the BSD string: not SPDX, kept verbatim as a text license (never MIT), dynamic dependencies reported', () => {
		const { config } = imported('bare-bsd-string.toml');
		expect(config.project).toMatchObject({ license: 'BSD', licenseForm: 'text', authorName: '', authorEmail: 'maintainers@example.com' });
		expect(ignored('bare-bsd-string.toml')).toContain('dependencies are dynamic');
	});
});
