/**
 * The CLI in process for unit tests: `tempDirs(prefix)` hands out folders removed after each
 * test, `cli(args, cwd)` runs `slipway` there and returns its exit code and output.
 */
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.ts';

/** A folder maker whose folders are deleted after each test of the calling file. */
export function tempDirs(prefix: string): () => string {
	const dirs: string[] = [];
	afterEach(() => {
		for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
	});
	return () => {
		const d = mkdtempSync(join(tmpdir(), prefix));
		dirs.push(d);
		return d;
	};
}

/** Run the CLI with `args` in `cwd`; stdout and stderr as written. */
export async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; cwd: string }> {
	let stdout = '';
	let stderr = '';
	const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
	return { code, stdout, stderr, cwd };
}
