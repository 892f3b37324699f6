/**
 * Escaping helpers for Python source. User text only ever enters generated
 * Python through `pyStr` (a string literal) or `pyComment` (a `#` comment
 * line), so it can never break out of the literal or the line.
 */

/**
 * A double-quoted Python string literal for any text. JSON's escapes (`\"`,
 * `\\`, `\n`, `\uXXXX`) are all valid Python escapes; we additionally escape
 * the characters Python (or editors) treat specially that JSON leaves raw.
 *
 * @example pyStr('Jane "JD" Doe') // "\"Jane \\\"JD\\\" Doe\""
 */
export function pyStr(text: string): string {
	const escaped = JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	// Ruff's formatter prefers double quotes unless that needs more escapes: match it, so
	// `ruff format --check` passes on generated code.
	const dq = (text.match(/"/g) ?? []).length;
	const sq = (text.match(/'/g) ?? []).length;
	if (dq <= sq) return escaped;
	return `'${escaped.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A Python list of string literals, one per line with a trailing comma (ruff-format stable). */
export function pyStrList(items: readonly string[], indent = ''): string {
	if (items.length === 0) return '[]';
	return `[\n${items.map((i) => `${indent}    ${pyStr(i)},`).join('\n')}\n${indent}]`;
}

/** Wrap our own prose into `#` comment lines of at most `width` columns. */
export function pyCommentBlock(text: string, indent = '', width = 88): string[] {
	const words = text.replace(/\s+/g, ' ').trim().split(' ');
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		if (line && indent.length + 2 + line.length + 1 + w.length > width) {
			lines.push(`${indent}# ${line}`);
			line = w;
		} else line = line ? `${line} ${w}` : w;
	}
	if (line) lines.push(`${indent}# ${line}`);
	return lines;
}

/**
 * One `#` comment line. Line breaks (every kind Python or an editor may
 * honour) become spaces, so the text cannot start a new line of code.
 */
export function pyComment(text: string): string {
	// eslint-disable-next-line no-control-regex
	return `# ${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u0085\f\v]+/g, ' ')}`.trimEnd();
}

/** Join lines into a file body that ends with exactly one newline. */
export function pyFile(lines: readonly string[]): string {
	return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/**
 * `from module import a, b` on one line when it fits in `width`, else the
 * parenthesised one-per-line form that ruff's isort and formatter both write.
 */
export function pyFromImport(module: string, names: readonly string[], width = 100): string {
	const line = `from ${module} import ${names.join(', ')}`;
	if (line.length <= width) return line;
	return `from ${module} import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`;
}

/** A Python module's parts, in the order PEP 8 puts them. */
export interface PyModuleParts {
	/**
	 * The module docstring's text, exactly as it stands between the triple quotes: a text
	 * ending in a line break closes the quotes on a line of their own. A docstring holding
	 * a backslash is written raw (`r"""`), so it reads as it is written (ruff D301).
	 */
	doc: string;
	/** Import groups in isort's order (standard library, third party, first party, local), one line a statement; an empty group is left out. */
	imports?: readonly (readonly string[])[];
	/** The code after the imports; leading blank lines are the writer's. */
	body?: readonly string[];
}

/** A top-level line that PEP 8 (E302) wants two blank lines before. */
const DEFINITION = /^(?:def |async def |class |@)/;

/**
 * A module's lines: docstring, import groups one blank line apart, then the body
 * after one blank line, or two before a definition (what isort's
 * `lines-after-imports` and ruff's formatter write). pyFile() joins them.
 */
export function pyModule(parts: PyModuleParts): string[] {
	const lines = `${parts.doc.includes('\\') ? 'r' : ''}"""${parts.doc}"""`.split('\n');
	for (const group of parts.imports ?? []) if (group.length) lines.push('', ...group);
	const body = [...(parts.body ?? [])];
	while (body[0] === '') body.shift();
	if (body.length) lines.push(...(DEFINITION.test(body[0]!) ? ['', ''] : ['']), ...body);
	return lines;
}
