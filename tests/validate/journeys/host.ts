/**
 * A throw-away "server" for journey tests: the toolchain root seen through an
 * overlay, inside private mount, network and PID namespaces.
 *
 *   - Mount namespace + overlayfs: the root is the read-only lower layer;
 *     everything install.sh writes (/etc, /opt, /var, a user in /etc/passwd)
 *     lands in an upper directory under /tmp that dispose() deletes. The
 *     shared root, which other suites use at the same time, is never changed.
 *   - Network namespace with only loopback: nginx can listen on its real ports
 *     80 and 443 and the app on 127.0.0.1:8000 exactly as generated, with no
 *     clash with anything on this machine. Clients run inside the namespace.
 *   - PID namespace: a holder process is its init; daemons started inside
 *     (nginx, gunicorn) die with it, so dispose() leaves nothing running.
 *
 * Needs root (unshare, overlayfs, nsenter) and the toolchain root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT_PATH, toolchainRoot } from '../toolchain/index.ts';

export interface Result {
	code: number;
	stdout: string;
	stderr: string;
}

export interface Host {
	/** Run a shell script (bash -c) inside the host as root, with a clean environment plus `env`. */
	sh(script: string, opts?: { env?: Record<string, string>; cwd?: string; timeoutMs?: number }): Promise<Result>;
	/** Write a file inside the host (path as seen inside). */
	write(path: string, content: string, mode?: number): void;
	/** Read a file inside the host (path as seen inside). */
	read(path: string): string;
	exists(path: string): boolean;
	dispose(): Promise<void>;
}

// Runs in the new namespaces: overlay, /proc of the new PID namespace, /dev, loopback up; then waits.
const HOLDER = [
	'set -e',
	'lower=$1 upper=$2 work=$3 merged=$4',
	'mount -t overlay overlay -o "lowerdir=$lower,upperdir=$upper,workdir=$work" "$merged"',
	'mount -t proc proc "$merged/proc"',
	'mount --rbind /dev "$merged/dev"',
	'mount -t tmpfs -o mode=0755 tmpfs "$merged/run"',
	'ip link set lo up',
	'echo ready',
	'exec sleep infinity'
].join('\n');

function childPid(pid: number): number | null {
	try {
		const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
		return kids.length ? Number(kids[0]) : null;
	} catch {
		return null;
	}
}

/** Boots a host. Call dispose() in a finally block. */
export async function bootHost(prefix: string): Promise<Host> {
	const base = mkdtempSync(join('/tmp', `slipway-host-${prefix.replace(/[^A-Za-z0-9-]/g, '-')}-`));
	const upper = join(base, 'upper');
	const work = join(base, 'work');
	const merged = join(base, 'merged');
	for (const d of [upper, work, merged]) mkdirSync(d);
	const holder: ChildProcess = spawn('unshare', ['-m', '-n', '-p', '--fork', '--propagation', 'private', '/bin/sh', '-c', HOLDER, 'holder', toolchainRoot(), upper, work, merged], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	let err = '';
	holder.stderr?.on('data', (b: Buffer) => (err += b.toString()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`host did not boot: ${err}`)), 20_000);
		holder.stdout?.on('data', (b: Buffer) => {
			if (b.toString().includes('ready')) {
				clearTimeout(timer);
				resolve();
			}
		});
		holder.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`host holder exited (${code}): ${err}`));
		});
	});
	const init = childPid(holder.pid!);
	if (!init) throw new Error('host: no init process in the new PID namespace');
	// The overlay is mounted only in the host's mount namespace: reach it through its init's /proc/PID/root.
	const inside = (p: string) => join(`/proc/${init}/root`, merged, p);
	const host: Host = {
		sh(script, opts = {}) {
			const env = { PATH: ROOT_PATH, HOME: '/root', LANG: 'C.UTF-8', ...(opts.env ?? {}) };
			const args = ['-t', String(init), '-m', '-n', '-p', '--', 'chroot', merged, '/usr/bin/env', '-i', ...(opts.cwd ? ['-C', opts.cwd] : []), ...Object.entries(env).map(([k, v]) => `${k}=${v}`), '/bin/bash', '-c', script];
			return new Promise((resolve, reject) => {
				const child = spawn('nsenter', args, { stdio: ['ignore', 'pipe', 'pipe'] });
				const out: Buffer[] = [];
				const errs: Buffer[] = [];
				child.stdout.on('data', (b: Buffer) => out.push(b));
				child.stderr.on('data', (b: Buffer) => errs.push(b));
				const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
				child.once('error', reject);
				child.once('close', (code, signal) => {
					clearTimeout(timer);
					resolve({ code: code ?? (signal ? 137 : 1), stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(errs).toString() });
				});
			});
		},
		write(path, content, mode = 0o644) {
			const target = inside(path);
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, content);
			chmodSync(target, mode);
		},
		read: (path) => readFileSync(inside(path), 'utf8'),
		exists: (path) => existsSync(inside(path)),
		async dispose() {
			// Killing the PID namespace's init kills every process in it (nginx, the app); the mounts go with the namespace.
			try {
				process.kill(init, 'SIGKILL');
			} catch {
				// gone already
			}
			const deadline = Date.now() + 10_000;
			while (holder.exitCode === null && holder.signalCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
			rmSync(base, { recursive: true, force: true });
		}
	};
	return host;
}
