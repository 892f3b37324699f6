/**
 * Issue 15, points 5 and 7, for the AWS Lambda target (deploy/aws-lambda/).
 *
 * Point 5, a changed secret must reach the function. The contract:
 *   - CloudFormation User Guide, "Get a secret or secret value from Secrets Manager"
 *     (dynamic-references-secretsmanager), Considerations: "Updating a secret in Secrets
 *     Manager doesn't automatically update the secret in CloudFormation. In order for
 *     CloudFormation to update a secretsmanager dynamic reference, you must perform a stack
 *     update that updates the resource containing the dynamic reference, either by updating
 *     the resource property that contains the dynamic reference, or updating another of the
 *     resource's properties." AWS Knowledge Center, "cloudformation-stack-update-secrets":
 *     "During stack updates, CloudFormation doesn't retrieve the value of the dynamic
 *     reference unless a change is made to the dynamic reference itself", and names the
 *     VersionId in the reference as the way.
 *   - Reference pattern (same page; Secrets Manager User Guide, cfn-example_reference-secret):
 *     `{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}`;
 *     "If you use version-stage then don't specify version-id"; neither: AWSCURRENT.
 *   - SAM CLI (aws/aws-sam-cli samcli/commands/deploy/deploy_context.py merge_parameters,
 *     samcli/lib/deploy/deployer.py create_changeset): a parameter not given to `sam deploy`
 *     is sent as UsePreviousValue on an update and left to its Default on a create.
 *   So the template pins the references to the parameter SecretVersionId: changing it changes
 *   the reference itself, which is what makes CloudFormation resolve the new value.
 *
 * Point 7, ALLOWED_HOSTS follows the stack's region: CloudFormation User Guide, "Pseudo
 * parameters reference": AWS::Region "Returns a string representing the AWS Region in which
 * the encompassing resource is being created"; AWS::URLSuffix "Returns the suffix for a
 * domain. The suffix is typically amazonaws.com, but might differ by region. For example,
 * the suffix for the China (Beijing) region is amazonaws.com.cn". API Gateway's default
 * endpoint is {api-id}.execute-api.{region}.{suffix}, the template's own ApiUrl output.
 *
 * The template is read as CloudFormation would evaluate it (tests/validate/journeys/cfn-eval.ts)
 * and checked by the SAM structure validator (tests/validate/validators/sam.ts); AWS's
 * cfn-lint runs on the same templates in tests/validate/journeys/lambda-cfn-lint.test.ts.
 */
import { load } from 'js-yaml';
import { parse } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { cfnEvaluate, functionEnvironment } from '../../../../../tests/validate/journeys/cfn-eval.ts';
import { checkSam } from '../../../../../tests/validate/validators/sam.ts';
import { CFN_SCHEMA } from '../../../../../tests/validate/validators/util.ts';
import { shellLines } from '../../../../../tests/validate/commands/extract.ts';
import type { Config } from '../../../model/config.ts';
import { facts } from '../../../model/derive.ts';
import { presetById } from '../../../model/presets.ts';
import { validateConfig } from '../../../model/validate.ts';
import { deployMatrix } from '../../../../../tests/support/cases.ts';
import { FUNCTION_ID, LAMBDA_DIR, lambdaSecretName } from './index.ts';
import { deploymentFiles as serverless } from '../index.ts';

type Doc = Record<string, any>;

const lambdaCases = deployMatrix().filter((c) => c.config.target === 'serverless' && c.config.serverless.provider === 'aws-lambda');

function lambda(id: string, edit: (c: Config) => void = () => {}): Config {
	const c = presetById(id)!.config();
	c.target = 'serverless';
	c.serverless.provider = 'aws-lambda';
	edit(c);
	expect(validateConfig(c)).toEqual([]);
	return c;
}

function out(config: Config): { template: Doc; text: string; readme: string; samconfig: Doc } {
	const files = new Map(serverless(config).map((f) => [f.path, f.content]));
	const text = files.get(`${LAMBDA_DIR}/template.yaml`)!;
	return {
		template: load(text, { schema: CFN_SCHEMA }) as Doc,
		text,
		readme: files.get(`${LAMBDA_DIR}/README.md`)!,
		samconfig: parse(files.get(`${LAMBDA_DIR}/samconfig.toml`)!) as Doc
	};
}

const AWS = (region: string, suffix = 'amazonaws.com') => ({ 'AWS::Region': region, 'AWS::URLSuffix': suffix, 'AWS::StackName': 'stack', 'AWS::Partition': 'aws' });

