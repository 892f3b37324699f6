/**
 * AWS SAM templates (Transform AWS::Serverless-2016-10-31). The SAM CLI is
 * not installable here, so this is a structural check against the SAM
 * specification: top-level sections, resource types, a property whitelist for
 * AWS::Serverless::Function / HttpApi / Api and their event sources, value
 * ranges Lambda enforces, that every Ref / GetAtt / Fn::Sub name is something
 * the template defines and every Fn::If names a condition, in short (!Sub) and
 * long (Fn::Sub:) form; then AWS's own cfn-lint (on this machine's image) with
 * the SAM translator, in the region samconfig.toml deploys to. The China and
 * us-east-2 cases of point 15.7 are in tests/validate/journeys/lambda-cfn-lint.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import type { Finding, Validator } from '../registry.ts';
import { CFN_SCHEMA, isObj, Tag } from './util.ts';

const TOP = new Set(['AWSTemplateFormatVersion', 'Transform', 'Description', 'Metadata', 'Parameters', 'Mappings', 'Conditions', 'Globals', 'Resources', 'Outputs', 'Rules']);
const FUNCTION_PROPS = new Set([
	'Architectures', 'AssumeRolePolicyDocument', 'AutoPublishAlias', 'AutoPublishAliasAllProperties', 'AutoPublishCodeSha256', 'CodeSigningConfigArn',
	'CodeUri', 'DeadLetterQueue', 'DeploymentPreference', 'Description', 'Environment', 'EphemeralStorage', 'EventInvokeConfig', 'Events',
	'FileSystemConfigs', 'FunctionName', 'FunctionScalingConfig', 'FunctionUrlConfig', 'Handler', 'ImageConfig', 'ImageUri', 'InlineCode', 'KmsKeyArn',
	'Layers', 'LoggingConfig', 'MemorySize', 'PackageType', 'PermissionsBoundary', 'Policies', 'PropagateTags', 'ProvisionedConcurrencyConfig',
	'RecursiveLoop', 'ReservedConcurrentExecutions', 'Role', 'RolePath', 'Runtime', 'RuntimeManagementConfig', 'SnapStart', 'SourceKMSKeyArn', 'Tags',
	'Timeout', 'Tracing', 'VersionDescription', 'VersionDeletionPolicy', 'VpcConfig'
]);
const HTTPAPI_PROPS = new Set([
	'AccessLogSettings', 'Auth', 'CorsConfiguration', 'DefaultRouteSettings', 'DefinitionBody', 'DefinitionUri', 'Description', 'DisableExecuteApiEndpoint',
	'Domain', 'FailOnWarnings', 'Name', 'PropagateTags', 'RouteSettings', 'StageName', 'StageVariables', 'Tags'
]);
const API_PROPS = new Set([
	'AccessLogSetting', 'AlwaysDeploy', 'ApiKeySourceType', 'Auth', 'BinaryMediaTypes', 'CacheClusterEnabled', 'CacheClusterSize', 'CanarySetting', 'Cors',
	'DefinitionBody', 'DefinitionUri', 'Description', 'DisableExecuteApiEndpoint', 'Domain', 'EndpointConfiguration', 'FailOnWarnings', 'GatewayResponses',
	'MergeDefinitions', 'MethodSettings', 'MinimumCompressionSize', 'Mode', 'Models', 'Name', 'OpenApiVersion', 'PropagateTags', 'StageName', 'Tags',
	'TracingEnabled', 'Variables'
]);
const EVENT_PROPS: Record<string, Set<string>> = {
	HttpApi: new Set(['ApiId', 'Auth', 'Method', 'Path', 'PayloadFormatVersion', 'RouteSettings', 'TimeoutInMillis']),
	Api: new Set(['Auth', 'Method', 'Path', 'RequestModel', 'RequestParameters', 'RestApiId', 'TimeoutInMillis']),
	Schedule: new Set(['DeadLetterConfig', 'Description', 'Enabled', 'Input', 'Name', 'RetryPolicy', 'Schedule', 'State']),
	ScheduleV2: new Set(['DeadLetterConfig', 'Description', 'EndDate', 'FlexibleTimeWindow', 'GroupName', 'Input', 'KmsKeyArn', 'Name', 'OmitName', 'PermissionsBoundary', 'RetryPolicy', 'RoleArn', 'ScheduleExpression', 'ScheduleExpressionTimezone', 'StartDate', 'State']),
	SQS: new Set(['BatchSize', 'Enabled', 'FilterCriteria', 'FunctionResponseTypes', 'KmsKeyArn', 'MaximumBatchingWindowInSeconds', 'MetricsConfig', 'Queue', 'ScalingConfig']),
	EventBridgeRule: new Set(['DeadLetterConfig', 'EventBusName', 'Input', 'InputPath', 'InputTransformer', 'Pattern', 'RetryPolicy', 'RuleName', 'State', 'Target'])
};
const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy']);
const GLOBAL_FUNCTION_EXCLUDED = new Set(['Role', 'Policies', 'FunctionName', 'Events', 'ProvisionedConcurrencyConfig']);
export const LAMBDA_PYTHON_RUNTIMES = new Set(['python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14']);
const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

export const isSam = (path: string, content: string): boolean => /\.(ya?ml|json)$/.test(path) && /AWS::Serverless-2016-10-31/.test(content);

export function checkSam(file: string, content: string): Finding[] {
	const out: Finding[] = [];
	const add = (message: string) => out.push({ file, tool: 'sam-structure', message });
	let doc: unknown;
	try {
		doc = load(content, { schema: CFN_SCHEMA });
	} catch (err) {
		return [{ file, tool: 'js-yaml (CloudFormation tags)', message: (err as Error).message.split('\n')[0] }];
	}
	if (!isObj(doc)) return [{ file, tool: 'sam-structure', message: 'not a mapping' }];
	for (const k of Object.keys(doc)) if (!TOP.has(k)) add(`unknown top-level section ${k}`);
	if (doc.AWSTemplateFormatVersion !== undefined && doc.AWSTemplateFormatVersion !== '2010-09-09') add(`AWSTemplateFormatVersion must be "2010-09-09"`);
	const tf = Array.isArray(doc.Transform) ? doc.Transform : [doc.Transform];
	if (!tf.includes('AWS::Serverless-2016-10-31')) add('Transform must be AWS::Serverless-2016-10-31');
	const resources = isObj(doc.Resources) ? doc.Resources : {};
	if (!Object.keys(resources).length) add('Resources is required and must not be empty');
	const params = isObj(doc.Parameters) ? doc.Parameters : {};
	const conditions = isObj(doc.Conditions) ? doc.Conditions : {};
	const known = new Set([...Object.keys(resources), ...Object.keys(params), ...PSEUDO]);
	const checkFunction = (name: string, props: Record<string, unknown>, inGlobals: boolean) => {
		for (const k of Object.keys(props)) {
			if (!FUNCTION_PROPS.has(k)) add(`${name}: unknown AWS::Serverless::Function property ${k}`);
			else if (inGlobals && GLOBAL_FUNCTION_EXCLUDED.has(k)) add(`${name}: ${k} is not allowed in Globals.Function`);
		}
		const num = (k: string, lo: number, hi: number) => {
			const v = props[k];
			if (v !== undefined && !(v instanceof Tag) && (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)) add(`${name}: ${k} must be a whole number from ${lo} to ${hi}, not ${JSON.stringify(v)}`);
		};
		num('MemorySize', 128, 10240);
		num('Timeout', 1, 900);
		if (typeof props.Runtime === 'string' && props.Runtime.startsWith('python') && !LAMBDA_PYTHON_RUNTIMES.has(props.Runtime)) add(`${name}: unknown Lambda runtime ${props.Runtime}`);
		if (typeof props.Handler === 'string' && !/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(props.Handler)) add(`${name}: Handler "${props.Handler}" is not module.function`);
		if (props.Environment !== undefined) {
			const env = props.Environment;
			if (!isObj(env) || Object.keys(env).some((k) => k !== 'Variables') || (env.Variables !== undefined && !isObj(env.Variables))) add(`${name}: Environment must be {Variables: {NAME: value}}`);
			else if (isObj(env.Variables)) for (const k of Object.keys(env.Variables)) if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(k)) add(`${name}: environment variable name ${k} is invalid for Lambda`);
		}
	};
	const globals = isObj(doc.Globals) ? doc.Globals : {};
	for (const [k, v] of Object.entries(globals)) {
		if (!['Function', 'Api', 'HttpApi', 'SimpleTable', 'LayerVersion', 'StateMachine', 'CapacityProvider'].includes(k)) add(`Globals: unknown section ${k}`);
		if (k === 'Function' && isObj(v)) checkFunction('Globals.Function', v, true);
	}
	const globalFn = isObj(globals.Function) ? globals.Function : {};
	for (const [name, res] of Object.entries(resources)) {
		if (!isObj(res) || typeof res.Type !== 'string') {
			add(`${name}: a resource needs a Type`);
			continue;
		}
		for (const k of Object.keys(res)) if (!RESOURCE_KEYS.has(k)) add(`${name}: unknown resource attribute ${k}`);
		if (typeof res.Condition === 'string' && !(res.Condition in conditions)) add(`${name}: Condition ${res.Condition} is not defined`);
		const props = isObj(res.Properties) ? res.Properties : {};
		if (res.Type === 'AWS::Serverless::Function') {
			checkFunction(name, props, false);
			const merged = { ...globalFn, ...props };
			const image = merged.PackageType === 'Image';
			if (image ? !merged.ImageUri && !isObj(res.Metadata) : !merged.CodeUri && !merged.InlineCode) add(`${name}: needs ${image ? 'ImageUri (or Metadata for sam build)' : 'CodeUri or InlineCode'}`);
			if (!image && (!merged.Handler || !merged.Runtime)) add(`${name}: a Zip function needs Handler and Runtime (here or in Globals.Function)`);
			const events = isObj(props.Events) ? props.Events : {};
			for (const [en, ev] of Object.entries(events)) {
				if (!isObj(ev) || typeof ev.Type !== 'string') {
					add(`${name}.Events.${en}: needs a Type`);
					continue;
				}
				const allowed = EVENT_PROPS[ev.Type];
				for (const k of Object.keys(ev)) if (k !== 'Type' && k !== 'Properties') add(`${name}.Events.${en}: unknown key ${k}`);
				if (!allowed) continue;
				const ep = isObj(ev.Properties) ? ev.Properties : {};
				for (const k of Object.keys(ep)) if (!allowed.has(k)) add(`${name}.Events.${en}: unknown ${ev.Type} event property ${k}`);
				if ((ev.Type === 'Api' && (!ep.Path || !ep.Method)) || (ev.Type === 'HttpApi' && (ep.Path === undefined) !== (ep.Method === undefined)))
					add(`${name}.Events.${en}: ${ev.Type} events need Path and Method together`);
				if (typeof ep.Path === 'string' && !ep.Path.startsWith('/')) add(`${name}.Events.${en}: Path must start with /`);
				if (ep.PayloadFormatVersion !== undefined && !['1.0', '2.0'].includes(String(ep.PayloadFormatVersion))) add(`${name}.Events.${en}: PayloadFormatVersion must be "1.0" or "2.0"`);
			}
		} else if (res.Type === 'AWS::Serverless::HttpApi') {
			for (const k of Object.keys(props)) if (!HTTPAPI_PROPS.has(k)) add(`${name}: unknown AWS::Serverless::HttpApi property ${k}`);
		} else if (res.Type === 'AWS::Serverless::Api') {
			for (const k of Object.keys(props)) if (!API_PROPS.has(k)) add(`${name}: unknown AWS::Serverless::Api property ${k}`);
			if (!props.StageName) add(`${name}: AWS::Serverless::Api needs StageName`);
		} else if (!/^(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+|Custom::[\w]+)$/.test(res.Type)) add(`${name}: ${res.Type} is not a resource type`);
	}
	const outputs = isObj(doc.Outputs) ? doc.Outputs : {};
	for (const [name, o] of Object.entries(outputs)) if (!isObj(o) || o.Value === undefined) add(`Outputs.${name}: needs a Value`);
	// Every reference must resolve (SAM also generates <Function>Role, ServerlessHttpApi, ServerlessRestApi...).
	const implicit = (ref: string) => /^(ServerlessHttpApi|ServerlessRestApi)/.test(ref) || [...Object.keys(resources)].some((r) => ref.startsWith(r));
	// Fn::Sub's ${Name} must name a parameter, resource (attribute) or pseudo parameter, or a local of its map.
	const checkSub = (value: unknown, form: string) => {
		const s = typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : '';
		const locals = Array.isArray(value) && isObj(value[1]) ? Object.keys(value[1]) : [];
		for (const m of s.matchAll(/\$\{([^!}][^}]*)\}/g)) {
			const ref = m[1].split('.')[0];
			if (!known.has(ref) && !locals.includes(ref) && !implicit(ref)) add(`${form} \${${m[1]}}: nothing of that name`);
		}
	};
	// Fn::If's first item names a condition of the Conditions section.
	const checkIf = (value: unknown, form: string) => {
		const name = Array.isArray(value) ? value[0] : undefined;
		if (typeof name !== 'string' || !(name in conditions)) add(`${form} ${String(name)}: no such condition`);
	};
	const walk = (v: unknown): void => {
		if (v instanceof Tag) {
			if (v.tag === 'Ref' && typeof v.value === 'string' && !known.has(v.value) && !implicit(v.value)) add(`!Ref ${v.value}: nothing of that name`);
			if (v.tag === 'GetAtt') {
				const target = typeof v.value === 'string' ? v.value.split('.')[0] : Array.isArray(v.value) ? String(v.value[0]) : '';
				if (!known.has(target) && !implicit(target)) add(`!GetAtt ${target}: no such resource`);
			}
			if (v.tag === 'Sub') checkSub(v.value, '!Sub');
			if (v.tag === 'If') checkIf(v.value, '!If');
			walk(v.value);
		} else if (Array.isArray(v)) v.forEach(walk);
		else if (isObj(v)) {
			if (typeof v.Ref === 'string' && !known.has(v.Ref) && !implicit(v.Ref)) add(`Ref ${v.Ref}: nothing of that name`);
			// The long forms, as a YAML writer that emits plain mappings spells them.
			if ('Fn::Sub' in v) checkSub(v['Fn::Sub'], 'Fn::Sub');
			if ('Fn::If' in v) checkIf(v['Fn::If'], 'Fn::If');
			Object.values(v).forEach(walk);
		}
	};
	walk(doc);
	return out;
}

/** The region samconfig.toml deploys to (cfn-lint checks against that region's resource schemas). */
function deployRegion(samconfig: string | undefined): string {
	return /^\s*region\s*=\s*"([a-z0-9-]+)"/m.exec(samconfig ?? '')?.[1] ?? 'us-east-1';
}

