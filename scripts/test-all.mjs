// `npm test`: type-check, unit tests, build (site + CLI), real-tool validation
// (a representative slice; SLIPWAY_MATRIX=full for everything), and browser
// tests in Debian's Chromium. Ends with one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, cmd, args, env = {}) {
	const t0 = Date.now();
	console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const ok = r.status === 0;
	steps.push({ name, ok, seconds: (Date.now() - t0) / 1000 });
	return ok;
}

function countVitest(file) {
	if (!existsSync(file)) return false;
	const j = JSON.parse(readFileSync(file, 'utf8'));
	passed += j.numPassedTests ?? 0;
	failed += j.numFailedTests ?? 0;
	skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
	return true;
}

function countPlaywright(file) {
	if (!existsSync(file)) return false;
	const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
	passed += (s.expected ?? 0) + (s.flaky ?? 0);
	failed += s.unexpected ?? 0;
	skipped += s.skipped ?? 0;
	return true;
}

const vitest = (project, out) => ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];

for (const f of ['reports/unit.json', 'reports/validate.json', 'reports/e2e.json']) rmSync(f, { force: true });

run('type-check', 'npx', ['svelte-kit', 'sync']);
const checkOk = run('svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
run('unit tests', 'npx', vitest('unit', 'reports/unit.json'));
if (!countVitest('reports/unit.json')) failed++;
const buildOk = run('build', 'npm', ['run', 'build']);
if (!buildOk) failed++;
if (buildOk && !run('bundle budget', 'node', ['scripts/budget.mjs'])) failed++;

if (existsSync('tests/validate/toolchain/setup.sh') && process.env.SLIPWAY_SKIP_TOOLCHAIN !== '1') {
	run('toolchain (Debian 13 root, cached)', 'bash', ['tests/validate/toolchain/setup.sh']);
}
run('real-tool validation', 'npx', vitest('validate', 'reports/validate.json'), {
	SLIPWAY_MATRIX: process.env.SLIPWAY_MATRIX ?? 'slice'
});
if (!countVitest('reports/validate.json')) failed++;

if (buildOk) {
	if (run('chromium', 'node', ['scripts/ensure-chromium.mjs'])) {
		run('browser tests', 'npx', ['playwright', 'test']);
		if (!countPlaywright('reports/e2e.json')) failed++;
	} else failed++;
}
if (!checkOk) failed++;

console.log('\nSteps:');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name} (${s.seconds.toFixed(1)} s)`);
console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
