import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { load } from 'js-yaml';
import { parse } from 'smol-toml';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../../cli/main.ts';
import type { Config } from '../../model/config.ts';
import { APP_PORT, HEALTH_PATH, facts, serverlessRegion } from '../../model/derive.ts';
import { presetById } from '../../model/presets.ts';
import { LAMBDA_PYTHON_RUNTIMES, validateConfig } from '../../model/validate.ts';
import { deployMatrix, presetOn } from '../../../../tests/support/cases.ts';
import { FUNCTION_ID, LAMBDA_DIR, lambdaSecretName } from './aws-lambda/index.ts';
import { CLOUD_RUN_DIR, cloudRunSecretId } from './cloud-run/index.ts';
import { deploymentFiles as serverless } from './index.ts';

type Doc = Record<string, any>;

/**
 * Properties AWS SAM documents (developerguide: sam-resource-function, sam-property-function-httpapi,
 * sam-property-function-sqs) and CloudFormation documents for the plain resources we emit.
 */
const SAM_FUNCTION_PROPS = new Set([
	'Architectures', 'AssumeRolePolicyDocument', 'AutoPublishAlias', 'AutoPublishAliasAllProperties', 'AutoPublishCodeSha256',
	'CodeSigningConfigArn', 'CodeUri', 'DeadLetterQueue', 'DeploymentPreference', 'Description', 'DurableConfig', 'Environment',
	'EphemeralStorage', 'EventInvokeConfig', 'Events', 'FileSystemConfigs', 'FunctionName', 'FunctionScalingConfig',
	'FunctionUrlConfig', 'Handler', 'ImageConfig', 'ImageUri', 'InlineCode', 'KmsKeyArn', 'Layers', 'LoggingConfig', 'MemorySize',
	'PackageType', 'PermissionsBoundary', 'Policies', 'PropagateTags', 'ProvisionedConcurrencyConfig', 'RecursiveLoop',
	'ReservedConcurrentExecutions', 'Role', 'RolePath', 'Runtime', 'RuntimeManagementConfig', 'SnapStart', 'SourceKMSKeyArn',
	'Tags', 'Timeout', 'Tracing', 'VersionDescription', 'VpcConfig'
]);
const HTTPAPI_EVENT_PROPS = new Set(['ApiId', 'Auth', 'Method', 'Path', 'PayloadFormatVersion', 'RouteSettings', 'TimeoutInMillis']);
const SQS_EVENT_PROPS = new Set(['BatchSize', 'Enabled', 'FilterCriteria', 'FunctionResponseTypes', 'KmsKeyArn', 'MaximumBatchingWindowInSeconds', 'MetricsConfig', 'ProvisionedPollerConfig', 'Queue', 'ScalingConfig']);
const SCHEDULE_EVENT_PROPS = new Set(['DeadLetterConfig', 'Description', 'Enabled', 'Input', 'Name', 'RetryPolicy', 'Schedule', 'State']);
const LOGGING_CONFIG_PROPS = new Set(['ApplicationLogLevel', 'LogFormat', 'LogGroup', 'SystemLogLevel']);
const LOG_GROUP_PROPS = new Set(['DataProtectionPolicy', 'FieldIndexPolicies', 'KmsKeyId', 'LogGroupClass', 'LogGroupName', 'ResourcePolicyDocument', 'RetentionInDays', 'Tags']);
const SQS_QUEUE_PROPS = new Set(['ContentBasedDeduplication', 'DeduplicationScope', 'DelaySeconds', 'FifoQueue', 'FifoThroughputLimit', 'KmsDataKeyReusePeriodSeconds', 'KmsMasterKeyId', 'MaximumMessageSize', 'MessageRetentionPeriod', 'QueueName', 'ReceiveMessageWaitTimeSeconds', 'RedriveAllowPolicy', 'RedrivePolicy', 'SqsManagedSseEnabled', 'Tags', 'VisibilityTimeout']);
/** CloudWatch Logs RetentionInDays allowed values. */
const RETENTION_DAYS = new Set([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);

function keysIn(obj: Doc, allowed: Set<string>, where: string): void {
	for (const k of Object.keys(obj)) expect(allowed.has(k), `${where}.${k} is not a documented property`).toBe(true);
}

function files(config: Config): Map<string, string> {
	return new Map(serverless(config).map((f) => [f.path, f.content]));
}

const workspaces = new Map<string, Workspace>();
function ruff(src: string, pkg: string): string[] {
	const ws = workspaces.get(pkg) ?? new Workspace(
		{ 'line-length': 100, 'target-version': 'py312', lint: { select: ['E', 'W', 'F', 'I', 'B', 'UP', 'SIM', 'RUF'], isort: { 'known-first-party': [pkg] } } },
		PositionEncoding.Utf16
	);
	workspaces.set(pkg, ws);
	return (ws.check(src) as { code: string; message: string }[]).map((d) => `${d.code}: ${d.message}`);
}

const lambdaCases = deployMatrix().filter((c) => c.config.target === 'serverless' && c.config.serverless.provider === 'aws-lambda');
const runCases = deployMatrix().filter((c) => c.config.target === 'serverless' && c.config.serverless.provider === 'cloud-run');

describe('aws-lambda', { timeout: 30_000 }, () => {
	test('the matrix covers web kinds and workers', () => {
		expect(new Set(lambdaCases.map((c) => c.config.project.framework))).toEqual(new Set(['fastapi', 'flask', 'django', 'none']));
	});

	for (const { id, config } of lambdaCases) {
		test(`${id}: SAM template uses only documented properties and agrees with the model`, () => {
			const f = facts(config);
			const out = files(config);
			const t = load(out.get(`${LAMBDA_DIR}/template.yaml`)!) as Doc;
			expect(t.Transform).toBe('AWS::Serverless-2016-10-31');
			const fnRes = t.Resources[FUNCTION_ID];
			expect(fnRes.Type).toBe('AWS::Serverless::Function');
			const fn = fnRes.Properties;
			keysIn(fn, SAM_FUNCTION_PROPS, FUNCTION_ID);
			keysIn(fn.LoggingConfig, LOGGING_CONFIG_PROPS, 'LoggingConfig');
			expect(fn.Runtime).toBe(`python${config.project.pythonVersion}`);
			expect((LAMBDA_PYTHON_RUNTIMES as readonly string[]).includes(config.project.pythonVersion)).toBe(true);
			expect(fn.Architectures).toEqual(['arm64']);
			expect(fn.MemorySize).toBe(config.serverless.memoryMb);
			expect(fn.Timeout).toBe(config.serverless.timeoutSeconds);
			expect(fn.Handler).toBe(`${f.pkg}.lambda_handler.handler`);
			expect(out.has(`${f.pkgDir}/lambda_handler.py`)).toBe(true);
			const env = fn.Environment.Variables as Record<string, string>;
			expect(Object.keys(env).sort()).toEqual(f.env.map((v) => v.name).sort());
			for (const v of f.env) {
				// Pinned to SecretVersionId when it is set, versionless otherwise (issue 15 point 5: lambda.test.ts).
				if (v.secret) expect((env[v.name] as unknown as Doc)['Fn::If'][2]).toBe(`{{resolve:secretsmanager:${lambdaSecretName(config)}:SecretString:${v.name}}}`);
				else expect(JSON.stringify(env[v.name])).not.toContain('CHANGE-ME');
			}
			for (const [name, ev] of Object.entries(fn.Events as Record<string, Doc>)) {
				if (ev.Type === 'HttpApi') keysIn(ev.Properties ?? {}, HTTPAPI_EVENT_PROPS, `Events.${name}`);
				else if (ev.Type === 'SQS') keysIn(ev.Properties, SQS_EVENT_PROPS, `Events.${name}`);
				else if (ev.Type === 'Schedule') keysIn(ev.Properties, SCHEDULE_EVENT_PROPS, `Events.${name}`);
				else throw new Error(`unexpected event type ${ev.Type}`);
			}
			expect(Object.values(fn.Events as Record<string, Doc>).map((e) => e.Type)).toEqual([f.isWeb ? 'HttpApi' : config.services.redis ? 'SQS' : 'Schedule']);
			for (const [rid, r] of Object.entries(t.Resources as Record<string, Doc>)) {
				if (r.Type === 'AWS::Logs::LogGroup') {
					keysIn(r.Properties, LOG_GROUP_PROPS, rid);
					expect(RETENTION_DAYS.has(r.Properties.RetentionInDays)).toBe(true);
				} else if (r.Type === 'AWS::SQS::Queue') keysIn(r.Properties, SQS_QUEUE_PROPS, rid);
				else expect(r.Type).toBe('AWS::Serverless::Function');
			}
			expect(fn.LoggingConfig.LogGroup).toEqual({ Ref: 'AppLogGroup' });
			// Every Ref / GetAtt points at a resource of the template (or a parameter of it).
			const text = JSON.stringify(t);
			for (const m of text.matchAll(/"Ref":"([^"]+)"|"Fn::GetAtt":\["([^"]+)"/g)) expect(t.Resources[m[1] ?? m[2]] ?? (m[1] ? t.Parameters?.[m[1]] : undefined), m[0]).toBeDefined();
		});

		test(`${id}: samconfig.toml parses and the handler passes ruff`, () => {
			const f = facts(config);
			const out = files(config);
			const sc = parse(out.get(`${LAMBDA_DIR}/samconfig.toml`)!) as Doc;
			expect(sc.version).toBe(0.1);
			expect(sc.default.global.parameters.region).toBe(serverlessRegion(config));
			if (!config.serverless.region) expect(sc.default.global.parameters.region).toBe('eu-west-1');
			expect(sc.default.build.parameters.manifest).toBe(config.packaging.manager === 'pip' ? '../../requirements.txt' : 'requirements.txt');
			expect(ruff(out.get(`${f.pkgDir}/lambda_handler.py`)!, f.pkg)).toEqual([]);
			const readme = out.get(`${LAMBDA_DIR}/README.md`)!;
			if (config.packaging.manager === 'uv') expect(readme).toContain('uv export --locked --no-dev --no-emit-project --format requirements-txt');
			if (config.packaging.manager === 'poetry') expect(readme).toContain('poetry self add poetry-plugin-export');
		});
	}

	test('adapters: Mangum for ASGI, a2wsgi + Mangum for Flask, an SQS batch handler for workers', () => {
		const handler = (id: string) => {
			const c = presetById(id)!.config();
			c.target = 'serverless';
			return [...files(c).entries()].find(([p]) => p.endsWith('lambda_handler.py'))![1];
		};
		expect(handler('fastapi-service')).toContain('from fastapi_service.main import app');
		expect(handler('fastapi-service')).toContain('Mangum(app, lifespan="auto")');
		expect(handler('django-app')).toContain('from django_app.asgi import application');
		// Typed through casts (a2wsgi issues 33 and 44); the journey test runs mypy on it.
		expect(handler('flask-app')).toContain('wsgi_app = cast(WSGIApp, create_app())');
		expect(handler('flask-app')).toContain('Mangum(cast(ASGI, WSGIMiddleware(wsgi_app)), lifespan="off")');
		// The Lambda runtime owns the root handler: every handler sets the root level itself.
		for (const id of ['fastapi-service', 'django-app', 'flask-app', 'worker'])
			expect(handler(id), id).toContain('logging.getLogger().setLevel(get_settings().log_level)');
		expect(handler('worker')).toContain('from worker.worker import process_job');
		expect(handler('worker')).toContain('batchItemFailures');
	});

	test('validation refuses deprecated Lambda runtimes and timeouts API Gateway cannot honour', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'serverless';
		c.project.pythonVersion = '3.10';
		c.serverless.timeoutSeconds = 60;
		const paths = validateConfig(c).map((e) => e.path);
		expect(paths).toContain('project.pythonVersion');
		expect(paths).toContain('serverless.timeoutSeconds');
		// python3.15 is a public preview on Lambda, not a supported runtime (versions.ts LAMBDA_PYTHON_RUNTIMES).
		c.project.pythonVersion = '3.15';
		expect(validateConfig(c).map((e) => e.path)).toContain('project.pythonVersion');
		c.project.pythonVersion = '3.14';
		c.serverless.timeoutSeconds = 29;
		expect(validateConfig(c)).toEqual([]);
	});
});

