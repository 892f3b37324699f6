/**
 * The one YAML writer: js-yaml serialises plain data, so user text is always
 * quoted where YAML needs it. Keys keep insertion order; no anchors.
 *
 * A value may carry a comment on its own line (`uses: a/b@<sha> # v1.2.3`,
 * pre-commit's `rev: <sha>  # frozen: v1.2.3`): put a TrailingComment where
 * the scalar goes. js-yaml writes no comments, so the writer puts a plain
 * placeholder in its place, dumps, and then writes the scalar (dumped by
 * js-yaml on its own, so quoted where YAML needs it) and the comment over it.
 */
import { dump } from 'js-yaml';
import { TrailingComment } from './trailing-comment.ts';

export { TrailingComment };

const OPTIONS = { lineWidth: -1, noRefs: true, quoteStyle: 'double', indent: 2 } as const;

/** One YAML document, with optional `#` comment lines on top (ours, never user text). */
export function writeYaml(doc: unknown, header: readonly string[] = []): string {
	return comments(header) + dumpWithComments(doc);
}

function dumpWithComments(doc: unknown): string {
	// A placeholder no string of the document (key, value or commented value) contains, so user
	// text cannot collide with it: found while the comments are swapped out, in the same walk.
	let tag = 'slipwaytrailingcomment';
	let found: TrailingComment[] = [];
	let clash = false;
	const swap = (node: unknown): unknown => {
		if (typeof node === 'string') {
			if (!clash && node.includes(tag)) clash = true;
			return node;
		}
		if (node instanceof TrailingComment) {
			if (!clash && node.value.includes(tag)) clash = true;
			return `${tag}${found.push(node) - 1}end`;
		}
		if (Array.isArray(node)) return node.map(swap);
		if (node && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype)
			return Object.fromEntries(
				Object.entries(node).map(([k, v]) => {
					if (!clash && k.includes(tag)) clash = true;
					return [k, swap(v)];
				})
			);
		return node;
	};
	let swapped = swap(doc);
	while (clash && found.length) {
		tag += 'x';
		found = [];
		clash = false;
		swapped = swap(doc);
	}
	const out = dump(swapped, OPTIONS);
	if (!found.length) return out;
	// One pass over the text for all placeholders (a workflow has a dozen; one regex and one
	// replace each made this the generators' hottest spot), the checks in the comments' order.
	const at = new RegExp(`(?<=[:-] )${tag}(\\d+)end$`, 'gm');
	const present = new Set([...out.matchAll(at)].map((m) => Number(m[1])));
	const written = found.map((c, i) => {
		if (!present.has(i)) throw new Error(`TrailingComment ${c.value} is not a scalar value`);
		const scalar = dumpScalar(c.value);
		if (scalar.includes('\n')) throw new Error('a commented value must fit on one line');
		return `${scalar}${c.gap}# ${c.comment}`;
	});
	return out.replace(at, (_m, i: string) => written[Number(i)]);
}

/** A commented scalar as js-yaml writes it (memoised: the same SHAs and tags recur in every workflow, and each dump() builds js-yaml's state anew). */
const scalars = new Map<string, string>();
function dumpScalar(value: string): string {
	let s = scalars.get(value);
	if (s === undefined) {
		s = dump(value, OPTIONS).replace(/\n$/, '');
		if (scalars.size > 500) scalars.clear();
		scalars.set(value, s);
	}
	return s;
}

function comments(lines: readonly string[]): string {
	return lines
		.map((l) => {
			if (/[\r\n]/.test(l)) throw new Error('YAML comment must be one line');
			return l ? `# ${l}\n` : '#\n';
		})
		.join('');
}
