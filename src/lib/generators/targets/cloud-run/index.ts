/**
 * Cloud Run (deploy/cloud-run/): service.yaml, a Knative Service for
 * `gcloud run services replace` (service.ts), and README.md (readme.ts). The
 * image is the Dockerfile's (the registry marks cloud-run `container`). Only
 * web kinds: Cloud Run serves HTTP.
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { facts } from '../../../model/derive.ts';
import { deployable } from '../../../model/targets.ts';
import type { GeneratedFile } from '../../types.ts';
import { writeYaml } from '../../writers/yaml.ts';
import { HEADER } from '../serverless.ts';
import { cloudRunReadme } from './readme.ts';
import { CLOUD_RUN_DIR, cloudRunService } from './service.ts';

export { CLOUD_RUN_DIR, cloudRunSecretId } from './service.ts';

const TARGET = deployable('cloud-run');

/** deploy/cloud-run/service.yaml and README.md. */
export function cloudRun(config: ReadonlyConfig): GeneratedFile[] {
	if (!TARGET.applies(config) || !facts(config).isWeb) return [];
	return [
		{ path: `${CLOUD_RUN_DIR}/service.yaml`, content: writeYaml(cloudRunService(config), HEADER), language: 'yaml' },
		{ path: TARGET.guide, content: cloudRunReadme(config), language: 'markdown' }
	];
}
