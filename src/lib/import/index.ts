/**
 * Import an existing file into a Config: pyproject.toml, requirements.txt or
 * Slipway's own slipway.json. Loaded with import() by the page (smol-toml
 * weighs ~5 KB), never in the first load.
 */
import type { Config, ReadonlyConfig } from '../model/config.ts';
import { BACKENDS_FOR, DEFAULT_BACKEND } from '../model/defaults.ts';
import { parseAndValidate } from '../model/validate.ts';
import { unwrapConfigFile } from '../share/codec.ts';
import { importPyproject } from './pyproject.ts';
import { readRequirementsTxt } from './requirements.ts';
import { applyDependencies, type ImportReport, type ImportResult } from './shared.ts';

export type { ImportReport, ImportResult } from './shared.ts';
export { importPyproject } from './pyproject.ts';
export { poetryConstraint, mapPythonRequirement } from './constraints.ts';
export { readRequirementsTxt } from './requirements.ts';

/** Largest input accepted, characters. */
export const MAX_IMPORT_CHARS = 1_000_000;

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset).split('\n');
	return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * slipway.json (or a bare Config JSON) -> exactly the config it holds. A
 * library's file names no deployment target (it has none): the form keeps the
 * target it had (`base`), so switching the kind back loses nothing.
 */
export function importSlipwayJson(text: string, base?: ReadonlyConfig): ImportResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		const msg = (e as Error).message;
		const pos = /position (\d+)/.exec(msg);
		const at = pos ? lineColumn(text, Number(pos[1])) : {};
		return { ok: false, message: `This is not valid JSON: ${msg.replace(/ in JSON at position.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`, ...at };
	}
	const unwrapped = unwrapConfigFile(data);
	if ('error' in unwrapped) return { ok: false, message: `This is not a slipway.json file: ${unwrapped.error}` };
	const held = unwrapped.config as { project?: { kind?: unknown }; target?: unknown } | null;
	const library = typeof held === 'object' && held !== null && !Array.isArray(held) && held.target === undefined && held.project?.kind === 'library';
	const read = parseAndValidate(library && base ? { ...held, target: base.target } : held);
	if (!read.ok) return { ok: false, message: 'This slipway.json holds a configuration Slipway cannot use:', errors: read.errors };
	return {
		ok: true,
		config: read.config,
		report: { source: 'slipway.json', taken: [`the whole configuration (format version ${unwrapped.version})`], ignored: [] }
	};
}

/** requirements.txt -> runtime (or, for a requirements-dev/test file, development) dependencies. */
export function importRequirements(text: string, base: ReadonlyConfig, filename = ''): ImportResult {
	const read = readRequirementsTxt(text);
	const config = structuredClone(base) as Config;
	const report: ImportReport = { source: 'requirements.txt', taken: [], ignored: [...read.skipped] };
	if (read.requirements.length === 0 && read.skipped.length === 0)
		return { ok: false, message: 'No requirements found: the text is empty.' };
	const isDev = /(^|[-_.])(dev|test|tests|lint)([-_.]|$)/i.test(filename.replace(/\.(txt|in)$/i, ''));
	if (config.packaging.manager !== 'pip') {
		config.packaging.manager = 'pip';
		if (!BACKENDS_FOR.pip.includes(config.packaging.backend)) config.packaging.backend = DEFAULT_BACKEND.pip;
	}
	report.taken.push('package manager: pip (a requirements file)');
	if (isDev) applyDependencies(config, null, read.requirements, null, report);
	else applyDependencies(config, read.requirements, null, { hasScripts: config.project.kind === 'cli' }, report);
	return { ok: true, config, report };
}

export type ImportKind = 'pyproject' | 'requirements' | 'slipway';

/** What a pasted or dropped text most likely is. */
export function detectKind(text: string, filename = ''): ImportKind {
	const f = filename.toLowerCase();
	if (f.endsWith('.json') || /^\s*\{/.test(text)) return 'slipway';
	if (f.endsWith('.toml')) return 'pyproject';
	if (f.endsWith('.txt') || f.endsWith('.in')) return 'requirements';
	if (/^\s*\[[A-Za-z"'][^\]]*\]\s*$/m.test(text) || /^\s*[A-Za-z0-9_-]+\s*=\s*["'[{]/m.test(text)) return 'pyproject';
	return 'requirements';
}

/**
 * Import any supported text. pyproject and requirements overlay `base`
 * (deployment choices are kept); slipway.json replaces it entirely.
 */
export function importText(text: string, base: ReadonlyConfig, filename = ''): ImportResult {
	if (text.length > MAX_IMPORT_CHARS) return { ok: false, message: `This is too large to import (${text.length} characters; at most ${MAX_IMPORT_CHARS}).` };
	if (!text.trim()) return { ok: false, message: 'Nothing to import: paste a pyproject.toml, a requirements.txt or a slipway.json.' };
	const clean = text.replace(/^\uFEFF/, '');
	switch (detectKind(clean, filename)) {
		case 'slipway':
			return importSlipwayJson(clean, base);
		case 'pyproject':
			return importPyproject(clean, base);
		case 'requirements':
			return importRequirements(clean, base, filename);
	}
}
