/**
 * An existing pyproject.toml -> a Config (overlaid on the current one, so the
 * deployment choices the file cannot say are kept). Reads PEP 621 `[project]`
 * (Poetry 2, uv, hatch, setuptools, flit), the Poetry 1 `[tool.poetry]`
 * layout, PEP 735 `[dependency-groups]`, `[project.optional-dependencies].dev`,
 * Poetry groups and the legacy dev tables. Says what it took and what it left.
 */
import { parse, TomlError } from 'smol-toml';
import type { BuildBackend, Config, ReadonlyConfig } from '../model/config.ts';
import { formatRequirement, normalizeName, parseRequirement } from '../model/pep.ts';
import { mapPythonRequirement, poetryConstraint } from './constraints.ts';
import { applyDependencies, applyManager, licenseFromText, type ImportReport, type ImportResult } from './shared.ts';
import { checkSpdx } from '../model/spdx.ts';
import { derivedClassifiers, PYTHON_VERSION_CLASSIFIER } from '../model/classifiers.ts';
import { supportedPythons } from '../model/runtime.ts';

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const table = (v: unknown): Table | undefined => (isTable(v) ? v : undefined);

const BACKENDS: Record<string, BuildBackend> = {
	'hatchling.build': 'hatchling',
	'setuptools.build_meta': 'setuptools',
	'setuptools.build_meta:__legacy__': 'setuptools',
	'poetry.core.masonry.api': 'poetry-core',
	'poetry.masonry.api': 'poetry-core',
	uv_build: 'uv_build',
	'flit_core.buildapi': 'flit-core'
};

/** One Poetry dependency entry (string or table) -> a PEP 508 string, or a reason it was skipped. */
export function poetryDependency(name: string, spec: unknown): { ok: true; requirement: string } | { ok: false; reason: string } {
	let constraint = '';
	let extras: string[] = [];
	let marker = '';
	let url = '';
	if (typeof spec === 'string') constraint = spec;
	else if (Array.isArray(spec)) return { ok: false, reason: `${name}: multiple-constraint entries are not imported; add it by hand` };
	else if (isTable(spec)) {
		if (spec.optional === true) return { ok: false, reason: `${name}: optional (extra-only) dependency skipped` };
		if (spec.git || spec.path) return { ok: false, reason: `${name}: ${spec.git ? 'git' : 'path'} dependency skipped; add it by hand as "${name} @ <url>"` };
		if (typeof spec.url === 'string') url = spec.url;
		constraint = str(spec.version) ?? '';
		if (Array.isArray(spec.extras)) extras = spec.extras.filter((e): e is string => typeof e === 'string');
		if (typeof spec.markers === 'string') marker = spec.markers;
		if (spec.python !== undefined || spec.platform !== undefined)
			return { ok: false, reason: `${name}: "python"/"platform" restrictions are not imported; add it by hand with a marker` };
	} else return { ok: false, reason: `${name}: unreadable entry` };
	const conv = poetryConstraint(constraint);
	if (!conv.ok) return { ok: false, reason: `${name}: ${conv.reason}` };
	const text = `${name}${extras.length ? `[${extras.join(',')}]` : ''}${url ? ` @ ${url}` : conv.specifier}${marker ? `${url ? ' ' : ''}; ${marker}` : ''}`;
	const r = parseRequirement(text);
	if (!r.ok) return { ok: false, reason: `${name}: "${text}" ${r.error}` };
	return { ok: true, requirement: formatRequirement(r.value) };
}

/** A PEP 735 group: its requirements and the groups it includes, as written. */
function readGroup(list: unknown, where: string, report: ImportReport): { requirements: string[]; includes: string[] } {
	const requirements: string[] = [];
	const includes: string[] = [];
	if (!Array.isArray(list)) {
		report.ignored.push(`${where}: not a list; skipped`);
		return { requirements, includes };
	}
	for (const item of list) {
		if (isTable(item) && typeof item['include-group'] === 'string') includes.push(item['include-group']);
		else requirements.push(...readList([item], where, report));
	}
	return { requirements, includes };
}

