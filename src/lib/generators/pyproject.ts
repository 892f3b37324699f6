/**
 * pyproject.toml, one shape per package manager, built as data and written by
 * the TOML writer:
 * - uv: PEP 621 `[project]`, PEP 735 `[dependency-groups]`, the chosen backend;
 * - poetry (`poetry2`): PEP 621 `[project]` + `[tool.poetry]` only for what
 *   PEP 621 cannot say, dev tools in a Poetry group, poetry-core>=2;
 * - poetry (`classic`): the Poetry 1.x `[tool.poetry]` layout;
 * - pip: PEP 621 `[project]` with PEP 735 `[dependency-groups]` (pip >= 25.1
 *   installs them with `pip install --group dev`; the requirements files of
 *   `requirements.ts` serve older pips), setuptools, hatchling or flit-core.
 *
 * Dev tools never go into `[project.optional-dependencies]`: extras are
 * published metadata for users, dependency groups are for developers (PEP 735).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts } from '../model/derive.ts';
import { licenseInfo, isOpenSource } from '../model/licenses.ts';
import { normalizeName, parseRequirement } from '../model/pep.ts';
import { devDependencies, runtimeDependencies } from './dependencies.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED_BY } from './header.ts';
import { BACKEND_MODULE, BACKEND_REQUIRES, COOLDOWN, POETRY_CLASSIC_CORE, REQUIRES_POETRY, TOOLS } from './versions.ts';
import { poetryLocalConfig, uvExcludeNewer } from './cooldown.ts';
import { writeToml, type TomlTable, type TomlValue } from './writers/toml.ts';
import { supportedPythons } from '../model/runtime.ts';

const HEADER = [GENERATED_BY];

function classifiers(config: ReadonlyConfig, withLicense: boolean): string[] {
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

function authors(config: ReadonlyConfig): TomlTable[] {
	const p = config.project;
	if (!p.authorName && !p.authorEmail) return [];
	const a: TomlTable = {};
	if (p.authorName) a.name = p.authorName;
	if (p.authorEmail) a.email = p.authorEmail;
	return [a];
}

/** The PEP 621 `[project]` table shared by uv, pip and Poetry 2. */
function projectTable(config: ReadonlyConfig, extra: TomlTable = {}): TomlTable {
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

function buildSystem(config: ReadonlyConfig): TomlTable {
	const b = config.packaging.backend;
	return { requires: [BACKEND_REQUIRES[b]], 'build-backend': BACKEND_MODULE[b] };
}

/** Backend-specific settings so every backend finds the src-layout package. */
function backendTool(config: ReadonlyConfig): TomlTable {
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
function qualityTools(config: ReadonlyConfig): TomlTable {
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

function uvPyproject(config: ReadonlyConfig): TomlTable {
	const backend = backendTool(config);
	// The uv line the Dockerfile and CI pin; older uv may not read the lock it writes.
	const uv: TomlTable = { 'required-version': `>=${TOOLS.uv.split('.').slice(0, 2).join('.')}`, ...(backend.uv as TomlTable | undefined) };
	// The release cooldown at lock time: a relative duration, which uv turns into a timestamp when it resolves (versions.ts COOLDOWN.uv).
	const excludeNewer = uvExcludeNewer(config);
	if (excludeNewer) uv['exclude-newer'] = excludeNewer;
	return {
		project: projectTable(config),
		'dependency-groups': { dev: devDependencies(config) },
		'build-system': buildSystem(config),
		tool: { ...backend, uv, ...qualityTools(config) }
	};
}

function pipPyproject(config: ReadonlyConfig): TomlTable {
	return {
		project: projectTable(config),
		'dependency-groups': { dev: devDependencies(config) },
		'build-system': buildSystem(config),
		tool: { ...backendTool(config), ...qualityTools(config) }
	};
}

/** Poetry 2: PEP 621 metadata, Poetry keeps packages and groups. */
function poetry2Pyproject(config: ReadonlyConfig): TomlTable {
	const f = facts(config);
	return {
		project: projectTable(config),
		tool: {
			poetry: {
				'requires-poetry': REQUIRES_POETRY,
				packages: [{ include: f.pkg, from: 'src' }],
				group: { dev: { dependencies: poetryDeps(devDependencies(config)) } }
			},
			...qualityTools(config)
		},
		'build-system': buildSystem(config)
	};
}

/**
 * Convert PEP 508 requirements to Poetry's `name = constraint` table. A
 * package listed twice in one group (an implied requirement and the user's
 * with a marker: dependencies.ts) becomes Poetry's multiple-constraints form,
 * `name = [{ version = ... }, { version = ..., markers = ... }]`, which Poetry
 * resolves with overlapping markers since 1.4 (python-poetry/poetry#7257).
 */
function poetryDeps(reqs: readonly string[]): TomlTable {
	const out: TomlTable = {};
	for (const req of reqs) {
		const r = parseRequirement(req);
		if (!r.ok) continue; // validated upstream; never reached for a valid config
		const { name, extras, specifier, url, marker } = r.value;
		const constraint = specifier || '*';
		const t: TomlTable = url ? { url } : { version: constraint };
		if (extras.length) t.extras = [...extras];
		if (marker) t.markers = marker;
		const key = Object.keys(out).find((k) => normalizeName(k) === normalizeName(name));
		if (key === undefined) out[name] = !extras.length && !url && !marker ? constraint : t;
		else {
			const prior = out[key] as TomlValue;
			const list: TomlValue[] = Array.isArray(prior) ? prior : [typeof prior === 'string' ? { version: prior } : prior];
			out[key] = [...list, t];
		}
	}
	return out;
}

/** Poetry 1.x layout: everything under `[tool.poetry]`. */
function poetryClassicPyproject(config: ReadonlyConfig): TomlTable {
	const p = config.project;
	const f = facts(config);
	const a = authors(config)[0];
	const author = a ? (a.email ? `${a.name ?? a.email} <${a.email}>` : String(a.name)) : undefined;
	const poetry: TomlTable = {
		name: p.name,
		version: p.version,
		description: p.description,
		authors: author ? [author] : [],
		// Poetry 1.x knows SPDX ids and its own "Proprietary" for closed source.
		license: isOpenSource(p.license) ? p.license : 'Proprietary',
		readme: 'README.md',
		homepage: p.url || undefined,
		repository: p.url || undefined,
		classifiers: classifiers(config, true),
		packages: [{ include: f.pkg, from: 'src' }],
		dependencies: { python: `>=${p.pythonVersion}`, ...poetryDeps(runtimeDependencies(config)) }
	};
	if (f.script && f.scriptTarget) poetry.scripts = { [f.script]: f.scriptTarget };
	poetry.group = { dev: { dependencies: poetryDeps(devDependencies(config)) } };
	return {
		tool: { poetry, ...qualityTools(config) },
		'build-system': { requires: [POETRY_CLASSIC_CORE], 'build-backend': BACKEND_MODULE['poetry-core'] }
	};
}

/** The pyproject.toml generator. */
export function pyproject(config: ReadonlyConfig): GeneratedFile[] {
	const pk = config.packaging;
	const doc =
		pk.manager === 'uv'
			? uvPyproject(config)
			: pk.manager === 'pip'
				? pipPyproject(config)
				: pk.poetryLayout === 'classic'
					? poetryClassicPyproject(config)
					: poetry2Pyproject(config);
	return [{ path: 'pyproject.toml', content: writeToml(doc, { header: HEADER, inline: poetryInlineTables(doc) }), language: 'toml' }, ...poetryToml(config)];
}

/**
 * Poetry's release cooldown is a Poetry setting, not a pyproject.toml key: poetry.toml, the
 * project's local configuration (`poetry config --local`), holds it (versions.ts COOLDOWN.poetry).
 * Poetry 2.4 reads it; older Poetry ignores it, which the classic layout, kept for Poetry 1.x, accepts.
 */
function poetryToml(config: ReadonlyConfig): GeneratedFile[] {
	const local = config.packaging.manager === 'poetry' ? poetryLocalConfig(config) : null;
	if (!local) return [];
	const header = [
		...HEADER,
		"Poetry's settings for this project (poetry config --local); see README.md, Dependency updates.",
		`solver.min-release-age: Poetry >= ${COOLDOWN.poetry.introduced} skips releases younger than this many days when it locks.`
	];
	return [{ path: 'poetry.toml', content: writeToml(local, { header }), language: 'toml' }];
}

/** Poetry dependency tables (`uvicorn = { version = ..., extras = [...] }`) stay inline, in order. */
function poetryInlineTables(doc: TomlTable): string[] {
	const out: string[] = [];
	const tool = doc.tool as TomlTable | undefined;
	const poetry = tool?.poetry as TomlTable | undefined;
	if (!poetry) return out;
	const scan = (prefix: string, deps: TomlValue | undefined) => {
		if (!deps || typeof deps !== 'object' || Array.isArray(deps)) return;
		for (const [k, v] of Object.entries(deps)) if (v && typeof v === 'object' && !Array.isArray(v)) out.push(`${prefix}.${k}`);
	};
	scan('tool.poetry.dependencies', poetry.dependencies);
	const groups = poetry.group as TomlTable | undefined;
	for (const [g, t] of Object.entries(groups ?? {})) scan(`tool.poetry.group.${g}.dependencies`, (t as TomlTable).dependencies);
	return out;
}
