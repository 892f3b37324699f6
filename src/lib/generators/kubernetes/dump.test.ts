import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { generate } from '../index.ts';
import { deployMatrix } from './deploy-matrix.ts';

// Writes the whole matrix to $SLIPWAY_DUMP_DIR for realtools.sh; without it, just generates.
test('every deploy-matrix case generates, deterministically', () => {
	const dir = process.env.SLIPWAY_DUMP_DIR;
	const cases = deployMatrix();
	expect(cases.length).toBeGreaterThan(40);
	for (const { id, config } of cases) {
		const files = generate(config);
		expect(generate(config)).toEqual(files);
		if (!dir) continue;
		for (const f of files) {
			const p = join(dir, id, f.path);
			mkdirSync(dirname(p), { recursive: true });
			writeFileSync(p, f.content, { mode: f.mode ?? 0o644 });
		}
	}
});