/** A person of PEP 621 (`{ name, email }`) or Poetry (`"Name <email>"`). */
function readPerson(a: unknown): { name: string; email: string } | null {
	if (typeof a === 'string') {
		const m = /^\s*([^<]*?)\s*(?:<([^>]*)>)?\s*$/.exec(a);
		return { name: m?.[1] ?? a, email: m?.[2] ?? '' };
	}
	if (isTable(a)) return { name: str(a.name) ?? '', email: str(a.email) ?? '' };
	return null;
}

/** PEP 508 strings from a list; invalid ones are reported. */
function readList(list: unknown, where: string, report: ImportReport, groups?: Table, seenGroups = new Set<string>()): string[] {
	if (!Array.isArray(list)) return [];
	const out: string[] = [];
	for (const item of list) {
		if (typeof item === 'string') {
			const r = parseRequirement(item);
			if (r.ok) out.push(formatRequirement(r.value));
			else report.ignored.push(`${where}: "${item}" ${r.error}`);
		} else if (isTable(item) && typeof item['include-group'] === 'string' && groups) {
			const g = item['include-group'];
			if (seenGroups.has(g)) continue;
			seenGroups.add(g);
			out.push(...readList(groups[g], `[dependency-groups].${g}`, report, groups, seenGroups));
		} else report.ignored.push(`${where}: an entry that is not a requirement string was skipped`);
	}
	return out;
}

function readPoetryTable(deps: unknown, where: string, report: ImportReport, extraMembers = new Set<string>()): string[] {
	const t = table(deps);
	if (!t) return [];
	const out: string[] = [];
	for (const [name, spec] of Object.entries(t)) {
		if (name.toLowerCase() === 'python') continue;
		// An optional dependency an extra names is read with that extra ([tool.poetry.extras]).
		if (isTable(spec) && spec.optional === true && extraMembers.has(normalizeName(name))) continue;
		const r = poetryDependency(name, spec);
		if (r.ok) out.push(r.requirement);
		else report.ignored.push(`${where}: ${r.reason}`);
	}
	return out;
}

/** Requirements without repeats (the same name and marker), the first kept; repeats reported. */
function dedupeList(list: string[], owner: string, report: ImportReport): string[] {
	const seen = new Set<string>();
	return list.filter((d) => {
		const r = parseRequirement(d);
		const key = r.ok ? `${normalizeName(r.value.name)};${r.value.marker ?? ''}` : d;
		if (seen.has(key)) {
			report.ignored.push(`${owner}: "${d}" listed more than once; kept the first`);
			return false;
		}
		seen.add(key);
		return true;
	});
}

/** Poetry 1 extras: `[tool.poetry.extras] name = ["pkg", ...]` naming `optional = true` dependencies. */
function poetryExtras(extras: Table, deps: Table, report: ImportReport): { name: string; requirements: string[] }[] {
	const byName = new Map(Object.entries(deps).map(([k, v]) => [normalizeName(k), [k, v] as const]));
	return Object.entries(extras).map(([name, list]) => {
		const requirements: string[] = [];
		for (const pkg of Array.isArray(list) ? list : []) {
			const dep = typeof pkg === 'string' ? byName.get(normalizeName(pkg)) : undefined;
			if (!dep) {
				report.ignored.push(`[tool.poetry.extras].${name}: "${String(pkg)}" is not a dependency; skipped`);
				continue;
			}
			const spec = isTable(dep[1]) ? { ...dep[1], optional: undefined } : dep[1];
			const r = poetryDependency(dep[0], spec);
			if (r.ok) requirements.push(r.requirement);
			else report.ignored.push(`[tool.poetry.extras].${name}: ${r.reason}`);
		}
		return { name, requirements };
	});
}

/**
 * The license as written: a string that is an SPDX expression (PEP 639) is taken; any other
 * string, and the legacy PEP 621 tables `{ text }` / `{ file }`, are kept verbatim
 * (licenseForm text/file; validate.ts warns). Poetry 1 names ("MIT License") that map to one
 * SPDX identifier are read as it, and the report says so.
 */
