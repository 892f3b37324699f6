/**
 * vite-plugins/record-evidence.ts removes the records' evidence (source,
 * checked, date, seen, evidence) from versions.ts in the browser's bundle.
 * That is sound only while no generator reads any of it: here every
 * configuration of the matrix is generated twice, once with versions.ts as it
 * is and once with versions.ts as the plugin writes it (the same transform,
 * applied through the `?strip-evidence` import), and the files must be the
 * same, byte for byte. A generator that starts to write a record's `source`
 * or `date` into a file fails this test, and the fix is to take the key out
 * of EVIDENCE_KEYS.
 */
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it, vi } from 'vitest';
import { cut, EVIDENCE_KEYS, evidenceRanges, STRIP_QUERY } from '../../vite-plugins/record-evidence.ts';
import type { GeneratedFile } from '../../src/lib/generators/index.ts';
import type { Config } from '../../src/lib/model/config.ts';

const strip = (code: string) => cut(code, evidenceRanges(parseAst(code) as unknown as Parameters<typeof evidenceRanges>[0]));

describe('recordEvidence (vite-plugins/record-evidence.ts)', () => {
	it('removes the named properties wherever they stand in an object literal, and nothing else', () => {
		expect(strip('export const A = { evidence: "x", repo: "a/b", seen: ["v1"], ref: "v2", source: `s ${1}` };')).toBe('export const A = { repo: "a/b", ref: "v2",  };');
		expect(strip('const r = (x) => ({ ...x, checked: C });')).toBe('const r = (x) => ({ ...x,  });');
		expect(strip('export const B = { a: { date: null, b: { evidence: "e" } }, c: 1 };')).toBe('export const B = { a: { b: {  } }, c: 1 };');
		// Computed keys, methods, strings that mention a key and reads of it stay.
		const kept = 'export const C = { ["evidence"]: 1, note: "evidence: x", source() { return 1; } }; export const D = A.source;';
		expect(strip(kept)).toBe(kept);
		// The result parses.
		expect(() => parseAst(strip('export const E = { evidence: "x" }, F = { a: 1, evidence: "y" };'))).not.toThrow();
	});

	it('generate() writes the same files for every configuration of the matrix with the stripped versions.ts', async () => {
		const { fullMatrix } = await import('../validate/matrix.ts');
		const configs: Config[] = fullMatrix()
			.filter((e) => !e.invalid.length)
			.map((e) => e.config);
		expect(configs.length).toBeGreaterThan(100);
		const run = async () => {
			const { generate } = await import('../../src/lib/generators/index.ts');
			const versions = await import('../../src/lib/generators/versions.ts');
			const out: GeneratedFile[][] = configs.map((c) => generate(c));
			return { out, versions };
		};
		const plain = await run();
		vi.resetModules();
		// The query is the plugin's (vite-plugins/record-evidence.ts): TypeScript resolves no module for it.
		// @ts-expect-error -- a Vite module id, not a file TypeScript knows
		vi.doMock('../../src/lib/generators/versions.ts', () => import('../../src/lib/generators/versions.ts?strip-evidence'));
		const stripped = await run();
		vi.doUnmock('../../src/lib/generators/versions.ts');
		vi.resetModules();

		for (const [i, files] of stripped.out.entries()) expect(files, `configuration ${i}`).toEqual(plain.out[i]);

		// Not vacuous: the plain records carry their evidence, the stripped ones none of it.
		const plainRef = plain.versions.ACTION_REFS.checkout as unknown as Record<string, unknown>;
		const strippedRef = stripped.versions.ACTION_REFS.checkout as unknown as Record<string, unknown>;
		for (const key of ['evidence', 'source', 'checked', 'seen', 'date']) {
			expect(plainRef[key], key).toBeDefined();
			expect(key in strippedRef, key).toBe(false);
		}
		expect(strippedRef.sha).toBe(plainRef.sha);
		const size = (m: object) => JSON.stringify(Object.fromEntries(Object.entries(m))).length;
		expect(size(stripped.versions)).toBeLessThan(size(plain.versions) * 0.7);
		expect([...EVIDENCE_KEYS].sort()).toEqual(['checked', 'date', 'evidence', 'seen', 'source', 'vscodeEvidence']);
	}, 120_000);
});
