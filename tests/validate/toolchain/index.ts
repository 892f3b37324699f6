/**
 * Run commands inside Slipway's Debian 13 ("trixie") toolchain root, the
 * chroot that `setup.sh` beside this file builds. Tests use it to prove that
 * generated Python projects build, install, pass their own tests and serve.
 *
 * Every command runs as
 *
 *     unshare -m --propagation private /bin/sh -c '
 *         mount -t proc proc ROOT/proc; mount --rbind /dev ROOT/dev; ...
 *         exec chroot ROOT /usr/bin/env -i [-C CWD] PATH=... HOME=/root LANG=C.UTF-8 ... CMD'
 *
 * so /proc and /dev work inside, yet the mounts live only in a private mount
 * namespace that dies with the command: nothing is mounted on the host, and
 * nothing is left behind after a crash. The root shares the host's network
 * namespace, so a server started inside on 127.0.0.1 is reachable from Node.
 *
 * Needs root (chroot, mount namespaces). Only node: built-ins are used.
 *
 * @example
 * const ready = toolchainReady();
 * if (!ready.ok) console.warn(ready.reason); // skip the suite
 * const work = makeWorkdir('hatch');
 * writeFiles(work.host, files);
 * const r = await runInRoot(['python3', '-m', 'build', '--no-isolation', '--wheel'], { cwd: work.inRoot });
 * work.cleanup();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:net';
import { constants as osConstants } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where setup.sh builds the root unless SLIPWAY_TOOLCHAIN says otherwise. */
export const DEFAULT_TOOLCHAIN_ROOT = '/var/cache/slipway/trixie';
/** Stamp file inside the root, written last by setup.sh. */
export const STAMP_NAME = '.slipway-toolchain';
/** PATH inside the root (Debian's default for root). */
export const ROOT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Folder inside the root that holds the work dirs of makeWorkdir(). */
export const WORK_BASE_IN_ROOT = '/tmp/slipway-work';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The package list setup.sh installs; its hash is recorded in the stamp. */
export const PACKAGES_FILE = join(HERE, 'packages.txt');
/** The script that builds the root (run as root: `bash SETUP_SCRIPT`). */
export const SETUP_SCRIPT = join(HERE, 'setup.sh');

/** Result of a finished command. `code` is 128 + signal number when killed. */
export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
	/** True when timeoutMs ran out and the process tree was killed. */
	timedOut: boolean;
}

/** Options for runInRoot() and spawnInRoot(). */
export interface RunOptions {
	/** Working directory, as a path inside the root (e.g. a workdir's inRoot). */
	cwd?: string;
	/** Extra environment; the command starts from an empty one plus PATH, HOME, LANG. */
	env?: Record<string, string>;
	/** Kill the whole process tree after this long (runInRoot default: 120 000 ms). */
	timeoutMs?: number;
	/** Written to the command's stdin, which is then closed. */
	input?: string;
	/**
	 * Run in a private network namespace with only its own loopback up: the
	 * command can bind the ports a generated file names (8000, 5432, 6379) as
	 * written, whatever the host has listening, and reaches nothing else.
	 */
	netns?: boolean;
}

/** Options for spawnInRoot(). */
export interface SpawnOptions extends Omit<RunOptions, 'timeoutMs' | 'input'> {
	/**
	 * stdio of the child (default 'pipe'). With 'pipe', read or drain
	 * child.stdout/stderr: a chatty server blocks once a pipe's buffer is full.
	 */
	stdio?: 'pipe' | 'inherit' | 'ignore';
}

/** The toolchain root on this machine: $SLIPWAY_TOOLCHAIN or the default. */
export function toolchainRoot(): string {
	const fromEnv = process.env.SLIPWAY_TOOLCHAIN;
	const root = fromEnv && fromEnv.trim() !== '' ? fromEnv.trim() : DEFAULT_TOOLCHAIN_ROOT;
	return resolve(root);
}

/**
 * sha256 of the normalised package list, exactly as setup.sh computes it:
 * comments and whitespace stripped, empty lines dropped, sorted bytewise,
 * de-duplicated, one name per line with a trailing newline.
 */
export function packagesHash(file: string = PACKAGES_FILE): string {
	const names = new Set<string>();
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const name = line.replace(/#.*/, '').replace(/[ \t\r\f\v]/g, '');
		if (name !== '') names.add(name);
	}
	const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return createHash('sha256').update(sorted.join('\n') + '\n').digest('hex');
}

/** Reads `key=value` lines of the stamp file, or null when there is none. */
export function readStamp(root: string = toolchainRoot()): Record<string, string> | null {
	const file = join(root, STAMP_NAME);
	if (!existsSync(file)) return null;
	const out: Record<string, string> = {};
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const at = line.indexOf('=');
		if (at > 0) out[line.slice(0, at)] = line.slice(at + 1);
	}
	return out;
}

