/**
 * AWS Lambda (deploy/aws-lambda/): an AWS SAM template (template.ts),
 * samconfig.toml (samconfig.ts), README.md (readme.ts) and the handler adapter
 * `src/<pkg>/lambda_handler.py` (handler.ts). A command-line tool gets none
 * (validate.ts refuses serverless for it).
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { facts } from '../../../model/derive.ts';
import { deployable } from '../../../model/targets.ts';
import type { GeneratedFile } from '../../types.ts';
import { writeYaml } from '../../writers/yaml.ts';
import { HEADER } from '../serverless.ts';
import { lambdaHandler } from './handler.ts';
import { lambdaReadme } from './readme.ts';
import { samconfig } from './samconfig.ts';
import { LAMBDA_DIR, samTemplate } from './template.ts';

export { FUNCTION_ID, LAMBDA_DIR, lambdaSecretName } from './template.ts';

const TARGET = deployable('aws-lambda');

/** deploy/aws-lambda/* + src/<pkg>/lambda_handler.py. */
export function awsLambda(config: ReadonlyConfig): GeneratedFile[] {
	if (!TARGET.applies(config) || config.project.kind === 'cli') return [];
	return [
		{ path: `${LAMBDA_DIR}/template.yaml`, content: writeYaml(samTemplate(config), HEADER), language: 'yaml' },
		{ path: `${LAMBDA_DIR}/samconfig.toml`, content: samconfig(config), language: 'toml' },
		{ path: TARGET.guide, content: lambdaReadme(config), language: 'markdown' },
		{ path: `${facts(config).pkgDir}/lambda_handler.py`, content: lambdaHandler(config), language: 'python' }
	];
}