/**
 * AWS's cfn-lint (aws-cloudformation/cfn-lint, on this machine's image): it runs the SAM
 * translator on the template, then checks the CloudFormation it makes against the resource
 * schemas of the deploy region. Any finding, informational included, is reported.
 */
async function cfnLint(files: readonly GeneratedFile[], region: string): Promise<Finding[]> {
	const dir = mkdtempSync(join(tmpdir(), 'slipway-cfn-lint-'));
	try {
		for (const f of files) {
			mkdirSync(dirname(join(dir, f.path)), { recursive: true });
			writeFileSync(join(dir, f.path), f.content);
		}
		const args = ['--format', 'parseable', '--non-zero-exit-code', 'informational', '--regions', region, '--', ...files.map((f) => f.path)];
		const out = await new Promise<{ code: number | null; text: string; error?: Error }>((done) =>
			execFile('cfn-lint', args, { cwd: dir, timeout: 240_000 }, (error, stdout, stderr) =>
				done({ code: error && 'code' in error && typeof error.code === 'number' ? error.code : error ? null : 0, text: `${stdout}${stderr}`.trim(), error: error ?? undefined })
			)
		);
		if (out.code === null) return [{ file: files[0].path, tool: 'cfn-lint', message: `cfn-lint did not run: ${String(out.error?.message)}` }];
		return out.text
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const [file, row, , , , rule, ...msg] = line.split(':');
				return { file: file ?? files[0].path, line: Number(row) || undefined, tool: 'cfn-lint', message: `${rule ?? ''} ${msg.join(':')}`.trim() || line };
			});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export const sam: Validator = {
	id: 'sam',
	tool: 'cfn-lint with the SAM translator (deploy region from samconfig.toml) + SAM structure and property whitelist (SAM spec)',
	role: 'primary',
	chroot: false,
	match: isSam,
	reads: (set) => [...set.byPath.keys()].filter((p) => p.endsWith('samconfig.toml')),
	async check(files, set) {
		const structural = files.flatMap((f) => checkSam(f.path, f.content));
		const samconfig = [...set.byPath.entries()].find(([p]) => p.endsWith('samconfig.toml'))?.[1].content;
		return [...structural, ...(await cfnLint(files, deployRegion(samconfig)))];
	}
};
