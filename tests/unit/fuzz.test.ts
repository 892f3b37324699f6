/**
 * Fuzzed share links and CLI configs: malformed, truncated, wrongly versioned,
 * tampered, oversized and decompression-bomb inputs. Always a clear message
 * (exit 2 for the CLI), never a throw, a hang or a partial write.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeConfig, encodeConfig, MAX_LINK_LENGTH } from '../../src/lib/share/codec.ts';
import { PRESETS } from '../../src/lib/model/presets.ts';
import { run } from '../../src/cli/main.ts';

const SEED = 20261124;
const valid = encodeConfig(PRESETS[0].config());

describe('share-link decoder under fuzz', () => {
	it('never throws on arbitrary strings and always explains a failure', { timeout: 120_000 }, () => {
		const result = fc.check(
			fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300, unit: 'binary' }), fc.base64String().map((s) => `1.${s}`)), (s) => {
				const r = decodeConfig(s);
				return r.ok || r.message.length > 10;
			}),
			{ numRuns: 1500, seed: SEED }
		);
		expect(result.failed, String(result.counterexample)).toBe(false);
	});

	it('rejects every truncation of a valid link (or decodes the same config)', () => {
		for (let cut = 0; cut < valid.length; cut += 3) {
			const r = decodeConfig(valid.slice(0, cut));
			if (r.ok) expect(r.config).toEqual(PRESETS[0].config());
			else expect(r.message).toMatch(/damaged|not a Slipway|cannot use/);
		}
	});

	it('never accepts a tampered link as something invalid (single-character flips)', { timeout: 120_000 }, () => {
		const result = fc.check(
			fc.property(fc.nat(valid.length - 3), fc.constantFrom(...'ABCabc019-_'), (i, ch) => {
				const t = valid.slice(0, i + 2) + ch + valid.slice(i + 3);
				const r = decodeConfig(t);
				// Either a clear rejection, or a config that passed full validation.
				return r.ok ? typeof r.config.project.name === 'string' : r.message.length > 10;
			}),
			{ numRuns: 1000, seed: SEED }
		);
		expect(result.failed, String(result.counterexample)).toBe(false);
	});

	it('wrong versions and oversized links are refused quickly', () => {
		expect(decodeConfig('2' + valid.slice(1))).toMatchObject({ ok: false });
		expect(decodeConfig('1.' + 'A'.repeat(1_000_000))).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
		const t0 = performance.now();
		const bomb = Buffer.from(deflateRawSync(Buffer.alloc(100_000_000, 0x20))).toString('base64url');
		const r = decodeConfig('1.' + bomb.slice(0, MAX_LINK_LENGTH - 2));
		expect(r.ok).toBe(false);
		expect(performance.now() - t0).toBeLessThan(5000);
	});
});

describe('slipway generate --config under fuzz', () => {
	const dir = mkdtempSync(join(tmpdir(), 'slipway-fuzz-'));
	const cli = async (args: string[]) => {
		let stderr = '';
		const code = await run(args, { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir });
		return { code, stderr };
	};

	it('any JSON value: exit 0 with a full write, or exit 2 with messages and nothing written', { timeout: 120_000 }, async () => {
		let n = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.jsonValue({ maxDepth: 4 }),
					fc.record({ project: fc.record({ name: fc.string(), version: fc.string(), dependencies: fc.array(fc.string()) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
					fc.record({ slipway: fc.oneof(fc.integer(), fc.string()), config: fc.jsonValue({ maxDepth: 3 }) })
				),
				async (value) => {
					const file = join(dir, `c${n}.json`);
					const out = join(dir, `out${n++}`);
					writeFileSync(file, JSON.stringify(value) ?? 'null');
					const r = await cli(['generate', '--config', file, '--out', out]);
					if (r.code === 0) return existsSync(join(out, 'pyproject.toml'));
					return r.code === 2 && r.stderr.startsWith('slipway: ') && !existsSync(out);
				}
			),
			{ numRuns: 300, seed: SEED }
		);
		// No staging folders left behind.
		expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
	});

	it('a 1 MB config file is refused with exit 2', async () => {
		const big = join(dir, 'big.json');
		writeFileSync(big, JSON.stringify({ project: { description: 'x'.repeat(1_100_000) } }));
		const r = await cli(['generate', '--config', big, '--out', join(dir, 'big-out')]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('too large');
		rmSync(dir, { recursive: true, force: true });
	});
});
