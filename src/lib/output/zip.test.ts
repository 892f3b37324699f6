import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildZip } from './zip.ts';
import { fromZip } from '../compare/read.ts';
import type { GeneratedFile } from '../generators/types.ts';

const files: GeneratedFile[] = [
	{ path: 'pyproject.toml', content: '[project]\nname = "acme"\n' },
	{ path: 'scripts/install.sh', content: '#!/bin/sh\necho "héllo"\n', mode: 0o755 },
	{ path: 'src/acme/__init__.py', content: '' }
];

/** The zip built with the process in time zone `tz` (Node reads TZ at each Date call). */
async function zipIn(tz: string): Promise<Uint8Array> {
	const before = process.env.TZ;
	process.env.TZ = tz;
	try {
		return await buildZip(files, 'acme');
	} finally {
		if (before === undefined) delete process.env.TZ;
		else process.env.TZ = before;
	}
}

describe('buildZip (fflate)', () => {
	it('one top folder, each file byte for byte, Unix modes kept, read back by an independent reader (jszip)', async () => {
		const zip = await JSZip.loadAsync(await buildZip(files, 'acme'));
		expect(Object.keys(zip.files).sort()).toEqual(['acme/', 'acme/pyproject.toml', 'acme/scripts/install.sh', 'acme/src/acme/__init__.py']);
		expect(zip.files['acme/'].dir).toBe(true);
		for (const f of files) {
			const entry = zip.files[`acme/${f.path}`];
			expect(await entry.async('string'), f.path).toBe(f.content);
			// The mode as `stat` gives it: a regular file with its permission bits.
			expect(entry.unixPermissions, f.path).toBe(0o100000 | (f.mode ?? 0o644));
			expect(entry.date.toISOString(), f.path).toBe('2020-01-01T00:00:00.000Z');
		}
	});

	it('the same bytes in every time zone (the DOS time is written from local-time fields)', async () => {
		const utc = await zipIn('UTC');
		expect(Buffer.from(await zipIn('America/New_York')).equals(Buffer.from(utc))).toBe(true);
		expect(Buffer.from(await zipIn('Asia/Kolkata')).equals(Buffer.from(utc))).toBe(true);
	});

	it('the compare panel reads its own zip back (fromZip strips the top folder)', async () => {
		const project = await fromZip(await buildZip(files, 'acme'), 'acme.zip');
		expect(project.paths).toEqual(['pyproject.toml', 'scripts/install.sh', 'src/acme/__init__.py']);
		expect(new TextDecoder().decode(await project.read('scripts/install.sh'))).toBe(files[1].content);
	});
});
