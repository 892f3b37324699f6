/**
 * The Markdown writer for the READMEs, which are built line by line as arrays
 * of strings: user text goes through `mdText()` (prose) or `code()` (inline
 * code), commands go into `fence()` blocks, and `markdownDocument()` ends the
 * file. Nothing here rewraps or reflows text: a line given is a line written.
 */

/** User text in Markdown prose: one line, no markup, no HTML. */
export function mdText(text: string): string {
	return text
		.replace(/[\r\n\u2028\u2029]+/g, ' ')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/([\\`*_{}[\]()#+!|~-])/g, '\\$1');
}

/** Inline code: backticks and line breaks cannot occur in it (each becomes a space). */
export function code(text: string): string {
	return '`' + text.replace(/[`\r\n\u2028\u2029]/g, ' ') + '`';
}

/** A fenced code block (`lang`: `sh`, `python`, ...) of the given lines, as lines. */
export function fence(lang: string, ...lines: readonly string[]): string[] {
	for (const line of lines) if (line.startsWith('```')) throw new Error(`a fenced block cannot hold a line that starts with \`\`\`: ${JSON.stringify(line)}`);
	return ['```' + lang, ...lines, '```'];
}

/** The file's text: the lines joined, trailing blank lines dropped, one final newline. */
export function markdownDocument(lines: readonly string[]): string {
	return lines.join('\n').replace(/\n+$/, '') + '\n';
}
