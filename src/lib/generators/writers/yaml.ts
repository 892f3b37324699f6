/**
 * The one YAML writer: js-yaml serialises plain data, so user text is always
 * quoted where YAML needs it. Keys keep insertion order; no anchors.
 */
import { dump } from 'js-yaml';

const OPTIONS = { lineWidth: -1, noRefs: true, quoteStyle: 'double', indent: 2 } as const;

/** One YAML document, with optional `#` comment lines on top (ours, never user text). */
export function writeYaml(doc: unknown, header: readonly string[] = []): string {
	return comments(header) + dump(doc, OPTIONS);
}

/** Several documents in one stream, separated by `---`. */
export function writeYamlStream(docs: readonly unknown[], header: readonly string[] = []): string {
	return comments(header) + docs.map((d) => dump(d, OPTIONS)).join('---\n');
}

function comments(lines: readonly string[]): string {
	return lines
		.map((l) => {
			if (/[\r\n]/.test(l)) throw new Error('YAML comment must be one line');
			return l ? `# ${l}\n` : '#\n';
		})
		.join('');
}
