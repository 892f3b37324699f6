import { describe, expect, it } from 'vitest';
import { generate } from '../generators/index.ts';
import { presetById } from '../model/presets.ts';
import { readRecorded } from '../update/index.ts';
import { compareProject } from './plan.ts';
import { splitRows, unifiedRows } from './rows.ts';

/** A project generated with uv, edited by its user, compared with the same config switched to Poetry. */
function setup() {
	const config = presetById('fastapi-service')!.config();
	config.packaging.manager = 'uv';
	config.packaging.backend = 'uv_build';
	const base = generate(config);
	const theirs = new Map(base.map((f) => [f.path, f.content]));
	theirs.set('README.md', theirs.get('README.md')! + '\n## Team notes\n');
	const docker = theirs.get('Dockerfile')!.split('\n');
	docker[docker.findIndex((l) => l.startsWith('# Build:'))] = '# Build: mine';
	theirs.set('Dockerfile', docker.join('\n'));
	theirs.delete('compose.override.yaml');
	const read = readRecorded(theirs.get('slipway.json')!);
	if (!read.ok) throw new Error(read.message);
	const next = structuredClone(config);
	next.packaging.manager = 'poetry';
	next.packaging.backend = 'poetry-core';
	return { recorded: read.recorded, base, next, ours: generate(next), theirs };
}

describe('compareProject', () => {
	it('lists conflicts first, and each view asks the library for the patch between the right two texts', () => {
		const c = compareProject(setup());
		expect(c.entries[0]).toMatchObject({ path: 'Dockerfile', status: 'conflict' });
		const byPath = new Map(c.entries.map((e) => [e.path, e.status]));
		expect(byPath.get('README.md')).toBe('merged');
		expect(byPath.get('compose.override.yaml')).toBe('removed-by-you');
		// Your edits: base -> yours holds only the user's line.
		const yours = unifiedRows(c.filePatch('README.md', 'yours'));
		expect(yours.filter((r) => r.kind === 'add').map((r) => r.text)).toEqual(['', '## Team notes']);
		expect(yours.filter((r) => r.kind === 'del')).toEqual([]);
		// Slipway's change: base -> ours holds no user line; the update holds Poetry's lines and not the user's.
		expect(c.filePatch('README.md', 'slipway')).not.toContain('Team notes');
		const update = c.filePatch('README.md', 'update');
		expect(update).toContain('+poetry install');
		expect(update).not.toContain('+## Team notes');
		// The conflict's markers are in what the update writes; side by side puts them on the right.
		const right = splitRows(unifiedRows(c.filePatch('Dockerfile', 'update'))).map((r) => r.right?.text);
		expect(right).toContain('<<<<<<< yours');
		// A deleted file has no update patch, and is not among the updated files.
		expect(c.filePatch('compose.override.yaml', 'update')).toBe('');
		expect(c.updatedFiles().map((f) => f.path)).not.toContain('compose.override.yaml');
		expect(c.updatedFiles().find((f) => f.path === 'README.md')!.content).toContain('## Team notes');
		expect(c.patch()).toContain('diff --git a/README.md b/README.md');
	});

	it('an untouched project compares clean: every entry unchanged and an empty patch', () => {
		const s = setup();
		const theirs = new Map(s.base.map((f) => [f.path, f.content]));
		const c = compareProject({ ...s, next: s.recorded.config, ours: s.base, theirs });
		expect(new Set(c.entries.map((e) => e.status))).toEqual(new Set(['unchanged']));
		expect(c.patch()).toBe('');
	});
});
