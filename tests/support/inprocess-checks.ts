/**
 * Fast, in-process checks of generated files with real parsers: smol-toml,
 * js-yaml, JSON, ruff's Python parser (WebAssembly), dockerfile-utils and
 * `sh -n`. With a baseline (the same config with a benign marker where the
 * user text goes) it also checks that the text means what was typed and
 * changes no line's structure. Shared by the hostile-input and property tests.
 */
import { parse as parseToml } from 'smol-toml';
import { loadAll } from 'js-yaml';
import { spawnSync } from 'node:child_process';
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import { validate as validateDockerfile } from 'dockerfile-utils';
import type { GeneratedFile } from '../../src/lib/generators/index.ts';

/** Syntax errors and undefined names only (E9, F63, F7, F82): fast, and never a style opinion. */
const ruff = new Workspace({ ...Workspace.defaultSettings(), lint: { select: ['E9', 'F63', 'F7', 'F82'] } }, PositionEncoding.Utf16);

/** Replace every occurrence of `from` in every string leaf. */
function substitute(data: unknown, from: string, to: string): unknown {
	if (typeof data === 'string') return data.split(from).join(to);
	if (Array.isArray(data)) return data.map((d) => substitute(d, from, to));
	if (data && typeof data === 'object') {
		return Object.fromEntries(Object.entries(data).map(([k, v]) => [k.split(from).join(to), substitute(v, from, to)]));
	}
	return data;
}

const isLineFormat = (p: string) =>
	/(^|\/)Dockerfile$|\.service$|\.conf$|\.sh$|(^|\/)\.env\.example$|requirements[^/]*\.(txt|in)$|(^|\/)\.(docker|git)ignore$/.test(p) && !p.endsWith('.py');

/** The structural skeleton of a line: its first token (instruction, directive, key). */
function lineHead(line: string): string {
	const t = line.trimStart();
	if (t.startsWith('#')) return '#';
	const m = /^[A-Za-z_][A-Za-z0-9_.-]*\s*=?/.exec(t);
	return m ? m[0].replace(/\s+/g, '') : t.slice(0, 1);
}

const memo = new Map<string, string[]>();

/** Check one file; without a baseline, results are memoised by path + content. */
export function checkFile(f: GeneratedFile, base?: GeneratedFile, mark = '', hostile = ''): string[] {
	if (base) return checkFileUncached(f, base, mark, hostile);
	const key = f.path + '\0' + f.content;
	let r = memo.get(key);
	if (!r) {
		if (memo.size > 20_000) memo.clear();
		r = checkFileUncached(f);
		memo.set(key, r);
	}
	return r;
}

function checkFileUncached(f: GeneratedFile, base?: GeneratedFile, mark = '', hostile = ''): string[] {
	const problems: string[] = [];
	const p = f.path;
	try {
		if (p.endsWith('.toml')) {
			const data = parseToml(f.content);
			if (base) {
				const expected = substitute(parseToml(base.content), mark, hostile);
				if (JSON.stringify(data) !== JSON.stringify(expected)) problems.push(`${p}: TOML data does not mean what was typed`);
			}
		} else if (/\.ya?ml$/.test(p)) {
			const data = loadAll(f.content);
			if (base) {
				const expected = substitute(loadAll(base.content), mark, hostile);
				if (JSON.stringify(data) !== JSON.stringify(expected)) problems.push(`${p}: YAML data does not mean what was typed`);
			}
		} else if (p.endsWith('.json')) {
			JSON.parse(f.content);
		}
	} catch (e) {
		problems.push(`${p}: does not parse: ${(e as Error).message.split('\n')[0]}`);
	}
	if (p.endsWith('.py')) {
		const diags = ruff.check(f.content) as { code: string | null; message: string }[];
		if (diags.length) problems.push(`${p}: ruff ${diags[0].code ?? 'syntax'}: ${diags[0].message}`);
	}
	if (/(^|\/)Dockerfile$/.test(p)) {
		const diags = validateDockerfile(f.content);
		if (diags.length) problems.push(`${p}: dockerfile-utils: ${diags.map((d) => d.message).join('; ')}`);
	}
	if (p.endsWith('.sh')) {
		const r = spawnSync('sh', ['-n'], { input: f.content, encoding: 'utf8' });
		if (r.status !== 0) problems.push(`${p}: sh -n: ${r.stderr}`);
	}
	if (base && isLineFormat(p)) {
		const a = base.content.split('\n');
		const b = f.content.split('\n');
		if (a.length !== b.length) problems.push(`${p}: user text changed the number of lines (${a.length} -> ${b.length})`);
		else
			a.forEach((line, i) => {
				if (lineHead(line) !== lineHead(b[i])) problems.push(`${p}:${i + 1}: user text changed the line's structure: ${JSON.stringify(b[i].slice(0, 80))}`);
			});
	}
	return problems;
}

