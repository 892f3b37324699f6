/**
 * Line diffs (longest common subsequence over the lines that differ after
 * trimming the common head and tail). Pure; used by the preview to mark
 * changed lines, to rewrite only the code view's lines that differ
 * (highlight/lines.ts) and to re-highlight only the runs of lines that changed
 * (highlight/incremental.ts).
 */

/** Above this many cells the LCS table is skipped and the whole differing middle is one hunk. */
const MAX_CELLS = 4_000_000;

/** A run of lines that differ: `a[aFrom, aTo)` of the old lines became `b[bFrom, bTo)` of the new ones (either may be empty). */
export interface Hunk {
	aFrom: number;
	aTo: number;
	bFrom: number;
	bTo: number;
}

/**
 * The runs of lines that differ between `a` and `b`, in order, apart from the lines of a longest common
 * subsequence (kept). Past `maxCells` cells of the LCS table (the differing middles' lengths multiplied),
 * the whole differing middle is one hunk. Identical arrays give none.
 *
 * @example lineHunks(['a', 'b', 'c'], ['a', 'x', 'y', 'c']) // [{ aFrom: 1, aTo: 2, bFrom: 1, bTo: 3 }]
 */
export function lineHunks(a: readonly string[], b: readonly string[], maxCells = MAX_CELLS): Hunk[] {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	const n = endA - start;
	const m = endB - start;
	if (n === 0 && m === 0) return [];
	if (n === 0 || m === 0 || n * m > maxCells) return [{ aFrom: start, aTo: endA, bFrom: start, bTo: endB }];
	// Each distinct line as a number, so the table compares numbers, not strings (lines of HTML share long prefixes).
	const ids = new Map<string, number>();
	const id = (line: string) => {
		let k = ids.get(line);
		if (k === undefined) ids.set(line, (k = ids.size));
		return k;
	};
	const x = new Int32Array(n);
	const y = new Int32Array(m);
	for (let i = 0; i < n; i++) x[i] = id(a[start + i]);
	for (let j = 0; j < m; j++) y[j] = id(b[start + j]);
	// lcs[i][j] = LCS length of a[start+i..endA) and b[start+j..endB), in one flat array.
	const w = m + 1;
	const lcs = new Uint32Array((n + 1) * w);
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
		}
	}
	const out: Hunk[] = [];
	let open: Hunk | null = null;
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && x[i] === y[j]) {
			open = null;
			i++;
			j++;
			continue;
		}
		if (!open) out.push((open = { aFrom: start + i, aTo: start + i, bFrom: start + j, bTo: start + j }));
		// A tie drops the old line first (the new one may still match further on).
		if (i < n && (j >= m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) open.aTo = start + ++i;
		else open.bTo = start + ++j;
	}
	return out;
}

/**
 * Indices (0-based) of the lines of `next` that are added or changed
 * compared with `prev`. Identical texts give an empty set.
 *
 * @example changedLines('a\nb\nc', 'a\nB\nc') // Set {1}
 */
export function changedLines(prev: string, next: string): Set<number> {
	const out = new Set<number>();
	if (prev === next) return out;
	for (const h of lineHunks(prev.split('\n'), next.split('\n'))) for (let j = h.bFrom; j < h.bTo; j++) out.add(j);
	return out;
}
