/**
 * Re-highlighting after an edit without tokenizing the whole file again: an
 * edit changes a few lines of a file (the project name in pyproject.toml),
 * and the tokenizer (index.ts) restarts cleanly at any line start no token
 * runs across (its rules look back one character, or to the line's start, and
 * look ahead only within the text they match). So the lines before the first
 * change are kept, the text from that line's start to a line in the unchanged
 * tail is tokenized, and the tail's lines are kept, if the tail starts cleanly
 * in both versions; anything doubtful tokenizes the whole file. The result is
 * always what highlightLines gives for the whole text (incremental.test.ts
 * compares the two over random edits of every generated file).
 *
 * Loaded with the highlighter (import() from Preview.svelte).
 */
import type { Language } from '../generators/types.ts';
import { changedLines as lineChanges, lineHunks } from '../state/diff.ts';
import { escapeHtml, highlightLines, tokenize, type Token } from './index.ts';

export * from './index.ts';
// The preview's line patching and line diff come with the highlighter, out of the page's first load.
export { patchLines } from './lines.ts';

/** Files highlighted ahead (prepare), by text, with their line marks against the text shown when they were prepared. */
const prepared = new Map<string, { h: Highlighted; from: string; marks: Set<number> }>();

/**
 * Highlight `code` and diff it against `from` (the file as shown) ahead of a change that may show it: the
 * page calls this in idle time for the file on screen in each set one click away (AppState's look-ahead),
 * so that click's task finds both done (rehighlight, changedLines). Keeps the last 32.
 */
export function prepare(from: Highlighted, code: string, language: Language): void {
	if (prepared.size >= 32) prepared.delete(prepared.keys().next().value!);
	prepared.set(code, { h: rehighlight(from, code, language), from: from.code, marks: lineChanges(from.code, code) });
}

/** The indices of the lines of `b` not kept from `a` (state/diff.ts), prepared ahead when they were. */
export function changedLines(a: string, b: string): Set<number> {
	const p = prepared.get(b);
	return p && p.from === a ? p.marks : lineChanges(a, b);
}

/** A highlighted text: its lines' HTML, and for each line whether it starts where no token runs across. */
export interface Highlighted {
	code: string;
	language: Language;
	lines: string[];
	/** clean[i]: line i starts at a position where the tokenizer stood (no token spans its start). */
	clean: boolean[];
}

/** Lines and clean flags of `tokens` (which concatenate to a text of `lineCount` lines). */
function toLines(tokens: readonly Token[]): { lines: string[]; clean: boolean[] } {
	const lines: string[] = [''];
	const clean: boolean[] = [true];
	for (const tok of tokens) {
		const parts = tok.text.split('\n');
		parts.forEach((part, i) => {
			if (i > 0) {
				lines.push('');
				// A plain run is where no rule matched: the tokenizer stood at each of its characters.
				clean.push(tok.type === null);
			}
			if (!part) return;
			const html = escapeHtml(part);
			lines[lines.length - 1] += tok.type ? `<span class="tok-${tok.type}">${html}</span>` : html;
		});
	}
	return { lines, clean };
}

/** Highlight a whole text (what `rehighlight` falls back to). */
export function highlightAll(code: string, language: Language): Highlighted {
	return { code, language, ...toLines(tokenize(code, language)) };
}

/** Offsets of each line's start. */
function lineStarts(code: string): number[] {
	const out = [0];
	for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) out.push(i + 1);
	return out;
}

/** At most this many separate changed runs of lines are re-highlighted one by one; past it, as one span. */
const MAX_HUNKS = 12;
/** Past this many cells of the line diff's table (state/diff.ts), the changed lines are one span. */
const HUNK_CELLS = 250_000;

/**
 * `code` highlighted, reusing what `prev` (the same file before the edit) already has.
 *
 * An edit of one field often changes lines far apart (the project name is in `name = ...` and again in
 * the scripts, the package list, the coverage source), and a switch of manager or preset changes a few
 * runs of lines and shifts the rest: each run of changed lines (a line diff's hunk) is re-highlighted on
 * its own, through the texts that have the first runs changed and the rest not yet (each is a text of
 * its own, so each step gives what a whole tokenization of it gives), and the unchanged lines between
 * them are kept instead of being tokenized again.
 */
