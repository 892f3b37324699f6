/**
 * Issue 14, points 3 and 17, proved in the Debian 13 toolchain root (Python
 * 3.13, mypy 1.15, Flask 3.1, FastAPI 0.115, Django 4.2, a2wsgi 1.10, redis
 * 6.1) on the generated AWS Lambda projects:
 *
 *   - mypy, as the project's CI and pre-commit run it, passes on the Flask
 *     handler (Mangum(WSGIMiddleware(create_app())) failed: a2wsgi issue 33),
 *     and on the FastAPI and worker handlers;
 *   - every handler kind, imported as the Lambda runtime imports it (the
 *     runtime's root log handler installed first), with LOG_LEVEL=DEBUG puts
 *     the root logger at DEBUG and a debug record reaches the runtime's
 *     handler; the workers, invoked with an EventBridge / SQS event under the
 *     template's own LOG_LEVEL (INFO), emit their INFO records.
 *
 * Test doubles, where the real thing cannot run here (see ./serverless.ts):
 * `mangum` (not in Debian, PyPI unreachable) as a typed package with Mangum's
 * real signature, and the Lambda runtime's logging setup. The commands are in
 * ./serverless.ts (SERVERLESS_EXECUTED).
 */
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generators/index.ts';
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import { facts } from '../../../src/lib/model/derive.ts';
import { validateConfig } from '../../../src/lib/model/validate.ts';
import { withWorkdir } from '../root.ts';
import { ROOT_PATH, runInRoot, toolchainReady, type RunResult } from '../toolchain/index.ts';
import { CFN_SCHEMA } from '../validators/util.ts';
import { functionEnvironment } from './cfn-eval.ts';
import {
	DEBUG_PROBE,
	MANGUM_DOUBLE,
	MYPY_CONFIGS,
	SCHEDULE_EVENT,
	SERVERLESS_EXECUTED,
	SQS_EVENT,
	handlerCommand,
	lambdaJourneyConfigs,
	mypyCommand,
	samHandler,
	type JourneyCommand
} from './serverless.ts';

const tail = (s: string) => (s.length > 3000 ? '…' + s.slice(-3000) : s);

/** A SECRET_KEY as production has one (the template resolves it from Secrets Manager). */
const TEST_SECRET_KEY = 'journey-' + 'k9Qx2Lm7Vb4Rt8Zp1Wc6Yn3Hd5Fg0Js'.repeat(2);

/** .env.example's values by name. */
function exampleValues(files: readonly GeneratedFile[]): Map<string, string> {
	const text = files.find((f) => f.path === '.env.example')?.content ?? '';
	const out = new Map<string, string>();
	for (const line of text.split('\n')) {
		const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
		if (m) out.set(m[1], m[2].replace(/^'(.*)'$/, '$1'));
	}
	return out;
}

/**
 * The function's environment as the SAM template gives it: Environment.Variables,
 * evaluated as CloudFormation does for a first deploy to samconfig.toml's region
 * (parameters at their Defaults; ./cfn-eval.ts), with each
 * `{{resolve:secretsmanager:...:SecretString:NAME}}` (which CloudFormation resolves
 * when it executes the change set) replaced by a development value.
 */
function lambdaEnvironment(files: readonly GeneratedFile[]): Record<string, string> {
	const t = load(files.find((f) => f.path === 'deploy/aws-lambda/template.yaml')!.content, { schema: CFN_SCHEMA }) as Record<string, unknown>;
	const region = /^region = "([a-z0-9-]+)"$/m.exec(files.find((f) => f.path === 'deploy/aws-lambda/samconfig.toml')!.content)![1];
	const examples = exampleValues(files);
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(functionEnvironment(t, { pseudo: { 'AWS::Region': region, 'AWS::URLSuffix': 'amazonaws.com' } }))) {
		const secret = /^\{\{resolve:secretsmanager:[^}]*:SecretString:([A-Z_0-9]+)\}\}$/.exec(v);
		env[k] = secret ? (secret[1] === 'SECRET_KEY' ? TEST_SECRET_KEY : examples.get(secret[1])!) : v;
		expect(env[k], k).toBeDefined();
	}
	return env;
}

