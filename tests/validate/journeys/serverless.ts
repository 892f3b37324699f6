/**
 * The commands of the AWS Lambda journey (serverless.test.ts), defined once
 * so the test runs exactly these and the "every command is accounted for"
 * harness can read them (SERVERLESS_EXECUTED).
 *
 *   mypy      the project's own `mypy` (its CI step and pre-commit hook), with
 *             the project's [tool.mypy], over src/ and tests/ including
 *             src/<pkg>/lambda_handler.py. Run as `python3 -m mypy` from
 *             Debian's mypy 1.15 in the root.
 *   handler   the SAM template's `Handler:` (<pkg>.lambda_handler.handler),
 *             imported from `src/` as `CodeUri: ../../src` ships it, under a
 *             double of the Lambda runtime's logging, with the template's own
 *             Environment.Variables; workers are then invoked with an
 *             EventBridge or SQS event of the shape Lambda sends.
 *
 * Two test doubles, because the real things cannot run here; each says so in
 * its own source:
 *
 *   - `mangum` is not packaged in Debian (no python3-mangum) and PyPI is not
 *     reachable. MANGUM_DOUBLE reproduces Mangum's public signature from its
 *     source (Kludex/mangum 0.19.0, commit 4152a4e, mangum/adapter.py and
 *     mangum/types.py; 0.17 had the same) so mypy checks the handler against
 *     the types the real package declares. It does not translate events.
 *   - the Lambda runtime (awslambdaric) is not here either. LAMBDA_RUNTIME_DOUBLE
 *     does what its bootstrap does to logging before it imports the handler
 *     module (aws-lambda-python-runtime-interface-client, awslambdaric/
 *     bootstrap.py `_setup_logging`, commit 46e4c6a): it adds its own handler
 *     to the root logger, and sets the root level only from
 *     AWS_LAMBDA_LOG_LEVEL (advanced logging controls; unset here, as with
 *     the Text log format the template uses). So `logging.basicConfig` in the
 *     app is a no-op, exactly as on Lambda.
 */
import type { Config, ReadonlyConfig } from '../../../src/lib/model/config.ts';
import { facts } from '../../../src/lib/model/derive.ts';
import { presetById } from '../../../src/lib/model/presets.ts';

export interface JourneyCommand {
	what: string;
	argv: string[];
	env: Record<string, string>;
}

/** Where the doubles are written inside the work dir (outside src/, so the project never sees them). */
export const DOUBLES_DIR = '.journey-doubles';

/** The mangum test double: Mangum's real signature and types, no event translation. */
export const MANGUM_DOUBLE: readonly { path: string; content: string }[] = [
	{ path: `${DOUBLES_DIR}/mangum/py.typed`, content: '' },
	{
		path: `${DOUBLES_DIR}/mangum/__init__.py`,
		content: [
			'"""TEST DOUBLE of mangum (not installed: Debian has no python3-mangum, PyPI is unreachable).',
			'',
			'Reproduces the public API of mangum 0.19.0 (Kludex/mangum: mangum/__init__.py, adapter.py,',
			'types.py) so mypy checks generated handlers against the types the real package declares.',
			'"""',
			'',
			'from mangum.adapter import Mangum',
			'',
			'__all__ = ["Mangum"]',
			''
		].join('\n')
	},
	{
		path: `${DOUBLES_DIR}/mangum/types.py`,
		content: [
			'"""TEST DOUBLE: the type aliases and protocols of mangum 0.19.0 mangum/types.py, as declared there."""',
			'',
			'from collections.abc import Awaitable, Callable, MutableMapping',
			'from typing import Any, Literal, Protocol, TypeAlias',
			'',
			'LambdaEvent = dict[str, Any]',
			'',
			'',
			'class LambdaContext(Protocol):',
			'    function_name: str',
			'    aws_request_id: str',
			'',
			'    def get_remaining_time_in_millis(self) -> int: ...',
			'',
			'',
			'Message: TypeAlias = MutableMapping[str, Any]',
			'Scope: TypeAlias = MutableMapping[str, Any]',
			'Receive: TypeAlias = Callable[[], Awaitable[Message]]',
			'Send: TypeAlias = Callable[[Message], Awaitable[None]]',
			'',
			'',
			'class ASGI(Protocol):',
			'    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None: ...',
			'',
			'',
			'LifespanMode: TypeAlias = Literal["auto", "on", "off"]',
			'',
			'',
			'class LambdaHandler(Protocol):',
			'    def __call__(self, response: dict[str, Any]) -> dict[str, Any]: ...',
			''
		].join('\n')
	},
	{
		path: `${DOUBLES_DIR}/mangum/adapter.py`,
		content: [
			'"""TEST DOUBLE: the signature of mangum 0.19.0 adapter.Mangum; it translates no events."""',
			'',
			'from typing import Any',
			'',
			'from mangum.types import ASGI, LambdaContext, LambdaEvent, LambdaHandler, LifespanMode',
			'',
			'',
			'class Mangum:',
			'    def __init__(',
			'        self,',
			'        app: ASGI,',
			'        lifespan: LifespanMode = "auto",',
			'        api_gateway_base_path: str = "/",',
			'        custom_handlers: list[type[LambdaHandler]] | None = None,',
			'        text_mime_types: list[str] | None = None,',
			'        exclude_headers: list[str] | None = None,',
			'    ) -> None:',
			'        if lifespan not in ("auto", "on", "off"):',
			'            raise ValueError("Invalid argument supplied for `lifespan`. Choices are: auto|on|off")',
			'        self.app = app',
			'        self.lifespan = lifespan',
			'',
			'    def __call__(self, event: LambdaEvent, context: LambdaContext) -> dict[str, Any]:',
			'        raise NotImplementedError("test double of mangum: it does not translate Lambda events")',
			''
		].join('\n')
	}
];