/**
 * Whether the root is built, matches packages.txt, and can be entered.
 * Use it to skip toolchain suites with a clear reason.
 */
export function toolchainReady(): { ok: true } | { ok: false; reason: string } {
	const root = toolchainRoot();
	const fix = `run as root: bash ${relative(process.cwd(), SETUP_SCRIPT) || SETUP_SCRIPT}`;
	if (process.platform !== 'linux') return { ok: false, reason: 'the toolchain root needs Linux' };
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		return { ok: false, reason: 'entering the toolchain root needs root (chroot, unshare -m)' };
	}
	if (!existsSync(join(root, 'usr/bin/python3'))) {
		return { ok: false, reason: `no toolchain root at ${root}; ${fix}` };
	}
	const stamp = readStamp(root);
	if (!stamp) return { ok: false, reason: `toolchain root ${root} has no stamp (unfinished build); ${fix}` };
	let want: string;
	try {
		want = packagesHash();
	} catch (err) {
		return { ok: false, reason: `cannot read ${PACKAGES_FILE}: ${String(err)}` };
	}
	if (stamp.hash !== want) {
		return { ok: false, reason: `toolchain root ${root} is stale (packages.txt changed); ${fix}` };
	}
	return { ok: true };
}

// The shell that sets up the private mount namespace, then becomes chroot.
// $1 is the root; the rest is the chroot command line.
const ENTER_SCRIPT = [
	'set -e',
	'r=$1; shift',
	'mount -t proc proc "$r/proc"',
	'mount --rbind /dev "$r/dev"',
	'mount -t sysfs -o ro sysfs "$r/sys" 2>/dev/null || true',
	'exec chroot "$r" "$@"'
].join('\n');

// The same, in a new network namespace whose loopback is brought up (with the host's ip) first.
const ENTER_NETNS_SCRIPT = ENTER_SCRIPT.replace('set -e', 'set -e\nip link set lo up');

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function buildArgs(cmd: string[] | string, opts: { cwd?: string; env?: Record<string, string>; netns?: boolean }): string[] {
	const argv = typeof cmd === 'string' ? ['/bin/bash', '-c', cmd] : [...cmd];
	if (argv.length === 0) throw new Error('runInRoot: empty command');
	if (argv[0].includes('=')) throw new Error(`runInRoot: command name may not contain '=': ${argv[0]}`);
	const env: Record<string, string> = { PATH: ROOT_PATH, HOME: '/root', LANG: 'C.UTF-8' };
	for (const [key, value] of Object.entries(opts.env ?? {})) {
		if (!ENV_NAME.test(key)) throw new Error(`runInRoot: bad environment variable name: ${key}`);
		env[key] = value;
	}
	const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
	if (opts.cwd !== undefined && !isAbsolute(opts.cwd)) {
		throw new Error(`runInRoot: cwd must be an absolute path inside the root: ${opts.cwd}`);
	}
	const cwdArgs = opts.cwd !== undefined ? ['-C', opts.cwd] : [];
	return [
		'-m',
		...(opts.netns ? ['-n', '--pid', '--fork'] : []),
		'--propagation',
		'private',
		'/bin/sh',
		'-c',
		opts.netns ? ENTER_NETNS_SCRIPT : ENTER_SCRIPT,
		'slipway-root',
		toolchainRoot(),
		'/usr/bin/env',
		'-i',
		...cwdArgs,
		...envArgs,
		...argv
	];
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
	live.add(child);
	child.once('exit', () => live.delete(child));
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		// A crashed or finished test run must not leave servers behind.
		process.once('exit', () => {
			for (const c of live) killTree(c, 'SIGKILL');
		});
	}
}

/**
 * Sends `signal` to the child's whole process group (every process started
 * by runInRoot/spawnInRoot is the leader of its own group). Safe to call on a
 * child that has already exited.
 */
export function killTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// ESRCH: the group is gone already.
	}
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Stops a spawned process tree: SIGTERM to the group, then SIGKILL after
 * `graceMs` (default 5000) if any member is still alive. Resolves once the
 * group is gone.
 */
