import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { PRESETS } from '../model/presets.ts';
import { defaultConfig } from '../model/defaults.ts';
import { inflateRawSync } from 'node:zlib';
import { configFileContent, decodeConfig, encodeConfig, linkFromHash, LINK_VERSION, MAX_LINK_LENGTH, unwrapConfigFile } from './codec.ts';
import { TARGETS } from '../model/config.ts';
import { parseAndValidate } from '../model/validate.ts';

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');

describe('share link codec', () => {
	it.each(PRESETS.map((p) => [p.id, p]))('round-trips the %s preset exactly', (_id, p) => {
		const config = p.config();
		const link = encodeConfig(config);
		expect(link).toMatch(/^1\.[A-Za-z0-9_-]+$/);
		expect(link.length).toBeLessThan(1000);
		expect(decodeConfig(link)).toEqual({ ok: true, config });
	});

	it('pins the format: the v1 encoding of the defaults decodes to the same config forever', () => {
		// Made with this version of the codec; if this fails, old links broke.
		const pinned = '1.' + b64url(deflateRawSync(Buffer.from(JSON.stringify(defaultConfig()))));
		expect(decodeConfig(pinned)).toEqual({ ok: true, config: defaultConfig() });
		expect(LINK_VERSION).toBe(1);
	});

	it('reads the fragment parameter', () => {
		expect(linkFromHash('#c=1.abc')).toBe('1.abc');
		expect(linkFromHash('#x=1&c=1.abc')).toBe('1.abc');
		expect(linkFromHash('#nothing')).toBeNull();
	});

	it.each([
		['', 'not a Slipway configuration'],
		['garbage', 'not a Slipway configuration'],
		['9.abc', 'newer Slipway'],
		['0.abc', 'unknown format version'],
		['1.!!!', 'not valid base64url'],
		['1.' + 'A'.repeat(5), 'damaged'],
		['1.' + b64url(deflateRawSync(Buffer.from('not json'))), 'not valid JSON'],
		['1.' + b64url(deflateRawSync(Buffer.from('{"project":1}'))), 'cannot use'],
		['1.' + 'A'.repeat(MAX_LINK_LENGTH), 'too long']
	])('rejects %j with a clear message', (value, fragment) => {
		const r = decodeConfig(value);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain(fragment);
	});

	it('stops inflating a decompression bomb', () => {
		const bomb = b64url(deflateRawSync(Buffer.alloc(50_000_000, 32)));
		expect(bomb.length).toBeLessThan(MAX_LINK_LENGTH * 10);
		const r = decodeConfig('1.' + bomb.slice(0, MAX_LINK_LENGTH - 10));
		expect(r.ok).toBe(false);
	});

	it('rejects a tampered config with per-field errors', () => {
		const c = defaultConfig() as unknown as Record<string, Record<string, unknown>>;
		c.project.name = '<script>alert(1)</script>';
		const r = decodeConfig('1.' + b64url(deflateRawSync(Buffer.from(JSON.stringify(c)))));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors?.map((e) => e.path)).toEqual(['project.name']);
	});
});

describe('slipway.json', () => {
	it('wraps the config with its format version and unwraps it', () => {
		const text = configFileContent(defaultConfig());
		const u = unwrapConfigFile(JSON.parse(text));
		expect(u).toEqual({ version: 1, config: defaultConfig() });
	});
	it('rejects unknown versions and keys', () => {
		expect(unwrapConfigFile({ slipway: 99, config: {} })).toHaveProperty('error');
		expect(unwrapConfigFile({ slipway: 1, config: {}, extra: 1 })).toHaveProperty('error');
	});
});

describe('issue 14.12: a library carries no deployment target', () => {
	const library = (target: (typeof TARGETS)[number]) => {
		const c = PRESETS.find((p) => p.id === 'library')!.config();
		c.target = target;
		return c;
	};
	/** The JSON a link holds. */
	const payload = (link: string) => JSON.parse(inflateRawSync(Buffer.from(link.slice(2), 'base64url')).toString('utf8'));

	it.each(TARGETS.map((t) => [t]))('the link of a library with target %s holds no target and opens with the default one', (target) => {
		const c = library(target);
		const link = encodeConfig(c);
		expect(payload(link)).not.toHaveProperty('target');
		const back = decodeConfig(link);
		expect(back).toEqual({ ok: true, config: { ...c, target: defaultConfig().target } });
		// What the link holds survives any number of round trips.
		if (back.ok) expect(encodeConfig(back.config)).toBe(link);
	});

	it('every other kind keeps its target, and a link of one without a target is refused', () => {
		const c = PRESETS.find((p) => p.id === 'worker')!.config();
		c.target = 'kubernetes';
		expect(payload(encodeConfig(c)).target).toBe('kubernetes');
		const { target: _, ...rest } = c;
		const r = decodeConfig('1.' + b64url(deflateRawSync(Buffer.from(JSON.stringify(rest)))));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors).toEqual([{ path: 'target', message: 'is missing' }]);
	});

	it('an old link that names a target for a library still opens, and keeps that target in memory', () => {
		const c = library('bare-metal');
		const old = '1.' + b64url(deflateRawSync(Buffer.from(JSON.stringify(c))));
		expect(decodeConfig(old)).toEqual({ ok: true, config: c });
	});

	it('slipway.json of a library holds no target; read back it has the default one', () => {
		const c = library('serverless');
		const data = JSON.parse(configFileContent(c));
		expect(data.config).not.toHaveProperty('target');
		const u = unwrapConfigFile(data);
		expect('error' in u).toBe(false);
		if (!('error' in u)) expect(parseAndValidate(u.config)).toEqual({ ok: true, config: { ...c, target: 'docker' } });
	});
});
