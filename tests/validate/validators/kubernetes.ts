/**
 * Kubernetes manifests: every document is validated by kubernetes-models
 * (the OpenAPI schemas: types, required fields, enums) and round-tripped
 * through @kubernetes/client-node's ObjectSerializer, which drops fields
 * Kubernetes does not know, so any difference names an unknown field (a typo
 * like `resource:` that schemas alone would let through).
 */
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import type { Finding, Validator } from '../registry.ts';
import { isCompose } from './compose.ts';
import { isObj, isYamlPath, k8sHeader, loadYamlDocs } from './util.ts';

/** True for YAML that declares Kubernetes objects (not Knative, not kustomization, not compose/workflows). */
export function isK8sManifest(path: string, content: string): boolean {
	if (!isYamlPath(path) || isCompose(path) || path.startsWith('.github/')) return false;
	const h = k8sHeader(content);
	if (!h) return false;
	if (h.apiVersion.startsWith('serving.knative.dev/') || h.apiVersion.startsWith('kustomize.config.k8s.io/')) return false;
	return true;
}

/** `V1Deployment` for apps/v1 Deployment, `V2HorizontalPodAutoscaler` for autoscaling/v2. */
function typeName(apiVersion: string, kind: string): string {
	const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
	return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

/** Paths present in `input` but missing from `output` (fields the serializer did not know). */
function dropped(input: unknown, output: unknown, path: string, acc: string[]): void {
	if (Array.isArray(input)) {
		const o = Array.isArray(output) ? output : [];
		input.forEach((v, i) => dropped(v, o[i], `${path}[${i}]`, acc));
		return;
	}
	if (!isObj(input)) return;
	const o = isObj(output) ? output : {};
	for (const [k, v] of Object.entries(input)) {
		if (!(k in o) || (o[k] === undefined && v !== undefined)) acc.push(`${path}.${k}`);
		else dropped(v, o[k], `${path}.${k}`, acc);
	}
}

async function modelFor(apiVersion: string, kind: string): Promise<(new (data: unknown) => { validate(): void }) | null> {
	const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['v1', apiVersion];
	const spec = group === 'v1' ? `kubernetes-models/v1/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
	try {
		const mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
		return (mod[kind] ?? mod.default) as new (data: unknown) => { validate(): void };
	} catch {
		return null;
	}
}

export async function checkK8sObject(file: string, doc: unknown, index: number): Promise<Finding[]> {
	const out: Finding[] = [];
	const where = `document ${index + 1}`;
	if (!isObj(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
		return [{ file, tool: 'kubernetes', message: `${where}: not a Kubernetes object (apiVersion and kind required)` }];
	}
	const { apiVersion, kind } = doc;
	const name = isObj(doc.metadata) ? String(doc.metadata.name ?? '') : '';
	const label = `${where} ${kind}/${name}`;
	if (!name) out.push({ file, tool: 'kubernetes', message: `${label}: metadata.name is required` });
	const Model = await modelFor(apiVersion, kind);
	if (!Model) out.push({ file, tool: 'kubernetes-models', message: `${label}: unknown apiVersion/kind ${apiVersion} ${kind}` });
	else {
		try {
			new Model(doc).validate();
		} catch (err) {
			out.push({ file, tool: 'kubernetes-models', message: `${label}: ${String((err as Error).message).slice(0, 1000)}` });
		}
	}
	const type = typeName(apiVersion, kind);
	const obj = ObjectSerializer.deserialize(doc, type, '') as object;
	if (!obj || obj.constructor === Object) out.push({ file, tool: '@kubernetes/client-node', message: `${label}: the official client has no type ${type}` });
	else {
		const back = ObjectSerializer.serialize(obj, type, '');
		const acc: string[] = [];
		dropped(doc, back, '', acc);
		for (const p of acc) out.push({ file, tool: '@kubernetes/client-node', message: `${label}: unknown field ${p.slice(1)}` });
	}
	return out;
}

export const kubernetes: Validator = {
	id: 'kubernetes',
	tool: 'kubernetes-models validate() + @kubernetes/client-node strict round trip',
	role: 'primary',
	chroot: false,
	match: isK8sManifest,
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			const { docs, findings } = loadYamlDocs(f.path, f.content);
			out.push(...findings);
			for (const [i, d] of docs.entries()) out.push(...(await checkK8sObject(f.path, d, i)));
		}
		return out;
	}
};
