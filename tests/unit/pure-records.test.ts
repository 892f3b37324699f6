import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { annotate, loadTimeCalls, pureRecords, RECORD_MODULES } from '../../vite-plugins/pure-records.ts';

const PURE = '/* @__PURE__ */ ';

/** The plugin's transform, with the bundler's parser (rolldown's, as the build has it). */
function transform(code: string, id: string): string | null {
	const hook = pureRecords().transform as (this: { parse: (code: string) => unknown }, code: string, id: string) => { code: string } | null;
	return hook.call({ parse: (c) => parseAst(c) }, code, id)?.code ?? null;
}

describe('pureRecords (vite-plugins/pure-records.ts)', () => {
	it('marks the calls evaluated at load, their arguments\' calls too, and nothing inside a function or a string', () => {
		const code = [
			'const ref = (r) => ({ ...r, checked: "2026-12-01" });',
			'export const A = { x: ref({ a: f(1), note: "ref(x) in text" }) };',
			'export const B = Object.fromEntries(Object.entries(A).map(([k]) => [k, g(k)]));',
			'export const C = new Set(["a"]);',
			'export function h() { return ref({}); }'
		].join('\n');
		const out = transform(code, '/w/src/lib/generators/versions.ts')!;
		expect(out).toBe(
			[
				'const ref = (r) => ({ ...r, checked: "2026-12-01" });',
				`export const A = { x: ${PURE}ref({ a: ${PURE}f(1), note: "ref(x) in text" }) };`,
				`export const B = ${PURE}Object.fromEntries(${PURE}${PURE}Object.entries(A).map(([k]) => [k, g(k)]));`,
				`export const C = ${PURE}new Set(["a"]);`,
				'export function h() { return ref({}); }'
			].join('\n')
		);
	});

	it('touches only the record modules', () => {
		expect(RECORD_MODULES.test('/w/src/lib/generators/versions.ts')).toBe(true);
		expect(transform('export const A = f();', '/w/src/lib/generators/ci.ts')).toBeNull();
		expect(transform('export const A = f();', '/w/src/lib/model/platform-facts.ts')).toBeNull();
	});

	it('versions.ts as it is: every call at its top level is one of its record helpers or a builtin that builds a value', () => {
		// The build strips the TypeScript before the plugin runs; parsed here as TypeScript, the callee names are read at each call.
		const js = readFileSync(join(import.meta.dirname, '../../src/lib/generators/versions.ts'), 'utf8');
		const program = parseAst(js, { lang: 'ts' }) as unknown as Parameters<typeof loadTimeCalls>[0];
		const callees = new Set(loadTimeCalls(program).map((at) => /^(?:new\s+)?([\w.$]+)/.exec(js.slice(at))![1]));
		const helpers = new Set([...js.matchAll(/^const (\w+) = (?:<[^\n]*?>)?\(/gm)].map((m) => m[1]));
		const builtins = new Set(['Object.fromEntries', 'Object.entries', 'Object.keys', 'Object.values', 'Set', 'Map', 'String', 'Number']);
		const imported = new Set(['via', 'TrailingComment']);
		const unknown = [...callees].filter((c) => !helpers.has(c) && !builtins.has(c) && !imported.has(c) && !/\.(map|filter|flatMap|join|slice|concat)$/.test(c));
		expect(unknown).toEqual([]);
		expect(annotate('a(b)', [0, 2])).toBe(`${PURE}a(${PURE}b)`);
	});
});
