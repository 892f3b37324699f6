import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { load } from 'js-yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, test } from 'vitest';
import { presetById } from '../../model/presets.ts';
import { APP_PORT, HEALTH_PATH, facts, imageRef, serverEnv } from '../../model/derive.ts';
import type { Config } from '../../model/config.ts';
import { deployMatrix } from './deploy-matrix.ts';
import { K8S_DIR, imageTag, kubernetes } from './index.ts';

type Doc = Record<string, any>;

// kubernetes-models validates values against the OpenAPI schema; the official client's
// serializer knows every field, so a round trip that changes the object names an unknown field.
const KINDS: Record<string, { model: new (o: any) => { validate(): void }; type: string }> = {
	Deployment: { model: Deployment, type: 'V1Deployment' },
	Service: { model: Service, type: 'V1Service' },
	ConfigMap: { model: ConfigMap, type: 'V1ConfigMap' },
	Secret: { model: Secret, type: 'V1Secret' },
	Ingress: { model: Ingress, type: 'V1Ingress' },
	HorizontalPodAutoscaler: { model: HorizontalPodAutoscaler, type: 'V2HorizontalPodAutoscaler' },
	PodDisruptionBudget: { model: PodDisruptionBudget, type: 'V1PodDisruptionBudget' },
	Job: { model: Job, type: 'V1Job' },
	CronJob: { model: CronJob, type: 'V1CronJob' },
	Namespace: { model: Namespace, type: 'V1Namespace' }
};

const k8sCases = deployMatrix().filter((c) => c.config.target === 'kubernetes');

function docs(config: Config): Map<string, Doc> {
	const m = new Map<string, Doc>();
	for (const f of kubernetes(config)) if (f.path.endsWith('.yaml')) m.set(f.path.slice(K8S_DIR.length + 1), load(f.content) as Doc);
	return m;
}

function podSpecOf(d: Doc): Doc {
	if (d.kind === 'CronJob') return d.spec.jobTemplate.spec.template.spec;
	return d.spec.template.spec;
}

