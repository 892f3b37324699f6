/**
 * The CLI as an installable npm package (issue 15.9), and what a generated
 * README tells people to run to regenerate their files.
 *
 * The root package.json is the web app and stays `"private": true` ("If you set
 * "private": true in your package.json, then npm will refuse to publish it":
 * https://docs.npmjs.com/cli/v10/configuring-npm/package-json#private), so the
 * CLI is its own package, built by scripts/build-cli.mjs into dist/cli/.
 *
 * Contracts held here (npm documentation):
 * - scope: "Each npm user/organization has their own scope, and only you can add
 *   packages in your scope. This means you don't have to worry about someone taking
 *   your package name ahead of you." (https://docs.npmjs.com/cli/v10/using-npm/scope).
 *   The unscoped name `slipway` is first come, first served, and no package is
 *   published under it (npm view slipway: 404 on 2026-12-01): `npx slipway` would run
 *   whatever the registry serves for that name the day someone publishes it.
 * - npm exec / npx: packages not present locally "are installed to a folder in the npm
 *   cache", and the command is taken from the package's `bin`: "If the package has a
 *   single entry in its bin field in package.json ... then that command will be used"
 *   (https://docs.npmjs.com/cli/v11/commands/npm-exec, "Description"). So the package has
 *   exactly one bin, `slipway`, and `npx @slipway/cli@<version> ...` runs it.
 * - package.json `files`, `bin`, `engines` (https://docs.npmjs.com/cli/v10/configuring-npm/package-json):
 *   package.json and README are always packed; `bin` is linked into node_modules/.bin.
 * - `--offline`: no network requests during the install (https://docs.npmjs.com/cli/v10/using-npm/config#offline);
 *   the bundle is self-contained, so the tarball installs into an empty folder offline.
 *
 * The build runs into a temporary folder (esbuild, well under a second), never over
 * dist/cli: other tests (the journey harness) read dist/cli/slipway.js meanwhile, and
 * unit tests run before `npm test`'s build step.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/generators/index.ts';
import { PRESETS, presetById } from '../../src/lib/model/presets.ts';
import { extractCommands } from '../validate/commands/extract.ts';
import { filesUnder } from '../support/tree.ts';

const ROOT = process.cwd();
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let tmp = '';
/** A fake Slipway checkout: what `npm run build` leaves in dist/cli. */
let checkout = '';
let pkgDir = '';
let tarball = '';
let manifest: Record<string, unknown> & { name: string; version: string; bin: Record<string, string> };

