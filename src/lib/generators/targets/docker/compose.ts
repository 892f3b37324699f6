/**
 * compose.yaml (target `docker` only) and compose.override.yaml, built as
 * data and written by the YAML writer.
 *
 * compose.yaml is the production-like stack: the app built from the
 * Dockerfile, Postgres and Redis when chosen (each with a health check and a
 * named volume), the app waiting for them to be healthy. Every value comes
 * from `.env` (copied from .env.example): the app reads it whole through
 * `env_file`, and the connection URLs point at the compose service names.
 * Passwords are only ever `${VAR:?message}` references, never literals.
 *
 * compose.override.yaml is for development: `docker compose up` merges it
 * automatically (Compose's documented use of the override file), mounting
 * `src/` read-only over the installed package and starting the framework's
 * auto-reloading server. Production: `docker compose -f compose.yaml up -d`.
 * A bind mount was chosen over `develop.watch` because it works with plain
 * `docker compose up` (watch needs `docker compose watch` or `up --watch`).
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { APP_PORT, CONTAINER_APP_DIR, POSTGRES, REDIS, appTargets, deployName, facts, hasCompose, serveArgv, serverEnv } from '../../../model/derive.ts';
import type { GeneratedFile } from '../../types.ts';
import { writeYaml } from '../../writers/yaml.ts';
import { HEALTH_TIMING, healthArgv } from '../../image/common.ts';
import { celeryFacts } from '../../../model/runtime.ts';
import { GENERATED_BY } from '../../header.ts';
import { migrateCommand } from '../../../model/runtime.ts';

/**
 * Image tags. Postgres: the Debian image, whose glibc collations match most
 * production servers (Alpine's musl sorts text differently, which silently
 * changes index order after a move). Redis: Alpine, which has no such concern.
 */
export const POSTGRES_IMAGE = `${POSTGRES.image}:${POSTGRES.major}`;
export const REDIS_IMAGE = `${REDIS.image}:${REDIS.major}-alpine`;

/** Where the Postgres image keeps its data: 18+ moved PGDATA under a versioned folder. */
export function postgresDataDir(): string {
	return Number(POSTGRES.major) >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
}

/** `${NAME:?message}`: compose stops with the message when .env lacks the variable. */
export function required(name: string): string {
	return `\${${name}:?set ${name} in .env (cp .env.example .env)}`;
}

/** A valid compose project name: lowercase letters, digits, `-` and `_`, starting with a letter or digit. */
export function composeProjectName(config: ReadonlyConfig): string {
	const n = deployName(config).replace(/[^a-z0-9_-]/g, '-').replace(/^[^a-z0-9]+/, '');
	return n || 'app';
}

/** Connection settings compose gives the app, overriding the localhost examples of .env. */
export function composeAppEnvironment(config: ReadonlyConfig): Record<string, string> {
	const env: Record<string, string> = {};
	const names = new Set(facts(config).env.map((v) => v.name));
	if (config.services.postgres && names.has('DATABASE_URL'))
		env.DATABASE_URL = `postgresql://${required('POSTGRES_USER')}:${required('POSTGRES_PASSWORD')}@${POSTGRES.host}:${POSTGRES.port}/${required('POSTGRES_DB')}`;
	if (config.services.redis && names.has('REDIS_URL')) env.REDIS_URL = `redis://${REDIS.host}:${REDIS.port}/0`;
	return env;
}

function healthcheck(test: string[]): Record<string, unknown> {
	return {
		test,
		interval: HEALTH_TIMING.interval,
		timeout: HEALTH_TIMING.timeout,
		start_period: HEALTH_TIMING.startPeriod,
		start_interval: HEALTH_TIMING.startInterval,
		retries: HEALTH_TIMING.retries
	};
}

function dependsOn(config: ReadonlyConfig): Record<string, { condition: string }> | undefined {
	const d: Record<string, { condition: string }> = {};
	if (config.services.postgres) d[POSTGRES.host] = { condition: 'service_healthy' };
	if (config.services.redis) d[REDIS.host] = { condition: 'service_healthy' };
	return Object.keys(d).length ? d : undefined;
}

/** The settings every container of the app image shares (app and migrate). */
function appBase(config: ReadonlyConfig): Record<string, unknown> {
	const environment = composeAppEnvironment(config);
	return {
		build: { context: '.', target: 'runtime' },
		init: true,
		env_file: ['.env'],
		environment: Object.keys(environment).length ? environment : undefined,
		depends_on: dependsOn(config),
		read_only: true,
		tmpfs: ['/tmp'],
		cap_drop: ['ALL'],
		security_opt: ['no-new-privileges:true']
	};
}

