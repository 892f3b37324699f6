/**
 * Slipway's own nginx configuration (deploy/nginx/slipway.conf) serving the built
 * site on this machine's nginx (Debian 12's 1.22, the oldest nginx users commonly
 * have; setup.sh installs it): pages answer 200, an unknown path answers with the
 * titled not-found page AND status 404 (a `try_files ... /404.html` fallback would
 * serve it as 200, which search engines and link checkers read as a real page),
 * and a missing content-hashed file is a 404 without the immutable cache header.
 *
 * Needs build/ (`npm run build`; `npm test` builds before the validation step).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, stopTree, waitForHttp } from './toolchain/index.ts';

const REPO = resolve(import.meta.dirname, '../..');
const BUILD = join(REPO, 'build');

describe("Slipway's own nginx site on nginx 1.22", { timeout: 60_000 }, () => {
	let dir = '';
	let port = 0;
	let nginx: ChildProcess | undefined;

	beforeAll(async () => {
		if (!existsSync(join(BUILD, 'index.html')) || !existsSync(join(BUILD, '404.html')))
			throw new Error('build/ is missing: run `npm run build` first (npm test builds before this step)');
		if (spawnSync('nginx', ['-v']).error) throw new Error("nginx is not installed on this machine: run tests/validate/toolchain/setup.sh (it installs Debian 12's nginx-light)");
		dir = mkdtempSync('/tmp/slipway-site-nginx-');
		for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, 'tmp', t), { recursive: true });
		port = await freePort();
		// The file as shipped, with only the two machine paths it names moved into this test's tree.
		const site = readFileSync(join(REPO, 'deploy/nginx/slipway.conf'), 'utf8')
			.replace('root /srv/slipway;', `root ${BUILD};`)
			.replaceAll('/etc/nginx/snippets/slipway-security-headers.conf', join(REPO, 'deploy/nginx/security-headers.conf'));
		expect(site).toContain(`root ${BUILD};`);
		writeFileSync(join(dir, 'site.conf'), site);
		writeFileSync(
			join(dir, 'nginx.conf'),
			[
				`pid ${dir}/nginx.pid;`,
				'error_log stderr;',
				'daemon off;',
				'events {}',
				'http {',
				'    include /etc/nginx/mime.types;',
				'    access_log off;',
				...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${dir}/tmp/${t};`),
				`    server { listen 127.0.0.1:${port}; include ${dir}/site.conf; }`,
				'}',
				''
			].join('\n')
		);
		const t = spawnSync('nginx', ['-t', '-e', 'stderr', '-p', `${dir}/`, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
		expect(t.stderr).toMatch(/nginx\/1\.22\.|test is successful/);
		expect(t.status, t.stderr).toBe(0);
		// Its own process group (detached), which stopTree signals: master and workers stop together.
		nginx = spawn('nginx', ['-e', 'stderr', '-p', `${dir}/`, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
		await waitForHttp(`http://127.0.0.1:${port}/`);
	});

	afterAll(async () => {
		if (nginx) {
			await stopTree(nginx);
			// Nothing of this nginx outlives the test (its pid file names the master).
			expect(spawnSync('pgrep', ['-f', dir]).stdout.toString().trim()).toBe('');
		}
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	test('the page answers 200 with the security headers', async () => {
		const r = await fetch(`http://127.0.0.1:${port}/`);
		expect(r.status).toBe(200);
		expect(await r.text()).toContain('<title>');
		expect(r.headers.get('content-security-policy')).toBeTruthy();
	});

	test('an unknown path answers 404 with the titled not-found page', async () => {
		for (const path of ['/nope', '/a/b/c']) {
			const r = await fetch(`http://127.0.0.1:${port}${path}`);
			expect(r.status, path).toBe(404);
			expect(await r.text()).toBe(readFileSync(join(BUILD, '404.html'), 'utf8'));
		}
	});

	test('a missing content-hashed file is a 404 that is not cached forever', async () => {
		const r = await fetch(`http://127.0.0.1:${port}/_app/immutable/chunks/missing.js`);
		expect(r.status).toBe(404);
		expect(r.headers.get('cache-control') ?? '').not.toContain('immutable');
	});
});
