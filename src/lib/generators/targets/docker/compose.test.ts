import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { APP_PORT, HEALTH_PATH, POSTGRES, REDIS, facts, serveArgv, serverEnv } from '../../../model/derive.ts';
import { presetById } from '../../../model/presets.ts';
import { compose, composeDoc, composeOverrideDoc, composeProjectName, devArgv } from './compose.ts';
import { dockerfile } from '../../image/dockerfile.ts';
import { dockerCases } from '../../../../../tests/support/cases.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every string in a document, depth first. */
function strings(v: unknown): string[] {
	if (typeof v === 'string') return [v];
	if (Array.isArray(v)) return v.flatMap(strings);
	if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
	return [];
}

/** Names of `${NAME...}` references compose interpolates. */
function interpolated(doc: unknown): Set<string> {
	const out = new Set<string>();
	for (const s of strings(doc)) for (const m of s.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) out.add(m[1]);
	return out;
}

const cases = dockerCases().filter((c) => facts(c.config).deploys);

describe('compose.yaml, every preset x manager x services', () => {
	it.each(cases.map((c) => [c.name, c.config] as const))('%s: consistent with derive.ts and the Dockerfile', (_name, config) => {
		const files = compose(config);
		expect(files.map((f) => f.path)).toEqual(['compose.yaml', 'compose.override.yaml']);
		const doc = load(files[0].content) as Obj;
		expect(doc).toEqual(composeDoc(config));
		expect(doc.version).toBeUndefined();
		expect(doc.name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
		const f = facts(config);
		const app = doc.services.app as Obj;

		// Every variable the settings read reaches the app: all of .env, plus the compose-aware URLs.
		expect(app.env_file).toEqual(['.env']);
		// ... and the server's own variables (issue 14.8: gunicorn's WEB_CONCURRENCY).
		const names = new Set([...f.env.map((v) => v.name), ...Object.keys(serverEnv(config))]);
		for (const key of Object.keys(app.environment ?? {})) expect(names.has(key), key).toBe(true);
		for (const [k, v] of Object.entries(serverEnv(config))) expect(app.environment[k], k).toBe(v);
		if (config.project.kind === 'service' && config.project.framework !== 'fastapi') expect(app.environment.WEB_CONCURRENCY).toBe('2');
		else expect(app.environment?.WEB_CONCURRENCY).toBeUndefined();
		if (config.services.postgres) expect(app.environment.DATABASE_URL).toMatch(new RegExp(`^postgresql://\\$\\{POSTGRES_USER:\\?[^}]+\\}:\\$\\{POSTGRES_PASSWORD:\\?[^}]+\\}@${POSTGRES.host}:${POSTGRES.port}/\\$\\{POSTGRES_DB:\\?[^}]+\\}$`));
		if (config.services.redis) expect(app.environment.REDIS_URL).toBe(`redis://${REDIS.host}:${REDIS.port}/0`);
		// Every ${VAR} compose needs is one .env.example defines (facts().composeEnv), and is required.
		const composeNames = new Set(f.composeEnv.map((v) => v.name));
		for (const v of interpolated(doc)) expect(composeNames.has(v), v).toBe(true);
		for (const s of strings(doc)) for (const m of s.matchAll(/\$\{([A-Z_]+)([^}]*)\}/g)) expect(m[2].startsWith(':?'), m[0]).toBe(true);

		// No literal secret anywhere: only references.
		const secrets = [...f.env, ...f.composeEnv].filter((v) => v.secret);
		for (const s of strings(doc)) for (const v of secrets) expect(s.includes(v.example), `${v.name} example in ${s}`).toBe(false);

		// Ports agree everywhere: EXPOSE, HEALTHCHECK, compose ports + healthcheck, CMD.
		const df = dockerfile(config)[0].content;
		if (f.isWeb) {
			expect(app.ports).toEqual([{ target: APP_PORT, host_ip: '127.0.0.1', published: String(APP_PORT), protocol: 'tcp' }]);
			const url = `http://127.0.0.1:${APP_PORT}${HEALTH_PATH}`;
			expect(app.healthcheck.test.join(' ')).toContain(url);
			expect(df).toContain(url);
			expect(df).toContain(`EXPOSE ${APP_PORT}\n`);
			expect(serveArgv(config).join(' ')).toMatch(new RegExp(`[ :]${APP_PORT}( |$)`));
		} else {
			expect(app.ports).toBeUndefined();
			expect(app.healthcheck).toBeUndefined();
		}
		expect(app.build).toEqual({ context: '.', target: 'runtime' });
		expect(df).toMatch(/ AS runtime\n/);
		expect(app.restart).toBe(config.project.kind === 'cli' ? undefined : 'unless-stopped');

		// Backing services: pinned image, health check, named volume, app waits for healthy.
		const expected = [config.services.postgres && POSTGRES.host, config.services.redis && REDIS.host].filter(Boolean) as string[];
		for (const name of expected) {
			const svc = doc.services[name] as Obj;
			expect(svc.image).toMatch(new RegExp(`^${name}:\\d+(-alpine)?$`));
			expect(svc.healthcheck.test[0]).toBe('CMD');
			expect(svc.restart).toBe('unless-stopped');
			expect(svc.deploy.resources.limits.memory).toBeTruthy();
			expect(Object.keys(doc.volumes)).toContain(svc.volumes[0].source);
			expect(app.depends_on[name]).toEqual({ condition: 'service_healthy' });
		}
		expect(Object.keys(app.depends_on ?? {})).toEqual(expected);
		if (config.services.postgres) {
			const pg = doc.services.postgres as Obj;
			expect(pg.healthcheck.test.slice(0, 6)).toEqual(['CMD', 'pg_isready', '-h', '127.0.0.1', '-p', String(POSTGRES.port)]);
			expect(pg.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
		}
		if (config.services.redis) expect(doc.services.redis.healthcheck.test).toEqual(['CMD', 'redis-cli', 'ping']);
		expect(app.deploy.resources.limits).toEqual({ cpus: '1.0', memory: '512M' });

		// Development override.
		const dev = load(files[1].content) as Obj;
		expect(dev).toEqual(composeOverrideDoc(config));
		expect(dev.services.app.volumes).toEqual([{ type: 'bind', source: './src', target: '/app/src', read_only: true }]);
		expect(dev.services.app.environment.PYTHONPATH).toBe('/app/src');
		expect(dev.services.app.command).toEqual(devArgv(config) ?? undefined);
	});
});

describe('compose details', () => {
	it('reloads per framework in development', () => {
		expect(devArgv(presetById('fastapi-service')!.config())).toContain('--reload');
		expect(devArgv(presetById('flask-app')!.config())).toEqual(['gunicorn', '--config', 'python:flask_app.gunicorn_conf', '--bind', `0.0.0.0:${APP_PORT}`, '--reload', 'flask_app.app:create_app()']);
		expect(devArgv(presetById('django-app')!.config())).toEqual(['django-admin', 'runserver', `0.0.0.0:${APP_PORT}`]);
		expect(devArgv(presetById('worker')!.config())).toBeNull();
	});

	it('gives Django a migrate service in its own profile', () => {
		const doc = composeDoc(presetById('django-app')!.config()) as Obj;
		expect(doc.services.migrate.profiles).toEqual(['migrate']);
		expect(doc.services.migrate.command).toEqual(['django-admin', 'migrate', '--noinput']);
		expect(doc.services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
		expect((composeDoc(presetById('fastapi-service')!.config()) as Obj).services.migrate).toBeUndefined();
	});

	it('normalises the project name to a valid compose name', () => {
		const c = presetById('fastapi-service')!.config();
		c.project.name = 'Acme.Orders_API';
		expect(composeProjectName(c)).toBe('acme-orders-api');
	});

	it('is written for target docker only', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'kubernetes';
		expect(compose(c)).toEqual([]);
		const lib = presetById('library')!.config();
		lib.target = 'docker';
		expect(compose(lib)).toEqual([]);
	});
});
