/** deploy/aws-lambda/samconfig.toml: the SAM CLI's settings (stack, region, build manifest). */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { deployName, serverlessRegion } from '../../../model/derive.ts';
import { writeToml } from '../../writers/toml.ts';
import { HEADER } from '../serverless.ts';
import { lambdaManifest } from './template.ts';

export function samconfig(config: ReadonlyConfig): string {
	const name = deployName(config);
	return writeToml(
		{
			version: 0.1,
			default: {
				global: { parameters: { stack_name: name, region: serverlessRegion(config) } },
				build: { parameters: { cached: true, parallel: true, manifest: lambdaManifest(config) } },
				deploy: {
					parameters: {
						capabilities: 'CAPABILITY_IAM',
						confirm_changeset: true,
						resolve_s3: true,
						fail_on_empty_changeset: false
					}
				}
			}
		},
		{ header: [...HEADER, 'SAM CLI settings: run `sam build` and `sam deploy` from this folder.'] }
	);
}
