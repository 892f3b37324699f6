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
import { registryOf } from '../ci.ts';
import { K8S_DIR, MIGRATE_DEADLINE_SECONDS, imageTag, k8sNames, kubernetes, versionLabel } from './index.ts';

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
				if (file.endsWith('kustomization.yaml')) continue;
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
			const cm = [...d.values()].find((x) => x.kind === 'ConfigMap')!;
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
			for (const [file, kust] of d) {
				if (!file.endsWith('kustomization.yaml')) continue;
				const dir = file.slice(0, -'kustomization.yaml'.length);
				expect(kust.namespace).toBe(config.kubernetes.namespace);
				if (dir !== 'config/') expect(kust.images, file).toEqual([{ name: imageRef(config), newTag: imageTag(config.project.version) }]);
				expect(kust.resources).not.toContain('secret.example.yaml');
				// Each resource is a file of this folder or a folder with its own kustomization.yaml.
				for (const r of kust.resources as string[]) {
					const path = new URL(r, `file:///${dir}`).pathname.slice(1);
					expect(d.has(path) || d.has(`${path}/kustomization.yaml`), `${file}: ${r}`).toBe(true);
				}
			}
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
			[
				'config/configmap.yaml',
				'config/kustomization.yaml',
				'deployment.yaml',
				'hpa.yaml',
				'ingress.yaml',
				'kustomization.yaml',
				'migrate/kustomization.yaml',
				'migrate/migrate-job.yaml',
				'namespace.yaml',
				'pdb.yaml',
				'secret.example.yaml',
				'service.yaml'
			].sort()
		);
		const ing = d.get('ingress.yaml')!;
		expect(ing.spec.ingressClassName).toBe('nginx');
		expect(ing.spec.tls[0].hosts).toEqual(['app.example.com']);
		expect(ing.spec.rules[0].host).toBe('app.example.com');
		expect(d.get('hpa.yaml')!.spec.minReplicas).toBe(c.kubernetes.replicas);
		expect(d.get('deployment.yaml')!.spec.replicas).toBeUndefined();
		expect(d.get('service.yaml')!.spec.ports[0].targetPort).toBe('http');
		expect(d.get('migrate/migrate-job.yaml')!.spec.template.spec.containers[0].command).toEqual(['python', '-m', 'django', 'migrate', '--noinput']);
		expect(d.get('namespace.yaml')!.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
		expect(d.get('config/configmap.yaml')!.data.ALLOWED_HOSTS).toBe('app.example.com,localhost');
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
		// The normal form metadata-action's type=pep440 pushes (ci.test.ts ports it): no leading zeros, no 0! epoch.
		expect(imageTag('1.01')).toBe('1.1');
		expect(imageTag('0!1.0')).toBe('1.0');
		expect(imageTag('01!2.0rc01')).toBe('1-2.0rc1');
		// Kubernetes label values: at most 63 characters, alphanumeric at both ends.
		const long = `1.${'0.'.repeat(40)}1`;
		expect(versionLabel(long).length).toBeLessThanOrEqual(63);
		expect(versionLabel(long)).toMatch(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/);
		expect(imageTag(long)).toBe(long);
	});

	describe('pods can pull the image (issue 15.2)', () => {
		// GitHub Docs, "Working with the Container registry", Pushing container images: "When you first
		// publish a package, the default visibility is private"; Authenticating with a personal access
		// token (classic): "Select the read:packages scope to download container images".
		// Kubernetes Docs, "Images", Specifying imagePullSecrets on a Pod (and the task "Pull an Image from
		// a Private Registry"): the pod spec names a Secret of type kubernetes.io/dockerconfigjson in its
		// namespace, which `kubectl create secret docker-registry NAME --docker-server=... --docker-username=...
		// --docker-password=...` creates (kubectl reference; run with --dry-run=client -o yaml in the toolchain
		// root, kubectl 1.32: type kubernetes.io/dockerconfigjson, auths keyed by the --docker-server value).
		for (const { id, config } of k8sCases) {
			test(`${id}: every pod names the pull Secret the README creates, and the README offers the public route`, () => {
				const d = docs(config);
				const n = k8sNames(config);
				const readme = kubernetes(config).find((f) => f.path.endsWith('README.md'))!.content;
				const pods = [...d.entries()].filter(([, doc]) => ['Deployment', 'Job', 'CronJob'].includes(doc.kind));
				expect(pods.length).toBeGreaterThan(0);
				for (const [file, doc] of pods) {
					expect(podSpecOf(doc).imagePullSecrets, file).toEqual([{ name: n.pull }]);
					expect(readme, `${file} named in the public-image route`).toContain(`\`${file}\``);
				}
				const registry = registryOf(imageRef(config));
				expect(registry).toBe('ghcr.io');
				const create = readme.split('\n').find((l) => /kubectl .*create secret docker-registry/.test(l))!;
				expect(create).toBeDefined();
				expect(create).toContain(`-n ${config.kubernetes.namespace} create secret docker-registry ${n.pull} `);
				expect(create).toContain(`--docker-server=${registry} `);
				expect(create).toMatch(/--docker-username=\S+ --docker-password=\S+/);
				expect(readme).toContain('`read:packages`');
				expect(readme).toMatch(/make the package public[\s\S]*delete the[\s\S]*`imagePullSecrets` lines/);
				// The namespace exists before the Secrets are created in it.
				if (config.kubernetes.namespace !== 'default')
					expect(readme.indexOf('kubectl apply -f deploy/kubernetes/namespace.yaml')).toBeLessThan(readme.indexOf('create secret docker-registry'));
			});
		}

		test('another registry: the Secret names that registry (Docker Hub by its documented server URL)', () => {
			for (const [image, server] of [
				['registry.example.com/acme/orders', 'registry.example.com'],
				['acme/orders', 'https://index.docker.io/v1/']
			]) {
				const c = presetById('worker')!.config();
				c.target = 'kubernetes';
				c.docker.image = image;
				const readme = kubernetes(c).find((f) => f.path.endsWith('README.md'))!.content;
				expect(readme).toContain(`--docker-server=${server} `);
				expect(readme).not.toContain('read:packages');
			}
		});
	});

	describe('the migration completes before the app rolls out (issue 15.4)', () => {
		// Kubernetes Docs, "Jobs": a Job's pods run to completion and the Job gets condition Complete
		// (or Failed after backoffLimit retries); kubectl reference, "kubectl wait": --for=condition=complete
		// blocks until then or --timeout. `kubectl apply -k` applies every resource of one kustomization at
		// once, so the Job must not be in the app's. "Automatic Cleanup for Finished Jobs": with
		// ttlSecondsAfterFinished the Job and its pods are deleted that long after it finishes, failed or not.
		const django = () => {
			const c = presetById('django-app')!.config();
			c.target = 'kubernetes';
			c.kubernetes.namespace = 'shop';
			return c;
		};

		/** Every object `kubectl apply -k DIR` creates: its resources, folders followed through their kustomization.yaml. */
		function applied(d: Map<string, Doc>, dir: string): Doc[] {
			const kust = d.get(`${dir}kustomization.yaml`)!;
			return (kust.resources as string[]).flatMap((r) => {
				const path = new URL(r, `file:///${dir}`).pathname.slice(1);
				return d.has(`${path}/kustomization.yaml`) ? applied(d, `${path}/`) : [d.get(path)!];
			});
		}

		test('the Job has its own kustomization, with the ConfigMap it reads; the app kustomization has no Job', () => {
			const d = docs(django());
			const app = applied(d, '').map((x) => x.kind);
			expect(app).not.toContain('Job');
			expect(app).toEqual(expect.arrayContaining(['Namespace', 'ConfigMap', 'Deployment', 'Service', 'Ingress']));
			const migrate = applied(d, 'migrate/');
			expect(migrate.map((x) => x.kind).sort()).toEqual(['ConfigMap', 'Job']);
			const job = migrate.find((x) => x.kind === 'Job')!;
			expect(job.spec.template.spec.containers[0].envFrom[0].configMapRef.name).toBe(migrate.find((x) => x.kind === 'ConfigMap')!.metadata.name);
			// Failed runs stay (with their logs) until the next deploy deletes them.
			expect(job.spec.ttlSecondsAfterFinished).toBeUndefined();
			expect(job.spec.activeDeadlineSeconds).toBe(MIGRATE_DEADLINE_SECONDS);
		});

		test("the README's Deploy block runs delete, migrate, wait, app, rollout in that order", () => {
			const c = django();
			const n = k8sNames(c);
			const readme = kubernetes(c).find((f) => f.path.endsWith('README.md'))!.content;
			const block = /## Deploy[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1];
			const lines = block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
			const timeout = /--timeout=(\d+)s/.exec(block);
			expect(lines).toEqual([
				'kubectl kustomize deploy/kubernetes',
				`kubectl -n shop delete job ${n.migrate} --ignore-not-found`,
				'kubectl apply -k deploy/kubernetes/migrate',
				`kubectl -n shop wait --for=condition=complete job/${n.migrate} --timeout=${timeout?.[1]}s`,
				'kubectl apply -k deploy/kubernetes',
				`kubectl -n shop rollout status deployment/${n.app}`
			]);
			// wait outlasts the Job's own deadline, so it reports the Job's outcome rather than giving up first.
			expect(Number(timeout![1])).toBeGreaterThan(MIGRATE_DEADLINE_SECONDS);
			expect(readme).toContain(`kubectl -n shop logs job/${n.migrate}`);
		});

		test('no migration kustomization without Django', () => {
			const c = presetById('flask-app')!.config();
			c.target = 'kubernetes';
			const d = docs(c);
			expect([...d.keys()].some((k) => k.startsWith('migrate/') || k.startsWith('config/'))).toBe(false);
			expect(kubernetes(c).find((f) => f.path.endsWith('README.md'))!.content).not.toContain('wait --for');
		});
	});
});
