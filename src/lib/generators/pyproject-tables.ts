/** The pyproject.toml tables every layout shares: [project] (classifiers, authors, URLs), [build-system], the backend's tool table, and ruff / mypy / pytest / coverage. */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts } from '../model/derive.ts';
import { licenseInfo, isOpenSource } from '../model/licenses.ts';
import { runtimeDependencies } from './dependencies.ts';
import { GENERATED_BY } from './header.ts';
import { BACKEND_MODULE, BACKEND_REQUIRES } from './versions.ts';
import type { TomlTable } from './writers/toml.ts';
import { supportedPythons } from '../model/runtime.ts';

export const HEADER = [GENERATED_BY];

export function classifiers(config: ReadonlyConfig, withLicense: boolean): string[] {
	const p = config.project;
	const status = /^0\./.test(p.version) ? 'Development Status :: 3 - Alpha' : 'Development Status :: 5 - Production/Stable';
	const out = [status, 'Programming Language :: Python :: 3'];
	for (const v of supportedPythons(config)) out.push(`Programming Language :: Python :: ${v}`);
	if (p.kind === 'library') out.push('Typing :: Typed');
	if (p.framework === 'fastapi') out.push('Framework :: FastAPI');
	if (p.framework === 'flask') out.push('Framework :: Flask');
	if (p.framework === 'django') out.push('Framework :: Django');
	if (withLicense) {
		const c = licenseInfo(p.license)?.classifier;
		if (c) out.push(c);
	}
	if (!isOpenSource(p.license)) out.push('Private :: Do Not Upload');
	return out;
}

export function authors(config: ReadonlyConfig): TomlTable[] {
	const p = config.project;
	if (!p.authorName && !p.authorEmail) return [];
	const a: TomlTable = {};
	if (p.authorName) a.name = p.authorName;
	if (p.authorEmail) a.email = p.authorEmail;
	return [a];
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
		license: p.license,
		'license-files': ['LICENSE'],
		authors: authors(config).length ? authors(config) : undefined,
		classifiers: classifiers(config, false),
		dependencies: runtimeDependencies(config),
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
			return { setuptools: { 'package-dir': { '': 'src' }, packages: { find: { where: ['src'] } }, 'package-data': { [f.pkg]: ['py.typed'] } } };
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