export async function stopTree(child: ChildProcess, graceMs = 5000): Promise<void> {
	const pid = child.pid;
	if (pid === undefined) return;
	killTree(child, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
	if (groupAlive(pid)) killTree(child, 'SIGKILL');
	const hardDeadline = Date.now() + 5000;
	while (groupAlive(pid) && Date.now() < hardDeadline) await sleep(50);
}

/**
 * Runs a command inside the root and collects its output. A string is run
 * with `/bin/bash -c`; an array is run as is (found on the root's PATH).
 *
 * @example
 * const r = await runInRoot('validate-pyproject pyproject.toml', { cwd: work.inRoot });
 * if (r.code !== 0) throw new Error(r.stdout + r.stderr);
 */
export function runInRoot(cmd: string[] | string, opts: RunOptions = {}): Promise<RunResult> {
	const args = buildArgs(cmd, opts);
	const timeoutMs = opts.timeoutMs ?? 120_000;
	return new Promise((resolvePromise, reject) => {
		const child = spawn('unshare', args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
		track(child);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		let timedOut = false;
		child.stdout?.on('data', (b: Buffer) => out.push(b));
		child.stderr?.on('data', (b: Buffer) => err.push(b));
		// EPIPE when the command does not read its stdin is not an error here.
		child.stdin?.on('error', () => {});
		child.stdin?.end(opts.input ?? '');
		const timer = setTimeout(() => {
			timedOut = true;
			killTree(child, 'SIGKILL');
		}, timeoutMs);
		child.once('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			// Whatever the command left in its group goes with it.
			if (child.pid !== undefined && groupAlive(child.pid)) killTree(child, 'SIGKILL');
			resolvePromise({
				code: code ?? 128 + (signal ? osConstants.signals[signal] : 0),
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				timedOut
			});
		});
	});
}

/**
 * Starts a long-running command (a server) inside the root and returns its
 * ChildProcess, leader of its own process group. Stop it with
 * `await stopTree(child)` (or `killTree(child)`), which reaches workers it
 * forked too; trees still alive when Node exits are killed.
 *
 * @example
 * const port = await freePort();
 * const app = spawnInRoot(['uvicorn', 'app:app', '--port', String(port)], { cwd: work.inRoot });
 * await waitForHttp(`http://127.0.0.1:${port}/health`, { child: app });
 * await stopTree(app);
 */
export function spawnInRoot(cmd: string[] | string, opts: SpawnOptions = {}): ChildProcess {
	const args = buildArgs(cmd, opts);
	const stdio = opts.stdio ?? 'pipe';
	const child = spawn('unshare', args, {
		detached: true,
		stdio: stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : ['ignore', stdio, stdio]
	});
	track(child);
	return child;
}

/**
 * Polls `url` from the host until it answers with a 2xx status, and returns
 * that response. Fails early when `child` exits, and after `timeoutMs`
 * (default 30 000).
 */
export async function waitForHttp(
	url: string,
	opts: { timeoutMs?: number; intervalMs?: number; child?: ChildProcess } = {}
): Promise<Response> {
	const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
	let last = 'no answer';
	while (Date.now() < deadline) {
		const child = opts.child;
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw new Error(`waitForHttp ${url}: server exited (${child.exitCode ?? child.signalCode})`);
		}
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
			// The body is read here, under the same 2 s signal, and the poll retries if it is slow:
			// read by the caller later, a body still arriving when the signal fired rejected there
			// ("The operation was aborted due to timeout", a matrix run at load 20).
			if (res.ok) return new Response(await res.arrayBuffer(), { status: res.status, statusText: res.statusText, headers: res.headers });
			last = `HTTP ${res.status}`;
			await res.body?.cancel();
		} catch (err) {
			last = String(err);
		}
		await sleep(opts.intervalMs ?? 200);
	}
	throw new Error(`waitForHttp ${url}: gave up (${last})`);
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
	return new Promise((resolvePromise, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolvePromise(port));
		});
	});
}

/** A fresh directory inside the root, seen from the host and from inside. */
export interface Workdir {
	/** Path on the host (write files here). */
	host: string;
	/** The same directory as seen inside the root (pass as cwd). */
	inRoot: string;
	/** Removes the directory and everything in it. */
	cleanup(): void;
}

/** Creates a fresh, empty directory under ROOT/tmp/slipway-work/. */
export function makeWorkdir(prefix: string): Workdir {
	const root = toolchainRoot();
	const base = join(root, WORK_BASE_IN_ROOT);
	mkdirSync(base, { recursive: true, mode: 0o755 });
	const safe = prefix.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40) || 'work';
	const host = mkdtempSync(join(base, `${safe}-`));
	chmodSync(host, 0o755);
	const inRoot = `${WORK_BASE_IN_ROOT}/${basename(host)}`;
	return {
		host,
		inRoot,
		cleanup: () => rmSync(host, { recursive: true, force: true })
	};
}

/** A file to write: a relative path and its text. */
export interface FileEntry {
	path: string;
	content: string;
	/** Force the executable bit on or off (default: on for *.sh and manage.py). */
	executable?: boolean;
}

/**
 * Writes files under `dir`, creating parent folders. Files ending in `.sh`
 * or named `manage.py` get mode 0755, others 0644. Paths must stay inside
 * `dir`.
 */
export function writeFiles(dir: string, files: readonly FileEntry[]): void {
	const top = resolve(dir);
	for (const file of files) {
		const target = resolve(top, file.path);
		const rel = relative(top, target);
		if (isAbsolute(file.path) || rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
			throw new Error(`writeFiles: path escapes ${dir}: ${file.path}`);
		}
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, file.content);
		const name = basename(target);
		const exec = file.executable ?? (name.endsWith('.sh') || name === 'manage.py');
		chmodSync(target, exec ? 0o755 : 0o644);
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}
