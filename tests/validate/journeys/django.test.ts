/**
 * Issue 14, points 7 and 8, proved in the Debian 13 toolchain root with real
 * Django 4.2, WhiteNoise 6.8 and gunicorn 23 (no doubles):
 *
 *   - collectstatic runs exactly as the Dockerfile's builder runs it, with no
 *     SECRET_KEY, no DATABASE_URL and no .env, into STATIC_ROOT in the work
 *     directory (which plays /app, the image's WORKDIR);
 *   - the production server (serveArgv, only the port changed to a free one)
 *     with DEBUG=false, HTTPS_ONLY=true and WEB_CONCURRENCY=3 answers
 *     /static/admin/css/base.css with 200 and CSS (through the proxy's
 *     X-Forwarded-Proto: https), redirects plain HTTP to HTTPS, and answers
 *     /health with 200 over plain HTTP by IP, as probes do;
 *   - its master has exactly 3 worker processes (counted in /proc);
 *   - without SECRET_KEY the server refuses to start;
 *   - python -m django check --deploy --fail-level WARNING passes in the
 *     production environment.
 * With Postgres (DATABASE_URL set to an unreachable dummy: nothing connects)
 * and without (SQLite). The commands are in ./django.ts.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generators/index.ts';
import { HEALTH_PATH } from '../../../src/lib/model/derive.ts';
import { presetById } from '../../../src/lib/model/presets.ts';
import type { Config } from '../../../src/lib/model/config.ts';
import { builderCollectStatic } from '../../../src/lib/generators/image/dockerfile.ts';
import { ROOT_PATH, freePort, runInRoot, spawnInRoot, stopTree, toolchainReady, waitForHttp, type RunResult } from '../toolchain/index.ts';
import { withWorkdir } from '../root.ts';
import { JOURNEY_WORKERS, MANIFEST_LOOKUP, countWorkersCommand, djangoJourney, type JourneyCommand } from './django.ts';

function djangoConfig(postgres: boolean): Config {
	const config = presetById('django-app')!.config();
	config.target = 'docker';
	config.services.postgres = postgres;
	// pip + setuptools: Debian 13's poetry-core (2.1.2) is below the Poetry layout's >=2.2, and the
	// package manager changes nothing of what this journey proves (settings, Dockerfile steps, server).
	config.packaging = { ...config.packaging, manager: 'pip', backend: 'setuptools', pipWorkflow: 'requirements' };
	return config;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tail = (s: string) => (s.length > 3000 ? '…' + s.slice(-3000) : s);

describe('Django journey: static files and gunicorn workers in production', () => {
	it('the toolchain root is ready', () => {
		expect(toolchainReady()).toEqual({ ok: true });
	});

	for (const postgres of [true, false]) {
		it(`django-app (${postgres ? 'Postgres' : 'SQLite'}): collectstatic without secrets, WhiteNoise serves the admin CSS, 3 workers, check --deploy clean`, async () => {
			const config = djangoConfig(postgres);
			const files = generate(config);
			// The Dockerfile runs the very collectstatic this test runs.
			const cs = builderCollectStatic(config)!;
			const dockerfile = files.find((f) => f.path === 'Dockerfile')!.content;
			expect(dockerfile).toContain(`RUN ${[...Object.entries(cs.env).map(([k, v]) => `${k}=${v}`), ...cs.argv].join(' ')}\n`);
			expect(dockerfile).toContain('COPY --from=builder /app/staticfiles /app/staticfiles\n');
			expect(files.some((f) => f.path === '.env')).toBe(false);

			const port = await freePort();
			const steps = djangoJourney(config, port);
			await withWorkdir(`journey-django-${postgres ? 'pg' : 'sqlite'}`, files, async (w) => {
				const cwd = w.inRoot;
				const env = (c: JourneyCommand) => ({ PATH: `${cwd}/.venv/bin:${ROOT_PATH}`, PYTHONDONTWRITEBYTECODE: '1', ...c.env });
				const exec = async (c: JourneyCommand, timeoutMs = 300_000): Promise<RunResult> => {
					const r = await runInRoot(c.argv, { cwd, env: env(c), timeoutMs });
					expect(r.code, `${c.what} (${c.argv.join(' ')}) exit ${r.code}\n${tail(r.stdout + r.stderr)}`).toBe(0);
					return r;
				};
				await exec(steps.build);
				await exec(steps.venv);
				await exec(steps.install);

				// collectstatic: no SECRET_KEY, no DATABASE_URL in its environment, and no .env to read them from.
				expect(Object.keys(steps.collectstatic.env)).toEqual(['DJANGO_SETTINGS_MODULE']);
				const collected = await exec(steps.collectstatic);
				expect(collected.stdout).toMatch(/\d+ static files? copied to '.*\/staticfiles'/);
				const manifest = await runInRoot(MANIFEST_LOOKUP.argv, { cwd });
				expect(manifest.code, manifest.stderr).toBe(0);
				const hashed = manifest.stdout.trim();
				expect(hashed).toMatch(/^admin\/css\/base\.[0-9a-f]{12}\.css$/);

				// check --deploy in the production environment: no warnings (--fail-level WARNING exits 1 on one).
				const check = await exec(steps.checkDeploy);
				expect(check.stdout + check.stderr).toContain('System check identified no issues');

				// Without SECRET_KEY the production server does not start.
				const refused = await runInRoot(steps.serveNoSecret.argv, { cwd, env: env(steps.serveNoSecret), timeoutMs: 60_000 });
				expect(refused.code, tail(refused.stdout + refused.stderr)).not.toBe(0);
				expect(refused.stdout + refused.stderr).toMatch(/secret_key\s+Field required/);

				// The production server, WEB_CONCURRENCY=3.
				const server = spawnInRoot(steps.serve.argv, { cwd, env: env(steps.serve) });
				let log = '';
				server.stdout?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-8000)));
				server.stderr?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-8000)));
				try {
					const base = `http://127.0.0.1:${port}`;
					// Plain HTTP, by IP, no forwarded header: what Docker's HEALTHCHECK and kubelet send.
					const health = await waitForHttp(`${base}${HEALTH_PATH}`, { child: server, timeoutMs: 60_000 }).catch((e: Error) => {
						throw new Error(`${e.message}\n${tail(log)}`);
					});
					expect(health.status).toBe(200);
					expect(await health.json()).toEqual({ status: 'ok' });

					// Through the TLS-terminating proxy: X-Forwarded-Proto https.
					const proxied = { 'X-Forwarded-Proto': 'https' };
					const css = await fetch(`${base}/static/admin/css/base.css`, { headers: proxied, redirect: 'manual' });
					expect(css.status, tail(log)).toBe(200);
					expect(css.headers.get('content-type')).toMatch(/^text\/css/);
					const body = await css.text();
					expect(body.length).toBeGreaterThan(1000);
					expect(body).toMatch(/\bbody\s*\{/);
					const immutable = await fetch(`${base}/static/${hashed}`, { headers: proxied, redirect: 'manual' });
					expect(immutable.status).toBe(200);
					expect(immutable.headers.get('cache-control')).toMatch(/immutable/);
					await immutable.arrayBuffer();

					// Plain HTTP elsewhere is redirected to HTTPS (HTTPS_ONLY=true in the deployments).
					const plain = await fetch(`${base}/admin/login/`, { redirect: 'manual' });
					expect(plain.status).toBe(301);
					expect(plain.headers.get('location')).toBe(`https://127.0.0.1:${port}/admin/login/`);
					// And over HTTPS the admin renders with the hashed stylesheet (manifest storage at work).
					const login = await fetch(`${base}/admin/login/`, { headers: proxied, redirect: 'manual' });
					expect(login.status).toBe(200);
					expect(login.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
					expect(await login.text()).toContain(`/static/${hashed}`);

					// Exactly WEB_CONCURRENCY workers under one master (they may still be booting: poll up to 20 s).
					const bind = `127.0.0.1:${port}`;
					let census: { masters: number[]; workers: Record<string, number[]> } = { masters: [], workers: {} };
					for (let i = 0; i < 40; i++) {
						const r = await runInRoot(countWorkersCommand(bind).argv, { timeoutMs: 30_000 });
						expect(r.code, r.stderr).toBe(0);
						census = JSON.parse(r.stdout);
						if (census.masters.length === 1 && census.workers[String(census.masters[0])]?.length === JOURNEY_WORKERS) break;
						await sleep(500);
					}
					expect(census.masters, JSON.stringify(census)).toHaveLength(1);
					expect(census.workers[String(census.masters[0])], JSON.stringify(census)).toHaveLength(JOURNEY_WORKERS);
					// gunicorn logs access lines to stdout (accesslog = "-") and says which worker class runs.
					expect(log).toContain('Using worker: gthread');
					expect(log).toMatch(/"GET \/static\/admin\/css\/base\.css HTTP\/1\.1" 200/);
					expect(log).toContain(`Listening at: http://${bind}`);
				} finally {
					await stopTree(server, 10_000);
				}
			});
		});
	}
});
