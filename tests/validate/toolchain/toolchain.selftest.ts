/**
 * Exercises index.ts against the real toolchain root (as root, after
 * setup.sh). Not a vitest file (its name does not match *.test.ts); run it
 * with a TypeScript runner, e.g.
 *
 *     npx tsx tests/validate/toolchain/toolchain.selftest.ts
 *
 * Prints PASS/FAIL per check and "N passed, N failed"; exits 1 on a failure
 * and 0 with a SKIP line when the toolchain is not ready.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	freePort,
	makeWorkdir,
	readStamp,
	runInRoot,
	spawnInRoot,
	stopTree,
	toolchainReady,
	toolchainRoot,
	waitForHttp,
	writeFiles
} from './index.ts';

let passed = 0;
let failed = 0;

async function check(name: string, fn: () => Promise<string | void>): Promise<void> {
	try {
		const note = await fn();
		passed++;
		console.log(`PASS  ${name}${note ? `: ${note}` : ''}`);
	} catch (err) {
		failed++;
		console.log(`FAIL  ${name}\n      ${String(err instanceof Error ? err.message : err).replace(/\n/g, '\n      ')}`);
	}
}

function assert(cond: unknown, msg: string): asserts cond {
	if (!cond) throw new Error(msg);
}

function mountsUnderRoot(): number {
	const root = toolchainRoot();
	return readFileSync('/proc/self/mountinfo', 'utf8')
		.split('\n')
		.filter((l) => l.includes(` ${root}/`)).length;
}

const ready = toolchainReady();
if (!ready.ok) {
	console.log(`SKIP  toolchain not ready: ${ready.reason}`);
	process.exit(0);
}
console.log(`== toolchain root ${toolchainRoot()} (${readStamp()?.size_mb} MB)`);
const mountsBefore = mountsUnderRoot();

await check('runInRoot array: python3 --version', async () => {
	const r = await runInRoot(['python3', '--version']);
	assert(r.code === 0 && /^Python 3\.1[2-9]/.test(r.stdout), JSON.stringify(r));
	return r.stdout.trim();
});

await check('runInRoot string runs under bash, exit code passes through', async () => {
	const r = await runInRoot('set -o pipefail; echo "$BASH_VERSION" | grep -q . && exit 7');
	assert(r.code === 7, JSON.stringify(r));
});

await check('env starts empty: only PATH, HOME, LANG plus opts.env', async () => {
	process.env.SLIPWAY_SHOULD_NOT_LEAK = '1';
	const r = await runInRoot(['env'], { env: { FOO: 'bar baz', PYTHONDONTWRITEBYTECODE: '1' } });
	const names = r.stdout
		.trim()
		.split('\n')
		.map((l) => l.split('=')[0])
		.sort();
	assert(r.code === 0, r.stderr);
	assert(
		JSON.stringify(names) === JSON.stringify(['FOO', 'HOME', 'LANG', 'PATH', 'PYTHONDONTWRITEBYTECODE']),
		names.join(',')
	);
	assert(r.stdout.includes('FOO=bar baz\n'), r.stdout);
});

await check('input goes to stdin', async () => {
	const r = await runInRoot(['python3', '-c', 'import sys; print(sys.stdin.read().upper())'], { input: 'hello' });
	assert(r.code === 0 && r.stdout.trim() === 'HELLO', JSON.stringify(r));
});

await check('/proc, /dev/null, /dev/urandom, /dev/shm usable inside', async () => {
	const r = await runInRoot(
		'test -r /proc/self/status && echo x >/dev/null && head -c 8 /dev/urandom | wc -c && ' +
			'python3 -c "import os, multiprocessing as m; l = m.Lock(); print(os.cpu_count())"'
	);
	assert(r.code === 0, r.stderr);
	return r.stdout.trim().replace(/\n/g, ' ');
});

await check('timeoutMs kills the tree and reports timedOut', async () => {
	const t0 = Date.now();
	const r = await runInRoot('sleep 30 & sleep 30; wait', { timeoutMs: 500 });
	assert(r.timedOut && r.code === 137, JSON.stringify(r));
	assert(Date.now() - t0 < 5000, 'took too long');
});

const work = makeWorkdir('ts selftest');
await check('makeWorkdir: host and inRoot name the same dir', async () => {
	assert(work.host === join(toolchainRoot(), work.inRoot), `${work.host} vs ${work.inRoot}`);
	assert(/^\/tmp\/slipway-work\/ts-selftest-/.test(work.inRoot), work.inRoot);
	writeFiles(work.host, [
		{ path: 'scripts/start.sh', content: '#!/bin/sh\necho started "$1"\n' },
		{ path: 'manage.py', content: '#!/usr/bin/env python3\nprint("manage ok")\n' },
		{ path: 'pkg/app.py', content: 'X = 1\n' }
	]);
	const r = await runInRoot('./scripts/start.sh yes && ./manage.py && test ! -x pkg/app.py && pwd', {
		cwd: work.inRoot
	});
	assert(r.code === 0, r.stdout + r.stderr);
	assert(r.stdout === `started yes\nmanage ok\n${work.inRoot}\n`, r.stdout);
});

await check('writeFiles refuses paths that escape the dir', async () => {
	let threw = false;
	try {
		writeFiles(work.host, [{ path: '../escape.txt', content: 'x' }]);
	} catch {
		threw = true;
	}
	assert(threw, 'no error for ../escape.txt');
});

writeFiles(work.host, [
	{
		path: 'app.py',
		content: [
			'from fastapi import FastAPI',
			'',
			'app = FastAPI()',
			'',
			'',
			'@app.get("/health")',
			'def health() -> dict[str, str]:',
			'    return {"status": "ok"}',
			''
		].join('\n')
	},
	{
		path: 'wsgi.py',
		content: 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n'
	}
]);

await check('spawnInRoot: uvicorn on 127.0.0.1 answers fetch from the host, stopTree ends it', async () => {
	const port = await freePort();
	const app = spawnInRoot(['python3', '-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: work.inRoot
	});
	let log = '';
	app.stdout?.on('data', (b: Buffer) => (log += b.toString()));
	app.stderr?.on('data', (b: Buffer) => (log += b.toString()));
	try {
		const res = await waitForHttp(`http://127.0.0.1:${port}/health`, { child: app, timeoutMs: 30_000 });
		const body = (await res.json()) as { status?: string };
		assert(body.status === 'ok', JSON.stringify(body));
	} catch (err) {
		throw new Error(`${String(err)}\n${log}`);
	} finally {
		await stopTree(app);
	}
	let refused = false;
	try {
		await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
	} catch {
		refused = true;
	}
	assert(refused, 'server still answers after stopTree');
	return `port ${port}`;
});

await check('spawnInRoot: gunicorn with 2 workers, the whole tree dies', async () => {
	const port = await freePort();
	const app = spawnInRoot(['gunicorn', '-w', '2', '-b', `127.0.0.1:${port}`, 'wsgi:app'], {
		cwd: work.inRoot,
		stdio: 'ignore'
	});
	assert(app.pid !== undefined, 'no pid');
	const pgid = app.pid;
	await waitForHttp(`http://127.0.0.1:${port}/health`, { child: app });
	const members = (): number[] => {
		const out: number[] = [];
		for (const pid of listPids()) {
			try {
				const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				if (Number(fields[2]) === pgid) out.push(pid);
			} catch {
				// exited meanwhile
			}
		}
		return out;
	};
	const before = members().length;
	assert(before >= 3, `expected master + 2 workers in the group, saw ${before}`);
	await stopTree(app);
	const after = members().length;
	assert(after === 0, `${after} processes left in group ${pgid}`);
	return `${before} processes stopped`;
});

function listPids(): number[] {
	return readdirSync('/proc')
		.filter((n) => /^\d+$/.test(n))
		.map(Number);
}

await check('cleanup removes the work dir', async () => {
	work.cleanup();
	const r = await runInRoot(['test', '-e', work.inRoot]);
	assert(r.code === 1, `still there (${r.code})`);
});

await check('no mounts under the root leaked to the host', async () => {
	const after = mountsUnderRoot();
	assert(after === mountsBefore && after === 0, `before ${mountsBefore}, after ${after}`);
});

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
