/**
 * Celery on Kubernetes (services.celery; model/runtime.ts celeryFacts):
 *
 * - the worker: a service gets `celery-worker.yaml`, its own Deployment running
 *   `celery --app <module> worker`, scaled by `celery-worker-hpa.yaml`; the worker
 *   kind's own deployment.yaml already runs the worker (worker.py) and gets the
 *   same probes and grace period (pod.ts reads celeryWorkerPod);
 * - beat: `celery-beat.yaml`, a Deployment with replicas 1 and strategy Recreate,
 *   so a rollout never runs two schedulers (each would send every task).
 *
 * The probes run celery_ping (the worker node `celery@<pod name>` answers a ping,
 * as `celery inspect ping --destination` asks); terminationGracePeriodSeconds is
 * the task time limit plus a margin, so the warm shutdown SIGTERM starts can let
 * the longest task finish before the kubelet's SIGKILL.
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { k8sNames } from '../../../model/deployment.ts';
import { celeryFacts } from '../../../model/runtime.ts';
import { type Obj, container, labels, meta, podSpec, selectorLabels } from './pod.ts';

/** The worker container's probes (exec: celery_ping) and the pod's grace period, or null without Celery. */
export function celeryWorkerPod(config: ReadonlyConfig): { probes: Obj; grace: number } | null {
	const c = celeryFacts(config);
	if (!c) return null;
	const exec = { command: c.pingArgv };
	return {
		probes: {
			startupProbe: { exec, periodSeconds: 5, timeoutSeconds: 10, failureThreshold: 24 },
			livenessProbe: { exec, periodSeconds: 60, timeoutSeconds: 10, failureThreshold: 3 }
		},
		grace: c.stopGraceSeconds
	};
}

function selector(config: ReadonlyConfig, comp: string): Obj {
	return { ...selectorLabels(config), 'app.kubernetes.io/component': comp };
}

/** A container of the app image running `argv`, without the web server's port and HTTP probes. */
function processContainer(config: ReadonlyConfig, name: string, argv: string[], extra: Obj = {}): Obj {
	const c = container(config, { command: argv });
	for (const k of ['ports', 'startupProbe', 'readinessProbe', 'livenessProbe']) delete c[k];
	return { ...c, name, ...extra };
}

function celeryDeployment(config: ReadonlyConfig, comp: 'worker' | 'beat', spec: Obj, c: Obj, grace: number): Obj {
	const component = `celery-${comp}`;
	const sel = selector(config, component);
	return {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: meta(config, `${k8sNames(config).app}-${component}`, component),
		spec: {
			...spec,
			revisionHistoryLimit: 5,
			selector: { matchLabels: sel },
			template: {
				metadata: { labels: labels(config, component) },
				spec: podSpec(config, [c], { terminationGracePeriodSeconds: grace })
			}
		}
	};
}

/** The Celery manifests beyond the app's own: [file, document] pairs, in kustomization order. */
export function celeryManifests(config: ReadonlyConfig): { file: string; doc: Obj }[] {
	const c = celeryFacts(config);
	const pod = celeryWorkerPod(config);
	if (!c || !pod) return [];
	const out: { file: string; doc: Obj }[] = [];
	if (config.project.kind === 'service') {
		const name = `${k8sNames(config).app}-celery-worker`;
		out.push({
			file: 'celery-worker.yaml',
			// No `replicas`: the HorizontalPodAutoscaler below owns it.
			doc: celeryDeployment(config, 'worker', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }, processContainer(config, 'worker', c.workerArgv, pod.probes), pod.grace)
		});
		const min = config.kubernetes.replicas;
		out.push({
			file: 'celery-worker-hpa.yaml',
			doc: {
				apiVersion: 'autoscaling/v2',
				kind: 'HorizontalPodAutoscaler',
				metadata: meta(config, name, 'celery-worker'),
				spec: {
					scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
					minReplicas: min,
					maxReplicas: Math.max(min * 3, 3),
					metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]
				}
			}
		});
	}
	// One scheduler, ever: Recreate stops the old pod before the new one starts.
	out.push({ file: 'celery-beat.yaml', doc: celeryDeployment(config, 'beat', { replicas: 1, strategy: { type: 'Recreate' } }, processContainer(config, 'beat', c.beatArgv), pod.grace) });
	return out;
}
