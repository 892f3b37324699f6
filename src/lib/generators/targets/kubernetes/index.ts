/**
 * Kubernetes manifests under deploy/kubernetes/, one YAML file per resource,
 * built as plain objects and written by the YAML writer, tied together by a
 * kustomization.yaml (namespace and image tag set in one place).
 *
 * - service: Deployment (startup/readiness/liveness probes on HEALTH_PATH),
 *   Service, and the way in from outside: by default a Gateway API HTTPRoute
 *   (`gateway.networking.k8s.io/v1`) attached to the Gateway the cluster
 *   operator runs (ingress-nginx, which most Ingresses named, is retired since
 *   March 2026), or an Ingress with TLS (`kubernetes.exposure: ingress`, its
 *   class editable, none by default: the cluster's default IngressClass);
 *   HorizontalPodAutoscaler (autoscaling/v2),
 *   PodDisruptionBudget, and for Django a migration Job in its own
 *   kustomization (migrate/), applied and waited for before the app, so the
 *   rollout never races the schema; the ConfigMap both read lives in config/;
 * - worker: Deployment without port or HTTP probes, HPA and PDB;
 * - cli: a CronJob, created suspended: a CLI in a cluster runs either on a
 *   schedule or on demand, and a CronJob covers both (`kubectl create job
 *   --from=cronjob/NAME`), whereas a bare Job would run once at apply time
 *   with no arguments and then block every later apply (Jobs are immutable).
 *
 * Every pod pulls the image with the pull Secret `NAME-registry` (imagePullSecrets):
 * a new GHCR package is private, and the README says how to create the Secret
 * or, for a public image, to drop the lines.
 *
 * Every pod follows the "restricted" Pod Security Standard (non-root, no
 * privilege escalation, all capabilities dropped, RuntimeDefault seccomp)
 * with a read-only root filesystem and an emptyDir on /tmp.
 * Settings come from a ConfigMap (non-secret variables) and a Secret (secret
 * ones, from `secret.example.yaml`, which is a template and deliberately not
 * part of the kustomization, so placeholder secrets are never applied).
 *
 * Modules: pod.ts (what every workload shares, and the Deployment), resources.ts
 * (the other resources), manifests.ts (which files, and the kustomizations),
 * readme.ts (README.md).
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import type { GeneratedFile } from '../../types.ts';
import { writeYaml } from '../../writers/yaml.ts';
import { deployable } from '../../../model/targets.ts';
import { HEADER } from './pod.ts';
import { K8S_DIR, KUSTOMIZATION_DIRS, kubernetesManifests, kustomizationResources, kustomization } from './manifests.ts';
import { readme } from './readme.ts';

const TARGET = deployable('kubernetes');

/** deploy/kubernetes/*: the manifests, their kustomization.yaml files and README.md. */
export function kubernetes(config: ReadonlyConfig): GeneratedFile[] {
	if (!TARGET.applies(config)) return [];
	const manifests = kubernetesManifests(config);
	const files: GeneratedFile[] = manifests.map((m) => ({
		path: `${K8S_DIR}/${m.file}`,
		content: writeYaml(
			m.doc,
			m.kustomization ? HEADER : [...HEADER, 'TEMPLATE: replace every CHANGE-ME and apply it yourself (kubectl apply -f).', 'Not part of kustomization.yaml, so placeholder secrets are never deployed.']
		),
		language: 'yaml'
	}));
	const listed: string[] = [];
	const kustomizations = kustomizationResources(config, manifests);
	for (const which of (['app', 'config', 'migrate'] as const).filter((k) => kustomizations.has(k))) {
		const resources = kustomizations.get(which)!;
		const path = `${KUSTOMIZATION_DIRS[which]}kustomization.yaml`;
		files.push({ path: `${K8S_DIR}/${path}`, content: writeYaml(kustomization(config, which, resources), HEADER), language: 'yaml' });
		listed.push(path);
	}
	const applied = manifests.filter((m) => m.kustomization).map((m) => m.file);
	files.push({ path: TARGET.guide, content: readme(config, manifests, [...applied, ...listed]), language: 'markdown' });
	return files;
}

export { imageTag, k8sNames, versionLabel } from '../../../model/deployment.ts';
export { K8S_DIR, kubernetesManifests, KUSTOMIZATION_DIRS, type Kustomization, type Manifest } from './manifests.ts';
export { k8sPlace } from './pod.ts';
export { MIGRATE_DEADLINE_SECONDS, SERVICE_PORT } from './resources.ts';