/** CloudFormation parameter constraints: AllowedPattern must match the whole value (Java regex; these patterns are plain). */
function allowed(param: Doc, value: string): boolean {
	return new RegExp(param.AllowedPattern).test(value) && (param.MaxLength === undefined || value.length <= param.MaxLength);
}

describe('point 7: Django\'s ALLOWED_HOSTS on Lambda comes from the stack\'s region, not the generator\'s', () => {
	const c = lambda('django-app', (x) => (x.serverless.region = 'us-east-2'));
	const { template, text } = out(c);
	const raw = template.Resources[FUNCTION_ID].Properties.Environment.Variables.ALLOWED_HOSTS;

	test('the value is an Fn::Sub of AWS::Region and AWS::URLSuffix, with no region or domain written in', () => {
		expect(raw).toEqual({ 'Fn::Sub': '.execute-api.${AWS::Region}.${AWS::URLSuffix}' });
		expect(JSON.stringify(raw)).not.toMatch(/us-east-2|eu-west-1|amazonaws\.com/);
		// The region the user chose still drives samconfig.toml (where sam deploy sends the stack).
		expect(out(c).samconfig.default.global.parameters.region).toBe('us-east-2');
		expect(text).not.toContain('.execute-api.us-east-2.amazonaws.com');
	});

	test('evaluated as CloudFormation does: the region and partition the stack lands in', () => {
		const hosts = (region: string, suffix?: string) => functionEnvironment(template, { pseudo: AWS(region, suffix) }).ALLOWED_HOSTS;
		expect(hosts('us-east-2')).toBe('.execute-api.us-east-2.amazonaws.com');
		// The same template deployed elsewhere (`sam deploy --region ap-southeast-2`) without regenerating.
		expect(hosts('ap-southeast-2')).toBe('.execute-api.ap-southeast-2.amazonaws.com');
		// China (Beijing): the pseudo parameter reference's own example suffix.
		expect(hosts('cn-north-1', 'amazonaws.com.cn')).toBe('.execute-api.cn-north-1.amazonaws.com.cn');
	});

	test('the host of the template\'s own ApiUrl output is allowed (a leading dot matches subdomains, as Django documents)', () => {
		for (const [region, suffix] of [['us-east-2', 'amazonaws.com'], ['cn-north-1', 'amazonaws.com.cn']] as const) {
			const ctx = { pseudo: AWS(region, suffix) };
			const apiUrl = cfnEvaluate(template, { 'Fn::Sub': [template.Outputs.ApiUrl.Value['Fn::Sub'], { ServerlessHttpApi: 'a1b2c3d4e5' }] }, ctx) as string;
			const host = new URL(apiUrl).host;
			const allowedHosts = functionEnvironment(template, ctx).ALLOWED_HOSTS.split(',');
			expect(allowedHosts.some((h) => (h.startsWith('.') ? host.endsWith(h) || host === h.slice(1) : host === h)), `${host} in ${allowedHosts}`).toBe(true);
		}
	});

	test('the SAM structure validator accepts the template, and catches a misspelt name in a long-form Fn::Sub or Fn::If', () => {
		expect(checkSam('template.yaml', text)).toEqual([]);
		const typo = text.replace('${AWS::URLSuffix}', '${AWS::URLSufix}').replace(/- SecretVersionPinned$/m, '- SecretVersionPined');
		expect(checkSam('template.yaml', typo).map((f) => f.message).sort()).toEqual(['Fn::If SecretVersionPined: no such condition', 'Fn::Sub ${AWS::URLSufix}: nothing of that name']);
	});

	test('every Lambda case: no host written with a region anywhere in the template\'s environment', () => {
		for (const { id, config } of [...lambdaCases, { id: 'django.us-east-2', config: c }]) {
			const env = out(config).template.Resources[FUNCTION_ID].Properties.Environment.Variables as Doc;
			expect(JSON.stringify(env), id).not.toMatch(/execute-api\.[a-z]{2}(-[a-z]+)+-\d/);
			expect(checkSam('template.yaml', out(config).text), id).toEqual([]);
		}
	});
});

