/**
 * A small syntax highlighter for the preview. Each language is a list of
 * sticky regular expressions tried in order at the current position; text no
 * rule claims is plain. Output is one HTML string per line, every piece of
 * file text HTML-escaped (the file text never becomes markup), so the viewer
 * can mark changed lines. Loaded with import() so it is not in the first load.
 */
import type { Language } from '../generators/types.ts';
import { escapeHtml } from './escape.ts';

export { escapeHtml };

export type TokenType =
	| 'comment'
	| 'string'
	| 'number'
	| 'keyword'
	| 'key'
	| 'section'
	| 'builtin'
	| 'variable'
	| 'punct'
	| 'heading'
	| 'code'
	| 'meta';

type Rule = [RegExp, TokenType];


const r = (source: string, flags = ''): RegExp => new RegExp(source, 'y' + flags);
/** At the start of a line (after optional indentation). */
const BOL = '(?<=^|\\n)[ \\t]*';
const DQ = '"(?:[^"\\\\\\n]|\\\\.)*"?';
const SQ = "'(?:[^'\\\\\\n]|\\\\.)*'?";
const NUM = '-?\\b\\d[\\d_]*(?:\\.\\d[\\d_]*)?(?:[eE][+-]?\\d+)?\\b';

const words = (list: string): string => `\\b(?:${list.trim().split(/\s+/).join('|')})\\b`;

const PY_KEYWORDS = words(`False None True and as assert async await break class continue def del elif else except finally
	for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type`);
const PY_BUILTINS = words(`print len range str int float bool dict list set tuple object super isinstance open self cls
	Exception ValueError TypeError KeyError RuntimeError __name__ __main__`);

const SH_KEYWORDS = words(`if then else elif fi for in do done case esac while until function return exit set export local
	readonly shift trap exec cd echo printf test`);

const DOCKER_INSTR = `(?:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\\b`;

export const RULES: Record<Exclude<Language, 'text'>, Rule[]> = {
	toml: [
		[r('#.*'), 'comment'],
		[r(BOL + '\\[\\[?[^\\]\\n]*\\]\\]?'), 'section'],
		[r('"""[\\s\\S]*?(?:"""|$)'), 'string'],
		[r("'''[\\s\\S]*?(?:'''|$)"), 'string'],
		[r(DQ), 'string'],
		[r("'[^'\\n]*'?"), 'string'],
		[r(BOL + '[A-Za-z0-9_."\'-]+(?=[ \\t]*=)'), 'key'],
		[r('[A-Za-z0-9_-]+(?=[ \\t]*=)'), 'key'],
		[r(words('true false')), 'keyword'],
		[r('\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})?)?'), 'number'],
		[r(NUM), 'number']
	],
	yaml: [
		[r('(?<=^|\\s)#.*'), 'comment'],
		[r(BOL + '(?:---|\\.\\.\\.)(?=\\s|$)'), 'meta'],
		[r(BOL + '(?:-[ \\t]+)*[^\\s#\'"\\-:{}\\[\\],][^\\n:#]*?(?=:(?:[ \\t]|$|\\n))'), 'key'],
		[r(BOL + '(?:-[ \\t]+)*(?:' + DQ + '|' + SQ + ')(?=:(?:[ \\t]|$|\\n))'), 'key'],
		[r(DQ), 'string'],
		[r("'(?:[^'\\n]|'')*'?"), 'string'],
		[r('[&*][A-Za-z0-9_-]+'), 'variable'],
		[r('!![A-Za-z]+|![A-Za-z]*'), 'meta'],
		[r('(?<=[:\\s-])(?:true|false|null|yes|no|~)(?=\\s|$|,)'), 'keyword'],
		[r('(?<=[:\\s\\[,-])' + NUM + '(?=\\s|$|,|\\])'), 'number']
	],
	dockerfile: [
		[r(BOL + '#.*'), 'comment'],
		[r(BOL + DOCKER_INSTR, 'i'), 'keyword'],
		[r('\\bAS\\b'), 'keyword'],
		[r(DQ), 'string'],
		[r(SQ), 'string'],
		[r('\\$\\{[^}\\n]*\\}?|\\$[A-Za-z_][A-Za-z0-9_]*'), 'variable'],
		[r('--[A-Za-z][A-Za-z0-9-]*'), 'builtin'],
		[r(NUM), 'number']
	],
	python: [
		[r('#.*'), 'comment'],
		[r('(?:[rRbBfFuU]{1,2})?"""[\\s\\S]*?(?:"""|$)'), 'string'],
		[r("(?:[rRbBfFuU]{1,2})?'''[\\s\\S]*?(?:'''|$)"), 'string'],
		[r('(?:[rRbBfFuU]{1,2})?' + DQ), 'string'],
		[r('(?:[rRbBfFuU]{1,2})?' + SQ), 'string'],
		[r(BOL + '@[A-Za-z_][\\w.]*'), 'meta'],
		[r(PY_KEYWORDS), 'keyword'],
		[r(PY_BUILTINS), 'builtin'],
		[r('(?<=\\b(?:def|class)[ \\t]+)[A-Za-z_]\\w*'), 'key'],
		[r(NUM), 'number']
	],
	ini: [
		[r(BOL + '[#;].*'), 'comment'],
		[r(BOL + '\\[[^\\]\\n]*\\]?'), 'section'],
		[r(BOL + '[A-Za-z0-9_.@-]+(?=[ \\t]*[=:])'), 'key'],
		[r('\\$\\{[^}\\n]*\\}|\\$[A-Za-z_]\\w*|%[a-zA-Z%]'), 'variable'],
		[r(DQ), 'string']
	],
	nginx: [
		[r('#.*'), 'comment'],
		[r(DQ), 'string'],
		[r(SQ), 'string'],
		[r('\\$[A-Za-z_]\\w*'), 'variable'],
		[r('(?<=^|\\n|[;{}])[ \\t]*[a-z_][a-z0-9_]*'), 'keyword'],
		[r('[{};]'), 'punct'],
		[r('\\b\\d+[kmsdhKMG]?\\b'), 'number']
	],
	shell: [
		[r('(?<=^|\\s)#.*'), 'comment'],
		[r("'[^']*'?"), 'string'],
		[r(DQ), 'string'],
		[r('\\$\\{[^}\\n]*\\}?|\\$[A-Za-z_]\\w*|\\$[@#?*$!0-9-]'), 'variable'],
		[r(SH_KEYWORDS), 'keyword'],
		[r('(?<=\\s)--?[A-Za-z][A-Za-z0-9-]*'), 'builtin'],
		[r(NUM), 'number']
	],
	markdown: [
		[r('(?<=^|\\n)(?:```|~~~)[^\\n]*\\n[\\s\\S]*?(?:\\n(?:```|~~~)[ \\t]*(?=\\n|$)|$)'), 'code'],
		[r('(?<=^|\\n)#{1,6}[ \\t].*'), 'heading'],
		[r('(?<=^|\\n)[ \\t]*(?:[-*+]|\\d+\\.)(?=[ \\t])'), 'punct'],
		[r('`[^`\\n]+`'), 'code'],
		[r('\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__'), 'keyword'],
		[r('\\[[^\\]\\n]*\\]\\([^)\\n]*\\)'), 'string'],
		[r('<!--[\\s\\S]*?(?:-->|$)'), 'comment']
	],
	json: [
		// The colon on the same line: a look-ahead across the line end would make a line's tokens depend on the next line, which incremental.ts relies on never happening.
		[r(DQ + '(?=[ \\t]*:)'), 'key'],
		[r(DQ), 'string'],
		[r(words('true false null')), 'keyword'],
		[r(NUM), 'number'],
		[r('[{}\\[\\],:]'), 'punct']
	]
};

