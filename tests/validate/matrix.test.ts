/**
 * The matrix run: SLIPWAY_MATRIX=slice (default, `npm test`) runs a covering
 * slice, SLIPWAY_MATRIX=full (`npm run test:matrix`, CI) the whole product.
 * Prints a configurations x checks table and writes reports/matrix.json.
 */
import { describe, expect, it } from 'vitest';
import { selectedMatrix } from './matrix.ts';
import { formatTable, writeReport } from './report.ts';
import { runMatrix } from './run-matrix.ts';

describe('generated projects pass real tools', () => {
	it('every configuration of the matrix validates and run-proves', async () => {
		const { mode, entries } = selectedMatrix();
		const report = await runMatrix(mode, entries, (r, i) => {
			if (process.env.SLIPWAY_PROGRESS) {
				const bad = Object.entries(r.checks).filter(([, c]) => c.status === 'fail').map(([k]) => k);
				console.log(`[${i}/${entries.length}] ${r.id}${bad.length ? ' FAIL: ' + bad.join(',') : ''}`);
			}
		});
		const path = writeReport(report);
		const table = formatTable(report);
		console.log(`${table}\n\nreport: ${path}`);
		const failures = report.results.flatMap((r) =>
			Object.entries(r.checks)
				.filter(([, c]) => c.status === 'fail')
				.map(([k, c]) => `${r.id} :: ${k}: ${c.detail.slice(0, 300)}`)
		);
		expect(report.configurations).toBe(entries.length);
		expect(failures.length, `${failures.length} failures (table above; details in ${path}):\n${failures.slice(0, 40).join("\n")}`).toBe(0);
	}, 3_000_000); // the full matrix walks every configuration's journey too (~15 min on 2 cores)
});
