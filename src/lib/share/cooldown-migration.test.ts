/**
 * packaging.releaseCooldownDays (issue 16.2) was added to format 1 after links and
 * slipway.json files were made with it: those that lack it open with the default 7
 * days (codec.ts ADDED_IN_V1), whichever way they arrive (link, import, CLI --config).
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultConfig, RELEASE_COOLDOWN_DEFAULT_DAYS } from '../model/defaults.ts';
import { presetById } from '../model/presets.ts';
import { parseAndValidate, validateConfig } from '../model/validate.ts';
import { importSlipwayJson } from '../import/index.ts';
import { decodeConfig, encodeConfig, unwrapConfigFile } from './codec.ts';

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
/** A config as made before the field existed. */
function older(): Record<string, unknown> {
	const c = structuredClone(presetById('django-app')!.config()) as unknown as { packaging: Record<string, unknown> };
	delete c.packaging.releaseCooldownDays;
	return c as unknown as Record<string, unknown>;
}

describe('release cooldown: configurations made before the field', () => {
	it('the default is 7 days', () => {
		expect(RELEASE_COOLDOWN_DEFAULT_DAYS).toBe(7);
		expect(defaultConfig().packaging.releaseCooldownDays).toBe(7);
	});

	it('an old share link opens with 7 days', () => {
		const r = decodeConfig('1.' + b64url(deflateRawSync(Buffer.from(JSON.stringify(older())))));
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.config.packaging.releaseCooldownDays).toBe(7);
	});

	it('an old slipway.json (import, and the CLI --config reader) opens with 7 days', () => {
		const text = JSON.stringify({ slipway: 1, config: older() });
		const imported = importSlipwayJson(text);
		expect(imported.ok).toBe(true);
		if (imported.ok) expect(imported.config.packaging.releaseCooldownDays).toBe(7);
		// The CLI reads --config with unwrapConfigFile, then parseAndValidate over the preset (src/cli/main.ts).
		const u = unwrapConfigFile(JSON.parse(text));
		expect('error' in u).toBe(false);
		if (!('error' in u)) {
			const r = parseAndValidate(u.config, presetById('django-app')!.config());
			expect(r.ok && r.config.packaging.releaseCooldownDays).toBe(7);
		}
		// A CLI overlay without the field keeps the preset's value too.
		const overlay = parseAndValidate({ project: { name: 'acme-orders' } }, presetById('django-app')!.config());
		expect(overlay.ok && overlay.config.packaging.releaseCooldownDays).toBe(7);
	});

	it('a value that is there is kept, 0 included, and round-trips through a link', () => {
		const c = presetById('django-app')!.config();
		c.packaging.releaseCooldownDays = 0;
		expect(decodeConfig(encodeConfig(c))).toEqual({ ok: true, config: c });
		c.packaging.releaseCooldownDays = 30;
		expect(decodeConfig(encodeConfig(c))).toEqual({ ok: true, config: c });
	});

	it('out of range or not a whole number: a clear message at the field', () => {
		const c = defaultConfig();
		for (const bad of [-1, 91, 2.5]) {
			c.packaging.releaseCooldownDays = bad;
			const errs = validateConfig(c).filter((e) => e.path === 'packaging.releaseCooldownDays');
			expect(errs, String(bad)).toHaveLength(1);
			expect(errs[0].message).toMatch(/from 0 \(off\) to 90/);
		}
		const json = parseAndValidate({ ...older(), packaging: { ...(older().packaging as object), releaseCooldownDays: '7' } });
		expect(json.ok).toBe(false);
		if (!json.ok) expect(json.errors.map((e) => e.path)).toContain('packaging.releaseCooldownDays');
	});
});
