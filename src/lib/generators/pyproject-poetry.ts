/** Poetry's two pyproject.toml layouts (PEP 621 `[project]` for Poetry 2, `[tool.poetry]` for the classic one) and poetry.toml. */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts } from '../model/derive.ts';
import { isOpenSource } from '../model/licenses.ts';
import { normalizeName, parseRequirement } from '../model/pep.ts';
import { devDependencies, runtimeDependencies } from './dependencies.ts';
import type { GeneratedFile } from './types.ts';
import { BACKEND_MODULE, COOLDOWN, POETRY_CLASSIC_CORE, REQUIRES_POETRY } from './versions.ts';
import { poetryLocalConfig } from './cooldown.ts';
import { writeToml, type TomlTable, type TomlValue } from './writers/toml.ts';
import { allClassifiers } from '../model/classifiers.ts';
import { HEADER, authors, people, projectTable, buildSystem, qualityTools } from './pyproject-tables.ts';

export function poetry2Pyproject(config: ReadonlyConfig): TomlTable {
	const f = facts(config);
	return {
		project: projectTable(config),
		tool: {
			poetry: {
				'requires-poetry': REQUIRES_POETRY,
				packages: [{ include: f.pkg, from: 'src' }],
				group: poetryGroups(config)
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

/** Poetry 1's `"Name <email>"` strings. */
function poetryPeople(list: readonly TomlTable[]): string[] {
	return list.map((a) => (a.email ? `${a.name ?? a.email} <${a.email}>` : String(a.name)));
}

/** Poetry's group tables (`[tool.poetry.group.X]`); `include-groups` is Poetry >= 2.2 (versions.ts POETRY_INCLUDE_GROUPS). */
function poetryGroups(config: ReadonlyConfig): TomlTable {
	const p = config.project;
	const group = (includes: readonly string[], reqs: readonly string[]): TomlTable => ({
		'include-groups': includes.length ? [...includes] : undefined,
		dependencies: poetryDeps(reqs)
	});
	const out: TomlTable = { dev: group(p.devIncludes, devDependencies(config)) };
	for (const g of p.dependencyGroups) out[g.name] = group(g.includes, g.requirements);
	return out;
}

/** Poetry 1.x layout: everything under `[tool.poetry]`. */
export function poetryClassicPyproject(config: ReadonlyConfig): TomlTable {
	const p = config.project;
	const f = facts(config);
	const poetry: TomlTable = {
		name: p.name,
		version: p.version,
		description: p.description,
		authors: poetryPeople(authors(config)),
		maintainers: p.maintainers.length ? poetryPeople(people(p.maintainers)) : undefined,
		// Poetry 1.x knows SPDX ids and its own "Proprietary" for closed source; a legacy text is its string, a file it cannot name.
		license: p.licenseForm === 'file' ? undefined : p.licenseForm === 'text' || isOpenSource(p.license) ? p.license : 'Proprietary',
		readme: 'README.md',
		homepage: p.url || undefined,
		repository: p.url || undefined,
		keywords: p.keywords.length ? [...p.keywords] : undefined,
		classifiers: allClassifiers(config, true),
		packages: [{ include: f.pkg, from: 'src' }],
		dependencies: { python: `>=${p.pythonVersion}`, ...poetryDeps(runtimeDependencies(config)) }
	};
	if (f.script && f.scriptTarget) poetry.scripts = { [f.script]: f.scriptTarget };
	poetry.group = poetryGroups(config);
	return {
		tool: { poetry, ...qualityTools(config) },
		'build-system': { requires: [POETRY_CLASSIC_CORE], 'build-backend': BACKEND_MODULE['poetry-core'] }
	};
}

export function poetryToml(config: ReadonlyConfig): GeneratedFile[] {
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
export function poetryInlineTables(doc: TomlTable): string[] {
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