/** The probe message the handler check logs at DEBUG through the package's logger. */
export const DEBUG_PROBE = 'slipway-journey-debug-probe';

/**
 * Python run in the root: the Lambda runtime's logging (double), then the
 * handler module imported as Lambda imports it, then (argv[3]) an event the
 * handler is invoked with, or "-" for none. Prints what reached the runtime's
 * root handler and the root level, as JSON.
 */
export const HANDLER_CHECK = `
import importlib, json, logging, sys

class LambdaLoggerHandlerDouble(logging.Handler):
    """TEST DOUBLE of awslambdaric's LambdaLoggerHandler: the root handler the runtime adds before importing the handler."""
    def __init__(self):
        super().__init__()
        self.records = []
    def emit(self, record):
        self.records.append({"level": record.levelname, "logger": record.name, "message": record.getMessage()})

runtime = LambdaLoggerHandlerDouble()
root = logging.getLogger()
root.addHandler(runtime)  # awslambdaric bootstrap.py _setup_logging; no setLevel without AWS_LAMBDA_LOG_LEVEL

module_name, func_name, event_json, pkg, probe = sys.argv[1:6]
module = importlib.import_module(module_name)
handler = getattr(module, func_name)
assert callable(handler), "handler is not callable"
logging.getLogger(pkg).debug(probe)
result = None
if event_json != "-":
    result = handler(json.loads(event_json), None)
print(json.dumps({
    "root_level": logging.getLevelName(root.level),
    "runtime_handler_kept": runtime in root.handlers,
    "records": runtime.records,
    "result": result,
}))
`;

/** An EventBridge scheduled event, as Lambda's docs show it (the handler reads nothing from it). */
export const SCHEDULE_EVENT = {
	version: '0',
	id: 'journey-0001',
	'detail-type': 'Scheduled Event',
	source: 'aws.events',
	account: '123456789012',
	time: '2026-12-01T00:00:00Z',
	region: 'eu-west-1',
	resources: ['arn:aws:events:eu-west-1:123456789012:rule/journey'],
	detail: {}
};

/** An SQS event with one JSON job, in the shape Lambda delivers SQS batches. */
export const SQS_EVENT = {
	Records: [
		{
			messageId: 'journey-msg-1',
			receiptHandle: 'journey-receipt',
			body: '{"id": 7}',
			attributes: {},
			messageAttributes: {},
			md5OfBody: '',
			eventSource: 'aws:sqs',
			eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:JobQueue',
			awsRegion: 'eu-west-1'
		}
	]
};

/** The SAM handler of a config, split into module and function. */
export function samHandler(config: ReadonlyConfig): { module: string; func: string; text: string } {
	const pkg = facts(config).pkg;
	return { module: `${pkg}.lambda_handler`, func: 'handler', text: `${pkg}.lambda_handler.handler` };
}

/** mypy as the project's CI runs it (`mypy`, [tool.mypy] from pyproject.toml), with the mangum double on MYPYPATH. */
export function mypyCommand(cacheDir: string): JourneyCommand {
	return { what: 'mypy (the CI step and pre-commit hook)', argv: ['python3', '-m', 'mypy', '--cache-dir', cacheDir, '--no-error-summary'], env: { MYPYPATH: DOUBLES_DIR } };
}

/** Import the SAM handler under the runtime double, then invoke it with `event` (null: import only). */
export function handlerCommand(config: ReadonlyConfig, env: Record<string, string>, event: unknown): JourneyCommand {
	const h = samHandler(config);
	return {
		what: `the SAM Handler ${h.text}${event ? ' invoked with an event' : ''}`,
		argv: ['python3', '-c', HANDLER_CHECK, h.module, h.func, event ? JSON.stringify(event) : '-', facts(config).pkg, DEBUG_PROBE],
		env: { ...env, PYTHONPATH: `src:${DOUBLES_DIR}` }
	};
}

/** The presets the journey runs on AWS Lambda: every handler kind (ASGI, Django, Flask via a2wsgi, SQS and scheduled workers). */
export function lambdaJourneyConfigs(): { id: string; config: Config }[] {
	const make = (preset: string, edit: (c: Config) => void = () => {}) => {
		const c = presetById(preset)!.config();
		c.target = 'serverless';
		c.serverless.provider = 'aws-lambda';
		edit(c);
		return c;
	};
	return [
		{ id: 'flask-app', config: make('flask-app') },
		{ id: 'fastapi-service', config: make('fastapi-service') },
		{ id: 'django-app', config: make('django-app') },
		{ id: 'worker (SQS)', config: make('worker') },
		{ id: 'worker (schedule)', config: make('worker', (c) => (c.services.redis = false)) }
	];
}

/** Which configs mypy runs on (each run takes tens of seconds on this machine). */
export const MYPY_CONFIGS = ['flask-app', 'fastapi-service', 'worker (SQS)'] as const;

/** The commands serverless.test.ts executes, as the files name them (mypy; the SAM Handler of each config). */
export const SERVERLESS_EXECUTED: string[] = (() => {
	const out = new Set<string>(['mypy']);
	for (const { config } of lambdaJourneyConfigs()) out.add(samHandler(config).text);
	return [...out];
})();
