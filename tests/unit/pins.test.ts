/**
 * `npm run pins` (issue 16.7): the table covers every record of versions.ts,
 * one row each, oldest check first, and the script itself runs under Node.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as versions from '../../src/lib/generators/versions.ts';
import { formatPins, isRecord, pinRows, PIN_WIDTH, type PinRow } from '../../scripts/pins.ts';

/** The records, counted straight from the module: each named collection, then any other export holding facts with a source. */
function countRecords(): number {
	const mod = versions as unknown as Record<string, unknown>;
	let n = 0;
	n += Object.keys(versions.BACKEND_REQUIRES).length + Object.keys(versions.DEPS).length + Object.keys(versions.DEV_DEPS).length;
	n += Object.keys(versions.ACTION_REFS).length + Object.keys(versions.PRE_COMMIT_REFS).length + Object.keys(versions.TOOL_VERSIONS).length;
	n += versions.IMAGE_TAGS.length;
	const named = new Set(['BACKEND_REQUIRES', 'DEPS', 'DEV_DEPS', 'ACTION_REFS', 'PRE_COMMIT_REFS', 'TOOL_VERSIONS', 'IMAGE_TAGS']);
	for (const [name, value] of Object.entries(mod)) {
		if (named.has(name)) continue;
		if (isRecord(value)) n++;
		else if (Array.isArray(value)) n += value.filter(isRecord).length;
		else if (value && typeof value === 'object') n += Object.values(value).filter(isRecord).length;
	}
	return n;
}

describe('npm run pins', () => {
	const rows = pinRows();

	it('lists every record once', () => {
		expect(rows.length).toBe(countRecords());
		const keys = rows.map((r) => `${r.record}/${r.name}/${r.pin}`);
		expect(new Set(keys).size).toBe(keys.length);
		for (const [k, a] of Object.entries(versions.ACTION_REFS))
			expect(rows).toContainEqual({ checked: a.checked, record: 'ACTION_REFS', name: k, pin: `${a.repo} ${a.ref}`, sha: a.sha, source: a.source });
		for (const [k, p] of Object.entries(versions.PRE_COMMIT_REFS))
			expect(rows.find((r) => r.record === 'PRE_COMMIT_REFS' && r.name === k)).toMatchObject({ pin: `${p.repo} ${p.ref}`, sha: p.sha, checked: p.checked });
		for (const i of versions.IMAGE_TAGS) expect(rows.some((r) => r.record === 'IMAGE_TAGS' && r.pin === i.image && r.checked === i.checked)).toBe(true);
		for (const [k, t] of Object.entries(versions.TOOL_VERSIONS)) expect(rows.find((r) => r.record === 'TOOL_VERSIONS' && r.name === k)?.pin).toBe(t.version);
		for (const [k, d] of Object.entries(versions.DEPS)) expect(rows.find((r) => r.record === 'DEPS' && r.name === k)).toMatchObject({ pin: d, checked: null });
	});

	it('sorts the oldest check first, none recorded before all', () => {
		const order = (r: PinRow) => r.checked ?? '';
		for (let i = 1; i < rows.length; i++) expect(order(rows[i - 1]) <= order(rows[i])).toBe(true);
		// The order is by date, not by the module's: a record checked earlier comes first.
		const older = { ...versions.ACTION_REFS.checkout, checked: '2025-01-01' };
		const mod = { ...versions, ACTION_REFS: { ...versions.ACTION_REFS, checkout: older } } as unknown as Record<string, unknown>;
		const moved = pinRows(mod).filter((r) => r.checked);
		expect(moved[0]).toMatchObject({ record: 'ACTION_REFS', name: 'checkout', checked: '2025-01-01' });
	});

	it('prints a table with each SHA whole, and the count', () => {
		const text = formatPins(rows);
		const lines = text.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^CHECKED\s+RECORD\s+NAME\s+PIN\s+SHA\s+SOURCE$/);
		expect(lines.length).toBe(rows.length + 3);
		for (const a of Object.values(versions.ACTION_REFS)) expect(text).toContain(a.sha);
		expect(lines.at(-1)).toMatch(new RegExp(`^${rows.length} pins: `));
		expect(formatPins([{ checked: null, record: 'R', name: 'n', pin: 'x'.repeat(PIN_WIDTH + 5), sha: null, source: 's' }])).toContain(`${'x'.repeat(PIN_WIDTH - 1)}…`);
	});

	it('runs as `node scripts/pins.mjs` (what npm run pins calls), table and --json', () => {
		const table = execFileSync(process.execPath, ['scripts/pins.mjs'], { encoding: 'utf8' });
		expect(table).toBe(formatPins(rows));
		const json = JSON.parse(execFileSync(process.execPath, ['scripts/pins.mjs', '--json'], { encoding: 'utf8' }));
		expect(json).toEqual(rows);
		// Two esbuild bundles in child processes: slow on a loaded machine.
	}, 60_000);
});
