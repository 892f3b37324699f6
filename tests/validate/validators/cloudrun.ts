/**
 * Cloud Run service.yaml (Knative serving.knative.dev/v1 Service, the shape
 * `gcloud run services replace` takes): structural check of the fields
 * Cloud Run accepts, with each container round-tripped through the official
 * Kubernetes client's V1Container (Knative containers are a subset), so an
 * unknown container field is named.
 */
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import type { Finding, Validator } from '../registry.ts';
import { isObj, isYamlPath, k8sHeader, loadYamlDocs } from './util.ts';

const DNS_LABEL = /^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/;
const TEMPLATE_SPEC = new Set(['containers', 'containerConcurrency', 'timeoutSeconds', 'serviceAccountName', 'volumes', 'nodeSelector', 'runtimeClassName', 'imagePullSecrets']);
/** Container fields Cloud Run supports (https://cloud.google.com/run/docs/reference/yaml/v1). */
const CONTAINER = new Set(['name', 'image', 'command', 'args', 'env', 'resources', 'ports', 'volumeMounts', 'livenessProbe', 'startupProbe', 'workingDir', 'dependsOn']);

export const isCloudRun = (path: string, content: string): boolean => isYamlPath(path) && k8sHeader(content)?.apiVersion.startsWith('serving.knative.dev/') === true;

function diff(input: unknown, output: unknown, path: string, acc: string[]): void {
	if (Array.isArray(input)) return input.forEach((v, i) => diff(v, Array.isArray(output) ? output[i] : undefined, `${path}[${i}]`, acc));
	if (!isObj(input)) return;
	const o = isObj(output) ? output : {};
	for (const [k, v] of Object.entries(input)) {
		if (!(k in o)) acc.push(`${path}.${k}`);
		else diff(v, o[k], `${path}.${k}`, acc);
	}
}

export function checkCloudRun(file: string, doc: unknown): Finding[] {
	const out: Finding[] = [];
	const add = (message: string) => out.push({ file, tool: 'knative-structure', message });
	if (!isObj(doc)) return [{ file, tool: 'knative-structure', message: 'not a mapping' }];
	for (const k of Object.keys(doc)) if (!['apiVersion', 'kind', 'metadata', 'spec'].includes(k)) add(`unknown top-level field ${k}`);
	if (doc.apiVersion !== 'serving.knative.dev/v1') add(`apiVersion must be serving.knative.dev/v1`);
	if (doc.kind !== 'Service') add(`kind must be Service`);
	const md = isObj(doc.metadata) ? doc.metadata : {};
	if (typeof md.name !== 'string' || !DNS_LABEL.test(md.name)) add(`metadata.name must be a lowercase DNS label of at most 49 characters, got ${JSON.stringify(md.name)}`);
	for (const k of ['labels', 'annotations']) {
		const m = md[k];
		if (m !== undefined && (!isObj(m) || Object.values(m).some((v) => typeof v !== 'string'))) add(`metadata.${k} values must all be strings`);
	}
	const spec = isObj(doc.spec) ? doc.spec : null;
	if (!spec) return [...out, { file, tool: 'knative-structure', message: 'spec is required' }];
	for (const k of Object.keys(spec)) if (!['template', 'traffic'].includes(k)) add(`spec: unknown field ${k}`);
	const tpl = isObj(spec.template) ? spec.template : null;
	if (!tpl) return [...out, { file, tool: 'knative-structure', message: 'spec.template is required' }];
	const tmd = isObj(tpl.metadata) ? tpl.metadata : {};
	if (tmd.annotations !== undefined && (!isObj(tmd.annotations) || Object.values(tmd.annotations).some((v) => typeof v !== 'string'))) add('spec.template.metadata.annotations values must all be strings');
	const ts = isObj(tpl.spec) ? tpl.spec : null;
	if (!ts) return [...out, { file, tool: 'knative-structure', message: 'spec.template.spec is required' }];
	for (const k of Object.keys(ts)) if (!TEMPLATE_SPEC.has(k)) add(`spec.template.spec: unknown field ${k}`);
	if (ts.containerConcurrency !== undefined && (!Number.isInteger(ts.containerConcurrency) || (ts.containerConcurrency as number) < 0 || (ts.containerConcurrency as number) > 1000)) add('containerConcurrency must be 0..1000');
	if (ts.timeoutSeconds !== undefined && (!Number.isInteger(ts.timeoutSeconds) || (ts.timeoutSeconds as number) < 1 || (ts.timeoutSeconds as number) > 3600)) add('timeoutSeconds must be 1..3600');
	const containers = Array.isArray(ts.containers) ? ts.containers : [];
	if (!containers.length) add('spec.template.spec.containers needs at least one container');
	let withPort = 0;
	containers.forEach((c, i) => {
		const at = `containers[${i}]`;
		if (!isObj(c)) return add(`${at}: not a mapping`);
		for (const k of Object.keys(c)) if (!CONTAINER.has(k)) add(`${at}: field ${k} is not supported by Cloud Run`);
		if (typeof c.image !== 'string' || !c.image) add(`${at}: image is required`);
		const ports = Array.isArray(c.ports) ? c.ports : [];
		if (ports.length > 1) add(`${at}: Cloud Run allows one port per container`);
		if (ports.length) withPort++;
		for (const p of ports) {
			if (!isObj(p) || !Number.isInteger(p.containerPort)) add(`${at}: ports[].containerPort must be a number`);
			else if (p.name !== undefined && !['http1', 'h2c'].includes(String(p.name))) add(`${at}: port name must be http1 or h2c`);
		}
		const lim = isObj(c.resources) && isObj(c.resources.limits) ? c.resources.limits : {};
		if (lim.memory !== undefined && !/^\d+(Mi|Gi)$/.test(String(lim.memory))) add(`${at}: resources.limits.memory must look like 512Mi`);
		if (lim.cpu !== undefined && !/^(\d+|\d+m)$/.test(String(lim.cpu))) add(`${at}: resources.limits.cpu must look like 1 or 1000m`);
		const env = Array.isArray(c.env) ? c.env : [];
		for (const e of env) {
			if (!isObj(e) || typeof e.name !== 'string') add(`${at}: env entries need a name`);
			else if (['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION'].includes(e.name)) add(`${at}: env ${e.name} is reserved by Cloud Run`);
			else if ((e.value === undefined) === (e.valueFrom === undefined)) add(`${at}: env ${e.name} needs exactly one of value / valueFrom`);
			else if (e.value !== undefined && typeof e.value !== 'string') add(`${at}: env ${e.name} value must be a string`);
		}
		const typed = ObjectSerializer.deserialize(c, 'V1Container', '');
		const acc: string[] = [];
		diff(c, ObjectSerializer.serialize(typed, 'V1Container', ''), at, acc);
		for (const p of acc.filter((p) => !p.endsWith('.dependsOn'))) add(`unknown field ${p}`);
	});
	if (containers.length > 1 && withPort !== 1) add('with several containers exactly one (the ingress container) must declare a port');
	return out;
}

export const cloudRun: Validator = {
	id: 'cloud-run',
	tool: 'Knative serving.knative.dev/v1 Service structure (Cloud Run YAML reference) + V1Container round trip',
	role: 'primary',
	chroot: false,
	match: isCloudRun,
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			const { docs, findings } = loadYamlDocs(f.path, f.content);
			out.push(...findings);
			for (const d of docs) out.push(...checkCloudRun(f.path, d));
		}
		return out;
	}
};
