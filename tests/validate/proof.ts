/**
 * The run proof: a generated project is built, installed, tested, configured
 * and served inside the Debian 13 toolchain root, with real tools only.
 *
 *   wheel     python3 -m build --no-isolation --wheel with the project's own
 *             backend (uv_build is not packaged anywhere: proved with
 *             hatchling by rewriting [build-system] in a copy, and said so;
 *             poetry-core>=2.2 is newer than Debian 13's 2.1.2: built with
 *             that one, --skip-dependency-check, and said so),
 *             then the wheel is opened: package, py.typed, license file,
 *             METADATA (name, version, requires-python, dependencies) and
 *             entry points must match pyproject.toml and the Config.
 *   install   python3 -m venv --system-site-packages --without-pip (Debian's pip
 *             runs from the system site); pip install --no-index
 *             --no-deps <wheel>; console script present; which runtime
 *             dependencies Debian lacks is recorded (not a failure by itself).
 *   tests     the project's own tests with pytest, against the installed wheel.
 *   types     mypy with the project's own configuration (strict for libraries).
 *   settings  .env.example copied to .env; <pkg>.config.get_settings() must
 *             yield every example value.
 *   serve     the generated serve command (serveArgv with 127.0.0.1 and a free
 *             port) must answer 200 on HEALTH_PATH; then it is stopped.
 *   handler   the Lambda handler a SAM template names must import and be callable.
 *
 * Proofs are cached by their inputs (the packaging-relevant files plus the few
 * Config facts the steps use), so targets that share a project run once.
 * A check that cannot run says why ("n/a: ..."); nothing is skipped silently.
 */
import type { ReadonlyConfig } from '../../src/lib/model/config.ts';
import { APP_PORT, HEALTH_PATH, facts, serveArgv } from '../../src/lib/model/derive.ts';
import type { GeneratedFile } from '../../src/lib/generators/types.ts';
import { hashFiles, rootLimiter, rootStatus, run, withWorkdir } from './root.ts';
import { ROOT_PATH, freePort, spawnInRoot, stopTree, waitForHttp } from './toolchain/index.ts';
import { isSam } from './validators/sam.ts';
import { CFN_SCHEMA, isObj } from './validators/util.ts';
import { load } from 'js-yaml';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Status = 'pass' | 'fail' | 'na';
export interface CheckResult {
	status: Status;
	/** Why it failed or does not apply, or what was substituted. */
	detail: string;
	toolchainMissing?: boolean;
	/** Wall time of the step, ms (proof checks only). */
	ms?: number;
}
export const PROOF_CHECKS = ['wheel', 'install', 'tests', 'types', 'settings', 'serve', 'handler'] as const;
export type ProofCheck = (typeof PROOF_CHECKS)[number];
export type ProofResult = Record<ProofCheck, CheckResult>;

/** Files a wheel build / test run / settings import / serve depends on. */
const PACKAGING = /^(pyproject\.toml|README[^/]*|LICEN[CS]E[^/]*|src\/.*|tests\/.*|\.env\.example|[^/]+\.py|requirements[^/]*\.(txt|in)|setup\.cfg|MANIFEST\.in)$/;

const pass = (detail = ''): CheckResult => ({ status: 'pass', detail });
const fail = (detail: string): CheckResult => ({ status: 'fail', detail });
const na = (detail: string): CheckResult => ({ status: 'na', detail: `not applicable: ${detail}` });

/** The Lambda handler (`module.function`) the SAM template of this set names, if any. */
function lambdaHandler(files: readonly GeneratedFile[]): string | null {
	for (const f of files.filter((x) => isSam(x.path, x.content))) {
		try {
			const doc = load(f.content, { schema: CFN_SCHEMA });
			const res = isObj(doc) && isObj(doc.Resources) ? Object.values(doc.Resources) : [];
			const globals = isObj(doc) && isObj(doc.Globals) && isObj(doc.Globals.Function) ? doc.Globals.Function : {};
			for (const r of res) {
				if (isObj(r) && r.Type === 'AWS::Serverless::Function') {
					const h = (isObj(r.Properties) ? r.Properties.Handler : undefined) ?? globals.Handler;
					if (typeof h === 'string') return h;
				}
			}
		} catch {
			// the sam validator reports unparsable templates
		}
	}
	return null;
}

