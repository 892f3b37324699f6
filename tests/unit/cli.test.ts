import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import JSZip from 'jszip';
import { cli as runCli, tempDirs } from '../support/cli.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import Ajv2020 from 'ajv/dist/2020.js';

const tmp = tempDirs('slipway-cli-');
const cli = (args: string[], cwd = tmp()) => runCli(args, cwd);

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

type Pyproject = {
	'build-system': { 'build-backend': string };
	project?: { name: string };
	tool?: { poetry?: { name?: string } };
};
const pyproject = (dir: string) => parse(readFileSync(join(dir, 'pyproject.toml'), 'utf8')) as Pyproject;
/** stderr lines in the `field: message` form. */
const fieldLines = (stderr: string) => stderr.split('\n').filter((l) => /^[a-zA-Z.0-9]+: /.test(l) && !l.startsWith('slipway: '));

describe('issue 14.9: preset, --config and flags are merged first, then validated once', () => {
	it('--manager poetry with an explicit poetry-core backend is kept (it was exit 2: "poetry-core does not fit uv")', async () => {
		const r = await cli(['generate', '--preset', 'fastapi-service', '--manager', 'poetry', '--config', '{"packaging":{"backend":"poetry-core"}}', '--out', 'x']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(pyproject(join(r.cwd, 'x'))['build-system']['build-backend']).toBe('poetry.core.masonry.api');
		expect(JSON.parse(readFileSync(join(r.cwd, 'x', 'slipway.json'), 'utf8')).config.packaging).toMatchObject({ manager: 'poetry', backend: 'poetry-core' });
	});

	it('--manager pip with an explicit hatchling backend writes hatchling (it silently wrote setuptools)', async () => {
		const r = await cli(['generate', '--preset', 'fastapi-service', '--manager', 'pip', '--config', '{"packaging":{"backend":"hatchling"}}', '--out', 'x']);
		expect(r.code).toBe(0);
		expect(pyproject(join(r.cwd, 'x'))['build-system']['build-backend']).toBe('hatchling.build');
		expect(existsSync(join(r.cwd, 'x', 'requirements.txt'))).toBe(true);
	});

	it('the same from a --config file', async () => {
		const cwd = tmp();
		writeFileSync(join(cwd, 'p.json'), JSON.stringify({ packaging: { backend: 'poetry-core' } }));
		const r = await cli(['generate', '--manager', 'poetry', '--config', 'p.json', '--out', 'x'], cwd);
		expect(r.code).toBe(0);
		expect(pyproject(join(cwd, 'x'))['build-system']['build-backend']).toBe('poetry.core.masonry.api');
	});

	it('an explicit backend that does not fit the final manager is an error (exit 2, field line, nothing written)', async () => {
		const r = await cli(['generate', '--manager', 'pip', '--config', '{"packaging":{"backend":"uv_build"}}', '--out', 'x']);
		expect(r.code).toBe(2);
		expect(fieldLines(r.stderr)).toEqual(['packaging.backend: The uv_build backend does not fit pip; choose one of: setuptools, hatchling, flit-core']);
		expect(existsSync(join(r.cwd, 'x'))).toBe(false);
	});

	it.each([
		[['--manager', 'pip'], 'setuptools.build_meta'],
		[['--manager', 'poetry'], 'poetry.core.masonry.api'],
		[['--config', '{"packaging":{"manager":"pip"}}'], 'setuptools.build_meta'],
		[['--config', '{"packaging":{"manager":"pip"}}', '--manager', 'uv'], 'uv_build'],
		[[], 'uv_build']
	])('an implied backend follows the final manager: %j -> %s', async (args, backend) => {
		const r = await cli(['generate', '--preset', 'fastapi-service', ...args, '--out', 'x']);
		expect(r.stderr).toBe('');
		expect(pyproject(join(r.cwd, 'x'))['build-system']['build-backend']).toBe(backend);
	});

	it('keeps an explicit poetryLayout and pipWorkflow that fit the final manager', async () => {
		const classic = await cli(['generate', '--manager', 'poetry', '--config', '{"packaging":{"poetryLayout":"classic"}}', '--out', 'x']);
		expect(classic.code).toBe(0);
		const py = pyproject(join(classic.cwd, 'x'));
		expect(py.project).toBeUndefined();
		expect(py.tool?.poetry?.name).toBe('fastapi-service');
		const tools = await cli(['generate', '--manager', 'pip', '--config', '{"packaging":{"pipWorkflow":"pip-tools"}}', '--out', 'x']);
		expect(tools.code).toBe(0);
		expect(existsSync(join(tools.cwd, 'x', 'requirements.in'))).toBe(true);
	});

	it('a flag that fixes what --config alone would get wrong is applied before validation', async () => {
		// Cloud Run serves HTTP, so a worker there is invalid; --provider aws-lambda makes it valid.
		const worker = await cli(['generate', '--preset', 'worker', '--config', '{"target":"serverless","serverless":{"provider":"cloud-run"}}', '--provider', 'aws-lambda', '--out', 'x']);
		expect(worker.stderr).toBe('');
		expect(worker.code).toBe(0);
		// A command-line tool cannot run serverless; --target docker makes it valid.
		const cliTool = await cli(['generate', '--preset', 'cli-tool', '--config', '{"target":"serverless"}', '--target', 'docker', '--out', 'x']);
		expect(cliTool.stderr).toBe('');
		expect(cliTool.code).toBe(0);
	});

	it('--provider without the serverless target is an error, not silently ignored', async () => {
		const r = await cli(['generate', '--provider', 'cloud-run', '--out', 'x']);
		expect(r.code).toBe(2);
		expect(fieldLines(r.stderr)).toEqual([expect.stringMatching(/^serverless\.provider: --provider cloud-run is for the serverless target, but the target is docker/)]);
		expect((await cli(['generate', '--target', 'serverless', '--provider', 'cloud-run', '--out', 'x'])).code).toBe(0);
	});

	it('reports the problems of flags and --config together, once', async () => {
		const r = await cli(['generate', '--manager', 'pip', '--provider', 'cloud-run', '--config', '{"packaging":{"backend":"uv_build"}}', '--out', 'x']);
		expect(r.code).toBe(2);
		expect(r.stderr.match(/^slipway: /gm)).toHaveLength(1);
		expect(fieldLines(r.stderr).map((l) => l.split(':')[0]).sort()).toEqual(['packaging.backend', 'serverless.provider']);
	});

	it('inline JSON that does not parse exits 2', async () => {
		const r = await cli(['generate', '--config', '{"packaging":', '--out', 'x']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--config: not valid JSON');
	});
});

describe('issue 14.12: a library has no deployment target', () => {
	it.each([
		[['--target', 'kubernetes'], ['target']],
		[['--target', 'docker'], ['target']],
		[['--provider', 'aws-lambda'], ['serverless.provider']],
		[['--target', 'serverless', '--provider', 'cloud-run'], ['target', 'serverless.provider']]
	])('--preset library %j exits 2 and writes nothing', async (flags, paths) => {
		const r = await cli(['generate', '--preset', 'library', ...flags, '--out', 'x']);
		expect(r.code).toBe(2);
		const lines = fieldLines(r.stderr);
		expect(lines.map((l) => l.split(':')[0])).toEqual(paths);
		for (const l of lines) expect(l).toContain('a library has no deployment target');
		expect(existsSync(join(r.cwd, 'x'))).toBe(false);
	});

	it('also when --config makes the project a library', async () => {
		const r = await cli(['generate', '--config', '{"project":{"kind":"library","framework":"none"}}', '--target', 'bare-metal', '--out', 'x']);
		expect(r.code).toBe(2);
		expect(fieldLines(r.stderr)).toEqual([expect.stringMatching(/^target: a library has no deployment target/)]);
	});

	it('its slipway.json names no target, validates against `slipway schema`, and reproduces the same files', async () => {
		const cwd = tmp();
		expect((await cli(['generate', '--preset', 'library', '--out', 'a'], cwd)).code).toBe(0);
		const file = JSON.parse(readFileSync(join(cwd, 'a', 'slipway.json'), 'utf8'));
		expect(file.config).not.toHaveProperty('target');
		const ajv = new Ajv2020({ strict: false });
		const validate = ajv.compile(JSON.parse((await cli(['schema'])).stdout));
		expect(validate(file.config), JSON.stringify(validate.errors)).toBe(true);
		// Every other kind must name its target.
		const service = JSON.parse(readFileSync(join((await cli(['generate', '--out', 's'], cwd)).cwd, 's', 'slipway.json'), 'utf8')).config;
		expect(validate(service)).toBe(true);
		delete service.target;
		expect(validate(service)).toBe(false);

		expect((await cli(['generate', '--config', 'a/slipway.json', '--out', 'b'], cwd)).code).toBe(0);
		for (const f of readdirSync(join(cwd, 'a'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
			const rel = join(f.parentPath, f.name).slice(join(cwd, 'a').length + 1);
			expect(readFileSync(join(cwd, 'b', rel), 'utf8'), rel).toBe(readFileSync(join(cwd, 'a', rel), 'utf8'));
		}
	});

	it('an older slipway.json that names a target for a library still works', async () => {
		const cwd = tmp();
		const config = presetById('library')!.config();
		config.target = 'kubernetes';
		writeFileSync(join(cwd, 'old.json'), JSON.stringify({ slipway: 1, config }));
		const r = await cli(['generate', '--config', 'old.json', '--out', 'x'], cwd);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(JSON.parse(readFileSync(join(cwd, 'x', 'slipway.json'), 'utf8')).config).not.toHaveProperty('target');
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
