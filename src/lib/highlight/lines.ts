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
 */
export function patchLines(code: Element, lines: readonly string[], marks: ReadonlySet<number>): void {
	const before = shown.get(code);
	if (!before || code.childElementCount !== before.html.length) {
		code.innerHTML = markup(lines, marks, 0);
		shown.set(code, { html: [...lines], marked: lines.map((_, i) => marks.has(i)) });
		return;
	}
	const { html, marked } = before;
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
