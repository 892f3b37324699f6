/**
 * The harness's own wrapper around the toolchain API (toolchain/index.ts,
 * owned by the toolchain helper): bounded concurrency for every chroot job,
 * a clear "toolchain missing" failure, and content hashing for caches.
 */
import { createHash } from 'node:crypto';
import {
	makeWorkdir,
	runInRoot,
	toolchainReady,
	writeFiles,
	type RunOptions,
	type RunResult,
	type Workdir
} from './toolchain/index.ts';

/** How many chroot jobs run at once (SLIPWAY_JOBS, default 2: the CI machine has 2 cores). */
export const JOBS = Math.max(1, Number(process.env.SLIPWAY_JOBS) || 2);

/** A counting semaphore. */
export class Limiter {
	private active = 0;
	private readonly queue: (() => void)[] = [];
	constructor(private readonly max: number) {}
	async run<T>(job: () => Promise<T>): Promise<T> {
		if (this.active >= this.max) await new Promise<void>((r) => this.queue.push(r));
		this.active++;
		try {
			return await job();
		} finally {
			this.active--;
			this.queue.shift()?.();
		}
	}
}

/** Every chroot job of the harness goes through this one limiter. */
export const rootLimiter = new Limiter(JOBS);

let readyCache: { ok: true } | { ok: false; reason: string } | undefined;
/** toolchainReady(), computed once per process. */
export function rootStatus(): { ok: true } | { ok: false; reason: string } {
	readyCache ??= toolchainReady();
	return readyCache;
}

/** Thrown when a chroot-based check cannot run; reported as a failure, labelled "toolchain missing". */
export class ToolchainMissing extends Error {
	constructor(reason: string) {
		super(`toolchain missing: ${reason}`);
	}
}

export function requireRoot(): void {
	const s = rootStatus();
	if (!s.ok) throw new ToolchainMissing(s.reason);
}

/** runInRoot() under the limiter; throws ToolchainMissing when the root is not there. */
export async function run(cmd: string[] | string, opts: RunOptions = {}): Promise<RunResult> {
	requireRoot();
	return rootLimiter.run(() => runInRoot(cmd, opts));
}

/** A file written into a work dir. */
export interface PlainFile {
	path: string;
	content: string;
	mode?: number;
}

/**
 * Writes `files` into a fresh work dir inside the root, calls `body`, and
 * always removes the dir. Executable bits follow the generated mode (0o755) or
 * toolchain defaults.
 */
export async function withWorkdir<T>(prefix: string, files: readonly PlainFile[], body: (w: Workdir) => Promise<T>): Promise<T> {
	requireRoot();
	const w = makeWorkdir(prefix);
	try {
		writeFiles(
			w.host,
			files.map((f) => ({ path: f.path, content: f.content, ...(f.mode !== undefined ? { executable: (f.mode & 0o111) !== 0 } : {}) }))
		);
		return await body(w);
	} finally {
		w.cleanup();
	}
}

/** sha256 of a list of (path, content) pairs plus extra strings; order-independent in files. */
export function hashFiles(files: readonly PlainFile[], ...extra: string[]): string {
	const h = createHash('sha256');
	for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		h.update(f.path).update('\0').update(String(f.mode ?? '')).update('\0').update(f.content).update('\0');
	}
	for (const e of extra) h.update(e).update('\0');
	return h.digest('hex');
}

/** Shell single-quote escaping for the few command strings the harness builds. */
export function sq(s: string): string {
	return `'${s.replace(/'/g, `'\\''`)}'`;
}
