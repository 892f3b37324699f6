/** The bundle measurement behind scripts/budget.mjs and scripts/bench.mjs. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleStats, staticImports } from '../../scripts/bundle-stats.mjs';

describe('staticImports', () => {
	test('finds static imports and re-exports, never dynamic import()', () => {
		const code =
			'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["../nodes/0.js","../chunks/lazy.js"])))=>i.map(i=>d[i]);' +
			'import{A as e,C as t}from"../chunks/a.js";import"../chunks/b.js";export{x}from"./c.js";import*as ns from"./d.js";' +
			'const z=()=>import("../chunks/lazy.js");const s="import x from \'./not-code\'";';
		expect(staticImports(code)).toEqual(['../chunks/a.js', '../chunks/b.js', './c.js', './d.js']);
	});
});

describe('bundleStats', () => {
	test('first load follows index.html and static imports; lazy chunks and the precache list are separate', () => {
		const dir = mkdtempSync(join(tmpdir(), 'slipway-budget-'));
		try {
			mkdirSync(join(dir, '_app/immutable/entry'), { recursive: true });
			mkdirSync(join(dir, '_app/immutable/chunks'), { recursive: true });
			writeFileSync(
				join(dir, 'index.html'),
				'<link href="./_app/immutable/entry/start.js" rel="modulepreload"><link href="./x.css" rel="stylesheet">' +
					'<script>{ __sveltekit_x = { base: new URL(".", location).pathname.slice(0, -1) };' +
					'Promise.all([import("./_app/immutable/entry/app.js")]) }</script>'
			);
			writeFileSync(join(dir, 'x.css'), 'body{}');
			writeFileSync(join(dir, '_app/immutable/entry/start.js'), 'import"../chunks/shared.js";');
			writeFileSync(join(dir, '_app/immutable/entry/app.js'), 'import{a}from"../chunks/shared.js";const l=()=>import("../chunks/lazy.js");');
			writeFileSync(join(dir, '_app/immutable/chunks/shared.js'), 'export const a=1;'.repeat(50));
			writeFileSync(join(dir, '_app/immutable/chunks/lazy.js'), 'export const b=2;');
			writeFileSync(join(dir, '404.html'), '<html></html>');
			writeFileSync(
				join(dir, 'service-worker.js'),
				'var e=location.pathname,t=[e+`/_app/immutable/entry/start.js`,e+`/_app/immutable/entry/app.js`,e+`/_app/immutable/chunks/shared.js`,e+`/_app/immutable/chunks/lazy.js`,e+`/_app/immutable/chunks/unused.js`,e+`/_app/immutable/gone.js`],r=[e+`/`],c=`${e}/404.html`;'
			);
			// Listed by the worker but named by no page or script: the worker does not precache it (src/lib/offline/precache.ts).
			writeFileSync(join(dir, '_app/immutable/chunks/unused.js'), 'export const c=3;');
			const s = bundleStats(dir);
			expect(s.firstLoad.map((r: { file: string }) => r.file).sort()).toEqual([
				'_app/immutable/chunks/shared.js',
				'_app/immutable/entry/app.js',
				'_app/immutable/entry/start.js',
				'x.css'
			]);
			expect(s.lazy.map((r: { file: string }) => r.file).sort()).toEqual(['_app/immutable/chunks/lazy.js', '_app/immutable/chunks/unused.js']);
			const pre = Object.fromEntries(s.precache.map((r: { file: string; bytes: number }) => [r.file, r.bytes]));
			expect(Object.keys(pre).sort()).toEqual([
				'404.html',
				'_app/immutable/chunks/lazy.js',
				'_app/immutable/chunks/shared.js',
				'_app/immutable/entry/app.js',
				'_app/immutable/entry/start.js',
				'_app/immutable/gone.js',
				'index.html'
			]);
			expect(pre['_app/immutable/gone.js']).toBe(-1);
			expect(s.totals.firstLoadJs.gzip).toBeGreaterThan(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