/** Inputs of the proof; identical inputs share one run. */
function proofInputs(config: ReadonlyConfig, files: readonly GeneratedFile[]) {
	const f = facts(config);
	const project = files.filter((x) => PACKAGING.test(x.path));
	const inputs = {
		pkg: f.pkg,
		name: config.project.name,
		version: config.project.version,
		pythonVersion: config.project.pythonVersion,
		backend: config.packaging.backend,
		manager: config.packaging.manager,
		isWeb: f.isWeb,
		hasSettings: f.hasSettings,
		script: f.script,
		scriptTarget: f.scriptTarget,
		env: f.env.map((e) => ({ name: e.name, field: e.field, kind: e.kind, example: e.example })),
		serve: f.isWeb ? serveArgv(config, '127.0.0.1') : null,
		handler: lambdaHandler(files)
	};
	return { project, inputs, key: hashFiles(project, JSON.stringify(inputs)) };
}
type Inputs = ReturnType<typeof proofInputs>['inputs'];

const cache = new Map<string, Promise<ProofResult>>();
export const proofStats = { runs: 0, cacheHits: 0 };

/** Run (or reuse) the proof of one generated project. */
export function proveProject(config: ReadonlyConfig, files: readonly GeneratedFile[]): Promise<ProofResult> {
	const { project, inputs, key } = proofInputs(config, files);
	const hit = cache.get(key);
	if (hit) {
		proofStats.cacheHits++;
		return hit;
	}
	proofStats.runs++;
	const p = runProof(project, inputs, key);
	cache.set(key, p);
	return p;
}

