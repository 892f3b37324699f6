/**
 * POSIX shell quoting: every value from the model enters install.sh as one
 * single-quoted word, so no character (`$`, backquote, `;`, quotes...) is
 * interpreted by the shell.
 */

/**
 * Single-quote a word for sh. A `'` inside becomes `'\''`. Line breaks and
 * other control characters are refused: they have no business in a name or
 * path and would make the script hard to read.
 *
 * @example shQuote("it's") // 'it'\''s'
 */
export function shQuote(text: string): string {
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) throw new Error(`shell word must not contain control characters: ${JSON.stringify(text)}`);
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A word as sh reads it: bare when it holds only characters sh never interprets, else shQuote()d. */
export function shWord(text: string): string {
	return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : shQuote(text);
}

/**
 * A POSIX sh script built line by line: the shebang, our own `#` comment
 * lines (one line each; never user text that could hold a line break), `set
 * -eu`, then the body's lines, and one final newline. Values in the body are
 * quoted by shQuote()/shWord().
 */
export function shScript(comments: readonly string[], body: readonly string[]): string {
	for (const c of comments) if (/[\r\n\u2028\u2029]/.test(c)) throw new Error(`a script comment must be one line: ${JSON.stringify(c)}`);
	return ['#!/bin/sh', ...comments.map((c) => `# ${c}`), 'set -eu', ...body, ''].join('\n');
}
