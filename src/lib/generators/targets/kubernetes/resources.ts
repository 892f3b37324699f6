/** The other Kubernetes resources: Service, ConfigMap, Secret template, HTTPRoute or Ingress, HPA, PDB, migration Job, CronJob, Namespace. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { facts, serverEnv, scheduledArgs } from '../../../model/derive.ts';
import { K8S_API_FACTS } from '../../versions.ts';
import { migrateCommand } from '../../../model/runtime.ts';
import { deployValue, secretPlaceholder } from '../../../model/deploy-env.ts';
import { k8sNames } from '../../../model/deployment.ts';
import { type Obj, appResource, selectorLabels, labels, meta, k8sPlace, container, podSpec } from './pod.ts';

/**
 * The Service's port. The HTTPRoute's backendRef names it by number (Gateway API: `port` is
 * required when the backend is a Service, and is the Service's port, not the container's).
 */
export const SERVICE_PORT = 80;

export function service(config: ReadonlyConfig): Obj {
	return appResource(config, 'v1', 'Service', {
		type: 'ClusterIP',
		selector: selectorLabels(config),
		ports: [{ name: 'http', port: SERVICE_PORT, targetPort: 'http', protocol: 'TCP' }]
	});
}

export function configMap(config: ReadonlyConfig): Obj {
	const data: Record<string, string> = {};
	for (const v of facts(config).env) if (!v.secret) data[v.name] = deployValue(v, k8sPlace(config));
	// The server's own variables: gunicorn's WEB_CONCURRENCY, 2 workers for the container's 1-CPU limit.
	Object.assign(data, serverEnv(config));
	return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(config, k8sNames(config).config), data };
}

export function secretExample(config: ReadonlyConfig): Obj {
	const stringData: Record<string, string> = {};
	for (const v of facts(config).env) if (v.secret) stringData[v.name] = secretPlaceholder(v, k8sPlace(config));
	return {
		apiVersion: 'v1',
		kind: 'Secret',
		metadata: {
			...meta(config, k8sNames(config).secret),
			annotations: { 'slipway.dev/template': 'Replace every CHANGE-ME, then apply this file yourself; never commit real values.' }
		},
		type: 'Opaque',
		stringData
	};
}

/**
 * The Ingress (`exposure: ingress`). With no class set it has no ingressClassName, and the
 * cluster's default IngressClass (the one annotated `ingressclass.kubernetes.io/is-default-class:
 * "true"`) is assigned to it when it is created (Kubernetes API reference, IngressClass).
 */
export function ingress(config: ReadonlyConfig): Obj {
	const k = config.kubernetes;
	const n = k8sNames(config);
	return {
		apiVersion: 'networking.k8s.io/v1',
		kind: 'Ingress',
		metadata: meta(config, n.app),
		spec: {
			...(k.ingressClass ? { ingressClassName: k.ingressClass } : {}),
			tls: [{ hosts: [k.ingressHost], secretName: n.tls }],
			rules: [
				{
					host: k.ingressHost,
					http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: n.app, port: { name: 'http' } } } }] }
				}
			]
		}
	};
}

/**
 * The HTTPRoute (`exposure: gateway`): requests for the service's host name, every path, to the
 * Service. It attaches to the Gateway named in the config (parentRefs, across namespaces: the
 * Gateway's listener decides which namespaces may attach, `allowedRoutes`); TLS terminates at
 * that Gateway's listener, so the route carries none.
 */
export function httpRoute(config: ReadonlyConfig): Obj {
	const k = config.kubernetes;
	const n = k8sNames(config);
	return {
		// Recorded with its source in versions.ts (K8S_API_FACTS).
		apiVersion: K8S_API_FACTS.httpRoute.apiVersion,
		kind: 'HTTPRoute',
		metadata: meta(config, n.app),
		spec: {
			parentRefs: [{ name: k.gatewayName, namespace: k.gatewayNamespace }],
			hostnames: [k.ingressHost],
			rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: n.app, port: SERVICE_PORT }] }]
		}
	};
}

export function hpa(config: ReadonlyConfig): Obj {
	const min = config.kubernetes.replicas;
	return appResource(config, 'autoscaling/v2', 'HorizontalPodAutoscaler', {
		scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: k8sNames(config).app },
		minReplicas: min,
		maxReplicas: Math.max(min * 3, 3),
		metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]
	});
}

export function pdb(config: ReadonlyConfig): Obj {
	// maxUnavailable (not minAvailable) never blocks a node drain, whatever the replica count.
	return appResource(config, 'policy/v1', 'PodDisruptionBudget', { maxUnavailable: 1, selector: { matchLabels: selectorLabels(config) } });
}

/** How long the migration may run (the Job's activeDeadlineSeconds); the README waits a minute longer. */
export const MIGRATE_DEADLINE_SECONDS = 600;

export function migrateJob(config: ReadonlyConfig): Obj {
	// The deploy's one-off migration (model/runtime.ts migrateCommand): Django's migrate or Alembic's upgrade.
	const m = migrateCommand(config)!;
	const env = Object.entries(m.env).map(([name, value]) => ({ name, value }));
	const c = container(config, { command: m.argv, ...(env.length ? { env } : {}) });
	// A one-off Job has no port and no probes.
	delete c.ports;
	delete c.startupProbe;
	delete c.readinessProbe;
	delete c.livenessProbe;
	return {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: meta(config, k8sNames(config).migrate, 'migrations'),
		spec: {
			backoffLimit: 2,
			activeDeadlineSeconds: MIGRATE_DEADLINE_SECONDS,
			// No ttlSecondsAfterFinished: a failed run stays, with its pods' logs, until the next
			// deploy deletes it (README: Jobs are immutable, so each deploy deletes the last one first).
			template: {
				metadata: { labels: labels(config, 'migrations') },
				spec: podSpec(config, [c], { restartPolicy: 'Never' })
			}
		}
	};
}

export function cronJob(config: ReadonlyConfig): Obj {
	const f = facts(config);
	return appResource(config, 'batch/v1', 'CronJob', {
		// Suspended until you set the schedule and the command's arguments (see README.md).
		suspend: true,
		schedule: '0 3 * * *',
		timeZone: 'Etc/UTC',
		concurrencyPolicy: 'Forbid',
		startingDeadlineSeconds: 600,
		successfulJobsHistoryLimit: 3,
		failedJobsHistoryLimit: 3,
		jobTemplate: {
			metadata: { labels: labels(config) },
			spec: {
				backoffLimit: 2,
				activeDeadlineSeconds: 3600,
				ttlSecondsAfterFinished: 86400,
				template: {
					metadata: { labels: labels(config) },
					// Placeholder arguments until you put your command's own here: a Job made from this
					// CronJob (README: kubectl create job --from=cronjob/...) succeeds as generated.
					spec: podSpec(config, [container(config, { command: [f.script ?? f.pkg], args: scheduledArgs(config) })], { restartPolicy: 'Never' })
				}
			}
		}
	});
}

export function namespace(config: ReadonlyConfig): Obj {
	return {
		apiVersion: 'v1',
		kind: 'Namespace',
		metadata: {
			name: config.kubernetes.namespace,
			labels: {
				'pod-security.kubernetes.io/enforce': 'restricted',
				'pod-security.kubernetes.io/enforce-version': 'latest'
			}
		}
	};
}