async function runProof(project: readonly GeneratedFile[], inp: Inputs, key: string): Promise<ProofResult> {
	const status = rootStatus();
	if (!status.ok) {
		const r: CheckResult = { status: 'fail', detail: `toolchain missing: ${status.reason}`, toolchainMissing: true };
		return { wheel: r, install: r, tests: r, types: r, settings: r, serve: r, handler: r };
	}
	const result: Partial<ProofResult> = {};
	const notes: string[] = [];
	let files = [...project];
	const pyproject = files.find((f) => f.path === 'pyproject.toml');
	if (!pyproject) {
		const r = fail('no pyproject.toml generated');
		return { wheel: r, install: r, tests: r, types: r, settings: r, serve: r, handler: r };
	}
	if (inp.backend === 'uv_build') {
		// uv_build is in no Debian release: rewrite only [build-system], keep everything else.
		const rewritten = pyproject.content.replace(
			/\[build-system\][\s\S]*?(?=\n\[|$)/,
			'[build-system]\nrequires = ["hatchling>=1.27"]\nbuild-backend = "hatchling.build"\n'
		);
		if (rewritten === pyproject.content) return allFail('uv_build project has no [build-system] table to substitute');
		files = files.map((f) => (f.path === 'pyproject.toml' ? { ...f, content: rewritten } : f));
		notes.push('uv_build substituted by hatchling (uv_build is not packaged in Debian)');
	}
	return withWorkdir(`proof-${inp.pkg}`, files, async (w) => {
		const cwd = w.inRoot;
		let t = Date.now();
		const stamp = (c: ProofCheck) => {
			const now = Date.now();
			if (result[c]) result[c].ms = now - t;
			t = now;
		};
		// --- wheel -------------------------------------------------------------
		const buildArgv = ['python3', '-m', 'build', '--no-isolation', '--wheel', '--outdir', 'dist', '.'];
		let build = await run(buildArgv, { cwd, timeoutMs: 300_000 });
		// Debian 13 packages poetry-core 2.1.2, below the poetry-core>=2.2 of the Poetry 2 layout (PEP 639
		// metadata, versions.ts): build with the root's poetry-core, skipping only that check, and say so.
		const missingCore = /ERROR Missing dependencies:\s*\n\s*(poetry-core\S*)\s*$/.exec(build.stdout + build.stderr);
		if (build.code !== 0 && inp.backend === 'poetry-core' && missingCore) {
			const v = await run(['python3', '-c', 'import importlib.metadata as m; print(m.version("poetry-core"))'], { cwd });
			notes.push(
				`built with Debian 13's poetry-core ${v.stdout.trim()}, which does not satisfy the project's ${missingCore[1]} (python3 -m build --skip-dependency-check): the wheel has that poetry-core's metadata (Metadata-Version 2.3, no License-Expression)`
			);
			build = await run([...buildArgv.slice(0, 4), '--skip-dependency-check', ...buildArgv.slice(4)], { cwd, timeoutMs: 300_000 });
		}
		if (build.code !== 0) {
			result.wheel = fail(`${notes.join('; ')}${notes.length ? '; ' : ''}python3 -m build failed: ${tail(build.stdout + build.stderr)}`);
			return finish(result, 'no wheel was built');
		}
		const inspect = await run(['python3', '-c', WHEEL_CHECK, JSON.stringify(inp)], { cwd });
		const problems = inspect.code === 0 ? (JSON.parse(inspect.stdout) as string[]) : [`wheel inspection crashed: ${tail(inspect.stderr)}`];
		result.wheel = problems.length ? fail([...notes, ...problems].join('; ')) : pass(notes.join('; '));
		if (!problems.length) keepWheel(w.host, key);
		stamp('wheel');
		// --- install -------------------------------------------------------------
		const install = await run(
			[
				'/bin/sh',
				'-c',
				'set -e; python3 -m venv --system-site-packages --without-pip .venv; .venv/bin/python -m pip install -q --no-index --no-deps --disable-pip-version-check --no-warn-script-location dist/*.whl'
			],
			{ cwd, timeoutMs: 180_000 }
		);
		if (install.code !== 0) {
			result.install = fail(`pip install failed: ${tail(install.stdout + install.stderr)}`);
			return finish(result, 'the wheel did not install');
		}
		const deps = await run(['.venv/bin/python', '-c', DEPS_CHECK, JSON.stringify(inp)], { cwd });
		const depInfo = deps.code === 0 ? (JSON.parse(deps.stdout) as { missing: string[]; problems: string[] }) : { missing: [], problems: [`dependency check crashed: ${tail(deps.stderr)}`] };
		const missing = depInfo.missing;
		const missingNote = missing.length ? `runtime dependencies not in Debian 13: ${missing.join(', ')}` : '';
		result.install = depInfo.problems.length ? fail(depInfo.problems.join('; ')) : pass(missingNote);
		const blockedBy = (out: string): string | null => {
			const mods = [...out.matchAll(/No module named '([\w.]+)'/g)].map((m) => m[1].split('.')[0]);
			const hit = mods.find((m) => missing.some((d) => normal(/^[A-Za-z0-9._-]+/.exec(d)?.[0] ?? d) === normal(m)));
			return hit ? `needs ${hit}, which Debian 13 does not package (${missingNote})` : null;
		};
		const env = { PATH: `${cwd}/.venv/bin:${ROOT_PATH}`, VIRTUAL_ENV: `${cwd}/.venv`, PYTHONDONTWRITEBYTECODE: '1' };
		stamp('install');
		// --- tests -------------------------------------------------------------
		if (!files.some((f) => /^tests\/.*\.py$/.test(f.path))) result.tests = fail('the project has no tests/ to run');
		else {
			const t = await run(['.venv/bin/python', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--cov', 'tests'], { cwd, env, timeoutMs: 300_000 });
			if (t.code === 0) result.tests = pass(lastLine(t.stdout));
			else {
				const why = blockedBy(t.stdout + t.stderr);
				result.tests = why ? na(why) : fail(`pytest exit ${t.code}: ${tail(t.stdout + t.stderr)}`);
			}
		}
		stamp('tests');
		// --- types: mypy with the project's own [tool.mypy] (strict for libraries) ---------
		// mypy's cache is not safe for concurrent writers (a shared one crashed mypy once in 135 runs):
		// each concurrent run leases its own cache directory, reused by later runs for speed.
		const slot = leaseMypyCache();
		const my = await run(['.venv/bin/python', '-m', 'mypy', '--cache-dir', `/tmp/mypy-cache-${process.pid}-${slot}`, '--no-error-summary', '--hide-error-context'], {
			cwd,
			env,
			timeoutMs: 300_000
		}).finally(() => releaseMypyCache(slot));
		if (my.code === 0) result.types = pass('mypy: no issues');
		else {
			const out = my.stdout + my.stderr;
			const stub = [...out.matchAll(/Cannot find implementation or library stub for module named "([\w.]+)"/g)].map((m) => m[1]);
			const why = stub.length ? blockedBy(stub.map((m) => `No module named '${m}'`).join('\n')) : null;
			result.types = why ? na(why) : fail(`mypy exit ${my.code}: ${tail(out)}`);
		}
		stamp('types');
		// --- settings ------------------------------------------------------------
		const example = files.find((f) => f.path === '.env.example');
		if (!inp.hasSettings) result.settings = na('this kind has no settings module');
		else if (!example) result.settings = fail('no .env.example generated');
		else {
			const s = await run(['/bin/sh', '-c', 'cp .env.example .env && exec .venv/bin/python -c "$0" "$1"', SETTINGS_CHECK, JSON.stringify(inp)], { cwd, env, timeoutMs: 60_000 });
			if (s.code === 0) {
				const bad = JSON.parse(s.stdout) as string[];
				result.settings = bad.length ? fail(bad.join('; ')) : pass(`${inp.env.length} variables read from .env`);
			} else {
				const why = blockedBy(s.stderr);
				result.settings = why ? na(why) : fail(`importing ${inp.pkg}.config failed: ${tail(s.stderr)}`);
			}
		}
		stamp('settings');
		// --- serve -------------------------------------------------------------
		if (!inp.isWeb || !inp.serve) result.serve = na('not a web service');
		else result.serve = await serve(inp.serve, cwd, env, blockedBy);
		stamp('serve');
		// --- handler -------------------------------------------------------------
		if (!inp.handler) result.handler = na('no SAM template names a Lambda handler');
		else {
			const [mod, fn] = [inp.handler.slice(0, inp.handler.lastIndexOf('.')), inp.handler.slice(inp.handler.lastIndexOf('.') + 1)];
			const h = await run(['.venv/bin/python', '-c', `import importlib, sys; f = getattr(importlib.import_module(sys.argv[1]), sys.argv[2]); assert callable(f), "not callable"`, mod, fn], { cwd, env, timeoutMs: 60_000 });
			if (h.code === 0) result.handler = pass(`${inp.handler} imports and is callable`);
			else {
				const why = blockedBy(h.stderr);
				result.handler = why ? na(why) : fail(`import of ${inp.handler} failed: ${tail(h.stderr)}`);
			}
		}
		stamp('handler');
		return result as ProofResult;
	});
}

/** Built wheels kept for the journey run (commands/run.ts), by proof key, outside the root's work dirs. */
const WHEELS = join(tmpdir(), `slipway-wheels-${process.pid}`);
function keepWheel(workdir: string, key: string): void {
	const dist = join(workdir, 'dist');
	const whl = readdirSync(dist).find((n) => n.endsWith('.whl'));
	if (!whl) return;
	mkdirSync(join(WHEELS, key), { recursive: true });
	copyFileSync(join(dist, whl), join(WHEELS, key, whl));
}

/** The wheel the proof of this project built, or null when it built none. */
export async function builtWheel(config: ReadonlyConfig, files: readonly GeneratedFile[]): Promise<string | null> {
	const { key } = proofInputs(config, files);
	await proveProject(config, files);
	const dir = join(WHEELS, key);
	if (!existsSync(dir)) return null;
	const whl = readdirSync(dir).find((n) => n.endsWith('.whl'));
	return whl ? join(dir, whl) : null;
}

function allFail(detail: string): ProofResult {
	const r = fail(detail);
	return { wheel: r, install: r, tests: r, types: r, settings: r, serve: r, handler: r };
}

function finish(result: Partial<ProofResult>, why: string): ProofResult {
	for (const c of PROOF_CHECKS) result[c] ??= fail(`could not run: ${why}`);
	return result as ProofResult;
}

async function serve(argv: string[], cwd: string, env: Record<string, string>, blockedBy: (s: string) => string | null): Promise<CheckResult> {
	const port = await freePort();
	// The generated command with only its port changed (APP_PORT may be busy on a dev machine).
	let cmd = argv.map((a) => (a === String(APP_PORT) ? String(port) : a.endsWith(`:${APP_PORT}`) ? a.slice(0, -String(APP_PORT).length) + String(port) : a));
	if (cmd.join(' ') === argv.join(' ')) return fail(`serve command does not mention port ${APP_PORT}: ${argv.join(' ')}`);
	// Debian installs uvicorn/gunicorn system-wide (with /usr/bin/python3 shebangs), not into the
	// venv (--no-deps): run the same entry point with the venv's interpreter so the wheel is importable.
	const note = ['uvicorn', 'gunicorn'].includes(cmd[0]) ? ` (run as .venv/bin/python -m ${cmd[0]}: Debian ships ${cmd[0]} outside the venv)` : '';
	if (note) cmd = ['.venv/bin/python', '-m', ...cmd];
	return rootLimiter.run(async () => {
		const child = spawnInRoot(['/bin/sh', '-c', 'cp -n .env.example .env 2>/dev/null; exec "$@"', 'serve', ...cmd], { cwd, env });
		let log = '';
		child.stdout?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-4000)));
		child.stderr?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-4000)));
		const url = `http://127.0.0.1:${port}${HEALTH_PATH}`;
		try {
			const res = await waitForHttp(url, { child, timeoutMs: 30_000 });
			const body = (await res.text()).slice(0, 200);
			return pass(`${argv.join(' ')} -> GET ${HEALTH_PATH} ${res.status} ${body}${note}`);
		} catch (err) {
			await new Promise((r) => setTimeout(r, 200));
			const why = blockedBy(log);
			return why ? na(why) : fail(`${cmd.join(' ')}: ${String((err as Error).message)}; log: ${tail(log)}`);
		} finally {
			await stopTree(child, 5000);
		}
	});
}

