/**
 * The rows the compare panel's diff view shows, read from a unified diff that
 * src/lib/update wrote (this file writes no file text and computes no diff:
 * it only lays out the patch's lines, in one column or side by side).
 */

export type RowKind = 'context' | 'del' | 'add' | 'hunk' | 'note';

/** One line of the unified view. `old`/`new` are 1-based line numbers where the line has one. */
export interface UnifiedRow {
	kind: RowKind;
	text: string;
	old?: number;
	new?: number;
}

/** One row of the side-by-side view: the old line on the left, the new one on the right (either may be absent). */
export interface SplitRow {
	kind: 'context' | 'change' | 'hunk' | 'note';
	left?: { n: number; text: string; changed: boolean };
	right?: { n: number; text: string; changed: boolean };
	text?: string;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/;

/** The lines of a unified diff (one file's), from its first hunk on; headers (diff --git, ---, +++, index) are left out. */
export function unifiedRows(patch: string): UnifiedRow[] {
	const rows: UnifiedRow[] = [];
	let oldN = 0;
	let newN = 0;
	let inHunk = false;
	const lines = patch.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	for (const line of lines) {
		const h = HUNK.exec(line);
		if (h) {
			oldN = Number(h[1]);
			newN = Number(h[2]);
			inHunk = true;
			rows.push({ kind: 'hunk', text: line });
			continue;
		}
		if (!inHunk) continue;
		if (line.startsWith('\\')) rows.push({ kind: 'note', text: line.slice(1).trim() });
		else if (line.startsWith('-')) rows.push({ kind: 'del', text: line.slice(1), old: oldN++ });
		else if (line.startsWith('+')) rows.push({ kind: 'add', text: line.slice(1), new: newN++ });
		else if (line.startsWith(' ') || line === '') rows.push({ kind: 'context', text: line.slice(1), old: oldN++, new: newN++ });
		else if (line.startsWith('diff --git')) inHunk = false;
	}
	return rows;
}

/** The same lines side by side: a run of removed lines faces the run of added lines that follows it. */
export function splitRows(rows: readonly UnifiedRow[]): SplitRow[] {
	const out: SplitRow[] = [];
	for (let i = 0; i < rows.length; ) {
		const r = rows[i];
		if (r.kind === 'hunk' || r.kind === 'note') {
			out.push({ kind: r.kind, text: r.text });
			i++;
		} else if (r.kind === 'context') {
			out.push({ kind: 'context', left: { n: r.old!, text: r.text, changed: false }, right: { n: r.new!, text: r.text, changed: false } });
			i++;
		} else {
			const dels: UnifiedRow[] = [];
			const adds: UnifiedRow[] = [];
			while (i < rows.length && rows[i].kind === 'del') dels.push(rows[i++]);
			while (i < rows.length && rows[i].kind === 'add') adds.push(rows[i++]);
			for (let k = 0; k < Math.max(dels.length, adds.length); k++) {
				const d = dels[k];
				const a = adds[k];
				out.push({
					kind: 'change',
					left: d ? { n: d.old!, text: d.text, changed: true } : undefined,
					right: a ? { n: a.new!, text: a.text, changed: true } : undefined
				});
			}
		}
	}
	return out;
}

/** Lines added and removed in a unified diff. */
export function diffStat(rows: readonly UnifiedRow[]): { added: number; removed: number } {
	let added = 0;
	let removed = 0;
	for (const r of rows) {
		if (r.kind === 'add') added++;
		else if (r.kind === 'del') removed++;
	}
	return { added, removed };
}
