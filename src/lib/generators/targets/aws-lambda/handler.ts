/** src/<pkg>/lambda_handler.py: Mangum around the ASGI app (a2wsgi first for Flask), or the worker's SQS / schedule handler. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { appTargets, facts } from '../../../model/derive.ts';
import { migrateCommand, workerMode } from '../../../model/runtime.ts';
import { pyFile } from '../../writers/python.ts';
import { GENERATED_BY } from '../../header.ts';

/**
 * The lines every handler module runs at import, after its imports: the log
 * level from LOG_LEVEL. The Lambda runtime (awslambdaric bootstrap.py,
 * `_setup_logging`) adds its own handler to the root logger before it imports
 * the handler module, so `logging.basicConfig(level=...)` in the app is a
 * no-op there and the root logger stays at WARNING. AWS's Python logging
 * guide sets the level on the root logger instead; so does this.
 */
const SET_LOG_LEVEL = [
	'# The Lambda runtime installs its own root log handler before importing this module, so',
	'# logging.basicConfig() does nothing here: set the level on the root logger (LOG_LEVEL).',
	'logging.getLogger().setLevel(get_settings().log_level)'
];

/**
 * Alembic's migrations on Lambda: a one-off invoke with the event
 * `{"migrate": true}` (MIGRATE_EVENT) runs `<pkg>.migrate` (model/runtime.ts
 * migrateCommand) with the function's own code and settings; every other
 * event is the app's. README.md documents the invoke. The app's Mangum
 * handler is `serve`, and `handler` dispatches.
 */
export const MIGRATE_EVENT = '{"migrate": true}';

function migrateDispatch(): string[] {
	return [
		'',
		'',
		'def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:',
		'    """API Gateway events go to the app; a one-off ``{"migrate": true}`` runs the migrations."""',
		'    if event.get("migrate") is True:',
		'        migrate()',
		'        return {"migrated": True}',
		'    return serve(event, context)'
	];
}

/** src/<pkg>/lambda_handler.py for the framework or the worker. */
export function lambdaHandler(config: ReadonlyConfig): string {
	const mig = migrateCommand(config)?.tool === 'alembic';
	const migrateImport = mig ? [`from ${facts(config).pkg}.migrate import main as migrate`] : [];
	const { asgi, wsgi } = appTargets(config);
	const head = [`# ${GENERATED_BY}`];
	const fw = config.project.framework;
	const pkg = facts(config).pkg;
	const settingsImport = `from ${pkg}.config import get_settings`;
	/** First-party imports in isort order (ruff's I rule): sorted by module. */
	const firstParty = (...lines: string[]) => [...lines, settingsImport].sort((a, b) => a.split(' ')[1].localeCompare(b.split(' ')[1]));
	if ((fw === 'fastapi' || fw === 'django') && asgi) {
		const [mod, attr] = asgi.split(':');
		const django = fw === 'django';
		return pyFile([
			...head,
			`"""AWS Lambda entry point: Mangum turns API Gateway events into ASGI requests${django ? ' for Django' : ''}."""`,
			'',
			'import logging',
			...(mig ? ['from typing import Any'] : []),
			'',
			'from mangum import Mangum',
			'',
			...firstParty(`from ${mod} import ${attr}`, ...migrateImport),
			'',
			...SET_LOG_LEVEL,
			'',
			...(django ? ['# Django has no ASGI lifespan support.', `handler = Mangum(${attr}, lifespan="off")`] : [`${mig ? 'serve' : 'handler'} = Mangum(${attr}, lifespan="auto")`]),
			...(mig ? migrateDispatch() : [])
		]);
	}
	if (fw === 'flask' && wsgi) {
		const [mod, call] = wsgi.split(':');
		const factory = call.replace(/\(\)$/, '');
		return pyFile([
			...head,
			'"""AWS Lambda entry point: Flask (WSGI) -> a2wsgi (ASGI) -> Mangum (API Gateway events)."""',
			'',
			'import logging',
			mig ? 'from typing import Any, cast' : 'from typing import cast',
			'',
			'from a2wsgi import WSGIMiddleware',
			'from a2wsgi.wsgi_typing import WSGIApp',
			'from mangum import Mangum',
			'from mangum.types import ASGI',
			'',
			...firstParty(`from ${mod} import ${factory}`, ...migrateImport),
			'',
			...SET_LOG_LEVEL,
			'',
			'# Both casts only restate what holds at run time; the libraries type the two sides differently.',
			'# WSGI has no shared type: a2wsgi wants its own WSGIApp, which Flask is not declared as',
			'# (a2wsgi issue 33, closed as wontfix). a2wsgi types the ASGI scope as TypedDicts, Mangum',
			'# as a MutableMapping, so its middleware does not match Mangum\'s ASGI protocol (a2wsgi issue 44).',
			`wsgi_app = cast(WSGIApp, ${factory}())`,
			`${mig ? 'serve' : 'handler'} = Mangum(cast(ASGI, WSGIMiddleware(wsgi_app)), lifespan="off")`,
			...(mig ? migrateDispatch() : [])
		]);
	}
	if (workerMode(config) === 'periodic') {
		return pyFile([
			...head,
			'"""AWS Lambda entry point for the worker: EventBridge invokes it on a schedule."""',
			'',
			'import logging',
			'from typing import Any',
			'',
			...firstParty(`from ${pkg}.worker import tick`),
			'',
			...SET_LOG_LEVEL,
			'',
			'',
			'def handler(event: dict[str, Any], context: object) -> None:',
			'    """Run one unit of the periodic work (the same tick() the long-running worker calls)."""',
			'    tick()'
		]);
	}
	// Queue worker: one SQS batch per invocation, through the same process_job() the Redis worker uses.
	return pyFile([
		...head,
		'"""AWS Lambda entry point for the worker: processes a batch of SQS messages.',
		'',
		'Each message body is one JSON job, handled by the same process_job() the Redis worker',
		'uses. Failed messages are reported back (ReportBatchItemFailures), so SQS retries only',
		'those and moves them to the dead-letter queue after 5 attempts.',
		'"""',
		'',
		'import logging',
		'from typing import Any',
		'',
		...firstParty(`from ${pkg}.worker import process_job`),
		'',
		...SET_LOG_LEVEL,
		'',
		'log = logging.getLogger(__name__)',
		'',
		'',
		'def handler(event: dict[str, Any], context: object) -> dict[str, list[dict[str, str]]]:',
		'    """Lambda handler for SQS events."""',
		'    failures: list[dict[str, str]] = []',
		'    for record in event.get("Records", []):',
		'        try:',
		'            process_job(record["body"])',
		'        except Exception:',
		'            log.exception("job %s failed", record.get("messageId"))',
		'            failures.append({"itemIdentifier": record["messageId"]})',
		'    return {"batchItemFailures": failures}'
	]);
}