const normal = (s: string) => s.toLowerCase().replace(/[-_.]+/g, '_');
const tail = (s: string, n = 1500) => {
	const t = s.trim();
	return t.length > n ? '…' + t.slice(-n) : t;
};
const lastLine = (s: string) => s.trim().split('\n').pop() ?? '';

/** Opens dist/*.whl and compares it with pyproject.toml and the Config facts. Prints a JSON list of problems. */
const WHEEL_CHECK = String.raw`
import glob, json, re, sys, tomllib, zipfile
from email.parser import Parser
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
inp = json.loads(sys.argv[1])
problems = []
wheels = glob.glob("dist/*.whl")
if len(wheels) != 1:
    print(json.dumps([f"expected one wheel, found {wheels}"])); sys.exit(0)
z = zipfile.ZipFile(wheels[0])
names = z.namelist()
pkg = inp["pkg"]
for need in (f"{pkg}/__init__.py", f"{pkg}/py.typed"):
    if need not in names:
        problems.append(f"wheel lacks {need}")
if any(n.startswith(("src/", "tests/")) for n in names):
    problems.append("wheel ships src/ or tests/ paths: " + ", ".join(n for n in names if n.startswith(("src/", "tests/")))[:200])
distinfo = [n for n in names if re.match(r"[^/]+\.dist-info/METADATA$", n)]
if not distinfo:
    print(json.dumps(problems + ["no METADATA"])); sys.exit(0)
di = distinfo[0].rsplit("/", 1)[0]
meta = Parser().parsestr(z.read(distinfo[0]).decode())
pp = tomllib.load(open("pyproject.toml", "rb"))
project = pp.get("project", {})
poetry = pp.get("tool", {}).get("poetry", {})
if canonicalize_name(meta["Name"] or "") != canonicalize_name(inp["name"]):
    problems.append(f"Name {meta['Name']!r} != {inp['name']!r}")
if meta["Version"] != inp["version"]:
    problems.append(f"Version {meta['Version']!r} != {inp['version']!r}")
want_rp = ">=" + inp["pythonVersion"]
got_rp = (meta["Requires-Python"] or "").replace(" ", "")
if got_rp != want_rp and not got_rp.startswith(want_rp + ","):
    problems.append(f"Requires-Python {meta['Requires-Python']!r}, expected {want_rp!r}")
def key(r):
    r = Requirement(r)
    return (canonicalize_name(r.name), str(r.specifier), str(r.marker or ""), tuple(sorted(r.extras)))
got = sorted(key(r) for r in (meta.get_all("Requires-Dist") or []) if "extra ==" not in r)
if "dependencies" in project:
    want = sorted(key(r) for r in project["dependencies"])
    if got != want:
        problems.append(f"Requires-Dist {got} != [project].dependencies {want}")
else:
    want_names = sorted(canonicalize_name(n) for n in poetry.get("dependencies", {}) if n != "python")
    if sorted(g[0] for g in got) != want_names:
        problems.append(f"Requires-Dist names {[g[0] for g in got]} != [tool.poetry.dependencies] {want_names}")
if inp["script"]:
    ep = z.read(di + "/entry_points.txt").decode() if di + "/entry_points.txt" in names else ""
    line = f"{inp['script']} = {inp['scriptTarget']}"
    if "[console_scripts]" not in ep or not re.search(r"^" + re.escape(inp["script"]) + r"\s*=\s*" + re.escape(inp["scriptTarget"]) + r"\s*$", ep, re.M):
        problems.append(f"entry point {line!r} missing from entry_points.txt: {ep.strip()!r}")
# A project Slipway writes no LICENSE for (an SPDX expression it has no text of, a legacy license kept verbatim) has none to ship.
if __import__("os").path.exists("LICENSE") and not any(re.match(re.escape(di) + r"/(licenses/)?LICEN[CS]E", n) for n in names):
    problems.append("LICENSE is not in the wheel's .dist-info")
print(json.dumps(problems))
`;

