#!/usr/bin/env node
/**
 * Proof of the Python packaging outputs (issue #4) with real tools: for every
 * preset x manager x layout/backend/workflow (src/lib/generators/
 * packaging-matrix.test-helper.ts), generate the project, copy it into the
 * Debian 13 toolchain root and run scripts/prove-python-project.sh there
 * (validate-pyproject, poetry check, build, wheel contents, install, pytest,
 * mypy). Needs root (chroot). Usage:
 *
 *   sudo node scripts/prove-python-packaging.mjs [--jobs N] [filter-substring]
 *
 * Prints one OK/FAIL line per case and exits non-zero on any failure.
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.SLIPWAY_TOOLCHAIN ?? '/var/cache/slipway/trixie';
const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? Number(args.splice(jobsAt, 2)[1]) : Math.max(1, availableParallelism());
const filter = args[0] ?? '';

// Bundle the TypeScript generators once (Node 20 cannot import .ts).
const tmp = mkdtempSync(join(tmpdir(), 'slipway-proof-'));
const entry = join(tmp, 'entry.ts');
writeFileSync(
	entry,
	`export { generate } from ${JSON.stringify(join(HERE, '../src/lib/generators/index.ts'))};\n` +
		`export { packagingCases } from ${JSON.stringify(join(HERE, '../src/lib/generators/packaging-matrix.test-helper.ts'))};\n`
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(tmp, 'gen.mjs'), logLevel: 'warning' });
const { generate, packagingCases } = await import(pathToFileURL(join(tmp, 'gen.mjs')).href);

const work = join(ROOT, 'tmp/slipway-python-proof');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
copyFileSync(join(HERE, 'prove-python-project.sh'), join(work, 'prove.sh'));
chmodSync(join(work, 'prove.sh'), 0o755);

const cases = packagingCases().filter((c) => c.id.includes(filter));
for (const c of cases) {
	const dir = join(work, c.id.replace(/\//g, '__'));
	for (const f of generate(c.config)) {
		const p = join(dir, f.path);
		mkdirSync(dirname(p), { recursive: true });
		writeFileSync(p, f.content);
		if (f.mode) chmodSync(p, f.mode);
	}
}

let failed = 0;
const queue = [...cases];
async function worker() {
	for (let c = queue.shift(); c; c = queue.shift()) {
		const inRoot = `/tmp/slipway-python-proof/${c.id.replace(/\//g, '__')}`;
		const out = await new Promise((resolve) => {
			const p = spawn('chroot', [ROOT, '/usr/bin/env', '-i', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', '/tmp/slipway-python-proof/prove.sh', inRoot]);
			let text = '';
			p.stdout.on('data', (d) => (text += d));
			p.stderr.on('data', (d) => (text += d));
			p.on('close', (code) => resolve({ code, text }));
		});
		if (out.code !== 0) failed++;
		console.log(out.code === 0 ? `OK   ${c.id}  ${out.text.split('\n').filter((l) => /passed|Success/.test(l)).join(' | ')}` : `FAIL ${c.id}\n${out.text}`);
	}
}
await Promise.all(Array.from({ length: jobs }, worker));
rmSync(tmp, { recursive: true, force: true });
console.log(`${cases.length - failed}/${cases.length} cases proved`);
process.exit(failed ? 1 : 0);
