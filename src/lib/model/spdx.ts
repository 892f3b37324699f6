/**
 * SPDX license expressions (PEP 639 `license = "MIT OR Apache-2.0"`), checked by
 * spdx-expression-parse (grammar of SPDX spec annex D) against the SPDX License
 * List of spdx-license-ids and spdx-exceptions (npm). The list's version is
 * recorded in versions.ts (SPDX_LICENSE_LIST).
 *
 * PEP 639 asks for more than the grammar: no `DocumentRef-`, and deprecated
 * identifiers are not valid in new metadata. Operators must be written in
 * capitals here, as PEP 639's canonical form (and every tool that prints one) does.
 */
import parse from 'spdx-expression-parse';
import LICENSE_IDS from 'spdx-license-ids/index.json' with { type: 'json' };
import DEPRECATED_IDS from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import EXCEPTION_IDS from 'spdx-exceptions/index.json' with { type: 'json' };

type Node = { license: string; plus?: boolean; exception?: string } | { left: Node; conjunction: 'and' | 'or'; right: Node };

export type SpdxCheck = { ok: true; licenses: string[]; exceptions: string[] } | { ok: false; error: string };

const IDS = new Set<string>(LICENSE_IDS);
const DEPRECATED = new Set<string>(DEPRECATED_IDS);
const EXCEPTIONS = new Set<string>(EXCEPTION_IDS);
const lower = (s: string) => s.toLowerCase();

function suggest(word: string): string {
	const l = lower(word);
	const hit = [...IDS, ...EXCEPTIONS].find((id) => lower(id) === l);
	if (hit) return `; SPDX spells it "${hit}"`;
	const prefixed = [...IDS].filter((id) => lower(id).startsWith(l)).slice(0, 3);
	return prefixed.length ? `; did you mean ${prefixed.map((p) => `"${p}"`).join(', ')}?` : '';
}

/**
 * Check an SPDX license expression as PEP 639 takes it.
 *
 * @example checkSpdx('MIT OR Apache-2.0') // { ok: true, licenses: ['MIT', 'Apache-2.0'], exceptions: [] }
 */
export function checkSpdx(expression: string): SpdxCheck {
	const e = expression;
	if (!e.trim()) return { ok: false, error: 'is empty' };
	// Every word that is not an operator or a parenthesis: report the first unknown one by name.
	for (const word of e.split(/[\s()]+/).filter(Boolean)) {
		if (/^(AND|OR|WITH)$/.test(word)) continue;
		if (/^(and|or|with)$/i.test(word)) return { ok: false, error: `writes the operator "${word}" in lower case; write it as "${word.toUpperCase()}"` };
		if (word.startsWith('DocumentRef-')) return { ok: false, error: `uses "${word}": PEP 639 does not allow DocumentRef- references` };
		if (/^LicenseRef-[A-Za-z0-9.-]+$/.test(word)) continue;
		const id = word.endsWith('+') ? word.slice(0, -1) : word;
		if (DEPRECATED.has(id)) return { ok: false, error: `uses "${id}", which the SPDX License List deprecates (not valid in new metadata, PEP 639)${id.startsWith('GPL') || id.startsWith('LGPL') || id.startsWith('AGPL') ? `; write "${id.replace(/\+$/, '')}-only" or "-or-later", e.g. "GPL-3.0-or-later"` : ''}` };
		if (!IDS.has(id) && !EXCEPTIONS.has(id)) return { ok: false, error: `uses "${word}", which is not an SPDX license identifier${suggest(id)}` };
	}
	let tree: Node;
	try {
		tree = parse(e) as Node;
	} catch (err) {
		// The parser's own messages are terse ("Syntax error", or a TypeError when the input ends after an operator).
		const m = (err as Error).message;
		const why = /Expected|Unexpected|Space before/.test(m) ? m : 'an operator without a license on one side, or two licenses without an operator between them';
		return { ok: false, error: `is not a valid SPDX expression (${why}), e.g. "MIT OR Apache-2.0" or "Apache-2.0 WITH LLVM-exception"` };
	}
	const licenses: string[] = [];
	const exceptions: string[] = [];
	const walk = (n: Node) => {
		if ('license' in n) {
			licenses.push(n.license + (n.plus ? '+' : ''));
			if (n.exception) exceptions.push(n.exception);
		} else {
			walk(n.left);
			walk(n.right);
		}
	};
	walk(tree);
	return { ok: true, licenses, exceptions };
}

/** Number of license identifiers Slipway knows (the SPDX list of spdx-license-ids), for help texts and tests. */
export const SPDX_LICENSE_COUNT = IDS.size;

/** Node has the whole list at once: nothing to wait for (spdx-lazy.ts is the browser's). */
export function onSpdxLoaded(_fn: () => void): () => void {
	return () => {};
}
