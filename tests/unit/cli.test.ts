import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import JSZip from 'jszip';
import { run } from '../../src/cli/main.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
	const d = mkdtempSync(join(tmpdir(), 'slipway-cli-'));
	dirs.push(d);
	return d;
}

async function cli(args: string[], cwd = tmp()) {
	let stdout = '';
	let stderr = '';
	const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
	return { code, stdout, stderr, cwd };
}

describe('slipway CLI', () => {
	it('generate --preset fastapi-service --manager uv --target docker writes a pyproject with the preset name', async () => {
		const r = await cli(['generate', '--preset', 'fastapi-service', '--manager', 'uv', '--target', 'docker', '--out', 'x']);
		expect(r.code).toBe(0);
		const py = parse(readFileSync(join(r.cwd, 'x', 'pyproject.toml'), 'utf8')) as { project: { name: string } };
		expect(py.project.name).toBe('fastapi-service');
	});

	it('refuses to overwrite without --force and overwrites with it', async () => {
		const cwd = tmp();
		expect((await cli(['generate', '--out', 'x'], cwd)).code).toBe(0);
		const again = await cli(['generate', '--out', 'x'], cwd);
		expect(again.code).toBe(2);
		expect(again.stderr).toContain('already exist');
		expect((await cli(['generate', '--out', 'x', '--force'], cwd)).code).toBe(0);
	});

	it('exits 2 with per-field messages for an invalid --config', async () => {
		const cwd = tmp();
		writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ project: { name: 'Bad Name!', version: 'x' }, target: 'mars' }));
		const r = await cli(['generate', '--config', 'bad.json', '--out', 'y'], cwd);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^project\.name: .*not a valid Python distribution name/m);
		expect(r.stderr).toMatch(/^target: .*"mars" is not one of/m);
		expect(existsSync(join(cwd, 'y'))).toBe(false);
	});

	it.each([
		[['generate', '--out'], '--out needs a value'],
		[['generate', '--bogus', '1'], 'unknown option --bogus'],
		[['generate', '--manager', 'conda', '--out', 'x'], '--manager must be one of'],
		[['generate', '--preset', 'nope', '--out', 'x'], 'unknown preset'],
		[['generate'], '--out DIR or --zip'],
		[['frobnicate'], 'unknown command'],
		[['generate', '--config', 'missing.json', '--out', 'x'], 'cannot read it']
	])('exits 2 for %j', async (args, message) => {
		const r = await cli(args);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(message);
	});

	it('rejects non-JSON and oversized config files', async () => {
		const cwd = tmp();
		writeFileSync(join(cwd, 'a.json'), '{not json');
		writeFileSync(join(cwd, 'b.json'), ' '.repeat(1_048_577));
		expect((await cli(['generate', '--config', 'a.json', '--out', 'x'], cwd)).stderr).toContain('not valid JSON');
		expect((await cli(['generate', '--config', 'b.json', '--out', 'x'], cwd)).stderr).toContain('too large');
	});

	it('accepts a slipway.json and a partial overlay', async () => {
		const cwd = tmp();
		writeFileSync(join(cwd, 'part.json'), JSON.stringify({ project: { name: 'acme-orders' }, packaging: { manager: 'pip', backend: 'hatchling' } }));
		const r = await cli(['generate', '--config', 'part.json', '--out', 'x'], cwd);
		expect(r.code).toBe(0);
		const py = parse(readFileSync(join(cwd, 'x', 'pyproject.toml'), 'utf8')) as { project: { name: string }; 'build-system': { 'build-backend': string } };
		expect(py.project.name).toBe('acme-orders');
		expect(py['build-system']['build-backend']).toBe('hatchling.build');
	});

	it('--zip writes a zip whose top folder is the project name', async () => {
		const r = await cli(['generate', '--preset', 'library', '--zip', 'out/lib.zip']);
		expect(r.code).toBe(0);
		const zip = await JSZip.loadAsync(readFileSync(join(r.cwd, 'out', 'lib.zip')));
		const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
		expect(names.length).toBeGreaterThan(0);
		for (const n of names) expect(n.startsWith('my-library/')).toBe(true);
		expect(names).toContain('my-library/pyproject.toml');
	});

	it('keeps executable modes', async () => {
		const r = await cli(['generate', '--preset', 'django-app', '--target', 'bare-metal', '--out', 'x']);
		expect(r.code).toBe(0);
		const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
		const files = walk(join(r.cwd, 'x'));
		for (const f of files.filter((f) => f.endsWith('.sh') || f.endsWith('manage.py'))) expect(statSync(f).mode & 0o111).not.toBe(0);
		expect(files.length).toBeGreaterThan(0);
	});

	it('prints presets, schema and help', async () => {
		const p = await cli(['presets']);
		expect(p.stdout).toMatch(/^fastapi-service /m);
		const s = await cli(['schema']);
		const schema = JSON.parse(s.stdout);
		expect(schema.properties.project.properties.name.type).toBe('string');
		expect(schema.additionalProperties).toBe(false);
		for (const cmd of [['--help'], ['generate', '--help'], ['presets', '--help'], ['schema', '--help']]) {
			const h = await cli(cmd);
			expect(h.code).toBe(0);
			expect(h.stdout).toContain('Usage');
		}
	});

	it('does not write through a pre-existing directory that is a file', async () => {
		const cwd = tmp();
		mkdirSync(join(cwd, 'd'));
		writeFileSync(join(cwd, 'f'), 'x');
		expect((await cli(['generate', '--out', 'f'], cwd)).stderr).toContain('not a directory');
	});
});

describe('reproduce from slipway.json', () => {
	it('generate --config <project>/slipway.json gives back the identical file set', async () => {
		const cwd = tmp();
		const first = await cli(['generate', '--preset', 'django-app', '--manager', 'uv', '--target', 'kubernetes', '--out', 'a'], cwd);
		expect(first.code).toBe(0);
		const again = await cli(['generate', '--config', 'a/slipway.json', '--out', 'b'], cwd);
		expect(again.code).toBe(0);
		const walk = (d: string): string[] =>
			readdirSync(d, { withFileTypes: true, recursive: true })
				.filter((e) => e.isFile())
				.map((e) => join(e.parentPath, e.name).slice(d.length + 1))
				.sort();
		const a = walk(join(cwd, 'a'));
		expect(walk(join(cwd, 'b'))).toEqual(a);
		for (const f of a) expect(readFileSync(join(cwd, 'b', f), 'utf8'), f).toBe(readFileSync(join(cwd, 'a', f), 'utf8'));
	});
});