describe('point 5: a changed Lambda secret reaches the function', () => {
	const withSecrets = [...lambdaCases, { id: 'django.us-east-2', config: lambda('django-app', (x) => (x.serverless.region = 'us-east-2')) }].filter(({ config }) =>
		facts(config).env.some((v) => v.secret)
	);

	test('the matrix has Lambda cases with secrets, Django among them', () => {
		expect(withSecrets.some((c) => c.config.project.framework === 'django')).toBe(true);
	});

	for (const { id, config } of withSecrets) {
		test(`${id}: the secret references are pinned by SecretVersionId, so a new version changes the reference itself`, () => {
			const { template, text } = out(config);
			const name = lambdaSecretName(config);
			const secrets = facts(config).env.filter((v) => v.secret).map((v) => v.name);
			const param = template.Parameters?.SecretVersionId;
			expect(param, 'template parameter SecretVersionId').toBeDefined();
			expect(param.Type).toBe('String');
			// A first `sam deploy` gives no value: SAM CLI drops UsePreviousValue on a create, so the Default must serve.
			expect(param.Default).toBe('');
			// The CLI's VersionIds are UUIDs; a colon would end the version-id segment early.
			for (const ok of ['', 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE', '8c6c0ff6-2ec8-4a5d-9c7c-6a1e47a4c2f0']) expect(allowed(param, ok), ok).toBe(true);
			for (const bad of ['AWSCURRENT:x', 'short', '{"SECRET_KEY": "x"}']) expect(allowed(param, bad), bad).toBe(false);

			const env = (parameters?: Record<string, string>) => functionEnvironment(template, { parameters, pseudo: AWS('us-east-2') });
			const first = env();
			const v1 = env({ SecretVersionId: '11111111-1111-4111-8111-111111111111' });
			const v2 = env({ SecretVersionId: '22222222-2222-4222-8222-222222222222' });
			for (const key of secrets) {
				// Not pinned (first deploy): the versionless reference, i.e. AWSCURRENT.
				expect(first[key]).toBe(`{{resolve:secretsmanager:${name}:SecretString:${key}}}`);
				// Pinned: version-stage empty, version-id given, as the pattern requires.
				expect(v1[key]).toBe(`{{resolve:secretsmanager:${name}:SecretString:${key}::11111111-1111-4111-8111-111111111111}}`);
				// The reference itself changes with the version: the change CloudFormation needs to resolve it again.
				expect(v2[key]).not.toBe(v1[key]);
				expect(v1[key]).not.toBe(first[key]);
			}
			// Nothing but the secrets depends on the parameter.
			for (const k of Object.keys(first)) if (!secrets.includes(k)) expect(v1[k], k).toBe(first[k]);
			expect(checkSam('template.yaml', text)).toEqual([]);
		});

		test(`${id}: the README's rotation steps are the ones the template needs, and promise no redeploy magic`, () => {
			const { template, readme, samconfig } = out(config);
			const name = lambdaSecretName(config);
			const region = samconfig.default.global.parameters.region;
			// samconfig.toml keeps fail_on_empty_changeset = false (an unchanged deploy succeeds)...
			expect(samconfig.default.deploy.parameters.fail_on_empty_changeset).toBe(false);
			// ...so the README must not say that deploying again picks up a changed secret, and says why it does not.
			expect(readme).not.toMatch(/deploy again/i);
			expect(readme).toContain('`fail_on_empty_changeset = false`');
			const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => shellLines(m[1]));
			const commands = blocks.flat();
			const put = commands.find((l) => l.startsWith('aws secretsmanager put-secret-value'));
			expect(put, 'put-secret-value step').toBeDefined();
			expect(put).toContain(`--region ${region} --secret-id ${name} `);
			// It prints the new version's id: the PutSecretValue response's VersionId.
			expect(put).toMatch(/--query VersionId --output text$/);
			// Every key goes in: PutSecretValue stores a whole new value.
			for (const v of facts(config).env.filter((x) => x.secret)) expect(put).toContain(`"${v.name}": `);
			// Then the deploy that names it, after a build, from the folder samconfig.toml lives in.
			const deployBlock = blocks.find((b) => b.some((l) => l.startsWith('sam deploy --parameter-overrides')))!;
			expect(deployBlock).toEqual(['cd deploy/aws-lambda', 'sam build', `sam deploy --parameter-overrides ${Object.keys(template.Parameters)[0]}=VERSION-ID`]);
		});
	}

	test('a Lambda function without secrets gets no parameter (nothing to pin)', () => {
		const none = lambdaCases.filter(({ config }) => !facts(config).env.some((v) => v.secret));
		for (const { id, config } of none) {
			const { template, readme } = out(config);
			expect(template.Parameters, id).toBeUndefined();
			expect(template.Conditions, id).toBeUndefined();
			expect(readme, id).not.toContain('SecretVersionId');
		}
	});
});