/** No npm_* variables from an enclosing `npm test`, the node running the tests first on PATH, no update check. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const e: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'NODE_PATH') e[k] = v;
	return { ...e, PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false', npm_config_cache: join(tmp, 'npm-cache'), ...extra };
}

function sh(cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
	const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000, env: env(), ...opts });
	return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'slipway-cli-package-'));
	checkout = join(tmp, 'checkout');
	pkgDir = join(checkout, 'dist/cli');
	const b = sh(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), pkgDir], { cwd: ROOT });
	expect(b.status, b.stderr).toBe(0);
	manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
	mkdirSync(join(tmp, 'out'));
	const p = sh('npm', ['pack', pkgDir, '--pack-destination', join(tmp, 'out'), '--json', '--offline'], { cwd: tmp });
	expect(p.status, p.stderr).toBe(0);
	tarball = join(tmp, 'out', JSON.parse(p.stdout)[0].filename);
}, 120_000);

afterAll(() => {
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the CLI package (scripts/build-cli.mjs -> dist/cli)', () => {
	it('is publishable under a scoped name, with one bin, no dependencies, the root version', () => {
		expect(rootPkg.private).toBe(true); // the web app is never published
		expect(manifest.name).toMatch(/^@[a-z0-9-]+\/[a-z0-9-]+$/); // a scope only its owner can publish to
		expect(manifest.name).not.toBe('slipway');
		expect(manifest.private).toBeUndefined();
		expect(manifest.version).toBe(rootPkg.version);
		expect(manifest.bin).toEqual({ slipway: 'slipway.js' }); // npm exec's single-bin rule
		expect(manifest.type).toBe('module');
		expect(manifest.engines).toEqual({ node: '>=20.19' });
		expect(manifest.license).toBe(rootPkg.license);
		for (const k of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies', 'scripts']) expect(manifest[k], k).toBeUndefined();
		expect(readFileSync(join(pkgDir, 'slipway.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
	});

	it('npm pack gives a tarball of the bundle, its package.json and README only', () => {
		const list = sh('tar', ['-tzf', tarball]);
		expect(list.status, list.stderr).toBe(0);
		expect(list.stdout.trim().split('\n').sort()).toEqual(['package/README.md', 'package/package.json', 'package/slipway.js']);
	});

	it('installs offline into an empty folder; its `slipway` answers --help, --version, generate and --zip', () => {
		const app = join(tmp, 'app');
		mkdirSync(app);
		const i = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app });
		expect(i.status, i.stderr).toBe(0);
		// Nothing but the one package: no dependencies to fetch.
		const [scope, base] = manifest.name.split('/');
		expect(readdirSync(join(app, 'node_modules')).sort()).toEqual(['.bin', '.package-lock.json', scope]);
		expect(readdirSync(join(app, 'node_modules', scope))).toEqual([base]);
		const bin = join(app, 'node_modules/.bin/slipway');
		expect(existsSync(bin)).toBe(true);

		const help = sh(bin, ['--help'], { cwd: app });
		expect(help.status, help.stderr).toBe(0);
		expect(help.stdout).toContain(`slipway ${manifest.version} (npm package ${manifest.name})`);
		expect(help.stdout).toContain('slipway generate');
		const version = sh(bin, ['--version'], { cwd: app });
		expect(version.status).toBe(0);
		expect(version.stdout).toBe(`${manifest.version}\n`);

		const gen = sh(bin, ['generate', '--preset', 'fastapi-service', '--out', 'x'], { cwd: app });
		expect(gen.status, gen.stderr).toBe(0);
		const want = generate(presetById('fastapi-service')!.config());
		const got = filesUnder(join(app, 'x'));
		expect([...got.keys()].sort()).toEqual(want.map((f) => f.path).sort());
		for (const f of want) expect(got.get(f.path), f.path).toBe(f.content);

		const zip = sh(bin, ['generate', '--config', 'x/slipway.json', '--zip', 'x.zip'], { cwd: app });
		expect(zip.status, zip.stderr).toBe(0);
		expect(readFileSync(join(app, 'x.zip')).subarray(0, 2).toString('latin1')).toBe('PK');
	}, 120_000);

	it('npm exec resolves the tarball to its `slipway` bin, as `npx <name>@<version>` will once published', () => {
		const dir = join(tmp, 'exec');
		mkdirSync(dir);
		// A relative ./path spec: an absolute path would be taken as the command itself.
		const r = sh('npm', ['exec', '--offline', '--yes', '--', relative(dir, tarball), '--version'], { cwd: dir });
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout.trim()).toBe(manifest.version);
	}, 120_000);
});

describe("a generated README's Reproduce section", () => {
	const readmes = PRESETS.map((p) => {
		const files = generate(p.config());
		return { id: p.id, files, readme: files.find((f) => f.path === 'README.md')!.content };
	});

	it('tells nobody to npx a package Slipway does not publish', () => {
		for (const r of readmes) {
			expect(r.readme, r.id).not.toMatch(/npx\s+(-\S+\s+)*slipway\b/);
			for (const c of extractCommands(r.files)) expect(c.text, `${r.id}: ${c.file}`).not.toMatch(/^(npx|npm (exec|x))\b/);
		}
	});

	it('gives a command that regenerates the same files today, from a built Slipway checkout', () => {
		for (const r of readmes) {
			const block = /## Reproduce\n[\s\S]*?```sh\n([^\n]+)\n```/.exec(r.readme);
			expect(block, r.id).not.toBeNull();
			const cmd = block![1];
			expect(cmd).toBe('node "$SLIPWAY/dist/cli/slipway.js" generate --config slipway.json --out . --force');
			const dir = join(tmp, `regen-${r.id}`);
			mkdirSync(dir);
			writeFileSync(join(dir, 'slipway.json'), r.files.find((f) => f.path === 'slipway.json')!.content);
			// As the README says: $SLIPWAY is the checkout, built (here: scripts/build-cli.mjs into its dist/cli).
			const run = spawnSync('sh', ['-c', cmd], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: env({ SLIPWAY: checkout }) });
			expect(run.status, run.stderr).toBe(0);
			const got = filesUnder(dir);
			expect([...got.keys()].sort(), r.id).toEqual(r.files.map((f) => f.path).sort());
			for (const f of r.files) expect(got.get(f.path), `${r.id}: ${f.path}`).toBe(f.content);
		}
	}, 120_000);
});
