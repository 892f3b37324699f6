/**
 * Cloud Run (deploy/cloud-run/service.yaml): a Knative `serving.knative.dev/v1`
 * Service for `gcloud run services replace`, probes on HEALTH_PATH, secrets as
 * Secret Manager references.
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { APP_PORT, HEALTH_PATH, appTargets, deployName, facts, imageRef, serverlessRegion, cloudRunServiceAccount, cloudSqlConnectionName } from '../../../model/derive.ts';
import { cloudPlace, deployValue } from '../../../model/deploy-env.ts';
import { imageTag } from '../../../model/deployment.ts';
import type { Obj } from '../serverless.ts';

export const CLOUD_RUN_DIR = 'deploy/cloud-run';

/** Cloud Run: Secret Manager secret id for a variable, e.g. `orders-database-url`. */
export function cloudRunSecretId(config: ReadonlyConfig, varName: string): string {
	return `${deployName(config)}-${varName.toLowerCase().replace(/_/g, '-')}`;
}

/** The Knative Service as data. */
export function cloudRunService(config: ReadonlyConfig): Obj {
	const f = facts(config);
	const s = config.serverless;
	const place = cloudPlace('.run.app,localhost');
	const env: Obj[] = [];
	for (const v of f.env) {
		if (v.secret) env.push({ name: v.name, valueFrom: { secretKeyRef: { name: cloudRunSecretId(config, v.name), key: 'latest' } } });
		else env.push({ name: v.name, value: deployValue(v, place) });
	}
	const isWsgi = appTargets(config).wsgi !== null && config.project.framework !== 'fastapi';
	if (isWsgi) env.push({ name: 'GUNICORN_CMD_ARGS', value: '--workers 2 --threads 4 --timeout 0' });
	const httpGet: Obj = { path: HEALTH_PATH, port: APP_PORT };
	if (config.project.framework === 'django') httpGet.httpHeaders = [{ name: 'Host', value: 'localhost' }];
	const revisionAnnotations: Record<string, string> = {
		'autoscaling.knative.dev/maxScale': '10',
		'run.googleapis.com/startup-cpu-boost': 'true'
	};
	// Cloud Run mounts the instance's Unix socket at /cloudsql/<connection name> (Cloud Run YAML
	// reference, run.googleapis.com/cloudsql-instances); DATABASE_URL names that directory.
	if (config.services.postgres) revisionAnnotations['run.googleapis.com/cloudsql-instances'] = cloudSqlConnectionName(config);
	return {
		apiVersion: 'serving.knative.dev/v1',
		kind: 'Service',
		metadata: {
			name: deployName(config),
			labels: { 'cloud.googleapis.com/location': serverlessRegion(config) },
			annotations: { 'run.googleapis.com/ingress': 'all' }
		},
		spec: {
			template: {
				metadata: { annotations: revisionAnnotations },
				spec: {
					// gunicorn: 2 workers x 4 threads; uvicorn: async, many requests per instance.
					containerConcurrency: isWsgi ? 8 : 80,
					timeoutSeconds: s.timeoutSeconds,
					// The service identity the README creates and lets read the secrets (and connect to
					// Cloud SQL); without it revisions run as the default compute service account.
					serviceAccountName: cloudRunServiceAccount(config),
					containers: [
						{
							image: `${imageRef(config)}:${imageTag(config.project.version)}`,
							ports: [{ name: 'http1', containerPort: APP_PORT }],
							env,
							resources: { limits: { cpu: '1', memory: `${s.memoryMb}Mi` } },
							startupProbe: { httpGet, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 24 },
							livenessProbe: { httpGet, periodSeconds: 30, timeoutSeconds: 3, failureThreshold: 3 }
						}
					]
				}
			}
		}
	};
}
