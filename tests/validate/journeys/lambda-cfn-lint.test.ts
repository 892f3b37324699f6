/**
 * Issue 15, points 5 and 7: AWS's own linter accepts the generated SAM templates.
 *
 * cfn-lint (aws-cloudformation/cfn-lint; 1.51 is part of this machine's image, on PATH
 * through pyenv) runs the AWS SAM translator (aws-sam-translator) on the template first and
 * then checks the CloudFormation it produces against the resource schemas of the region
 * given with --regions: here the region samconfig.toml deploys to. It checks what the
 * structural SAM validator (tests/validate/validators/sam.ts) does not: that Fn::Sub's
 * ${...} names resolve (E1019), that Fn::If names a defined condition (E1028), that
 * Environment.Variables values are strings after the intrinsics, the Parameters section
 * (AllowedPattern, Default), and that no condition or parameter is unused (W8001, W2001).
 *
 * The cases: every AWS Lambda configuration of the deploy matrix, plus Django in
 * us-east-2 and in cn-north-1 (the China partition, whose AWS::URLSuffix is
 * amazonaws.com.cn), the region point 7 is about.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployMatrix } from '../../support/cases.ts';
import { LAMBDA_DIR } from '../../../src/lib/generators/targets/aws-lambda/index.ts';
import { deploymentFiles as serverless } from '../../../src/lib/generators/targets/index.ts';
import type { Config } from '../../../src/lib/model/config.ts';
import { serverlessRegion } from '../../../src/lib/model/derive.ts';
import { presetById } from '../../../src/lib/model/presets.ts';
import { validateConfig } from '../../../src/lib/model/validate.ts';

const django = (region: string): Config => {
	const c = presetById('django-app')!.config();
	c.target = 'serverless';
	c.serverless.provider = 'aws-lambda';
	c.serverless.region = region;
	return c;
};

const cases = [
	...deployMatrix().filter((c) => c.config.target === 'serverless' && c.config.serverless.provider === 'aws-lambda'),
	{ id: 'django-app.us-east-2', config: django('us-east-2') },
	{ id: 'django-app.cn-north-1', config: django('cn-north-1') }
];

const dir = mkdtempSync(join(tmpdir(), 'slipway-cfn-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cfn-lint (with the SAM translator) accepts every generated AWS Lambda template', () => {
	it('cfn-lint is on PATH', () => {
		const v = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
		expect(v.error, 'cfn-lint not found on PATH').toBeUndefined();
		expect(v.stdout).toMatch(/^cfn-lint \d+\.\d+/);
	});

	// One cfn-lint run per region (it takes several templates; each start costs seconds).
	const byRegion = new Map<string, typeof cases>();
	for (const c of cases) byRegion.set(serverlessRegion(c.config), [...(byRegion.get(serverlessRegion(c.config)) ?? []), c]);
	for (const [region, group] of byRegion) {
		it(`--regions ${region}: ${group.map((c) => c.id).join(', ')}: no error, warning or informational finding`, { timeout: 300_000 }, () => {
			const paths: string[] = [];
			for (const { id, config } of group) {
				expect(validateConfig(config), id).toEqual([]);
				const template = serverless(config).find((f) => f.path === `${LAMBDA_DIR}/template.yaml`)!.content;
				mkdirSync(join(dir, id), { recursive: true });
				writeFileSync(join(dir, id, 'template.yaml'), template);
				paths.push(`${id}/template.yaml`);
			}
			const r = spawnSync('cfn-lint', ['--format', 'parseable', '--non-zero-exit-code', 'informational', '--regions', region, '--', ...paths], {
				cwd: dir,
				encoding: 'utf8',
				timeout: 280_000
			});
			expect(r.error).toBeUndefined();
			expect(r.stdout + r.stderr, 'cfn-lint findings (file:line:col:...:rule:message)').toBe('');
			expect(r.status).toBe(0);
		});
	}
});