function readLicense(lic: unknown, p: Config['project'], report: ImportReport): void {
	if (lic === undefined) {
		report.ignored.push(`no license in the file; kept ${p.license} from the current configuration (check it: Slipway writes a license)`);
		return;
	}
	const t = table(lic);
	if (typeof lic === 'string') {
		if (checkSpdx(lic).ok) {
			p.license = lic;
			p.licenseForm = 'spdx';
			report.taken.push(`license: ${lic}`);
			return;
		}
		const id = licenseFromText(lic);
		if (id) {
			p.license = id;
			p.licenseForm = 'spdx';
			report.taken.push(`license: "${lic}" read as the SPDX identifier ${id}`);
			return;
		}
		p.license = lic;
		p.licenseForm = 'text';
		report.taken.push(`license: "${lic}" kept verbatim; it is not an SPDX expression, so it is written as license = { text = ... } and no LICENSE is generated`);
	} else if (t && typeof t.text === 'string') {
		p.license = t.text.replace(/\s+/g, ' ').trim();
		p.licenseForm = 'text';
		report.taken.push(`license: { text = ${JSON.stringify(p.license)} } kept verbatim (no LICENSE is generated)`);
		if (p.license !== t.text) report.ignored.push('license text: line breaks and runs of spaces became single spaces');
	} else if (t && typeof t.file === 'string') {
		p.license = t.file;
		p.licenseForm = 'file';
		report.taken.push(`license: { file = ${JSON.stringify(t.file)} } kept verbatim (no LICENSE is generated)`);
	} else report.ignored.push('license: neither an SPDX expression nor a { text } or { file } table; kept the current license');
}

/**
 * The user's own classifiers: all but those the model derives for this config (they are
 * written again), the Python versions (derived from requires-python) and, with an SPDX
 * license, the License :: ones (PEP 639: the expression replaces them).
 */
function readClassifiers(list: unknown, config: Config, report: ImportReport): void {
	if (!Array.isArray(list)) return;
	const all = list.filter((c): c is string => typeof c === 'string').map((c) => c.trim());
	const p = config.project;
	// Derived as for no classifiers of the user's: a status equal to the guessed one is derived again.
	p.classifiers = [];
	const derived = new Set(derivedClassifiers(config, false));
	const pythons: string[] = [];
	const licenses: string[] = [];
	p.classifiers = all.filter((c, i) => {
		if (all.indexOf(c) !== i || derived.has(c)) return false;
		if (PYTHON_VERSION_CLASSIFIER.test(c)) return pythons.push(c) < 0;
		if (p.licenseForm === 'spdx' && c.startsWith('License ::')) return licenses.push(c) < 0;
		return true;
	});
	report.taken.push(`${p.classifiers.length} classifier${p.classifiers.length === 1 ? '' : 's'} of your own (${all.length - p.classifiers.length} derived again from the model)`);
	const sup = new Set(supportedPythons(config).map((v) => `Programming Language :: Python :: ${v}`));
	const lost = pythons.filter((c) => !sup.has(c));
	if (lost.length) report.ignored.push(`classifiers ${lost.join(', ')}: the Python versions are derived from requires-python (${supportedPythons(config).join(', ')})`);
	if (licenses.length) report.ignored.push(`classifiers ${licenses.join(', ')}: with an SPDX license expression PEP 639 replaces License :: classifiers; dropped`);
}

