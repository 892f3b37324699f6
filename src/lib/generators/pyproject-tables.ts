/** The pyproject.toml tables every layout shares: [project] (classifiers, authors, URLs), [build-system], the backend's tool table, and ruff / mypy / pytest / coverage. */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts } from '../model/derive.ts';
import { allClassifiers } from '../model/classifiers.ts';
import { celeryFacts, MIGRATIONS_DIR, usesSqlAlchemy } from '../model/runtime.ts';
import { hasLicenseText } from '../model/validate.ts';
import { devDependencies, runtimeDependencies } from './dependencies.ts';
import { GENERATED_BY } from './header.ts';
import { BACKEND_MODULE, BACKEND_REQUIRES } from './versions.ts';
import type { TomlTable } from './writers/toml.ts';

export const HEADER = [GENERATED_BY];

/** PEP 621 people tables: `{ name, email }`, either left out when empty. */
export function people(list: readonly { readonly name: string; readonly email: string }[]): TomlTable[] {
	return list
		.filter((a) => a.name || a.email)
		.map((a) => {
			const t: TomlTable = {};
			if (a.name) t.name = a.name;
			if (a.email) t.email = a.email;
			return t;
		});
}

export function authors(config: ReadonlyConfig): TomlTable[] {
	const p = config.project;
	return people([{ name: p.authorName, email: p.authorEmail }, ...p.moreAuthors]);
}

/** PEP 621/639 `license` (and `license-files`, only for a LICENSE Slipway writes: a missing file fails the build). */
function licenseKeys(config: ReadonlyConfig): TomlTable {
	const p = config.project;
	if (p.licenseForm === 'text') return { license: { text: p.license } };
	if (p.licenseForm === 'file') return { license: { file: p.license } };
	return { license: p.license, 'license-files': hasLicenseText(config) ? ['LICENSE'] : undefined };
}

/** `[project.optional-dependencies]`, in the model's order. */
function optionalDependencies(config: ReadonlyConfig): TomlTable | undefined {
	const x = config.project.extras;
	return x.length ? Object.fromEntries(x.map((e) => [e.name, [...e.requirements]])) : undefined;
}

/** PEP 735 `[dependency-groups]`: dev (Slipway's tooling and the user's, after the groups it includes), then the user's groups. */
export function dependencyGroups(config: ReadonlyConfig): TomlTable {
	const p = config.project;
	const include = (names: readonly string[]): TomlTable[] => names.map((g) => ({ 'include-group': g }));
	const out: TomlTable = { dev: [...include(p.devIncludes), ...devDependencies(config)] };
	for (const g of p.dependencyGroups) out[g.name] = [...include(g.includes), ...g.requirements];
	return out;
}

/** The PEP 621 `[project]` table shared by uv, pip and Poetry 2. */
export function projectTable(config: ReadonlyConfig, extra: TomlTable = {}): TomlTable {
	const p = config.project;
	const f = facts(config);
	const t: TomlTable = {
		name: p.name,
		version: p.version,
		description: p.description || undefined,
		readme: 'README.md',
		'requires-python': `>=${p.pythonVersion}`,
		...licenseKeys(config),
		authors: authors(config).length ? authors(config) : undefined,
		maintainers: p.maintainers.length ? people(p.maintainers) : undefined,
		keywords: p.keywords.length ? [...p.keywords] : undefined,
		classifiers: allClassifiers(config, false),
		dependencies: runtimeDependencies(config),
		'optional-dependencies': optionalDependencies(config),
		...extra
	};
	if (f.script && f.scriptTarget) t.scripts = { [f.script]: f.scriptTarget };
	if (p.url) t.urls = projectUrls(p.url);
	return t;
}

/** `[project.urls]`; GitHub/GitLab repositories also get their issue tracker. */
function projectUrls(url: string): TomlTable {
	const urls: TomlTable = { Homepage: url, Source: url };
	const repo = /^https:\/\/(?:github\.com|gitlab\.com)\/[^/]+\/[^/]+?\/?$/.test(url);
	if (repo) urls.Issues = `${url.replace(/\/$/, '')}/issues`;
	return urls;
}

export function buildSystem(config: ReadonlyConfig): TomlTable {
	const b = config.packaging.backend;
	return { requires: [BACKEND_REQUIRES[b]], 'build-backend': BACKEND_MODULE[b] };
}

/** Backend-specific settings so every backend finds the src-layout package. */
export function backendTool(config: ReadonlyConfig): TomlTable {
	const f = facts(config);
	switch (config.packaging.backend) {
		case 'hatchling':
			return { hatch: { build: { targets: { wheel: { packages: [f.pkgDir] } } } } };
		case 'setuptools':
			return { setuptools: { 'package-dir': { '': 'src' }, packages: { find: { where: ['src'] } }, 'package-data': { [f.pkg]: ['py.typed', ...(usesSqlAlchemy(config) ? [`${MIGRATIONS_DIR}/script.py.mako`] : [])] } } };
		case 'uv_build':
			return { uv: { 'build-backend': { 'module-name': f.pkg } } };
		case 'flit-core':
			return { flit: { module: { name: f.pkg } } };
		case 'poetry-core':
			return {};
	}
}

/** Third-party packages the skeleton imports that ship no type information. */
function untypedImports(config: ReadonlyConfig): string[] {
	const p = config.project;
	const out: string[] = [];
	if (p.kind === 'service' && p.framework === 'django') out.push('django.*');
	// Celery ships no py.typed (5.5); its stubs are a separate project (celery-types).
	if (celeryFacts(config)) out.push('celery.*');
	return out;
}

/** Tool configuration shared by all managers: ruff, mypy, pytest, coverage. */
export function qualityTools(config: ReadonlyConfig): TomlTable {
	const f = facts(config);
	const strict = config.project.kind === 'library';
	const target = `py${config.project.pythonVersion.replace('.', '')}`;
	const untyped = untypedImports(config);
	const mypy: TomlTable = {
		python_version: config.project.pythonVersion,
		files: ['src', 'tests'],
		mypy_path: 'src',
		// Libraries promise types to their users (py.typed): the full strict set.
		strict: strict || undefined,
		// Applications: every function typed, but third-party Any is tolerated.
		disallow_untyped_defs: strict ? undefined : true,
		check_untyped_defs: strict ? undefined : true,
		warn_redundant_casts: strict ? undefined : true,
		warn_unused_ignores: strict ? undefined : true,
		warn_unused_configs: true,
		// pydantic's plugin knows that BaseSettings fields come from the environment.
		plugins: f.hasSettings ? ['pydantic.mypy'] : undefined,
		overrides: untyped.length ? [{ module: untyped, ignore_missing_imports: true }] : undefined
	};
	return {
		ruff: {
			'target-version': target,
			'line-length': 100,
			src: ['src', 'tests'],
			lint: { select: ['E', 'W', 'F', 'I', 'B', 'UP', 'SIM', 'RUF'], isort: { 'known-first-party': [f.pkg] } },
			format: { 'docstring-code-format': true }
		},
		mypy,
		pytest: {
			ini_options: {
				testpaths: ['tests'],
				addopts: ['-ra', '--strict-markers', '--strict-config'],
				xfail_strict: true
			}
		},
		coverage: {
			run: { source: [f.pkg], branch: true },
			report: {
				show_missing: true,
				skip_covered: true,
				exclude_also: ['if TYPE_CHECKING:', 'if __name__ == .__main__.:']
			}
		}
	};
}
