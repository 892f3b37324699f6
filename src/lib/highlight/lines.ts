/**
 * The preview's code view, written line by line: one `<span class="line">`
 * per line (`line mark` for a changed one), and on each update only the lines
 * that differ from what the element already shows are touched. An edit that
 * changes one line of a 100-line file rewrites one span, not the whole file
 * (which would also make the browser lay out and paint every line again).
 * Each line's HTML comes from the highlighter (or escapeHtml): file text is
 * always escaped before it gets here.
 */

import { lineHunks, type Hunk } from '../state/diff.ts';
import { lineClass, markup } from './line-markup.ts';

interface Shown {
	/** The HTML of each line span, in order. */
	html: string[];
	/** Whether each line span carries the `mark` class. */
	marked: boolean[];
}

const shown = new WeakMap<Element, Shown>();

/** Above this many cells (old lines times new ones, between the common head and tail) the patch does not look for kept lines in between. */
const PATCH_CELLS = 250_000;

/**
 * Make `code` show `lines` with the lines at `marks` (indices) marked.
 * The lines of a longest common subsequence of what is shown and `lines`
 * stay the nodes they are (state/diff.ts `lineHunks`); each run of lines
 * between them is written: its lines rewritten in place as far as the old
 * and new runs both reach, the rest inserted or removed as one block. A
 * manager switch that changes 15 lines of a 95-line pyproject.toml, and
 * shifts the rest, writes those 15. Then only the marks that changed are set.
 *
 * `upTo` (issue 18.15, "preview first"): the lines from that index on are not
 * on screen, and a change that reaches past it may write only the lines
 * before it now. The element then shows the new lines up to there and, below,
 * what it showed before, and the call returns false: a later call with the
 * same lines (and no `upTo`) writes the rest.
 * Returns true when the element shows exactly `lines`.
 */
export function patchLines(code: Element, lines: readonly string[], marks: ReadonlySet<number>, upTo = Infinity): boolean {
	const before = shown.get(code);
	if (!before || code.childElementCount !== before.html.length) {
		const now = upTo < lines.length ? lines.slice(0, upTo) : lines;
		code.innerHTML = markup(now, marks, 0);
		shown.set(code, { html: [...now], marked: now.map((_, i) => marks.has(i)) });
		return now === lines;
	}
	const { html, marked } = before;
	const hunks = lineHunks(html, lines, PATCH_CELLS);
	// The runs that start on screen; one that reaches below it is written up to there, in place of as many old lines.
	let complete = true;
	const now: Hunk[] = [];
	for (const h of hunks) {
		if (h.bFrom >= upTo) {
			complete = false;
			break;
		}
		if (h.bTo > upTo) {
			complete = false;
			const k = upTo - h.bFrom;
			now.push({ aFrom: h.aFrom, aTo: Math.min(h.aTo, h.aFrom + k), bFrom: h.bFrom, bTo: upTo });
			break;
		}
		now.push(h);
	}
	const spans = code.children;
	// Last run first: the old indices of the runs before it still hold.
	for (let x = now.length - 1; x >= 0; x--) {
		const { aFrom, aTo, bFrom, bTo } = now[x];
		const both = Math.min(aTo - aFrom, bTo - bFrom);
		for (let k = 0; k < both; k++) {
			if (html[aFrom + k] === lines[bFrom + k]) continue;
			spans[aFrom + k].innerHTML = lines[bFrom + k];
			html[aFrom + k] = lines[bFrom + k];
		}
		const at = aFrom + both;
		if (aTo > at) {
			// The old lines left over go as one range (one DOM mutation, where a remove() per line was one each).
			const range = document.createRange();
			range.setStartBefore(spans[at]);
			range.setEndAfter(spans[aTo - 1]);
			range.deleteContents();
			html.splice(at, aTo - at);
			marked.splice(at, aTo - at);
		} else if (bTo > bFrom + both) {
			const fresh = lines.slice(bFrom + both, bTo);
			const block = markup(fresh, marks, bFrom + both);
			const after = spans[at] ?? null;
			if (after) after.insertAdjacentHTML('beforebegin', block);
			else code.insertAdjacentHTML('beforeend', block);
			html.splice(at, 0, ...fresh);
			marked.splice(at, 0, ...fresh.map((_, i) => marks.has(bFrom + both + i)));
		}
	}
	for (let i = 0; i < html.length; i++) {
		const mark = marks.has(i);
		if (marked[i] !== mark) {
			spans[i].className = lineClass(mark);
			marked[i] = mark;
		}
	}
	return complete;
}
