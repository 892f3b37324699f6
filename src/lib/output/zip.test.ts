import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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

/** The zip as Python's zipfile (an independent reader) lists it: name, mode (external attributes >> 16), date, content. */
function pythonRead(zip: Uint8Array): { name: string; mode: number; date: number[]; text: string }[] {
	const script = [
		'import io, json, sys, zipfile',
		'z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))',
		'print(json.dumps([{"name": i.filename, "mode": i.external_attr >> 16, "date": list(i.date_time), "text": z.read(i).decode()} for i in z.infolist()]))'
	].join('\n');
	const r = spawnSync('python3', ['-c', script], { input: zip, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`python3 zipfile: ${r.stderr}`);
	return JSON.parse(r.stdout);
}

describe('buildZip (jszip)', () => {
	it('one top folder, each file byte for byte, Unix modes kept, read back by an independent reader (Python zipfile)', async () => {
		const entries = pythonRead(await buildZip(files, 'acme'));
		expect(entries.map((e) => e.name).sort()).toEqual(['acme/', 'acme/pyproject.toml', 'acme/scripts/install.sh', 'acme/src/acme/__init__.py']);
		for (const f of files) {
			const entry = entries.find((e) => e.name === `acme/${f.path}`)!;
			expect(entry.text, f.path).toBe(f.content);
			// The mode as `stat` gives it: a regular file with its permission bits.
			expect(entry.mode, f.path).toBe(0o100000 | (f.mode ?? 0o644));
			expect(entry.date, f.path).toEqual([2020, 1, 1, 0, 0, 0]);
		}
	});

	it('the same bytes in every time zone (a zip DOS time has no zone)', async () => {
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
