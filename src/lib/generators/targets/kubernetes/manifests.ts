/** Which manifests a project gets, in kustomization order, and the kustomization.yaml files that apply them. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { imageRef } from '../../../model/derive.ts';
import { imageTag } from '../../../model/deployment.ts';
import { migrateCommand } from '../../../model/runtime.ts';
import { type Obj, hasSecrets, deployment } from './pod.ts';
import { celeryManifests } from './celery.ts';
import { service, configMap, secretExample, ingress, httpRoute, hpa, pdb, migrateJob, cronJob, namespace } from './resources.ts';

export const K8S_DIR = 'deploy/kubernetes';
/**
 * The kustomizations, by folder under deploy/kubernetes/: `app` (the folder itself) for
 * every kind; for Django also `migrate/` (the migration Job, applied and waited for before
 * the app) and `config/` (the ConfigMap both read, so the Job sees this deploy's settings).
 */
export type Kustomization = 'app' | 'config' | 'migrate';
export const KUSTOMIZATION_DIRS: Readonly<Record<Kustomization, string>> = { app: '', config: 'config/', migrate: 'migrate/' };

export interface Manifest {
	/** Path under deploy/kubernetes/. */
	file: string;
	doc: Obj;
	/** The kustomization that applies it; null for a template applied by hand (secret.example.yaml). */
	kustomization: Kustomization | null;
}

/** Whether the app has a migration Job (Django), which gets its own kustomization. */
export function hasMigrations(config: ReadonlyConfig): boolean {
	return migrateCommand(config) !== null;
}

/** The manifests as data: path under deploy/kubernetes/ -> object. Order = kustomization order. */
export function kubernetesManifests(config: ReadonlyConfig): Manifest[] {
	const kind = config.project.kind;
	const out: Manifest[] = [];
	if (config.kubernetes.namespace !== 'default') out.push({ file: 'namespace.yaml', doc: namespace(config), kustomization: 'app' });
	const migrations = hasMigrations(config);
	out.push({ file: migrations ? 'config/configmap.yaml' : 'configmap.yaml', doc: configMap(config), kustomization: migrations ? 'config' : 'app' });
	if (hasSecrets(config)) out.push({ file: 'secret.example.yaml', doc: secretExample(config), kustomization: null });
	if (kind === 'cli') {
		out.push({ file: 'cronjob.yaml', doc: cronJob(config), kustomization: 'app' });
		return out;
	}
	out.push({ file: 'deployment.yaml', doc: deployment(config), kustomization: 'app' });
	if (kind === 'service') {
		out.push({ file: 'service.yaml', doc: service(config), kustomization: 'app' });
		out.push(
			config.kubernetes.exposure === 'gateway'
				? { file: 'httproute.yaml', doc: httpRoute(config), kustomization: 'app' }
				: { file: 'ingress.yaml', doc: ingress(config), kustomization: 'app' }
		);
	}
	out.push({ file: 'hpa.yaml', doc: hpa(config), kustomization: 'app' });
	out.push({ file: 'pdb.yaml', doc: pdb(config), kustomization: 'app' });
	// Celery's worker (services; the worker kind's deployment.yaml is one) and its single beat (celery.ts).
	for (const m of celeryManifests(config)) out.push({ ...m, kustomization: 'app' });
	if (migrations) out.push({ file: 'migrate/migrate-job.yaml', doc: migrateJob(config), kustomization: 'migrate' });
	return out;
}

/** Each kustomization's resources, relative to its own folder (app takes config/ whole; migrate takes ../config). */
export function kustomizationResources(config: ReadonlyConfig, manifests: readonly Manifest[]): Map<Kustomization, string[]> {
	const out = new Map<Kustomization, string[]>();
	for (const m of manifests) {
		if (!m.kustomization) continue;
		const dir = KUSTOMIZATION_DIRS[m.kustomization];
		out.set(m.kustomization, [...(out.get(m.kustomization) ?? []), m.file.slice(dir.length)]);
	}
	if (out.has('config')) {
		const app = out.get('app')!;
		// The ConfigMap's place in the order: right after the Namespace.
		app.splice(config.kubernetes.namespace !== 'default' ? 1 : 0, 0, 'config');
		out.set('migrate', ['../config', ...(out.get('migrate') ?? [])]);
	}
	return out;
}

export function kustomization(config: ReadonlyConfig, which: Kustomization, resources: string[]): Obj {
	const doc: Obj = {
		apiVersion: 'kustomize.config.k8s.io/v1beta1',
		kind: 'Kustomization',
		namespace: config.kubernetes.namespace,
		resources
	};
	// The one place to set the image tag: `kustomize edit set image IMAGE:TAG` changes only this
	// (and, for Django, the same line in migrate/kustomization.yaml: the Job runs the new image).
	if (which !== 'config') doc.images = [{ name: imageRef(config), newTag: imageTag(config.project.version) }];
	return doc;
}
