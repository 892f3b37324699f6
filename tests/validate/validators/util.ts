/** Small helpers shared by validators. */
import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, loadAll } from 'js-yaml';
import type { Finding } from '../registry.ts';

export const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
export const isYamlPath = (path: string): boolean => /\.ya?ml$/i.test(path);

/** 1-based line of a character offset. */
export function lineAt(text: string, index: number): number {
	let n = 1;
	for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
	return n;
}

/** Every YAML document of a file, or a finding when it does not parse. */
export function loadYamlDocs(path: string, content: string): { docs: unknown[]; findings: Finding[] } {
	try {
		const cfn = /AWSTemplateFormatVersion|AWS::Serverless-2016-10-31/.test(content);
		const docs = loadAll(content, cfn ? { schema: CFN_SCHEMA } : {}).filter((d) => d !== null && d !== undefined);
		return { docs, findings: [] };
	} catch (err) {
		const e = err as { mark?: { line?: number }; reason?: string; message: string };
		return { docs: [], findings: [{ file: path, line: e.mark?.line !== undefined ? e.mark.line + 1 : undefined, tool: 'js-yaml', message: e.reason ?? e.message }] };
	}
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** apiVersion/kind of a YAML text's first document line, cheaply (for `match`). */
export function k8sHeader(content: string): { apiVersion: string; kind: string } | null {
	const a = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(content);
	const k = /^kind:\s*["']?([A-Za-z]+)/m.exec(content);
	return a && k ? { apiVersion: a[1], kind: k[1] } : null;
}

/** Findings for generic output accidents: text a generator must never emit. */
export function accidents(path: string, content: string, tool: string): Finding[] {
	const out: Finding[] = [];
	const re = /\[object Object\]|\bundefined\b(?![-_\w])|\bNaN\b/g;
	for (const m of content.matchAll(re)) {
		// "undefined" is a legitimate English/Python word in prose; only flag it in obviously interpolated spots.
		if (m[0] === 'undefined' && !/[=:"'/]\s*undefined|undefined\s*["'/]/.test(content.slice(Math.max(0, m.index - 3), m.index + 12))) continue;
		out.push({ file: path, line: lineAt(content, m.index), tool, message: `looks like a generator bug: "${m[0]}" in the output` });
	}
	return out;
}

/** A CloudFormation short-form intrinsic (!Ref, !GetAtt, ...). */
export class Tag {
	constructor(
		readonly tag: string,
		readonly value: unknown
	) {}
}
const TAGS = ['Ref', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'Base64', 'Cidr', 'ImportValue', 'GetAZs', 'Condition', 'Transform'];
/** js-yaml schema that knows CloudFormation's short tags (each as scalar, sequence or mapping). */
export const CFN_SCHEMA = CORE_SCHEMA.withTags(
	...TAGS.flatMap((t) => [
		defineScalarTag<Tag>(`!${t}`, { resolve: (s) => new Tag(t, s), identify: (d) => d instanceof Tag }),
		defineSequenceTag<unknown[], Tag>(`!${t}`, {
			create: () => [],
			addItem: (c, item) => {
				c.push(item);
			},
			finalize: (c) => new Tag(t, c),
			identify: (d) => d instanceof Tag
		}),
		defineMappingTag<Record<string, unknown>, Tag>(`!${t}`, {
			create: () => ({}),
			addPair: (c, k, v) => {
				c[String(k)] = v;
				return '';
			},
			has: (c, k) => String(k) in c,
			keys: (r) => Object.keys(r.value as object),
			get: (r, k) => (r.value as Record<string, unknown>)[String(k)],
			finalize: (c) => new Tag(t, c),
			identify: (d) => d instanceof Tag
		})
	])
);
