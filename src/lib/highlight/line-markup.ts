/**
 * The preview's line spans as HTML: one `<span class="line">` per line (`line mark` for a changed one),
 * and the line numbers beside them. Its own module, in the page's first load, so the preview can write
 * its lines before the highlighter and the line patcher (lines.ts, loaded with the highlighter) arrive.
 * Each line's HTML comes from the highlighter or escapeHtml: file text is always escaped before it gets here.
 */

export const lineClass = (mark: boolean) => (mark ? 'line mark' : 'line');

/** `lines` as one HTML string, the line at index `offset + i` marked when `marks` has it. */
export function markup(lines: readonly string[], marks: ReadonlySet<number>, offset: number): string {
	let out = '';
	for (let i = 0; i < lines.length; i++) out += `<span class="${lineClass(marks.has(offset + i))}">${lines[i]}</span>`;
	return out;
}

/** The numbers 1 to `n`, one per line: the code view's line numbers (Preview.svelte's gutter). */
export const numbersUpTo = (n: number): string => Array.from({ length: n }, (_, i) => i + 1).join('\n');
