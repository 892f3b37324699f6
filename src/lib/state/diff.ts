/**
 * Line diffs (a shortest edit script, so a longest common subsequence kept,
 * over the lines that differ after trimming the common head and tail). Pure; used by the preview to mark
 * changed lines, to rewrite only the code view's lines that differ
 * (highlight/lines.ts) and to re-highlight only the runs of lines that changed
 * (highlight/incremental.ts).
 */

/** Above this many cells (the differing middles' lengths multiplied) the search is skipped and the whole differing middle is one hunk. */
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
 * subsequence (kept). Past `maxCells` cells (the differing middles' lengths multiplied), the whole
 * differing middle is one hunk. Identical arrays give none.
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
	const whole: Hunk[] = [{ aFrom: start, aTo: endA, bFrom: start, bTo: endB }];
	if (n === 0 || m === 0 || n * m > maxCells) return whole;
	// Myers' O(ND) greedy search (An O(ND) Difference Algorithm and Its Variations, 1986) looks at about
	// (n + m) * D cells for D lines removed or added, where the table looks at all n * m: an edit of a field
	// changes a few lines far apart (the project name is on five of pyproject.toml's 95 lines), so D is small
	// while the differing middle is most of the file. In Node, over the files a change alters (all of them, as
	// text lines): a keystroke 0.33 ms with the table, 0.14 with the search; a manager switch 0.20 and 0.13; a
	// preset, whose files differ more (D is large), 0.17 and 0.19. The rounds keep about d * d cells of trace:
	// past `maxCells` of them, one hunk, as above.
	// v[k]: the furthest old line reached on diagonal k (old index minus new index); trace[d]: v as round d found it.
	const off = n + m + 1;
	const v = new Int32Array(2 * off + 1);
	const trace: Int32Array[] = [];
	let d = 0;
	search: for (; ; d++) {
		if (d * d > maxCells) return whole;
		trace.push(v.slice(off - d, off + d + 1));
		for (let k = -d; k <= d; k += 2) {
			let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[start + x] === b[start + y]) {
				x++;
				y++;
			}
			v[off + k] = x;
			if (x >= n && y >= m) break search;
		}
	}
	// Back from the end: each round added one line (down: a new line) or dropped one (right: an old line) before a
	// run of kept ones. Collected from the end, the runs of edits are the hunks.
	const out: Hunk[] = [];
	let x = n;
	let y = m;
	for (; d > 0; d--) {
		const prev = trace[d];
		const k = x - y;
		const at = (kk: number) => prev[kk + d];
		const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
		const px = down ? at(k + 1) : at(k - 1);
		const py = px - (down ? k + 1 : k - 1);
		const h = out[out.length - 1];
		// The edit's old and new positions; it joins the hunk after it when no kept line is between them.
		const ax = start + px;
		const by = start + py;
		const aEnd = ax + (down ? 0 : 1);
		const bEnd = by + (down ? 1 : 0);
		if (h && h.aFrom === aEnd && h.bFrom === bEnd) {
			h.aFrom = ax;
			h.bFrom = by;
		} else out.push({ aFrom: ax, aTo: aEnd, bFrom: by, bTo: bEnd });
		x = px;
		y = py;
	}
	return out.reverse();
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
