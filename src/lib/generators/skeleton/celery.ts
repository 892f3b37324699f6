/**
 * Celery (services.celery, issue 20): the Celery app with Redis (the settings'
 * REDIS_URL) as broker and result backend, the example tasks, the health check
 * and their test. Names, time limit and commands come from celeryFacts
 * (model/runtime.ts), which the deployment files read too.
 *
 * - FastAPI, Flask and the worker kind: `<pkg>/celery_app.py` holds `app`,
 *   configured from config.py's settings;
 * - Django: Celery's documented layout ("First steps with Django", Celery 5.5):
 *   `<pkg>/celery.py` sets DJANGO_SETTINGS_MODULE, reads the `CELERY_`-prefixed
 *   Django settings (`config_from_object("django.conf:settings", namespace="CELERY")`)
 *   and `<pkg>/__init__.py` imports the app, so `@shared_task` uses it
 *   (package.ts; settings.py's CELERY_* lines are django.ts's).
 *
 * `<pkg>/tasks.py`: `add` (the example a producer calls: `add.delay(2, 3).get()`)
 * and `heartbeat`, which beat sends every beatIntervalSeconds.
 * `<pkg>/celery_ping.py`: the health check; it asks `celery@<this host>`, the worker's
 * default node name, for a pong, as `celery inspect ping --destination` does.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts } from '../../model/derive.ts';
import { celeryFacts, type CeleryFacts } from '../../model/runtime.ts';
import type { GeneratedFile } from '../types.ts';
import { fence } from '../writers/markdown.ts';
import { pyFromImport, pyStr } from '../writers/python.ts';
import { packageModule, pyModuleFile } from './common.ts';

function isDjango(config: ReadonlyConfig): boolean {
	return config.project.kind === 'service' && config.project.framework === 'django';
}

/** The CELERY_* lines of Django's settings.py (module level; the URL ones go where the settings are read). */
export function djangoCelerySettings(config: ReadonlyConfig): { read: string[]; fixed: string[] } | null {
	const c = celeryFacts(config);
	if (!c || !isDjango(config)) return null;
	return {
		read: ['    CELERY_BROKER_URL = CELERY_RESULT_BACKEND = str(_settings.redis_url)'],
		fixed: [
			'# Celery reads the CELERY_-prefixed settings (celery.py: namespace="CELERY"). A task running',
			'# longer than CELERY_TASK_TIME_LIMIT seconds is killed; deployments wait longer than that',
			'# on SIGTERM, so the warm shutdown lets running tasks finish.',
			`CELERY_TASK_TIME_LIMIT = ${c.timeLimitSeconds}`,
			'CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True',
			'CELERY_BEAT_SCHEDULE = {',
			'    "heartbeat": {',
			`        "task": ${pyStr(c.beatTask)},`,
			`        "schedule": ${c.beatIntervalSeconds.toFixed(1)},`,
			'    },',
			'}',
			''
		]
	};
}

function appModule(config: ReadonlyConfig, c: CeleryFacts): GeneratedFile {
	const f = facts(config);
	const name = c.module.split('.').pop()!;
	const usage = [
		'Run a worker with ``celery --app MODULE worker`` and the beat scheduler, one and only one,',
		'with ``celery --app MODULE beat`` (the deployment files add their options), where MODULE',
		`is \`\`${c.module}\`\`.`
	];
	if (isDjango(config))
		return packageModule(config, name, {
			doc: [
				"The Celery app, configured from Django's settings (the CELERY_* names).",
				'',
				"Celery's Django layout: this module defines ``app``; ``__init__.py`` imports it, so",
				'``@shared_task`` uses it. Redis (REDIS_URL) is broker and result backend.',
				...usage,
				''
			].join('\n'),
			imports: [['import os'], ['from celery import Celery']],
			body: [
				`SETTINGS_MODULE = ${pyStr(`${f.pkg}.settings`)}`,
				'os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)',
				'',
				'app = Celery(',
				`    ${pyStr(f.pkg)},`,
				`    include=[${pyStr(c.tasks)}],`,
				')',
				'# The CELERY_-prefixed Django settings, read lazily (the worker need not pickle them).',
				'app.config_from_object("django.conf:settings", namespace="CELERY")',
				"# Tasks of the Django apps you add (each app's tasks.py).",
				'app.autodiscover_tasks()'
			]
		});
	return packageModule(config, name, {
		doc: ['The Celery app: Redis (REDIS_URL in the settings) is its broker and result backend.', '', ...usage, ''].join('\n'),
		imports: [['from celery import Celery'], ['from .config import get_settings']],
		body: [
			`TASK_TIME_LIMIT = ${c.timeLimitSeconds}`,
			'"""Seconds a task may run before its process is killed; deployments wait longer on SIGTERM."""',
			`BEAT_INTERVAL = ${c.beatIntervalSeconds.toFixed(1)}`,
			'"""Seconds between two heartbeat tasks that beat sends."""',
			'',
			'_redis_url = str(get_settings().redis_url)',
			'',
			'app = Celery(',
			`    ${pyStr(f.pkg)},`,
			'    broker=_redis_url,',
			'    backend=_redis_url,',
			`    include=[${pyStr(c.tasks)}],`,
			')',
			'app.conf.update(',
			'    task_time_limit=TASK_TIME_LIMIT,',
			'    broker_connection_retry_on_startup=True,',
			'    beat_schedule={',
			'        "heartbeat": {',
			`            "task": ${pyStr(c.beatTask)},`,
			'            "schedule": BEAT_INTERVAL,',
			'        },',
			'    },',
			')'
		]
	});
}

