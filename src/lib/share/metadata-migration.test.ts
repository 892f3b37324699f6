/**
 * Issue 19.4 added project metadata to format 1 (moreAuthors, maintainers, licenseForm,
 * keywords, classifiers, extras, dependencyGroups, devIncludes). Links, slipway.json
 * files, CLI --config files and remembered browser configs made before them must open
 * unchanged (codec.ts ADDED_IN_V1 fills them: one migration, schema.ts OMITTED_AT_DEFAULT),
 * and a config that does not use them must write the same link and slipway.json as before.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/defaults.ts';
import { presetById } from '../model/presets.ts';
import { parseAndValidate } from '../model/validate.ts';
import { configJsonSchema, OMITTED_AT_DEFAULT } from '../model/schema.ts';
import { importSlipwayJson } from '../import/index.ts';
import { configFileContent, decodeConfig, encodeConfig, portableConfig, unwrapConfigFile } from './codec.ts';
import { readRemembered } from '../islands/page/remember.ts';
import type { Config } from '../model/config.ts';

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const NEW_KEYS = Object.keys(OMITTED_AT_DEFAULT.project);

/**
 * A link made before issue 19 (tests/e2e/share.spec.ts V1_LINK, made before issue 16 too):
 * its JSON has none of the new keys.
 */
const V1_LINK =
	'1.ZVJda9tAEPwr5p4t-aulIJpQ0xQaSNpCoX0oeVid1vLVujtl72RHGP_3zklGhPTtbndmdvbjrFrxf1lHVZyVI8uqUKQtZ14qlqDmquKgxbTReIfc9yE82_64n-28zLaA5gAdERwBq3ydLxGhLu69fBsVtxXNHvyRG9I85b5YMk0qV9GnVDKPHCKyjdHswkBrSe85GwU7SeB9jG0oFovaxH1X5trbReIuJrttD233a_KzyVcbhA_GVfgFliPkEdgJrJ28HBDdUYjUmqHZll3FThsOqvgzlHu5vVnm6w_zjysAwnNDDUzZ_vYm-XpKnOPdGxpMoJeMQo-QH_jv1NMF7kgfqDauTuO25KhmgYHWc5Qe8iXyUJpCmfaS3I6_B-p9h01dv-uUMO1vNLFr_Alx4efOCFt2MSiUiyQ1J8KhK1kcw1XqYRwCnGL7PsRa0jtKx3MoVAafHTWBIVB5-IHDszIWXqFU77Xkxr-ZekmB7xPiztRpi4VK5V9VvV5XwACSykQUbrFvAmAzV5gLrISv8DRh8tencQV8biiAoRwm-ZIKpY5YGqSGnsQfDbjptk4ha8iWFYFt2XrpH0tVvF-tMRxjGeP8ydq7KhlYJjv1eDbcZae0wlWSL0n4kSPhAM8YCe42Qf7zd7n8Aw';

/** A config as made before the fields existed. */
function older(): Record<string, unknown> {
	const c = structuredClone(presetById('django-app')!.config()) as unknown as { project: Record<string, unknown> };
	for (const k of NEW_KEYS) delete c.project[k];
	return c as unknown as Record<string, unknown>;
}

function withMetadata(): Config {
	const c = presetById('django-app')!.config();
	c.project.moreAuthors = [{ name: 'Bob Example', email: '' }];
	c.project.maintainers = [{ name: '', email: 'ops@example.com' }];
	c.project.license = 'MIT OR Apache-2.0';
	c.project.keywords = ['orders'];
	c.project.classifiers = ['Topic :: Office/Business'];
	c.project.extras = [{ name: 'speed', requirements: ["uvloop>=0.21; sys_platform != 'win32'"] }];
	c.project.dependencyGroups = [{ name: 'docs', includes: [], requirements: ['mkdocs>=1.6'] }];
	c.project.devIncludes = ['docs'];
	return c;
}

const EMPTY = { moreAuthors: [], maintainers: [], licenseForm: 'spdx', keywords: [], classifiers: [], extras: [], dependencyGroups: [], devIncludes: [] };

describe('project metadata: configurations made before the fields', () => {
	it('the pinned pre-issue-19 link holds none of the new keys and opens with them empty', () => {
		const json = JSON.parse(inflateRawSync(Buffer.from(V1_LINK.slice(2), 'base64url')).toString()) as { project: Record<string, unknown> };
		for (const k of NEW_KEYS) expect(json.project).not.toHaveProperty(k);
		const r = decodeConfig(V1_LINK);
		expect(r.ok, r.ok ? '' : `${r.message} ${JSON.stringify(r.errors)}`).toBe(true);
		if (r.ok) expect(r.config.project).toMatchObject({ ...EMPTY, license: json.project.license });
	});

	it('an old link made from a preset opens as that preset', () => {
		const r = decodeConfig('1.' + b64url(deflateRawSync(Buffer.from(JSON.stringify(older())))));
		expect(r).toEqual({ ok: true, config: presetById('django-app')!.config() });
	});

	it('an old slipway.json opens: import, and the CLI --config reader over a preset', () => {
		const text = JSON.stringify({ slipway: 1, config: older() });
		const imported = importSlipwayJson(text);
		expect(imported.ok && imported.config).toEqual(presetById('django-app')!.config());
		const u = unwrapConfigFile(JSON.parse(text));
		if ('error' in u) throw new Error(u.error);
		const r = parseAndValidate(u.config, presetById('fastapi-service')!.config());
		expect(r.ok && r.config.project).toMatchObject(EMPTY);
		// A bare overlay without them keeps the preset's values.
		const overlay = parseAndValidate({ project: { name: 'acme-orders' } }, withMetadata());
		expect(overlay.ok && overlay.config.project.extras).toEqual(withMetadata().project.extras);
	});

	it('a remembered browser config without them is read, with them empty', () => {
		const store = new Map<string, string>();
		const g = globalThis as { localStorage?: unknown };
		const before = g.localStorage;
		g.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) };
		try {
			store.set('slipway:last', JSON.stringify({ v: 1, config: older(), drafts: {}, step: 'project', fragment: '', savedAt: 1 }));
			const r = readRemembered();
			expect(r?.config.project).toMatchObject(EMPTY);
		} finally {
			g.localStorage = before;
		}
	});

	it('a config that does not use them writes the link and slipway.json it wrote before', () => {
		for (const id of ['django-app', 'fastapi-service', 'library']) {
			const c = presetById(id)?.config() ?? defaultConfig();
			const portable = portableConfig(c) as { project: Record<string, unknown> };
			for (const k of NEW_KEYS) expect(portable.project).not.toHaveProperty(k);
			expect(JSON.parse(configFileContent(c)).config.project).not.toHaveProperty('moreAuthors');
		}
		// The JSON Schema does not require them, so an older slipway.json (and a new one without them) is valid.
		const schema = configJsonSchema() as { properties: { project: { required: string[] } } };
		for (const k of NEW_KEYS) expect(schema.properties.project.required).not.toContain(k);
	});

	it('a config that uses them round-trips through a link and slipway.json', () => {
		const c = withMetadata();
		expect(decodeConfig(encodeConfig(c))).toEqual({ ok: true, config: c });
		const imported = importSlipwayJson(configFileContent(c));
		expect(imported.ok && imported.config).toEqual(c);
	});
});
