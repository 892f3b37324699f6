/**
 * Which lines of a file are new since its previous version: a line diff
 * (longest common subsequence over the lines that differ after trimming the
 * common head and tail). Pure; used by the preview to mark changed lines.
 */

/** Above this many cells the LCS table is skipped and the whole differing middle is marked. */
const MAX_CELLS = 4_000_000;

/**
 * Indices (0-based) of the lines of `next` that are added or changed
 * compared with `prev`. Identical texts give an empty set.
 *
 * @example changedLines('a\nb\nc', 'a\nB\nc') // Set {1}
 */
export function changedLines(prev: string, next: string): Set<number> {
	const out = new Set<number>();
	if (prev === next) return out;
	const a = prev.split('\n');
	const b = next.split('\n');
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
	if (m === 0) return out;
	if (n === 0 || n * m > MAX_CELLS) {
		for (let j = start; j < endB; j++) out.add(j);
		return out;
	}
	// lcs[i][j] = LCS length of a[start+i..endA) and b[start+j..endB), in one flat array.
	const w = m + 1;
	const lcs = new Uint32Array((n + 1) * w);
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i * w + j] =
				a[start + i] === b[start + j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
		}
	}
	let i = 0;
	let j = 0;
	while (j < m) {
		if (i < n && a[start + i] === b[start + j]) {
			i++;
			j++;
		} else if (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
			i++;
		} else {
			out.add(start + j);
			j++;
		}
	}
	return out;
}