export function rehighlight(prev: Highlighted | null, code: string, language: Language): Highlighted {
	const ready = prepared.get(code)?.h;
	if (ready?.language === language) return ready;
	if (!prev || prev.language !== language) return highlightAll(code, language);
	if (prev.code === code) return prev;
	const oldLines = prev.code.split('\n');
	const newLines = code.split('\n');
	const hunks = lineHunks(oldLines, newLines, HUNK_CELLS);
	if (hunks.length > 1 && hunks.length <= MAX_HUNKS) {
		let h = prev;
		// After run k: the new lines up to its end, the old ones from its old end on (the last run's text is `code`).
		for (const { aTo, bTo } of hunks) h = rehighlightSpan(h, newLines.slice(0, bTo).concat(oldLines.slice(aTo)).join('\n'), language);
		return h;
	}
	return rehighlightSpan(prev, code, language);
}

/** `code` highlighted from `prev`, tokenizing again one span: from the first change to a clean line start in the unchanged tail. */
function rehighlightSpan(prev: Highlighted, code: string, language: Language): Highlighted {
	const old = prev.code;
	const max = Math.min(old.length, code.length);
	let p = 0;
	while (p < max && old.charCodeAt(p) === code.charCodeAt(p)) p++;
	let q = 0;
	while (q < max - p && old.charCodeAt(old.length - 1 - q) === code.charCodeAt(code.length - 1 - q)) q++;

	const oldStarts = lineStarts(old);
	const newStarts = lineStarts(code);
	// Restart: the last clean line start at or before the first change (line 0 always is).
	let a = 0;
	for (let i = 0; i < oldStarts.length && oldStarts[i] <= p; i++) if (prev.clean[i]) a = i;
	// Resume: the first new line start inside the unchanged tail whose old twin starts cleanly.
	const shift = old.length - code.length;
	const oldLineAt = new Map(oldStarts.map((o, i) => [o, i]));
	let e = -1;
	let eOld = -1;
	for (let j = a + 1; j < newStarts.length; j++) {
		const o = newStarts[j];
		if (code.length - o > q) continue;
		const i = oldLineAt.get(o + shift);
		if (i !== undefined && prev.clean[i]) {
			e = j;
			eOld = i;
			break;
		}
	}
	if (e < 0) {
		// No clean tail: tokenize from the restart line to the end.
		const from = newStarts[a];
		const win = from > 0 ? tokenize('\n' + code.slice(from), language) : tokenize(code, language);
		const part = from > 0 ? window(win) : toLines(win);
		if (!part) return highlightAll(code, language);
		return { code, language, lines: [...prev.lines.slice(0, a), ...part.lines], clean: [...prev.clean.slice(0, a), ...part.clean] };
	}
	const from = newStarts[a];
	const to = newStarts[e];
	// The window ends with the '\n' before line e; it must be plain (no token may run into the tail).
	const text = (from > 0 ? '\n' : '') + code.slice(from, to);
	const tokens = tokenize(text, language);
	const last = tokens[tokens.length - 1];
	if (!last || last.type !== null || !last.text.endsWith('\n')) return highlightAll(code, language);
	const part = from > 0 ? window(tokens) : toLines(tokens);
	if (!part) return highlightAll(code, language);
	// The window's text ends with '\n', so its last line is the empty start of line e: dropped.
	part.lines.pop();
	part.clean.pop();
	return {
		code,
		language,
		lines: [...prev.lines.slice(0, a), ...part.lines, ...prev.lines.slice(eOld)],
		clean: [...prev.clean.slice(0, a), ...part.clean, ...prev.clean.slice(eOld)]
	};
}

/** The lines of a window tokenized with a leading '\n' (the character before its first line): null if that '\n' joined a token. */
function window(tokens: readonly Token[]): { lines: string[]; clean: boolean[] } | null {
	if (!tokens.length || tokens[0].type !== null || !tokens[0].text.startsWith('\n')) return null;
	const out = toLines(tokens);
	out.lines.shift();
	out.clean.shift();
	out.clean[0] = true;
	return out;
}

/** For tests: the whole-text result, as highlightLines gives it. */
export const fullLines = (code: string, language: Language): string[] => highlightLines(code, language);
