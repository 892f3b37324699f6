/**
 * Facts about how the generated project runs that several outputs share:
 * the Python versions it supports (pyproject's classifiers, CI's matrix) and
 * the worker's mode. Derived from the Config only.
 */
import { PYTHON_VERSIONS, type ReadonlyConfig } from './config.ts';
import { djangoSettingsModule, facts } from './derive.ts';
import { targetOf } from './targets.ts';

/** Python versions from the project's minimum up to the newest Slipway knows. */
export function supportedPythons(config: ReadonlyConfig): string[] {
	return PYTHON_VERSIONS.slice(PYTHON_VERSIONS.indexOf(config.project.pythonVersion));
}

/**
 * How a worker gets its work: `queue`, JSON jobs from a Redis list (the
 * worker's Redis service is on; SQS on Lambda), `periodic`, a tick on a
 * schedule (no queue), or `celery`: the worker IS a Celery worker (services.celery
 * on, Redis its broker and result backend; worker.py starts it, celeryFacts says how).
 * Null for the other kinds. The Config has no field for it: the services decide,
 * here and only here.
 */
export type WorkerMode = 'queue' | 'periodic' | 'celery';

export function workerMode(config: ReadonlyConfig): WorkerMode | null {
	if (config.project.kind !== 'worker') return null;
	if (celeryFacts(config)) return 'celery';
	return config.services.redis ? 'queue' : 'periodic';
}

/**
 * Seconds a Celery task may run before the worker kills the process running it
 * (the app's `task_time_limit`, written into the generated Celery app).
 */
export const CELERY_TASK_TIME_LIMIT_SECONDS = 300;
/**
 * What the platforms wait after SIGTERM before SIGKILL, beyond the task time limit:
 * Celery's warm shutdown (TERM) finishes the tasks it runs before it exits
 * (Celery 5.5 Workers Guide, "Stopping the worker"), so the grace period must
 * outlast the longest task, which the time limit bounds.
 */
export const CELERY_STOP_MARGIN_SECONDS = 30;

/** Where Celery runs in the generated project, and how every deployment starts, checks and stops it. */
export interface CeleryFacts {
	/** Module that defines the Celery app `app`: `<pkg>.celery_app`; Django: `<pkg>.celery` (Celery's "First steps with Django" layout). */
	module: string;
	/** Module with the example tasks (`add`, and `heartbeat`, which beat sends). */
	tasks: string;
	/** The example task's name (what a producer's `send_task` names). */
	exampleTask: string;
	/** The periodic task beat schedules. */
	beatTask: string;
	/** Seconds between two beat runs of beatTask. */
	beatIntervalSeconds: number;
	/** task_time_limit of the app. */
	timeLimitSeconds: number;
	/** Termination grace of the worker (and beat): time limit + margin. Kubernetes terminationGracePeriodSeconds, compose stop_grace_period, systemd TimeoutStopSec. */
	stopGraceSeconds: number;
	/** The worker process (argv, exec form). The worker kind's own console script runs the same (worker.py). */
	workerArgv: string[];
	/** The beat scheduler (one only) in a container: its schedule file in /tmp (compose's tmpfs, the pod's emptyDir). */
	beatArgv: string[];
	/** Beat with its schedule file elsewhere (bare metal: the unit's StateDirectory), or in the working directory (null: development). */
	beatArgvAt(schedule: string | null): string[];
	/**
	 * The health check: `python -m <pkg>.celery_ping`, which asks this host's worker node
	 * (`celery@<hostname>`, Celery's default node name) for a pong, as
	 * `celery inspect ping --destination celery@$HOSTNAME` does, without a shell
	 * (a Docker Hardened Image has none) and whatever the hostname variable holds.
	 */
	pingArgv: string[];
}

/**
 * Celery chosen on AWS Lambda: a function cannot keep a worker or beat running, so nothing of Celery
 * is generated there; the worker kind is the SQS-triggered function (workerMode `queue`) and the
 * Lambda README says so.
 */
export function celeryOnLambda(config: ReadonlyConfig): boolean {
	return config.services.celery && targetOf(config)?.id === 'aws-lambda';
}

/**
 * The Celery facts, or null when Celery is off, cannot run (no Redis; a kind other than service and
 * worker) or is replaced (AWS Lambda, celeryOnLambda). On Cloud Run the app and tasks ship in the image
 * and the README says how to run the worker (a worker pool); nothing deploys it there.
 */
export function celeryFacts(config: ReadonlyConfig): CeleryFacts | null {
	const { project: p, services: s } = config;
	if (!s.celery || !s.redis || (p.kind !== 'service' && p.kind !== 'worker') || celeryOnLambda(config)) return null;
	const pkg = facts(config).pkg;
	const module = p.kind === 'service' && p.framework === 'django' ? `${pkg}.celery` : `${pkg}.celery_app`;
	const beatAt = (schedule: string | null) => ['celery', '--app', module, 'beat', '--loglevel', 'INFO', ...(schedule ? ['--schedule', schedule] : [])];
	return {
		module,
		tasks: `${pkg}.tasks`,
		exampleTask: `${pkg}.tasks.add`,
		beatTask: `${pkg}.tasks.heartbeat`,
		beatIntervalSeconds: 60,
		timeLimitSeconds: CELERY_TASK_TIME_LIMIT_SECONDS,
		stopGraceSeconds: CELERY_TASK_TIME_LIMIT_SECONDS + CELERY_STOP_MARGIN_SECONDS,
		workerArgv: ['celery', '--app', module, 'worker', '--loglevel', 'INFO'],
		beatArgv: beatAt('/tmp/celerybeat-schedule'),
		beatArgvAt: beatAt,
		pingArgv: ['python', '-m', `${pkg}.celery_ping`]
	};
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
	/** How prose names it (READMEs). */
	label: string;
	argv: string[];
	script: string[];
	env: Record<string, string>;
}

export function migrateCommand(config: ReadonlyConfig): MigrateCommand | null {
	const p = config.project;
	if (p.kind === 'service' && p.framework === 'django')
		return {
			tool: 'django',
			label: 'python -m django migrate',
			argv: ['python', '-m', 'django', 'migrate', '--noinput'],
			script: ['django-admin', 'migrate', '--noinput'],
			env: { DJANGO_SETTINGS_MODULE: djangoSettingsModule(config) }
		};
	if (usesSqlAlchemy(config)) {
		const argv = ['python', '-m', `${facts(config).pkg}.migrate`];
		return { tool: 'alembic', label: argv.join(' '), argv, script: argv, env: {} };
	}
	return null;
}
