/**
 * The one TOML writer. Layout (table order, one array item per line, inline
 * tables for `authors`) is decided here; every key and every value is
 * escaped by smol-toml itself, so user text can never break the document.
 */
import { stringify } from 'smol-toml';

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
	[key: string]: TomlValue | undefined;
}

const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What smol-toml wrote for a key or a string before (the preview writes pyproject.toml again on every
 * keystroke, and nearly every key and string in it is the same as the last time). The text still comes
 * from smol-toml; the memo only skips asking again. Bounded: cleared when it grows past MEMO_MAX.
 */
const MEMO_MAX = 4096;
const keyMemo = new Map<string, string>();
const stringMemo = new Map<string, string>();
function remember(memo: Map<string, string>, k: string, v: string): string {
	if (memo.size >= MEMO_MAX) memo.clear();
	memo.set(k, v);
	return v;
}

/** `key = value` as smol-toml writes it (key quoted when needed). */
function pair(key: string, value: TomlValue): string {
	if (typeof value === 'string') return `${quoteKey(key)} = ${inlineValue(value)}`;
	return stringify({ [key]: value }).trimEnd();
}

/** A key as smol-toml quotes it. */
function quoteKey(key: string): string {
	const known = keyMemo.get(key);
	if (known !== undefined) return known;
	const line = stringify({ [key]: 0 });
	return remember(keyMemo, key, line.slice(0, line.lastIndexOf(' = ')));
}

/** A single value rendered inline. */
function inlineValue(value: TomlValue): string {
	if (typeof value === 'string') {
		const known = stringMemo.get(value);
		if (known !== undefined) return known;
	}
	const line = stringify({ x: value }).trimEnd();
	const text = line.slice(line.indexOf(' = ') + 3);
	return typeof value === 'string' ? remember(stringMemo, value, text) : text;
}

function inlineTable(t: TomlTable): string {
	const parts = Object.entries(t)
		.filter((e): e is [string, TomlValue] => e[1] !== undefined)
		.map(([k, v]) => `${quoteKey(k)} = ${isTable(v) ? inlineTable(v) : inlineValue(v)}`);
	return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}

function renderArray(key: string, arr: TomlValue[]): string {
	if (arr.length === 0) return `${quoteKey(key)} = []`;
	const flat = arr.every((v) => !isTable(v) && !Array.isArray(v));
	// Requirement-like lists (anything with version operators or markers) read best one per line.
	const requirementLike = arr.some((v) => typeof v === 'string' && /[<>=~;@[]/.test(v));
	const single = `${quoteKey(key)} = ${inlineValue(arr).replace(/^\[ (.*) \]$/, '[$1]')}`;
	if (flat && (arr.length === 1 || (!requirementLike && single.length <= 60))) return single;
	const items = arr.map((v) => `    ${isTable(v) ? inlineTable(v) : inlineValue(v)},`);
	return `${quoteKey(key)} = [\n${items.join('\n')}\n]`;
}

function renderTable(path: string[], table: TomlTable, out: string[], inlineKeys: ReadonlySet<string>): void {
	const body: string[] = [];
	const subs: [string, TomlTable][] = [];
	for (const [k, v] of Object.entries(table)) {
		if (v === undefined) continue;
		const full = [...path, k].join('.');
		if (isTable(v) && !inlineKeys.has(full)) subs.push([k, v]);
		else if (isTable(v)) body.push(`${quoteKey(k)} = ${inlineTable(v)}`);
		else if (Array.isArray(v)) body.push(renderArray(k, v));
		else body.push(pair(k, v));
	}
	const hasOnlySubs = body.length === 0 && subs.length > 0;
	if (path.length && !hasOnlySubs) {
		out.push(`[${path.map(quoteKey).join('.')}]`);
	}
	if (body.length) out.push(...body);
	if (path.length && !hasOnlySubs) out.push('');
	if (!path.length && body.length) out.push('');
	for (const [k, sub] of subs) renderTable([...path, k], sub, out, inlineKeys);
}

export interface TomlOptions {
	/** Comment lines written at the top (without `#`); must not contain newlines. */
	header?: readonly string[];
	/** Dotted paths of tables written inline (`{ a = 1 }`) instead of as `[sections]`. */
	inline?: readonly string[];
}

/**
 * Serialise a TOML document. Keys keep their insertion order; `undefined`
 * values are left out.
 *
 * @example writeToml({ project: { name: 'x', dependencies: ['a', 'b'] } })
 */
export function writeToml(doc: TomlTable, options: TomlOptions = {}): string {
	const out: string[] = [];
	for (const line of options.header ?? []) {
		if (/[\r\n]/.test(line)) throw new Error('TOML header comment must be one line');
		out.push(line ? `# ${line}` : '#');
	}
	if (out.length) out.push('');
	renderTable([], doc, out, new Set(options.inline ?? []));
	while (out.length && out[out.length - 1] === '') out.pop();
	return out.join('\n') + '\n';
}
