/**
 * What choosing a backing service adds, in words, for the Services step: the
 * sentence depends on the target, and names only files that target's project
 * has (services-text.test.ts checks every path named here against generate()).
 * Pure and import-light (model only), so the wizard step can load it without
 * the generators.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { hasCompose } from '../model/derive.ts';
import { selectedTarget, type TargetId } from '../model/targets.ts';

export type BackingService = 'postgres' | 'redis';

/** Where the deployment files put a service's URL, and who runs the service, per target. */
const DEPLOYMENT: Readonly<Record<TargetId, (config: ReadonlyConfig, pg: boolean) => string>> = {
	docker: (_, pg) => (pg ? 'compose.yaml runs a postgres service for it, with a health check and a volume' : 'compose.yaml runs a redis service for it'),
	kubernetes: (config, pg) =>
		pg
			? "its value goes in the Secret (deploy/kubernetes/secret.example.yaml); the cluster's own PostgreSQL serves it"
			: `its value is in the ConfigMap (deploy/kubernetes/${config.project.kind === 'service' && config.project.framework === 'django' ? 'config/' : ''}configmap.yaml), pointing at a redis Service in the namespace`,
	'cloud-run': (_, pg) =>
		pg
			? 'deploy/cloud-run/service.yaml reads it from Secret Manager; use Cloud SQL or your own server'
			: 'deploy/cloud-run/service.yaml sets it; point it at Memorystore or your own server',
	'aws-lambda': (config, pg) => {
		if (!pg && config.project.kind === 'worker')
			return 'on Lambda, an SQS queue in deploy/aws-lambda/template.yaml brings the jobs a Redis list brings elsewhere';
		return pg
			? 'deploy/aws-lambda/template.yaml resolves it from Secrets Manager; use RDS, Aurora or your own server'
			: 'deploy/aws-lambda/template.yaml sets it; point it at ElastiCache or your own server';
	},
	'bare-metal': (_, pg) => `deploy/env.template holds it, for ${pg ? 'PostgreSQL' : 'Redis'} on the same host or elsewhere`
};

function deployment(config: ReadonlyConfig, service: BackingService): string {
	return DEPLOYMENT[selectedTarget(config).id](config, service === 'postgres');
}

/** The help text of one service's checkbox. */
export function serviceHelp(config: ReadonlyConfig, service: BackingService): string {
	const lib = service === 'postgres' ? 'psycopg' : 'redis-py';
	const setting = service === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL';
	return `Adds ${lib} and a ${setting} setting; ${deployment(config, service)}.`;
}

/** The note under the services: where the connection settings come from. */
export function servicesNote(config: ReadonlyConfig): string {
	const local = hasCompose(config)
		? '.env.example lists them, and compose.yaml points the app at its own containers.'
		: '.env.example lists them for local development.';
	return `Connection settings are read from the environment (pydantic-settings); ${local}`;
}
