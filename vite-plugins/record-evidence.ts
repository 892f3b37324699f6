/**
 * The record tables (src/lib/generators/versions.ts) without their evidence,
 * in the browser's bundle (issue 18.16).
 *
 * Each record says where and when it was checked (`source`, `checked`,
 * `date`), what else was seen (`seen`) and why (`evidence`): prose for people
 * and for tests/unit/versions.test.ts and `npm run pins`, which run in Node.
 * No generator writes any of it into a file, yet it was about a third of
 * versions.ts and 8 KB (brotli) of the generator worker. In SvelteKit's client
 * build this plugin removes those properties from every object literal of the
 * record modules; the CLI, the prerender and every test keep them.
 *
 * tests/unit/record-evidence.test.ts holds it: generate() gives the same files
 * for every configuration of the matrix with the module as this plugin writes
 * it (imported with `?strip-evidence`, which applies the same transform
 * outside the client build), and what is removed is named here only.
 */
import type { Plugin } from 'vite';
import { RECORD_MODULES } from './pure-records.ts';

/** The properties removed: what a record says about its own checking. */
export const EVIDENCE_KEYS: ReadonlySet<string> = new Set(['evidence', 'seen', 'source', 'checked', 'date', 'vscodeEvidence']);

/** The query that applies the transform outside the client build (the test's import). */
export const STRIP_QUERY = 'strip-evidence';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function keyName(p: Node): string | null {
	if (p.computed) return null;
	const key = p.key as Node & { name?: string; value?: unknown };
	if (key.type === 'Identifier') return key.name ?? null;
	if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
	return null;
}

/**
 * The source ranges to cut out of `program`: each property of an object
 * literal named in `keys`, up to the next property (or to its own end when it
 * is the last: the comma before it stays, a trailing comma JavaScript allows).
 */
export function evidenceRanges(program: Node, keys: ReadonlySet<string> = EVIDENCE_KEYS): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(visit);
		if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
		const n = node as Node;
		if (n.type === 'ObjectExpression') {
			const props = n.properties as Node[];
			props.forEach((p, i) => {
				const name = p.type === 'Property' && p.kind === 'init' && !p.method ? keyName(p) : null;
				if (name !== null && keys.has(name)) out.push([p.start, i + 1 < props.length ? props[i + 1]!.start : p.end]);
				else visit(p);
			});
			return;
		}
		for (const [key, value] of Object.entries(n)) if (key !== 'type' && value && typeof value === 'object') visit(value);
	};
	visit(program);
	return out.sort((a, b) => a[0] - b[0]);
}

/** `code` without the given ranges. */
export function cut(code: string, ranges: ReadonlyArray<readonly [number, number]>): string {
	let out = '';
	let last = 0;
	for (const [start, end] of ranges) {
		out += code.slice(last, start);
		last = end;
	}
	return out + code.slice(last);
}

export function recordEvidence(): Plugin {
	let client = false;
	return {
		name: 'slipway:record-evidence',
		options(opts) {
			const input = opts.input;
			// SvelteKit's client build (the one with entry/start), as slipway:page-entry tells them apart.
			client = !!input && typeof input === 'object' && !Array.isArray(input) && 'entry/start' in input;
			return null;
		},
		transform(code, id) {
			const [path, query = ''] = id.split('?');
			if (!RECORD_MODULES.test(path!)) return null;
			if (!client && !new URLSearchParams(query).has(STRIP_QUERY)) return null;
			// After Vite's TypeScript transform (no `enforce`): `code` is JavaScript.
			return { code: cut(code, evidenceRanges(this.parse(code) as unknown as Node)), map: null };
		}
	};
}
