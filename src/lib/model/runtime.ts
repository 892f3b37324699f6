/**
 * Facts about how the generated project runs that several outputs share:
 * the Python versions it supports (pyproject's classifiers, CI's matrix) and
 * the worker's mode. Derived from the Config only.
 */
import { PYTHON_VERSIONS, type ReadonlyConfig } from './config.ts';
import { djangoSettingsModule, facts } from './derive.ts';

/** Python versions from the project's minimum up to the newest Slipway knows. */
export function supportedPythons(config: ReadonlyConfig): string[] {
	return PYTHON_VERSIONS.slice(PYTHON_VERSIONS.indexOf(config.project.pythonVersion));
}

/**
 * How a worker gets its work: `queue`, JSON jobs from a Redis list (the
 * worker's Redis service is on; SQS on Lambda), or `periodic`, a tick on a
 * schedule (no queue). Null for the other kinds. The Config has no field for
 * it: the Redis service decides, here and only here.
 */
export type WorkerMode = 'queue' | 'periodic';

export function workerMode(config: ReadonlyConfig): WorkerMode | null {
	if (config.project.kind !== 'worker') return null;
	return config.services.redis ? 'queue' : 'periodic';
}

/** The Redis list a queue worker reads (producers RPUSH onto it). */
export function workerQueue(config: ReadonlyConfig): string {
	return `${facts(config).pkg}:jobs`;
}

/**
 * SQLAlchemy 2 + Alembic (issue 20.1): on for a FastAPI or Flask service with
 * PostgreSQL and `services.sqlalchemy` (validate.ts refuses it elsewhere; a
 * config that slips through generates nothing of it).
 */
export function usesSqlAlchemy(config: ReadonlyConfig): boolean {
	const p = config.project;
	return config.services.sqlalchemy && config.services.postgres && p.kind === 'service' && (p.framework === 'fastapi' || p.framework === 'flask');
}

/** Where the Alembic migrations live: a folder of the package (`<pkg>/migrations`), so the wheel carries them. */
export const MIGRATIONS_DIR = 'migrations';

/** Alembic's script_location in its package-resource form (`<pkg>:migrations`): found wherever the package is installed. */
export function alembicScriptLocation(config: ReadonlyConfig): string {
	return `${facts(config).pkg}:${MIGRATIONS_DIR}`;
}

/**
 * The readiness endpoint: checks the database (SELECT 1) and answers 503
 * while it is down. `/health` stays liveness only (no database). Null when
 * the app has nothing to be ready for (readiness then asks HEALTH_PATH).
 */
export const READY_PATH = '/ready';

export function readinessPath(config: ReadonlyConfig): string | null {
	return usesSqlAlchemy(config) ? READY_PATH : null;
}

/**
 * The one-off database migration of a deploy: Django's `migrate`, or
 * Alembic's upgrade to head through the package's own `<pkg>.migrate` module
 * (the image and bare metal carry the installed wheel, not alembic.ini).
 * Run once per deploy, never at container start: compose's `migrate`
 * profile service, the Kubernetes Job, install.sh's systemd-run, a Cloud Run
 * job, a Lambda invoke. `argv` runs with the venv's python; `script` is the
 * same command as the image's PATH spells it (compose, `docker run`); `env`
 * is what it needs besides the app's settings. Null when there is nothing to
 * migrate.
 */
export interface MigrateCommand {
	tool: 'django' | 'alembic';
	argv: string[];
	script: string[];
	env: Record<string, string>;
}

export function migrateCommand(config: ReadonlyConfig): MigrateCommand | null {
	const p = config.project;
	if (p.kind === 'service' && p.framework === 'django')
		return {
			tool: 'django',
			argv: ['python', '-m', 'django', 'migrate', '--noinput'],
			script: ['django-admin', 'migrate', '--noinput'],
			env: { DJANGO_SETTINGS_MODULE: djangoSettingsModule(config) }
		};
	if (usesSqlAlchemy(config)) {
		const argv = ['python', '-m', `${facts(config).pkg}.migrate`];
		return { tool: 'alembic', argv, script: argv, env: {} };
	}
	return null;
}