/** Which runtime requirements the root's Python cannot satisfy (installed with --no-deps). */
const DEPS_CHECK = String.raw`
import json, sys, importlib.metadata as md
from packaging.requirements import Requirement
inp = json.loads(sys.argv[1])
dist = md.distribution(inp["name"])
missing, problems = [], []
for r in dist.requires or []:
    req = Requirement(r)
    if req.marker and not req.marker.evaluate({"extra": ""}):
        continue
    try:
        v = md.version(req.name)
    except md.PackageNotFoundError:
        missing.append(str(req)); continue
    if req.specifier and not req.specifier.contains(v, prereleases=True):
        missing.append(f"{req} (Debian has {v})")
if inp["script"]:
    import os, shutil
    if not shutil.which(inp["script"], path=os.path.join(sys.prefix, "bin")):
        problems.append(f"console script {inp['script']} not installed")
print(json.dumps({"missing": missing, "problems": problems}))
`;

/** Imports <pkg>.config with .env in place and compares every field with its example value. */
const SETTINGS_CHECK = String.raw`
import importlib, json, sys
inp = json.loads(sys.argv[1])
cfg = importlib.import_module(inp["pkg"] + ".config")
gs = getattr(cfg, "get_settings")
if hasattr(gs, "cache_clear"):
    gs.cache_clear()
s = gs()
bad = []
for e in inp["env"]:
    if not hasattr(s, e["field"]):
        bad.append(f"Settings has no field {e['field']} for {e['name']}"); continue
    v = getattr(s, e["field"])
    if hasattr(v, "get_secret_value"):
        v = v.get_secret_value()
    if isinstance(v, bool):
        ok = v == (e["example"].strip().lower() in ("1", "true", "yes", "on"))
    elif isinstance(v, (int, float)):
        ok = str(v) == e["example"].strip()
    elif isinstance(v, (list, tuple)):
        ok = ",".join(map(str, v)) == e["example"]
    else:
        sv = str(getattr(v, "value", v))
        ok = sv == e["example"] or sv.rstrip("/") == e["example"].rstrip("/")
    if not ok:
        bad.append(f"{e['name']}: .env.example says {e['example']!r}, settings give {v!r}")
print(json.dumps(bad))
`;

/** Free mypy cache slots of this process (see the types step). */
const mypySlots: number[] = [];
let mypySlotCount = 0;
function leaseMypyCache(): number {
	return mypySlots.pop() ?? mypySlotCount++;
}
function releaseMypyCache(slot: number): void {
	mypySlots.push(slot);
}