export function importPyproject(text: string, base: ReadonlyConfig): ImportResult {
	let doc: Table;
	try {
		doc = parse(text) as Table;
	} catch (e) {
		if (e instanceof TomlError) {
			const first = e.message.split('\n')[0];
			return { ok: false, message: `This is not valid TOML: ${first}`, line: e.line, column: e.column };
		}
		return { ok: false, message: `This is not valid TOML: ${(e as Error).message}` };
	}
	const project = table(doc.project);
	const tool = table(doc.tool);
	const poetry = table(tool?.poetry);
	const uv = table(tool?.uv);
	const groups = table(doc['dependency-groups']);
	if (!project && !poetry && !groups)
		return { ok: false, message: 'This TOML has no [project], [tool.poetry] or [dependency-groups] table, so it is not a pyproject.toml Slipway can read.' };

	const config = structuredClone(base) as Config;
	const report: ImportReport = { source: 'pyproject.toml', taken: [], ignored: [] };
	const p = config.project;

	// Package manager and build backend.
	const backendName = str(table(doc['build-system'])?.['build-backend']);
	const manager = poetry ? 'poetry' : uv || backendName === 'uv_build' || groups ? 'uv' : 'pip';
	const why = poetry ? '[tool.poetry]' : uv ? '[tool.uv]' : backendName === 'uv_build' ? 'the uv_build backend' : groups ? '[dependency-groups]' : 'no Poetry or uv table';
	applyManager(config, manager, backendName ? BACKENDS[backendName] : undefined, backendName, why, report);
	if (manager === 'poetry') {
		config.packaging.poetryLayout = !project && poetry?.name ? 'classic' : 'poetry2';
		report.taken.push(`Poetry layout: ${config.packaging.poetryLayout === 'classic' ? 'classic [tool.poetry] (Poetry 1)' : 'PEP 621 [project] (Poetry 2)'}`);
	}

	const meta = (key: string): unknown => project?.[key] ?? poetry?.[key];
	const dynamic = new Set(Array.isArray(project?.dynamic) ? project.dynamic.filter((x): x is string => typeof x === 'string') : []);

	const name = str(meta('name'));
	if (name) {
		p.name = name;
		report.taken.push(`name: ${name}`);
	} else report.ignored.push('no project name found; kept the current one');
	const version = str(meta('version'));
	if (version) {
		p.version = version;
		report.taken.push(`version: ${version}`);
	} else if (dynamic.has('version')) report.ignored.push('the version is dynamic (computed at build time); kept the current one');
	// The file is the project's own record: metadata it leaves out is none (a pyproject names no
	// maintainers, keywords, extras... when there are none), not the current form's.
	const description = str(meta('description'));
	p.description = (description ?? '').replace(/\s+/g, ' ').trim();
	if (description !== undefined) report.taken.push('description');
	p.moreAuthors = [];
	p.maintainers = [];
	p.keywords = [];
	p.classifiers = [];
	p.extras = [];
	p.dependencyGroups = [];
	p.devIncludes = [];

	// Authors and maintainers: PEP 621 tables or Poetry "Name <email>" strings, all of them, in order.
	const people = (key: 'authors' | 'maintainers') => {
		const list = meta(key);
		if (!Array.isArray(list)) return [];
		const out = list.map(readPerson).filter((x): x is { name: string; email: string } => x !== null && Boolean(x.name || x.email));
		if (out.length < list.length) report.ignored.push(`${key}: ${list.length - out.length} entr${list.length - out.length === 1 ? 'y' : 'ies'} without a name or e-mail skipped`);
		return out;
	};
	const authors = people('authors');
	if (authors.length) {
		const [first, ...more] = authors;
		p.authorName = first.name;
		p.authorEmail = first.email;
		p.moreAuthors = more;
		report.taken.push(`author${authors.length > 1 ? 's' : ''}: ${authors.map((a) => [a.name, a.email && `<${a.email}>`].filter(Boolean).join(' ')).join(', ')}`);
	} else {
		p.authorName = '';
		p.authorEmail = '';
		p.moreAuthors = [];
	}
	const maintainers = people('maintainers');
	if (maintainers.length) {
		p.maintainers = maintainers;
		report.taken.push(`${maintainers.length} maintainer${maintainers.length === 1 ? '' : 's'}`);
	}
	const keywords = meta('keywords');
	if (Array.isArray(keywords)) {
		p.keywords = keywords.filter((k): k is string => typeof k === 'string');
		report.taken.push(`${p.keywords.length} keyword${p.keywords.length === 1 ? '' : 's'}`);
	}

	// License: a PEP 639 SPDX expression; anything else is kept verbatim (a legacy text or file), never replaced.
	readLicense(meta('license'), p, report);

	// URL.
	const urls = table(project?.urls) ?? {};
	const url = [urls.Homepage, urls.homepage, urls.Repository, urls.repository, urls.Source, urls.source, poetry?.homepage, poetry?.repository]
		.map(str)
		.find((u) => u && /^https?:\/\//.test(u));
	p.url = url ?? '';
	if (url) report.taken.push(`URL: ${url}`);
	// One URL is modelled (Homepage, Source and, on GitHub/GitLab, Issues are derived from it).
	const otherUrls = Object.entries(urls).filter(([k, v]) => v !== url && !/^(homepage|source|repository)$/i.test(k));
	if (otherUrls.length) report.ignored.push(`[project.urls] ${otherUrls.map(([k]) => k).join(', ')}: one URL is modelled (Homepage and Source; Issues on GitHub/GitLab), these are not written back`);

	// Python.
	const pyReq = str(project?.['requires-python']) ?? str(table(poetry?.dependencies)?.python);
	if (pyReq) {
		const mapped = mapPythonRequirement(pyReq);
		if (mapped) {
			p.pythonVersion = mapped.version;
			report.taken.push(`Python: "${pyReq}" -> ${mapped.version}`);
			if (mapped.note) report.ignored.push(mapped.note);
		} else report.ignored.push(`Python requirement "${pyReq}" not understood; kept ${p.pythonVersion}`);
	}

	// Runtime dependencies.
	let runtime: string[] = [];
	if (Array.isArray(project?.dependencies)) runtime = readList(project.dependencies, '[project].dependencies', report);
	else if (poetry?.dependencies) {
		const members = new Set(Object.values(table(poetry.extras) ?? {}).flatMap((l) => (Array.isArray(l) ? l.filter((x): x is string => typeof x === 'string').map(normalizeName) : [])));
		runtime = readPoetryTable(poetry.dependencies, '[tool.poetry.dependencies]', report, members);
	}
	else if (dynamic.has('dependencies')) report.ignored.push('dependencies are dynamic; none imported');

	// Dependency groups, from every place tools keep them: "dev" is the development dependencies
	// (with the groups it includes), every other group is kept by its name.
	const dev: string[] = [];
	const named = new Map<string, { name: string; includes: string[]; requirements: string[] }>();
	const devIncludes: string[] = [];
	const addGroup = (name: string, g: { requirements: string[]; includes: string[] }, where: string) => {
		if (normalizeName(name) === 'dev') {
			dev.push(...g.requirements);
			for (const i of g.includes) if (!devIncludes.includes(i)) devIncludes.push(i);
			return;
		}
		const key = normalizeName(name);
		const prior = named.get(key);
		if (prior) {
			report.taken.push(`${where}: merged into the group "${prior.name}" (the same name)`);
			prior.requirements.push(...g.requirements.filter((r) => !prior.requirements.includes(r)));
			prior.includes.push(...g.includes.filter((i) => !prior.includes.includes(i)));
		} else named.set(key, { name, includes: [...g.includes], requirements: [...g.requirements] });
	};
	if (groups) for (const [g, list] of Object.entries(groups)) addGroup(g, readGroup(list, `[dependency-groups].${g}`, report), `[dependency-groups].${g}`);
	if (poetry?.['dev-dependencies']) dev.push(...readPoetryTable(poetry['dev-dependencies'], '[tool.poetry.dev-dependencies]', report));
	const poetryGroups = table(poetry?.group);
	if (poetryGroups) {
		for (const [g, def] of Object.entries(poetryGroups)) {
			const where = `[tool.poetry.group.${g}]`;
			const d = table(def) ?? {};
			const includes = Array.isArray(d['include-groups']) ? d['include-groups'].filter((x): x is string => typeof x === 'string') : [];
			if (d.optional === true) report.ignored.push(`${where}: "optional = true" is not modelled; the group is installed by default now`);
			const left = Object.keys(d).filter((k) => !['dependencies', 'include-groups', 'optional'].includes(k));
			if (left.length) report.ignored.push(`${where}: ${left.join(', ')} not imported`);
			addGroup(g, { requirements: readPoetryTable(d.dependencies, `${where}.dependencies`, report), includes }, where);
		}
	}
	if (Array.isArray(uv?.['dev-dependencies'])) dev.push(...readList(uv['dev-dependencies'], '[tool.uv].dev-dependencies', report));
	// Includes must name a group there is: one that names none is reported, not kept.
	const known = (where: string) => (i: string) => {
		if (named.has(normalizeName(i))) return true;
		report.ignored.push(`${where}: includes "${i}", a group the file does not define; skipped`);
		return false;
	};
	p.devIncludes = devIncludes.filter(known('the dev group'));
	p.dependencyGroups = [...named.values()].map((g) => ({ ...g, includes: g.includes.filter(known(`the group "${g.name}"`)), requirements: dedupeList(g.requirements, `the group "${g.name}"`, report) }));
	if (named.size) report.taken.push(`dependency groups: ${[...named.values()].map((g) => g.name).join(', ')}`);
	if (devIncludes.length) report.taken.push(`the dev group includes: ${p.devIncludes.join(', ')}`);

	// Extras: PEP 621 [project.optional-dependencies], or Poetry 1's [tool.poetry.extras] over optional dependencies.
	const extras = table(project?.['optional-dependencies']);
	if (extras) {
		p.extras = Object.entries(extras).map(([name, list]) => ({ name, requirements: dedupeList(readList(list, `[project.optional-dependencies].${name}`, report), `the extra "${name}"`, report) }));
		report.taken.push(`extras: ${p.extras.map((x) => x.name).join(', ')}`);
	} else if (poetry && table(poetry.extras)) {
		p.extras = poetryExtras(table(poetry.extras)!, table(poetry.dependencies) ?? {}, report);
		if (p.extras.length) {
			report.taken.push(`extras: ${p.extras.map((x) => x.name).join(', ')} (from [tool.poetry.extras])`);
			if (config.packaging.poetryLayout === 'classic') {
				config.packaging.poetryLayout = 'poetry2';
				report.taken.push('Poetry layout: PEP 621 [project] (Poetry 2), which writes the extras as [project.optional-dependencies]; the classic layout cannot');
			}
		}
	}
	p.extras = p.extras.filter((x) => {
		if (x.requirements.length) return true;
		report.ignored.push(`the extra "${x.name}" has no requirements Slipway could read; skipped`);
		return false;
	});
	if (config.packaging.poetryLayout === 'classic' && config.packaging.manager === 'poetry' && (p.devIncludes.length || p.dependencyGroups.some((g) => g.includes.length))) {
		config.packaging.poetryLayout = 'poetry2';
		report.taken.push('Poetry layout: PEP 621 [project] (Poetry 2): groups that include groups need Poetry 2.2');
	}

	const scripts = table(project?.scripts) ?? table(poetry?.scripts);
	const targets = scripts ? Object.values(scripts).filter((v): v is string => typeof v === 'string') : [];
	// A script whose module is `<pkg>.worker` (as Slipway and most projects name it) runs a worker.
	const workerScript = targets.some((t) => /(^|\.)worker(s)?:/.test(t));
	applyDependencies(config, runtime, dev, { hasScripts: targets.length > 0, workerScript }, report);
	readClassifiers(meta('classifiers'), config, report);

	// Tables Slipway regenerates itself or does not model.
	const modelled = new Set(['name', 'version', 'description', 'authors', 'maintainers', 'keywords', 'classifiers', 'license', 'urls', 'homepage', 'repository', 'requires-python', 'dependencies', 'optional-dependencies', 'dynamic', 'scripts', 'group', 'dev-dependencies', 'extras', 'packages', 'package-mode']);
	const leftProject = Object.keys(project ?? {}).filter((k) => !modelled.has(k));
	if (leftProject.length) report.ignored.push(`[project] keys regenerated or not modelled: ${leftProject.join(', ')}`);
	const otherDynamic = [...dynamic].filter((k) => k !== 'version' && k !== 'dependencies');
	if (otherDynamic.length) report.ignored.push(`[project] dynamic ${otherDynamic.join(', ')}: Slipway writes them statically`);
	const leftPoetry = Object.keys(poetry ?? {}).filter((k) => !modelled.has(k));
	if (leftPoetry.length) report.ignored.push(`[tool.poetry] keys regenerated or not modelled: ${leftPoetry.join(', ')}`);
	const requires = table(doc['build-system'])?.requires;
	if (Array.isArray(requires)) report.ignored.push(`[build-system] requires (${requires.filter((r) => typeof r === 'string').join(', ')}) is regenerated for the build backend`);
	const tools = Object.keys(tool ?? {}).filter((k) => k !== 'poetry' && k !== 'uv');
	if (tools.length) report.ignored.push(`tool settings not imported (Slipway writes its own): ${tools.map((t) => `[tool.${t}]`).join(', ')}`);
	if (scripts) report.ignored.push('entry points ([project.scripts]) are regenerated from the project name');
	return { ok: true, config, report };
}
