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

function readPoetryTable(deps: unknown, where: string, report: ImportReport): string[] {
	const t = table(deps);
	if (!t) return [];
	const out: string[] = [];
	for (const [name, spec] of Object.entries(t)) {
		if (name.toLowerCase() === 'python') continue;
		const r = poetryDependency(name, spec);
		if (r.ok) out.push(r.requirement);
		else report.ignored.push(`${where}: ${r.reason}`);
	}
	return out;
}

const DEV_NAMES = new Set(['dev', 'test', 'tests', 'testing', 'lint', 'typing', 'docs']);

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
	const description = str(meta('description'));
	if (description !== undefined) {
		p.description = description.replace(/\s+/g, ' ').trim();
		report.taken.push('description');
	}

	// Authors: PEP 621 tables or Poetry "Name <email>" strings.
	const authors = meta('authors');
	if (Array.isArray(authors) && authors.length) {
		const a = authors[0];
		let aname = '';
		let email = '';
		if (typeof a === 'string') {
			const m = /^\s*([^<]*?)\s*(?:<([^>]*)>)?\s*$/.exec(a);
			aname = m?.[1] ?? a;
			email = m?.[2] ?? '';
		} else if (isTable(a)) {
			aname = str(a.name) ?? '';
			email = str(a.email) ?? '';
		}
		p.authorName = aname;
		p.authorEmail = email;
		report.taken.push(`author: ${[aname, email && `<${email}>`].filter(Boolean).join(' ')}`);
		if (authors.length > 1) report.ignored.push(`${authors.length - 1} more author(s): Slipway keeps one`);
	}

	// License: PEP 639 string, PEP 621 {text}/{file}, or Poetry's string.
	const lic = meta('license');
	const licText = str(lic) ?? str(table(lic)?.text);
	if (licText) {
		const id = licenseFromText(licText);
		if (id) {
			p.license = id;
			report.taken.push(`license: ${id}`);
		} else report.ignored.push(`license "${licText}" is not one Slipway offers; kept ${p.license}`);
	} else if (table(lic)?.file) report.ignored.push('license is given as a file; choose the SPDX identifier by hand');

	// URL.
	const urls = table(project?.urls) ?? {};
	const url = [urls.Homepage, urls.homepage, urls.Repository, urls.repository, urls.Source, urls.source, poetry?.homepage, poetry?.repository]
		.map(str)
		.find((u) => u && /^https?:\/\//.test(u));
	if (url) {
		p.url = url;
		report.taken.push(`URL: ${url}`);
	}

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
	else if (poetry?.dependencies) runtime = readPoetryTable(poetry.dependencies, '[tool.poetry.dependencies]', report);
	else if (dynamic.has('dependencies')) report.ignored.push('dependencies are dynamic; none imported');

	// Development dependencies, from every place tools keep them.
	const dev: string[] = [];
	const merged: string[] = [];
	if (groups) {
		for (const [g, list] of Object.entries(groups)) {
			if (DEV_NAMES.has(g)) {
				dev.push(...readList(list, `[dependency-groups].${g}`, report, groups, new Set([g])));
				if (g !== 'dev') merged.push(`[dependency-groups].${g}`);
			} else report.ignored.push(`[dependency-groups].${g}: Slipway has one development group; add these by hand if needed`);
		}
	}
	const extras = table(project?.['optional-dependencies']);
	if (extras) {
		for (const [g, list] of Object.entries(extras)) {
			if (DEV_NAMES.has(g)) {
				dev.push(...readList(list, `[project.optional-dependencies].${g}`, report));
				merged.push(`[project.optional-dependencies].${g}`);
			} else report.ignored.push(`[project.optional-dependencies].${g}: extras are not modelled; skipped`);
		}
	}
	if (poetry?.['dev-dependencies']) dev.push(...readPoetryTable(poetry['dev-dependencies'], '[tool.poetry.dev-dependencies]', report));
	const poetryGroups = table(poetry?.group);
	if (poetryGroups) {
		for (const [g, def] of Object.entries(poetryGroups)) {
			if (DEV_NAMES.has(g)) {
				dev.push(...readPoetryTable(table(def)?.dependencies, `[tool.poetry.group.${g}.dependencies]`, report));
				if (g !== 'dev') merged.push(`[tool.poetry.group.${g}]`);
			} else report.ignored.push(`[tool.poetry.group.${g}]: Slipway has one development group; skipped`);
		}
	}
	if (Array.isArray(uv?.['dev-dependencies'])) dev.push(...readList(uv['dev-dependencies'], '[tool.uv].dev-dependencies', report));
	if (merged.length) report.taken.push(`merged into development dependencies: ${merged.join(', ')}`);

	const scripts = table(project?.scripts) ?? table(poetry?.scripts);
	const targets = scripts ? Object.values(scripts).filter((v): v is string => typeof v === 'string') : [];
	// A script whose module is `<pkg>.worker` (as Slipway and most projects name it) runs a worker.
	const workerScript = targets.some((t) => /(^|\.)worker(s)?:/.test(t));
	applyDependencies(config, runtime, dev, { hasScripts: targets.length > 0, workerScript }, report);

	// Tables Slipway regenerates itself or does not model.
	const known = new Set(['name', 'version', 'description', 'authors', 'license', 'urls', 'homepage', 'repository', 'requires-python', 'dependencies', 'optional-dependencies', 'dynamic', 'scripts', 'group', 'dev-dependencies', 'packages', 'package-mode']);
	const leftProject = Object.keys(project ?? {}).filter((k) => !known.has(k));
	if (leftProject.length) report.ignored.push(`[project] keys regenerated or not modelled: ${leftProject.join(', ')}`);
	const leftPoetry = Object.keys(poetry ?? {}).filter((k) => !known.has(k));
	if (leftPoetry.length) report.ignored.push(`[tool.poetry] keys regenerated or not modelled: ${leftPoetry.join(', ')}`);
	const tools = Object.keys(tool ?? {}).filter((k) => k !== 'poetry' && k !== 'uv');
	if (tools.length) report.ignored.push(`tool settings not imported (Slipway writes its own): ${tools.map((t) => `[tool.${t}]`).join(', ')}`);
	if (scripts) report.ignored.push('entry points ([project.scripts]) are regenerated from the project name');
	return { ok: true, config, report };
}
