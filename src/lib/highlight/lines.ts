/**
 * The preview's code view, written line by line: one `<span class="line">`
 * per line (`line mark` for a changed one), and on each update only the lines
 * that differ from what the element already shows are touched. An edit that
 * changes one line of a 100-line file rewrites one span, not the whole file
 * (which would also make the browser lay out and paint every line again).
 * Each line's HTML comes from the highlighter (or escapeHtml): file text is
 * always escaped before it gets here.
 */

interface Shown {
	/** The HTML of each line span, in order. */
	html: string[];
	/** Whether each line span carries the `mark` class. */
	marked: boolean[];
}

const shown = new WeakMap<Element, Shown>();

const lineClass = (mark: boolean) => (mark ? 'line mark' : 'line');

/** `lines` as one HTML string (how the code element starts, and how a changed block is inserted). */
function markup(lines: readonly string[], marks: ReadonlySet<number>, offset: number): string {
	let out = '';
	for (let i = 0; i < lines.length; i++) out += `<span class="${lineClass(marks.has(offset + i))}">${lines[i]}</span>`;
	return out;
}

/**
 * Make `code` show `lines` with the lines at `marks` (indices) marked.
 * Lines equal at the start and at the end are kept as they are; in between,
 * when the line count is the same, each line that differs is rewritten, else
 * the lines in between are replaced as one block; then only the marks that
 * changed are set.
 *
 * `upTo` (issue 18.15, "preview first"): the lines from that index on are not
 * on screen, and a change that reaches past it may write only the lines
 * before it now. The element then shows the new lines up to there and, below,
 * what it showed before (or nothing of the old block), and the call returns
 * false: a later call with the same lines (and no `upTo`) writes the rest.
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
	const { html } = before;
	const n = html.length;
	const m = lines.length;
	let start = 0;
	while (start < n && start < m && html[start] === lines[start]) start++;
	let endOld = n;
	let endNew = m;
	while (endOld > start && endNew > start && html[endOld - 1] === lines[endNew - 1]) {
		endOld--;
		endNew--;
	}
	const cut = Math.max(start, upTo);
	if (cut < endNew) {
		// Only the first lines now: the new block up to `cut`, then what was shown from the same place on
		// (the old block's lines past it, or, where the old block was shorter, the lines after it).
		write(code, before, lines.slice(0, cut).concat(html.slice(Math.min(cut, endOld))), marks, start, cut, Math.min(cut, endOld));
		return false;
	}
	write(code, before, lines, marks, start, endNew, endOld);
	return true;
}

/** Make `code` (showing `before`) show `lines`, which differ from it only in `start`..`endNew` (was `start`..`endOld`). */
function write(code: Element, before: Shown, lines: readonly string[], marks: ReadonlySet<number>, start: number, endNew: number, endOld: number): void {
	const { html, marked } = before;
	const m = lines.length;
	const spans = code.children;
	if (endOld - start === endNew - start) {
		for (let i = start; i < endNew; i++) {
			if (html[i] === lines[i]) continue;
			spans[i].innerHTML = lines[i];
			html[i] = lines[i];
		}
	} else {
		// The old block goes as one range (one DOM mutation, where a remove() per line was one each).
		if (endOld > start) {
			const range = document.createRange();
			range.setStartBefore(spans[start]);
			range.setEndAfter(spans[endOld - 1]);
			range.deleteContents();
		}
		const block = markup(lines.slice(start, endNew), marks, start);
		const after = spans[start] ?? null;
		if (after) after.insertAdjacentHTML('beforebegin', block);
		else code.insertAdjacentHTML('beforeend', block);
		const fresh = lines.slice(start, endNew);
		html.splice(start, endOld - start, ...fresh);
		marked.splice(start, endOld - start, ...fresh.map((_, i) => marks.has(start + i)));
	}
	for (let i = 0; i < m; i++) {
		const mark = marks.has(i);
		if (marked[i] !== mark) {
			spans[i].className = lineClass(mark);
			marked[i] = mark;
		}
	}
}