describe('kubernetes manifests', () => {
	test('the matrix covers service, worker and cli', () => {
		expect(new Set(k8sCases.map((c) => c.config.project.kind))).toEqual(new Set(['service', 'worker', 'cli']));
	});

	for (const { id, config } of k8sCases) {
		test(`${id}: every manifest passes kubernetes-models and has no unknown field`, () => {
			for (const [file, doc] of docs(config)) {
				if (file === 'kustomization.yaml') continue;
				const k = KINDS[doc.kind];
				expect(k, `${file}: kind ${doc.kind}`).toBeDefined();
				expect(() => new k.model(doc).validate(), file).not.toThrow();
				const round = ObjectSerializer.serialize(ObjectSerializer.deserialize(doc, k.type, ''), k.type, '');
				expect(round, `${file} has a field the Kubernetes API does not know`).toEqual(doc);
			}
		});

		test(`${id}: settings, ports, probes and security agree with the model`, () => {
			const d = docs(config);
			const f = facts(config);
			const cm = d.get('configmap.yaml')!;
			const secret = d.get('secret.example.yaml');
			for (const v of f.env) {
				if (v.secret) expect(secret?.stringData?.[v.name], v.name).toBeTypeOf('string');
				else expect(cm.data[v.name], v.name).toBeTypeOf('string');
			}
			// Every setting, plus the server's own variables (issue 14.8: WEB_CONCURRENCY for gunicorn).
			const server = serverEnv(config);
			for (const [k, v] of Object.entries(server)) expect(cm.data[k], k).toBe(v);
			if (config.project.kind === 'service' && config.project.framework !== 'fastapi') expect(cm.data.WEB_CONCURRENCY).toBe('2');
			expect(Object.keys(cm.data).length + Object.keys(secret?.stringData ?? {}).length).toBe(f.env.length + Object.keys(server).length);
			const kust = d.get('kustomization.yaml')!;
			expect(kust.namespace).toBe(config.kubernetes.namespace);
			expect(kust.images).toEqual([{ name: imageRef(config), newTag: imageTag(config.project.version) }]);
			expect(kust.resources).not.toContain('secret.example.yaml');
			for (const r of kust.resources) expect(d.has(r), r).toBe(true);
			for (const [file, doc] of d) {
				if (!['Deployment', 'Job', 'CronJob'].includes(doc.kind)) continue;
				const pod = podSpecOf(doc);
				expect(pod.securityContext.runAsNonRoot, file).toBe(true);
				expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
				expect(pod.automountServiceAccountToken).toBe(false);
				expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } });
				for (const c of pod.containers) {
					expect(c.image).toBe(`${imageRef(config)}:${imageTag(config.project.version)}`);
					expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
					expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
					expect(c.envFrom[0]).toEqual({ configMapRef: { name: cm.metadata.name } });
					if (secret) expect(c.envFrom[1]).toEqual({ secretRef: { name: secret.metadata.name } });
					expect(c.resources.requests && c.resources.limits).toBeTruthy();
					const web = f.isWeb && doc.kind === 'Deployment';
					if (web) {
						expect(c.ports).toEqual([{ name: 'http', containerPort: APP_PORT, protocol: 'TCP' }]);
						for (const p of ['startupProbe', 'readinessProbe', 'livenessProbe']) expect(c[p].httpGet.path, p).toBe(HEALTH_PATH);
					} else {
						expect(c.ports).toBeUndefined();
						expect(c.livenessProbe).toBeUndefined();
					}
				}
			}
		});
	}

	test('a service gets Service, Ingress (TLS, class and host), HPA, PDB; Django a migration Job', () => {
		const c = presetById('django-app')!.config();
		c.target = 'kubernetes';
		c.kubernetes.namespace = 'shop';
		const d = docs(c);
		expect([...d.keys()].sort()).toEqual(
			['configmap.yaml', 'deployment.yaml', 'hpa.yaml', 'ingress.yaml', 'kustomization.yaml', 'migrate-job.yaml', 'namespace.yaml', 'pdb.yaml', 'secret.example.yaml', 'service.yaml'].sort()
		);
		const ing = d.get('ingress.yaml')!;
		expect(ing.spec.ingressClassName).toBe('nginx');
		expect(ing.spec.tls[0].hosts).toEqual(['app.example.com']);
		expect(ing.spec.rules[0].host).toBe('app.example.com');
		expect(d.get('hpa.yaml')!.spec.minReplicas).toBe(c.kubernetes.replicas);
		expect(d.get('deployment.yaml')!.spec.replicas).toBeUndefined();
		expect(d.get('service.yaml')!.spec.ports[0].targetPort).toBe('http');
		expect(d.get('migrate-job.yaml')!.spec.template.spec.containers[0].command).toEqual(['python', '-m', 'django', 'migrate', '--noinput']);
		expect(d.get('namespace.yaml')!.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
		expect(d.get('configmap.yaml')!.data.ALLOWED_HOSTS).toBe('app.example.com,localhost');
	});

	test('a worker has no Service, Ingress or HTTP probe; a CLI is one suspended CronJob', () => {
		const w = presetById('worker')!.config();
		w.target = 'kubernetes';
		expect([...docs(w).keys()].sort()).toEqual(['configmap.yaml', 'deployment.yaml', 'hpa.yaml', 'kustomization.yaml', 'pdb.yaml']);
		const c = presetById('cli-tool')!.config();
		c.target = 'kubernetes';
		const d = docs(c);
		expect([...d.keys()].sort()).toEqual(['configmap.yaml', 'cronjob.yaml', 'kustomization.yaml']);
		expect(d.get('cronjob.yaml')!.spec.suspend).toBe(true);
		expect(d.get('cronjob.yaml')!.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
		// A Job made from it as generated (README: kubectl create job --from=cronjob/...) must exit 0: the CLI
		// needs a COMMAND, so the placeholder is --version (the journey harness runs it).
		const container = d.get('cronjob.yaml')!.spec.jobTemplate.spec.template.spec.containers[0];
		expect(container.command).toEqual(['cli-tool']);
		expect(container.args).toEqual(['--version']);
	});

	test('nothing for a library or another target', () => {
		const lib = presetById('library')!.config();
		lib.target = 'kubernetes';
		expect(kubernetes(lib)).toEqual([]);
		expect(kubernetes(presetById('fastapi-service')!.config())).toEqual([]);
	});

	test('user text only reaches YAML as quoted data', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'kubernetes';
		c.kubernetes.ingressHost = 'a.example.com\nkind: Evil';
		const ing = docs(c).get('ingress.yaml')!;
		expect(ing.kind).toBe('Ingress');
		expect(ing.spec.rules[0].host).toBe('a.example.com\nkind: Evil');
	});

	test('image tag and version label stay valid for any PEP 440 version', () => {
		expect(imageTag('1!2.0rc1')).toBe('1-2.0rc1');
		expect(imageTag('0.1.0.dev3')).toBe('0.1.0.dev3');
	});
});