function tasksModule(config: ReadonlyConfig, c: CeleryFacts): GeneratedFile {
	const django = isDjango(config);
	const decorator = django ? '@shared_task' : '@app.task';
	return packageModule(config, 'tasks', {
		doc: 'Celery tasks. ``add`` is the example (``add.delay(2, 3).get(timeout=10)`` returns 5);\nbeat sends ``heartbeat`` on its schedule. Replace them with your own.',
		imports: [['import logging'], [django ? 'from celery import shared_task' : pyFromImport(`.${c.module.split('.').pop()}`, ['app'])]],
		body: [
			'log = logging.getLogger(__name__)',
			'',
			'',
			decorator,
			'def add(x: int, y: int) -> int:',
			'    """Add two numbers."""',
			'    return x + y',
			'',
			'',
			decorator,
			'def heartbeat() -> str:',
			'    """The periodic task: log that the scheduler and a worker are alive."""',
			'    log.info("heartbeat")',
			'    return "ok"'
		]
	});
}

function pingModule(config: ReadonlyConfig, c: CeleryFacts): GeneratedFile {
	return packageModule(config, 'celery_ping', {
		doc: [
			'Health check of the Celery worker on this host: exit 0 when it answers a ping.',
			'',
			'What ``celery inspect ping --destination celery@HOSTNAME`` asks, with the node name the',
			'worker gives itself by default (``celery@`` and the host name), without a shell.',
			'Exit 1 when no pong comes within TIMEOUT seconds.',
			''
		].join('\n'),
		imports: [['import socket', 'import sys'], [pyFromImport(`.${c.module.split('.').pop()}`, ['app'])]],
		body: [
			'TIMEOUT = 3.0',
			'',
			'',
			'def main() -> int:',
			'    """Ping this host\'s worker node; 0 when it answers."""',
			'    node = f"celery@{socket.gethostname()}"',
			'    replies = app.control.ping(destination=[node], timeout=TIMEOUT)',
			'    if any(node in reply for reply in replies):',
			'        print(f"{node}: pong")',
			'        return 0',
			'    print(f"{node}: no pong within {TIMEOUT} s", file=sys.stderr)',
			'    return 1',
			'',
			'',
			'if __name__ == "__main__":',
			'    sys.exit(main())'
		]
	});
}

function celeryTest(config: ReadonlyConfig, c: CeleryFacts): GeneratedFile {
	const f = facts(config);
	const django = isDjango(config);
	return pyModuleFile('tests/test_celery.py', {
		doc: 'The Celery app takes Redis from the settings; the tasks run (called directly: no broker).',
		imports: [[pyFromImport(f.pkg, ['tasks']), pyFromImport(c.module, django ? ['app'] : ['TASK_TIME_LIMIT', 'app']), pyFromImport(`${f.pkg}.config`, ['get_settings'])]],
		body: [
			'def test_redis_is_broker_and_result_backend() -> None:',
			'    url = str(get_settings().redis_url)',
			'    assert app.conf.broker_url == url',
			'    assert app.conf.result_backend == url',
			'',
			'',
			'def test_tasks_have_a_time_limit() -> None:',
			`    assert app.conf.task_time_limit == ${django ? c.timeLimitSeconds : 'TASK_TIME_LIMIT'}`,
			'',
			'',
			'def test_add() -> None:',
			'    assert tasks.add(2, 3) == 5',
			'',
			'',
			'def test_beat_sends_the_heartbeat() -> None:',
			'    assert app.conf.beat_schedule["heartbeat"]["task"] == tasks.heartbeat.name',
			'    assert tasks.heartbeat() == "ok"'
		]
	});
}

/** The Celery modules and their test; nothing when Celery is off. */
export function celeryFiles(config: ReadonlyConfig): GeneratedFile[] {
	const c = celeryFacts(config);
	if (!c) return [];
	return [appModule(config, c), tasksModule(config, c), pingModule(config, c), celeryTest(config, c)];
}

/**
 * The project README's Celery lines (development): start the worker and beat, send the example
 * task, check the worker as the deployments' health check does. `run` is the manager's wrapper.
 */
export function celeryReadmeLines(config: ReadonlyConfig, run: string): string[] {
	const c = celeryFacts(config);
	if (!c) return [];
	const f = facts(config);
	const worker = config.project.kind === 'worker';
	return [
		'',
		`Celery (\`src/${f.pkg}/${c.module.split('.').pop()}.py\`; Redis at \`.env\`'s \`REDIS_URL\` is broker and result backend): ${worker ? `the worker above is a Celery worker (the same as \`${run}${c.workerArgv.join(' ')}\`); the beat scheduler sends \`${c.beatTask.split('.').pop()}\` every ${c.beatIntervalSeconds} s. Start it in another terminal:` : 'start a worker and the beat scheduler, each in its own terminal:'}`,
		'',
		...fence('sh', ...(worker ? [] : [`${run}${c.workerArgv.join(' ')}`]), `${run}${c.beatArgvAt(null).join(' ')}   # its schedule: ./celerybeat-schedule`),
		'',
		`With a worker running, send the example task and read its result (\`5\`): \`${run}python -c "from ${c.tasks} import add; print(add.delay(2, 3).get(timeout=30))"\`. Check the worker as the deployments' health check does: \`${run}${c.pingArgv.join(' ')}\`. Run one beat only, ever: two would send every scheduled task twice.`
	];
}
