import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../model/config.ts';
import { defaultConfig } from '../model/defaults.ts';
import { facts } from '../model/derive.ts';
import { validateConfig } from '../model/validate.ts';
import { devDependencies, runtimeDependencies } from './dependencies.ts';
import { packagingCases } from '../../../tests/support/cases.ts';
import { pyproject } from './pyproject.ts';
import { BACKEND_MODULE, BACKEND_REQUIRES, POETRY_CLASSIC_CORE } from './versions.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function toml(config: Config): Doc {
	const files = pyproject(config);
	// Poetry's release cooldown lives in poetry.toml, its local configuration (issue 16.2; dependabot.test.ts checks it).
	expect(files.map((f) => f.path)).toEqual(config.packaging.manager === 'poetry' && config.packaging.releaseCooldownDays > 0 ? ['pyproject.toml', 'poetry.toml'] : ['pyproject.toml']);
	return parse(files[0].content) as Doc;
}

/** PEP 508 requirement -> Poetry constraint table key, as the classic/poetry group tables spell them. */
const nameOf = (req: string) => /^[A-Za-z0-9._-]+/.exec(req)![0];

describe('pyproject.toml for every preset x manager x layout/backend', () => {
	for (const { id, config } of packagingCases()) {
		it(`${id} re-parses to the expected data`, () => {
			expect(validateConfig(config)).toEqual([]);
			const doc = toml(config);
			const f = facts(config);
			const pk = config.packaging;
			const runtime = runtimeDependencies(config);
			const dev = devDependencies(config);
			if (pk.manager === 'poetry' && pk.poetryLayout === 'classic') {
				expect(doc.project).toBeUndefined();
				const poetry = doc.tool.poetry;
				expect(poetry.name).toBe(config.project.name);
				expect(poetry.version).toBe(config.project.version);
				expect(poetry.dependencies.python).toBe(`>=${config.project.pythonVersion}`);
				expect(Object.keys(poetry.dependencies).filter((k) => k !== 'python')).toEqual(runtime.map(nameOf));
				expect(Object.keys(poetry.group.dev.dependencies)).toEqual(dev.map(nameOf));
				expect(poetry.scripts ?? null).toEqual(f.script ? { [f.script]: f.scriptTarget } : null);
				expect(poetry.packages).toEqual([{ include: f.pkg, from: 'src' }]);
				expect(doc['build-system']).toEqual({ requires: [POETRY_CLASSIC_CORE], 'build-backend': 'poetry.core.masonry.api' });
				return;
			}
			const project = doc.project;
			expect(project.name).toBe(config.project.name);
			expect(project.version).toBe(config.project.version);
			expect(project['requires-python']).toBe(`>=${config.project.pythonVersion}`);
			expect(project.license).toBe(config.project.license);
			expect(project['license-files']).toEqual(['LICENSE']);
			expect(project.readme).toBe('README.md');
			expect(project.dependencies).toEqual(runtime);
			expect(project.scripts ?? null).toEqual(f.script ? { [f.script]: f.scriptTarget } : null);
			expect(project['optional-dependencies']).toBeUndefined();
			expect(doc['build-system']).toEqual({ requires: [BACKEND_REQUIRES[pk.backend]], 'build-backend': BACKEND_MODULE[pk.backend] });
			if (pk.manager === 'poetry') {
				expect(doc.tool.poetry.packages).toEqual([{ include: f.pkg, from: 'src' }]);
				// PEP 639 metadata (License-Expression, License-File) needs poetry-core 2.2 / Poetry 2.2 (poetry-core PR 870);
				// poetry.toml's solver.min-release-age, the release cooldown, needs Poetry 2.4.0 (issue 16.2).
				expect(doc.tool.poetry['requires-poetry']).toBe('>=2.4');
				if (pk.backend === 'poetry-core') expect(doc['build-system'].requires).toEqual(['poetry-core>=2.2,<3.0.0']);
				expect(Object.keys(doc.tool.poetry.group.dev.dependencies)).toEqual(dev.map(nameOf));
				expect(doc.tool.poetry.name).toBeUndefined();
			} else {
				expect(doc['dependency-groups']).toEqual({ dev });
			}
			// The backend finds the src-layout package.
			if (pk.backend === 'uv_build') expect(doc.tool.uv['build-backend']['module-name']).toBe(f.pkg);
			if (pk.backend === 'hatchling') expect(doc.tool.hatch.build.targets.wheel.packages).toEqual([f.pkgDir]);
			if (pk.backend === 'setuptools') expect(doc.tool.setuptools['package-data']).toEqual({ [f.pkg]: ['py.typed'] });
			if (pk.backend === 'flit-core') expect(doc.tool.flit.module.name).toBe(f.pkg);
		});
	}

	it('configures ruff, mypy (strict for libraries), pytest and coverage', () => {
		for (const { config } of packagingCases()) {
			const tool = toml(config).tool;
			expect(tool.ruff['target-version']).toBe(`py${config.project.pythonVersion.replace('.', '')}`);
			expect(tool.ruff.lint.select).toContain('E');
			expect(tool.mypy.strict ?? false).toBe(config.project.kind === 'library');
			expect(tool.mypy.plugins ?? []).toEqual(facts(config).hasSettings ? ['pydantic.mypy'] : []);
			expect(tool.pytest.ini_options.testpaths).toEqual(['tests']);
			expect(tool.pytest.ini_options.addopts).toContain('--strict-markers');
			expect(tool.coverage.run.source).toEqual([facts(config).pkg]);
		}
	});

	it('keeps quotes, backslashes and unicode in user text intact', () => {
		const c = defaultConfig();
		c.project.description = 'Says "hi" \\ to \'you\' — naïve 🚀 ${x} """ \\u0041';
		c.project.authorName = 'Zoë "Z" O\'Brien \\ 李';
		c.project.dependencies = ['httpx[http2]>=0.27,<1; python_version >= "3.11"'];
		for (const manager of ['uv', 'pip', 'poetry'] as const)
			for (const layout of ['poetry2', 'classic'] as const) {
				c.packaging = { ...c.packaging, manager, backend: manager === 'uv' ? 'uv_build' : manager === 'pip' ? 'setuptools' : 'poetry-core', poetryLayout: layout, pipWorkflow: 'requirements' };
				expect(validateConfig(c)).toEqual([]);
				const doc = toml(c);
				if (manager === 'poetry' && layout === 'classic') {
					expect(doc.tool.poetry.description).toBe(c.project.description);
					expect(doc.tool.poetry.authors).toEqual([`${c.project.authorName} <${c.project.authorEmail}>`]);
					expect(doc.tool.poetry.dependencies.httpx).toEqual({ version: '>=0.27,<1', extras: ['http2'], markers: 'python_version >= "3.11"' });
				} else {
					expect(doc.project.description).toBe(c.project.description);
					expect(doc.project.authors).toEqual([{ name: c.project.authorName, email: c.project.authorEmail }]);
					expect(doc.project.dependencies).toContain(c.project.dependencies[0]);
				}
			}
	});

	it('writes the same bytes for the same config', () => {
		const c = defaultConfig();
		expect(pyproject(c)[0].content).toBe(pyproject(structuredClone(c))[0].content);
		expect(pyproject(c)[0].content.startsWith('# Generated by Slipway')).toBe(true);
	});

	it('lists the issue tracker for GitHub URLs and marks proprietary projects private', () => {
		const c = defaultConfig();
		c.project.url = 'https://github.com/acme/orders';
		c.project.license = 'LicenseRef-Proprietary';
		const doc = toml(c);
		expect(doc.project.urls).toEqual({ Homepage: c.project.url, Source: c.project.url, Issues: 'https://github.com/acme/orders/issues' });
		expect(doc.project.classifiers).toContain('Private :: Do Not Upload');
		c.packaging = { ...c.packaging, manager: 'poetry', backend: 'poetry-core', poetryLayout: 'classic' };
		expect(toml(c).tool.poetry.license).toBe('Proprietary');
	});
});
