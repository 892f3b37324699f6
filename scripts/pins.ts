/**
 * Every pin of src/lib/generators/versions.ts in one table (issue 16.7): action
 * SHAs and their release tags, pre-commit revs, image tags, tool versions and
 * every other fact recorded there with a source, each with the day it was
 * checked and where, oldest check first, so a bump is one sitting.
 * Requirement floors (BACKEND_REQUIRES, DEPS, DEV_DEPS) carry a `bump:` comment
 * but no recorded check: they come first, as "not recorded".
 *
 *   npm run pins            the table
 *   npm run pins -- --json  the same rows as JSON
 *
 * scripts/pins.mjs bundles this file with esbuild (Node 20 runs no TypeScript)
 * and calls main(); tests/unit/pins.test.ts imports pinRows() directly.
 */
import * as versions from '../src/lib/generators/versions.ts';

export interface PinRow {
	/** The day it was checked, or null when versions.ts records none. */
	readonly checked: string | null;
	/** Which record of versions.ts it is (ACTION_REFS, IMAGE_TAGS, ...). */
	readonly record: string;
	/** Its key in that record (for a list, its position's name). */
	readonly name: string;
	/** What a generated file pins: `repo tag`, an image, a version, a requirement. */
	readonly pin: string;
	/** The commit a git ref is pinned to, when recorded. */
	readonly sha: string | null;
	/** Where it was checked. */
	readonly source: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A recorded fact: an object with a `source` (and usually `checked`). */
export const isRecord = (v: unknown): v is Obj => isObj(v) && typeof v.source === 'string';

/** Floors of requirements: pinned, with a `bump:` comment in versions.ts, no check date. */
const REQUIREMENTS = ['BACKEND_REQUIRES', 'DEPS', 'DEV_DEPS'] as const;

function pinOf(r: Obj, name: string): string {
	if (str(r.repo) && str(r.ref)) return `${r.repo} ${r.ref}`;
	if (str(r.image)) return r.image as string;
	if (str(r.version)) return r.version as string;
	if (str(r.setting)) return r.introduced ? `${r.setting} (since ${r.introduced})` : (r.setting as string);
	if (str(r.repository) && Array.isArray(r.versions)) return `${r.repository} ${(r.versions as string[]).join(' ')}`;
	if (str(r.date)) return `${name}: ${r.date}`;
	return name;
}

function row(record: string, name: string, r: Obj): PinRow {
	return { checked: str(r.checked), record, name, pin: pinOf(r, name), sha: str(r.sha), source: r.source as string };
}

/** Every pin and recorded fact of a versions module, oldest check first (none recorded first of all). */
export function pinRows(mod: Obj = versions as unknown as Obj): PinRow[] {
	const rows: PinRow[] = [];
	for (const req of REQUIREMENTS)
		for (const [name, pin] of Object.entries((mod[req] ?? {}) as Obj))
			if (typeof pin === 'string') rows.push({ checked: null, record: req, name, pin, sha: null, source: `versions.ts ${req}: its \`bump:\` comment` });
	for (const [exp, value] of Object.entries(mod)) {
		if (isRecord(value)) rows.push(row(exp, exp, value));
		else if (Array.isArray(value)) value.forEach((v, i) => isRecord(v) && rows.push(row(exp, str(v.image)?.replace(/:[^/:]+$/, '') ?? String(i), v)));
		else if (isObj(value)) for (const [k, v] of Object.entries(value)) if (isRecord(v)) rows.push(row(exp, k, v));
	}
	const order = (r: PinRow) => r.checked ?? '';
	return rows.sort((a, b) => order(a).localeCompare(order(b)) || a.record.localeCompare(b.record) || a.name.localeCompare(b.name));
}

/** Widest PIN cell of the table (longer ones end in `…`; --json has them whole). */
export const PIN_WIDTH = 48;

/** The rows as an aligned text table (the SHA whole in its own column, the source last and whole). */
export function formatPins(rows: readonly PinRow[]): string {
	const cut = (s: string) => (s.length > PIN_WIDTH ? `${s.slice(0, PIN_WIDTH - 1)}…` : s);
	const cells = rows.map((r) => [r.checked ?? 'not recorded', r.record, r.name, cut(r.pin), r.sha ?? '-', r.source]);
	const head = ['CHECKED', 'RECORD', 'NAME', 'PIN', 'SHA', 'SOURCE'];
	const width = head.slice(0, 5).map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c: string[]) => c.map((v, i) => (i < 5 ? v.padEnd(width[i]) : v)).join('  ').trimEnd();
	const checked = rows.filter((r) => r.checked).length;
	return [line(head), ...cells.map(line), '', `${rows.length} pins: ${checked} with a recorded check, ${rows.length - checked} without (requirement floors: see their bump: comments)`].join('\n') + '\n';
}

export function main(argv: readonly string[] = process.argv.slice(2)): void {
	const rows = pinRows();
	process.stdout.write(argv.includes('--json') ? JSON.stringify(rows, null, 2) + '\n' : formatPins(rows));
}