/** The compose.yaml document. */
export function composeDoc(config: ReadonlyConfig): Record<string, unknown> {
	const f = facts(config);
	const services: Record<string, unknown> = {};
	const app: Record<string, unknown> = { ...appBase(config) };
	// The server's own variables (gunicorn's WEB_CONCURRENCY: 2 workers for the 1-CPU limit below).
	const server = serverEnv(config);
	if (Object.keys(server).length) app.environment = { ...((app.environment as Record<string, string> | undefined) ?? {}), ...server };
	if (config.project.kind !== 'cli') app.restart = 'unless-stopped';
	if (f.isWeb) {
		app.ports = [{ target: APP_PORT, host_ip: '127.0.0.1', published: String(APP_PORT), protocol: 'tcp' }];
		app.healthcheck = healthcheck(['CMD', ...healthArgv()]);
	}
	app.deploy = { resources: { limits: { cpus: '1.0', memory: '512M' } } };
	services.app = app;
	// The deploy's one-off migration (model/runtime.ts migrateCommand), in its own profile: never at start.
	const migrate = migrateCommand(config);
	if (migrate) {
		services.migrate = {
			...appBase(config),
			profiles: ['migrate'],
			command: migrate.script,
			restart: 'no'
		};
	}
	// Celery (model/runtime.ts celeryFacts): the worker (the worker kind's app is one) scales with
	// `docker compose up --scale worker=N`; beat runs once. docker compose stop sends SIGTERM (a warm
	// shutdown) and waits stop_grace_period, longer than a task may run, before SIGKILL.
	const celery = celeryFacts(config);
	if (celery) {
		const worker: Record<string, unknown> =
			config.project.kind === 'worker' ? app : (services.worker = { ...appBase(config), command: celery.workerArgv, restart: 'unless-stopped', deploy: { resources: { limits: { cpus: '1.0', memory: '512M' } } } });
		worker.stop_grace_period = `${celery.stopGraceSeconds}s`;
		worker.healthcheck = healthcheck(['CMD', ...celery.pingArgv]);
		services.beat = { ...appBase(config), command: celery.beatArgv, restart: 'unless-stopped', deploy: { resources: { limits: { cpus: '0.5', memory: '256M' } } } };
	}
	const volumes: Record<string, Record<string, never>> = {};
	if (config.services.postgres) {
		services[POSTGRES.host] = {
			image: POSTGRES_IMAGE,
			restart: 'unless-stopped',
			environment: {
				POSTGRES_USER: required('POSTGRES_USER'),
				POSTGRES_PASSWORD: required('POSTGRES_PASSWORD'),
				POSTGRES_DB: required('POSTGRES_DB')
			},
			volumes: [{ type: 'volume', source: 'pgdata', target: postgresDataDir() }],
			// TCP, not the socket: during first-run initialisation the image's temporary
			// server listens on the socket only, so a socket check would pass too early.
			healthcheck: healthcheck(['CMD', 'pg_isready', '-h', '127.0.0.1', '-p', String(POSTGRES.port), '-U', required('POSTGRES_USER'), '-d', required('POSTGRES_DB')]),
			deploy: { resources: { limits: { cpus: '1.0', memory: '512M' } } }
		};
		volumes.pgdata = {};
	}
	if (config.services.redis) {
		services[REDIS.host] = {
			image: REDIS_IMAGE,
			restart: 'unless-stopped',
			volumes: [{ type: 'volume', source: 'redisdata', target: '/data' }],
			healthcheck: healthcheck(['CMD', 'redis-cli', 'ping']),
			deploy: { resources: { limits: { cpus: '0.5', memory: '256M' } } }
		};
		volumes.redisdata = {};
	}
	const doc: Record<string, unknown> = { name: composeProjectName(config), services };
	if (Object.keys(volumes).length) doc.volumes = volumes;
	return stripUndefined(doc) as Record<string, unknown>;
}

/** The development server: the production one plus auto-reload, or the framework's own. */
export function devArgv(config: ReadonlyConfig): string[] | null {
	const p = config.project;
	if (p.kind !== 'service') return null;
	const argv = serveArgv(config);
	if (p.framework === 'fastapi') return [...argv, '--reload', '--reload-dir', `${CONTAINER_APP_DIR}/src`];
	if (p.framework === 'django') return ['django-admin', 'runserver', `0.0.0.0:${APP_PORT}`];
	const wsgi = appTargets(config).wsgi;
	if (p.framework === 'flask' && wsgi) return [...argv.slice(0, -1), '--reload', wsgi];
	return null;
}

/** The compose.override.yaml document (development). */
export function composeOverrideDoc(config: ReadonlyConfig): Record<string, unknown> {
	const f = facts(config);
	const environment: Record<string, string> = { PYTHONPATH: `${CONTAINER_APP_DIR}/src` };
	if (f.isWeb && f.env.some((v) => v.name === 'DEBUG')) environment.DEBUG = 'true';
	const app: Record<string, unknown> = {
		command: devArgv(config) ?? undefined,
		environment,
		volumes: [{ type: 'bind', source: './src', target: `${CONTAINER_APP_DIR}/src`, read_only: true }]
	};
	return stripUndefined({ services: { app } }) as Record<string, unknown>;
}

function stripUndefined(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(stripUndefined);
	if (v && typeof v === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = stripUndefined(x);
		return out;
	}
	return v;
}

/** compose.yaml + compose.override.yaml, for target `docker` only. */
export function compose(config: ReadonlyConfig): GeneratedFile[] {
	if (!hasCompose(config)) return [];
	const mainHeader = [
		GENERATED_BY,
		'Start: cp .env.example .env, then docker compose up --build',
		'(that also merges compose.override.yaml, the development setup).',
		'Production-like, without the override: docker compose -f compose.yaml up -d --build'
	];
	const devHeader = [
		GENERATED_BY,
		'Development only. "docker compose up" merges this file into compose.yaml;',
		'"docker compose -f compose.yaml ..." leaves it out. src/ is mounted over the',
		'installed package (PYTHONPATH puts it first) and the server reloads on change.'
	];
	return [
		{ path: 'compose.yaml', content: writeYaml(composeDoc(config), mainHeader), language: 'yaml' },
		{ path: 'compose.override.yaml', content: writeYaml(composeOverrideDoc(config), devHeader), language: 'yaml' }
	];
}