describe('regions: each provider its own default and naming', () => {
	const cloudRun = (edit?: (c: Config) => void) => presetOn('fastapi-service', 'cloud-run', edit);
	const regionsIn = (text: string) => [...text.matchAll(/--region[ =](\S+)|location: (\S+)|([a-z0-9-]+?)-docker\.pkg\.dev/g)].map((m) => m[1] ?? m[2] ?? m[3]);

	test('a preset moved to Cloud Run deploys to europe-west1: service.yaml, the README\'s --region and the Artifact Registry host', () => {
		const c = cloudRun();
		expect(validateConfig(c)).toEqual([]);
		expect(serverlessRegion(c)).toBe('europe-west1');
		const out = files(c);
		const svc = load(out.get(`${CLOUD_RUN_DIR}/service.yaml`)!) as Doc;
		expect(svc.metadata.labels['cloud.googleapis.com/location']).toBe('europe-west1');
		const readme = out.get(`${CLOUD_RUN_DIR}/README.md`)!;
		expect(readme).toContain('gcloud run services replace deploy/cloud-run/service.yaml --project=my-project --region europe-west1');
		// The derived image is in Artifact Registry now (cloud-run.test.ts holds it to Cloud Run's docs).
		expect(readme).toContain('europe-west1-docker.pkg.dev/my-project/containers/');
		const all = [...out.values()].join('\n');
		expect(new Set(regionsIn(all))).toEqual(new Set(['europe-west1']));
		expect(all).not.toContain('eu-west-1');
	});

	test('the same preset on AWS Lambda deploys to eu-west-1', () => {
		const c = cloudRun((x) => (x.serverless.provider = 'aws-lambda'));
		expect(serverlessRegion(c)).toBe('eu-west-1');
		const out = files(c);
		expect((parse(out.get(`${LAMBDA_DIR}/samconfig.toml`)!) as Doc).default.global.parameters.region).toBe('eu-west-1');
		expect(out.get(`${LAMBDA_DIR}/README.md`)).toContain('aws secretsmanager create-secret --region eu-west-1 ');
		expect([...out.values()].join('\n')).not.toContain('europe-west1');
	});

	test('a region the user wrote is kept, for either provider', () => {
		const run = cloudRun((x) => (x.serverless.region = 'us-central1'));
		expect(validateConfig(run)).toEqual([]);
		expect(new Set(regionsIn([...files(run).values()].join('\n')))).toEqual(new Set(['us-central1']));
		const aws = cloudRun((x) => ((x.serverless.provider = 'aws-lambda'), (x.serverless.region = 'us-gov-west-1')));
		expect(validateConfig(aws)).toEqual([]);
		expect((parse(files(aws).get(`${LAMBDA_DIR}/samconfig.toml`)!) as Doc).default.global.parameters.region).toBe('us-gov-west-1');
	});

	test('the CLI: --preset fastapi-service --target serverless --provider cloud-run writes europe-west1', async () => {
		const cwd = mkdtempSync(join(tmpdir(), 'slipway-region-'));
		try {
			const code = await run(['generate', '--preset', 'fastapi-service', '--target', 'serverless', '--provider', 'cloud-run', '--out', 'x'], { stdout: () => {}, stderr: () => {}, cwd });
			expect(code).toBe(0);
			const svc = load(readFileSync(join(cwd, 'x', CLOUD_RUN_DIR, 'service.yaml'), 'utf8')) as Doc;
			expect(svc.metadata.labels['cloud.googleapis.com/location']).toBe('europe-west1');
			expect(readFileSync(join(cwd, 'x', CLOUD_RUN_DIR, 'README.md'), 'utf8')).toContain('--region europe-west1');
		} finally {
			rmSync(cwd, { recursive: true, force: true });
		}
	});

	test('validation names the provider\'s own form, both ways', () => {
		const onRun = validateConfig(cloudRun((x) => (x.serverless.region = 'eu-west-1'))).filter((e) => e.path === 'serverless.region');
		expect(onRun.map((e) => e.message)).toEqual([
			'"eu-west-1" is an AWS region name, not a Google Cloud one: Cloud Run regions look like "europe-west1" or "us-central1" (leave it empty for europe-west1)'
		]);
		const onAws = validateConfig(cloudRun((x) => ((x.serverless.provider = 'aws-lambda'), (x.serverless.region = 'europe-west1')))).filter((e) => e.path === 'serverless.region');
		expect(onAws.map((e) => e.message)).toEqual([
			'"europe-west1" is a Google Cloud region name, not an AWS one: AWS Lambda regions look like "eu-west-1" or "us-east-1" (leave it empty for eu-west-1)'
		]);
		for (const bad of ['mars', 'eu_west_1', 'EU-WEST-1', 'eu-west-1a'])
			expect(validateConfig(cloudRun((x) => (x.serverless.region = bad))).map((e) => e.path), bad).toContain('serverless.region');
		// AWS partitions' names (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc) and Google Cloud's long geographies.
		for (const ok of ['eu-west-1', 'ap-southeast-7', 'cn-northwest-1', 'us-gov-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'eusc-de-east-1'])
			expect(validateConfig(cloudRun((x) => ((x.serverless.provider = 'aws-lambda'), (x.serverless.region = ok))))).toEqual([]);
		for (const ok of ['europe-west1', 'us-central1', 'northamerica-northeast2', 'europe-west10', 'me-central2'])
			expect(validateConfig(cloudRun((x) => (x.serverless.region = ok)))).toEqual([]);
	});

	test('a region kept for another target is not held to a provider: either naming passes while unused', () => {
		for (const region of ['eu-west-1', 'europe-west1']) {
			const c = cloudRun((x) => ((x.serverless.region = region), (x.target = 'docker')));
			expect(validateConfig(c)).toEqual([]);
		}
	});
});

describe('cloud-run', () => {
	for (const { id, config } of runCases) {
		test(`${id}: a Knative Service Cloud Run accepts, consistent with the model`, () => {
			const f = facts(config);
			const s = load(files(config).get(`${CLOUD_RUN_DIR}/service.yaml`)!) as Doc;
			// Structure of serving.knative.dev/v1 Service as Cloud Run's YAML reference describes it.
			expect(Object.keys(s).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
			expect(s.apiVersion).toBe('serving.knative.dev/v1');
			expect(s.kind).toBe('Service');
			expect(s.metadata.name).toMatch(/^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/);
			expect(Object.keys(s.spec)).toEqual(['template']);
			const tpl = s.spec.template;
			expect(Object.keys(tpl).sort()).toEqual(['metadata', 'spec']);
			for (const k of Object.keys(tpl.spec)) expect(['containerConcurrency', 'timeoutSeconds', 'serviceAccountName', 'containers', 'volumes']).toContain(k);
			for (const [k, v] of Object.entries({ ...s.metadata.annotations, ...tpl.metadata.annotations })) {
				expect(k).toMatch(/^(run\.googleapis\.com|autoscaling\.knative\.dev)\//);
				expect(typeof v).toBe('string');
			}
			expect(tpl.spec.containers).toHaveLength(1);
			const c = tpl.spec.containers[0];
			for (const k of Object.keys(c)) expect(['image', 'ports', 'env', 'resources', 'startupProbe', 'livenessProbe', 'command', 'args', 'volumeMounts']).toContain(k);
			expect(c.ports).toEqual([{ name: 'http1', containerPort: APP_PORT }]);
			expect(c.startupProbe.httpGet.path).toBe(HEALTH_PATH);
			expect(c.livenessProbe.httpGet.path).toBe(HEALTH_PATH);
			expect(c.startupProbe.httpGet.port).toBe(APP_PORT);
			expect(c.resources.limits.memory).toBe(`${config.serverless.memoryMb}Mi`);
			expect(tpl.spec.timeoutSeconds).toBe(config.serverless.timeoutSeconds);
			const env = new Map((c.env as Doc[]).map((e) => [e.name, e]));
			expect(env.has('PORT')).toBe(false);
			for (const v of f.env) {
				const e = env.get(v.name);
				expect(e, v.name).toBeDefined();
				if (v.secret) expect(e!.valueFrom).toEqual({ secretKeyRef: { name: cloudRunSecretId(config, v.name), key: 'latest' } });
				else expect(typeof e!.value).toBe('string');
			}
		});
	}

	test('no Cloud Run files for a worker (validation refuses it) or a library', () => {
		expect(validateConfig(presetOn('worker', 'cloud-run')).map((e) => e.path)).toContain('serverless.provider');
		expect(serverless(presetOn('library', 'aws-lambda'))).toEqual([]);
	});
});