export interface Token {
	type: TokenType | null;
	text: string;
}

/** Split text into tokens; concatenating every token's text gives the input back exactly. */
export function tokenize(code: string, language: Language): Token[] {
	const rules = language === 'text' ? [] : RULES[language];
	const out: Token[] = [];
	let plain = '';
	let pos = 0;
	outer: while (pos < code.length) {
		for (const [re, type] of rules) {
			re.lastIndex = pos;
			const m = re.exec(code);
			if (m && m[0].length > 0) {
				if (plain) {
					out.push({ type: null, text: plain });
					plain = '';
				}
				out.push({ type, text: m[0] });
				pos += m[0].length;
				continue outer;
			}
		}
		// Consume a run of characters no rule can start on, to keep this linear-ish.
		plain += code[pos++];
	}
	if (plain) out.push({ type: null, text: plain });
	return out;
}

/** Highlight `code`: one HTML string per line ("\n"-separated), all text escaped. */
export function highlightLines(code: string, language: Language): string[] {
	const lines: string[] = [''];
	for (const tok of tokenize(code, language)) {
		const parts = tok.text.split('\n');
		parts.forEach((part, i) => {
			if (i > 0) lines.push('');
			if (!part) return;
			const html = escapeHtml(part);
			lines[lines.length - 1] += tok.type ? `<span class="tok-${tok.type}">${html}</span>` : html;
		});
	}
	return lines;
}

const BY_NAME: Record<string, Language> = {
	Dockerfile: 'dockerfile',
	Containerfile: 'dockerfile',
	Makefile: 'shell',
	'.dockerignore': 'text',
	'.gitignore': 'text',
	'.env.example': 'shell',
	'.env': 'shell',
	LICENSE: 'text',
	'Procfile': 'shell'
};
const BY_EXT: Record<string, Language> = {
	toml: 'toml',
	yaml: 'yaml',
	yml: 'yaml',
	py: 'python',
	pyi: 'python',
	ini: 'ini',
	cfg: 'ini',
	service: 'ini',
	socket: 'ini',
	timer: 'ini',
	conf: 'nginx',
	sh: 'shell',
	bash: 'shell',
	md: 'markdown',
	json: 'json',
	txt: 'text',
	in: 'text'
};

/** The language of a file: its own `language` if the generator said, else guessed from the name. */
export function languageOf(path: string, declared?: Language): Language {
	if (declared) return declared;
	const base = path.split('/').pop() ?? path;
	if (BY_NAME[base]) return BY_NAME[base];
	if (/^Dockerfile\./.test(base) || /\.Dockerfile$/i.test(base)) return 'dockerfile';
	const ext = base.includes('.') ? base.split('.').pop()!.toLowerCase() : '';
	return BY_EXT[ext] ?? 'text';
}