async function runCommand(c: JourneyCommand, cwd: string): Promise<RunResult> {
	return runInRoot(c.argv, { cwd, env: { PATH: ROOT_PATH, PYTHONDONTWRITEBYTECODE: '1', ...c.env }, timeoutMs: 300_000 });
}

interface HandlerOutput {
	root_level: string;
	runtime_handler_kept: boolean;
	records: { level: string; logger: string; message: string }[];
	result: unknown;
}

const cases = lambdaJourneyConfigs();

describe('AWS Lambda journey: the handlers type-check and log at LOG_LEVEL under the Lambda runtime', () => {
	it('the toolchain root is ready', () => {
		expect(toolchainReady()).toEqual({ ok: true });
	});

	it('SERVERLESS_EXECUTED names mypy and every SAM handler the journey runs', () => {
		expect(SERVERLESS_EXECUTED).toEqual(['mypy', ...cases.map((c) => samHandler(c.config).text)].filter((v, i, a) => a.indexOf(v) === i));
	});

	for (const { id, config } of cases) {
		it(`${id}: the SAM handler with LOG_LEVEL=DEBUG logs at DEBUG under the runtime's root handler${(MYPY_CONFIGS as readonly string[]).includes(id) ? '; mypy passes' : ''}`, { timeout: 600_000 }, async () => {
			expect(validateConfig(config)).toEqual([]);
			const files = generate(config);
			const f = facts(config);
			const template = files.find((x) => x.path === 'deploy/aws-lambda/template.yaml')!.content;
			expect(template).toContain(`Handler: ${samHandler(config).text}`);
			const env = lambdaEnvironment(files);
			expect(env.LOG_LEVEL).toBe('INFO');

			await withWorkdir(`journey-lambda-${f.pkg}`, [...files, ...MANGUM_DOUBLE], async (w) => {
				// --- point 3: mypy as CI runs it, with the mangum double on MYPYPATH --------------
				if ((MYPY_CONFIGS as readonly string[]).includes(id)) {
					const my = await runCommand(mypyCommand(`/tmp/mypy-cache-journey-${process.pid}-${f.pkg}`), w.inRoot);
					expect(my.code, `mypy: ${tail(my.stdout + my.stderr)}`).toBe(0);
				}

				// --- point 17: LOG_LEVEL=DEBUG reaches the root logger under the runtime's handler --
				const debug = await runCommand(handlerCommand(config, { ...env, LOG_LEVEL: 'DEBUG' }, null), w.inRoot);
				expect(debug.code, tail(debug.stderr)).toBe(0);
				const out = JSON.parse(debug.stdout.trim().split('\n').pop()!) as HandlerOutput;
				expect(out.root_level).toBe('DEBUG');
				const probe = { level: 'DEBUG', logger: f.pkg, message: DEBUG_PROBE };
				if (config.project.framework === 'django') {
					// Django's LOGGING (dictConfig) replaces the root handlers with its console handler,
					// which writes to stderr: Lambda sends stderr to CloudWatch as well.
					expect(out.runtime_handler_kept).toBe(false);
					expect(debug.stderr).toContain(DEBUG_PROBE);
				} else {
					expect(out.runtime_handler_kept).toBe(true);
					expect(out.records).toContainEqual(probe);
				}

				// --- workers: invoked as Lambda invokes them, with the template's LOG_LEVEL (INFO) --
				if (config.project.kind === 'worker') {
					const event = config.services.redis ? SQS_EVENT : SCHEDULE_EVENT;
					const r = await runCommand(handlerCommand(config, env, event), w.inRoot);
					expect(r.code, tail(r.stderr)).toBe(0);
					const inv = JSON.parse(r.stdout.trim().split('\n').pop()!) as HandlerOutput;
					expect(inv.root_level).toBe('INFO');
					expect(inv.records.some((x) => x.level === 'DEBUG')).toBe(false);
					if (config.services.redis) {
						expect(inv.result).toEqual({ batchItemFailures: [] });
						expect(inv.records).toContainEqual({ level: 'INFO', logger: `${f.pkg}.worker`, message: 'processing job 7' });
					} else {
						expect(inv.result).toBeNull();
						expect(inv.records).toContainEqual({ level: 'INFO', logger: `${f.pkg}.worker`, message: 'tick' });
					}
				}
			});
		});
	}
});

