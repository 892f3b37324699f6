/**
 * The pieces every Kubernetes workload shares (labels, the app container with
 * its security context, probes and resources, the pod spec) and the Deployment.
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { pythonImages } from '../../image/common.ts';
import { APP_PORT, APP_USER, HEALTH_PATH, POSTGRES, REDIS, deployName, facts, imageRef } from '../../../model/derive.ts';
import type { DeployPlace } from '../../../model/deploy-env.ts';
import { imageTag, versionLabel, k8sNames } from '../../../model/deployment.ts';
import { readinessPath } from '../../../model/runtime.ts';

import { celeryWorkerPod } from './celery.ts';
import { GENERATED_BY } from '../../header.ts';

export const HEADER = [GENERATED_BY];

export type Obj = Record<string, unknown>;
function component(config: ReadonlyConfig): string {
	return config.project.kind === 'service' ? 'web' : config.project.kind;
}

export function selectorLabels(config: ReadonlyConfig): Obj {
	return {
		'app.kubernetes.io/name': deployName(config),
		'app.kubernetes.io/instance': deployName(config),
		'app.kubernetes.io/component': component(config)
	};
}

export function labels(config: ReadonlyConfig, comp = component(config)): Obj {
	return {
		'app.kubernetes.io/name': deployName(config),
		'app.kubernetes.io/instance': deployName(config),
		'app.kubernetes.io/version': versionLabel(config.project.version),
		'app.kubernetes.io/component': comp,
		'app.kubernetes.io/part-of': deployName(config),
		'app.kubernetes.io/managed-by': 'kustomize'
	};
}

export function meta(config: ReadonlyConfig, name: string, comp?: string): Obj {
	return { name, labels: labels(config, comp) };
}

/** A resource named after the app, with its labels: apiVersion, kind, metadata and spec, in the order kubectl prints them. */
export function appResource(config: ReadonlyConfig, apiVersion: string, kind: string, spec: Obj): Obj {
	return { apiVersion, kind, metadata: meta(config, k8sNames(config).app), spec };
}

/** Where the app finds its backing services inside the cluster, and its host names. */
export function k8sPlace(config: ReadonlyConfig): DeployPlace {
	return {
		redisHost: REDIS.host,
		postgresHost: POSTGRES.host,
		// Probes reach the pod by IP; Django gets them with `Host: localhost` (see probes()).
		allowedHosts: `${config.kubernetes.ingressHost},localhost`
	};
}

export function hasSecrets(config: ReadonlyConfig): boolean {
	return facts(config).env.some((v) => v.secret);
}

function image(config: ReadonlyConfig): string {
	return `${imageRef(config)}:${imageTag(config.project.version)}`;
}

function envFrom(config: ReadonlyConfig): Obj[] {
	const n = k8sNames(config);
	const out: Obj[] = [{ configMapRef: { name: n.config } }];
	if (hasSecrets(config)) out.push({ secretRef: { name: n.secret } });
	return out;
}

const CONTAINER_SECURITY = {
	allowPrivilegeEscalation: false,
	readOnlyRootFilesystem: true,
	runAsNonRoot: true,
	runAsUser: APP_USER.uid,
	runAsGroup: APP_USER.gid,
	capabilities: { drop: ['ALL'] },
	seccompProfile: { type: 'RuntimeDefault' }
};

const POD_SECURITY = {
	runAsNonRoot: true,
	runAsUser: APP_USER.uid,
	runAsGroup: APP_USER.gid,
	fsGroup: APP_USER.gid,
	seccompProfile: { type: 'RuntimeDefault' }
};

const TMP_VOLUME = { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } };
const TMP_MOUNT = { name: 'tmp', mountPath: '/tmp' };

const RESOURCES = {
	requests: { cpu: '100m', memory: '256Mi' },
	limits: { cpu: '1', memory: '512Mi' }
};

function probe(config: ReadonlyConfig, extra: Obj, path: string = HEALTH_PATH): Obj {
	const httpGet: Obj = { path, port: 'http' };
	// Django answers 400 to a Host it does not know; the kubelet sends the pod IP.
	if (config.project.framework === 'django') httpGet.httpHeaders = [{ name: 'Host', value: 'localhost' }];
	return { httpGet, ...extra };
}

/** The app container: image, settings, security, resources; ports and probes for services. */
export function container(config: ReadonlyConfig, extra: Obj = {}): Obj {
	const c: Obj = {
		name: 'app',
		image: image(config),
		imagePullPolicy: 'IfNotPresent',
		...extra
	};
	if (facts(config).isWeb) {
		c.ports = [{ name: 'http', containerPort: APP_PORT, protocol: 'TCP' }];
	}
	c.envFrom = envFrom(config);
	c.resources = RESOURCES;
	if (facts(config).isWeb) {
		c.startupProbe = probe(config, { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 30 });
		// Readiness asks the database where the app has one (model/runtime.ts readinessPath); liveness never does.
		c.readinessProbe = probe(config, { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }, readinessPath(config) ?? HEALTH_PATH);
		c.livenessProbe = probe(config, { periodSeconds: 20, timeoutSeconds: 2, failureThreshold: 3 });
	}
	// The image's own non-root user: python-slim's app (10001), or a Docker Hardened Image's nonroot (65532).
	const u = pythonImages(config).user;
	c.securityContext = { ...CONTAINER_SECURITY, runAsUser: u.uid, runAsGroup: u.gid };
	c.volumeMounts = [TMP_MOUNT];
	// The worker kind with Celery: the worker's exec probes (celery_ping), after the settings (celery.ts).
	if (config.project.kind === 'worker') Object.assign(c, celeryWorkerPod(config)?.probes ?? {});
	return c;
}

export function podSpec(config: ReadonlyConfig, containers: Obj[], extra: Obj = {}): Obj {
	return {
		automountServiceAccountToken: false,
		securityContext: { ...POD_SECURITY, runAsUser: pythonImages(config).user.uid, runAsGroup: pythonImages(config).user.gid, fsGroup: pythonImages(config).user.gid },
		...extra,
		// The registry's credentials (README: "Before the first deploy"); delete these two lines for a public image.
		imagePullSecrets: [{ name: k8sNames(config).pull }],
		containers,
		volumes: [TMP_VOLUME]
	};
}

export function deployment(config: ReadonlyConfig): Obj {
	const sel = selectorLabels(config);
	return appResource(config, 'apps/v1', 'Deployment', {
		// No `replicas`: the HorizontalPodAutoscaler owns it (minReplicas), so an apply never resets the scale.
		revisionHistoryLimit: 5,
		selector: { matchLabels: sel },
		strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
		template: {
			metadata: { labels: labels(config) },
			spec: podSpec(config, [container(config)], {
				// A Celery worker's warm shutdown outlasts its longest task (celery.ts); else 30 s, the default.
				terminationGracePeriodSeconds: (config.project.kind === 'worker' && celeryWorkerPod(config)?.grace) || 30,
				topologySpreadConstraints: [
					{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: sel } }
				]
			})
		}
	});
}
