import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { load } from 'js-yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, test } from 'vitest';
import { presetById } from '../../../model/presets.ts';
import { decodeConfig, encodeConfig, unwrapConfigFile } from '../../../share/codec.ts';
import { defaultConfig, DEFAULT_GATEWAY } from '../../../model/defaults.ts';
import { parseAndValidate, validateConfig } from '../../../model/validate.ts';
import { deflateRawSync } from 'node:zlib';
import { gatewayRoundTrip } from '../../../../../tests/validate/validators/kubernetes.ts';
import { APP_PORT, HEALTH_PATH, facts, imageRef, serverEnv } from '../../../model/derive.ts';
import type { Config } from '../../../model/config.ts';
import { deployMatrix, presetOn } from '../../../../../tests/support/cases.ts';
import { registryOf } from '../../ci.ts';
import { K8S_DIR, MIGRATE_DEADLINE_SECONDS, SERVICE_PORT, imageTag, k8sNames, kubernetes, versionLabel } from './index.ts';

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
// Gateway API kinds: @kubernetes-models/gateway-api validates; the official client has no type for them, so the
// round trip goes through the package's declared types (tests/validate/validators/kubernetes.ts).
const GATEWAY_KINDS: Record<string, new (o: any) => { validate(): void }> = { HTTPRoute };

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
				if (GATEWAY_KINDS[doc.kind]) {
					expect(() => new GATEWAY_KINDS[doc.kind](doc).validate(), file).not.toThrow();
					expect(gatewayRoundTrip(doc.apiVersion, doc.kind, doc), `${file} has a field the Gateway API does not know`).toEqual(doc);
					continue;
				}
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

	test('the matrix covers both exposures of a service', () => {
		const services = k8sCases.filter((c) => c.config.project.kind === 'service');
		expect(new Set(services.map((c) => c.config.kubernetes.exposure))).toEqual(new Set(['gateway', 'ingress']));
	});

	test('a service gets Service, HTTPRoute (Gateway, host, backend), HPA, PDB; Django a migration Job', () => {
		const c = presetById('django-app')!.config();
		c.target = 'kubernetes';
		c.kubernetes.namespace = 'shop';
		expect(c.kubernetes.exposure).toBe('gateway');
		const d = docs(c);
		expect([...d.keys()].sort()).toEqual(
			[
				'config/configmap.yaml',
				'config/kustomization.yaml',
				'deployment.yaml',
				'hpa.yaml',
				'httproute.yaml',
				'kustomization.yaml',
				'migrate/kustomization.yaml',
				'migrate/migrate-job.yaml',
				'namespace.yaml',
				'pdb.yaml',
				'secret.example.yaml',
				'service.yaml'
			].sort()
		);
		const route = d.get('httproute.yaml')!;
		const svc = d.get('service.yaml')!;
		expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
		expect(route.metadata.name).toBe(k8sNames(c).app);
		// The Gateway the config names (by default the shared Gateway of the Gateway API's cross-namespace guide).
		expect(route.spec.parentRefs).toEqual([{ name: DEFAULT_GATEWAY.name, namespace: DEFAULT_GATEWAY.namespace }]);
		expect(route.spec.hostnames).toEqual(['app.example.com']);
		expect(route.spec.rules).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: svc.metadata.name, port: svc.spec.ports[0].port }] }]);
		expect(svc.spec.ports[0].port).toBe(SERVICE_PORT);
		// No Ingress, and no TLS Secret to make: TLS terminates at the Gateway.
		const readme = kubernetes(c).find((f) => f.path.endsWith('README.md'))!.content;
		expect(readme).not.toContain(k8sNames(c).tls);
		expect(readme).toContain('`kubectl get gateways -A`');
		expect(readme).toContain('`allowedRoutes.namespaces`');
		expect(readme).toContain(`kubectl -n shop get httproute ${k8sNames(c).app} -o yaml`);
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
		c.kubernetes.gatewayName = 'gw\nkind: Evil';
		const route = docs(c).get('httproute.yaml')!;
		expect(route.kind).toBe('HTTPRoute');
		expect(route.spec.hostnames).toEqual(['a.example.com\nkind: Evil']);
		expect(route.spec.parentRefs[0].name).toBe('gw\nkind: Evil');
		c.kubernetes.exposure = 'ingress';
		c.kubernetes.ingressClass = 'x\nkind: Evil';
		const ing = docs(c).get('ingress.yaml')!;
		expect(ing.kind).toBe('Ingress');
		expect(ing.spec.rules[0].host).toBe('a.example.com\nkind: Evil');
		expect(ing.spec.ingressClassName).toBe('x\nkind: Evil');
	});

	describe('the way in: HTTPRoute by default, the Ingress as an option (issue 16.4)', () => {
		const service = (fn: (c: Config) => void = () => {}) => presetOn('fastapi-service', 'kubernetes', (c) => ((c.kubernetes.namespace = 'orders'), fn(c)));
		const readmeOf = (c: Config) => kubernetes(c).find((f) => f.path.endsWith('README.md'))!.content;

		test('the route attaches to the Gateway the config names, and the README says whose it is and what it must allow', () => {
			const c = service((c) => ((c.kubernetes.gatewayName = 'public'), (c.kubernetes.gatewayNamespace = 'gateways')));
			expect(validateConfig(c)).toEqual([]);
			const d = docs(c);
			expect(d.has('ingress.yaml')).toBe(false);
			expect(d.get('httproute.yaml')!.spec.parentRefs).toEqual([{ name: 'public', namespace: 'gateways' }]);
			expect(d.get('kustomization.yaml')!.resources).toContain('httproute.yaml');
			const readme = readmeOf(c);
			expect(readme).toContain('Gateway `public` in the namespace\n   `gateways`');
			expect(readme).toMatch(/admit routes from the namespace `orders`: `allowedRoutes.namespaces` is\n\s+`from: Same` unless set/);
			// A Gateway in the app's own namespace admits it by default (allowedRoutes from: Same).
			const same = readmeOf(service((c) => (c.kubernetes.gatewayNamespace = 'orders')));
			expect(same).toContain('It is in this app\'s namespace');
			expect(same).not.toContain('the operator sets `from: All`');
		});

		test('the Ingress: no class = no ingressClassName (the default IngressClass), a class = that class', () => {
			const none = service((c) => (c.kubernetes.exposure = 'ingress'));
			expect(none.kubernetes.ingressClass).toBe('');
			expect(validateConfig(none)).toEqual([]);
			const d = docs(none);
			expect(d.has('httproute.yaml')).toBe(false);
			const ing = d.get('ingress.yaml')!;
			expect(ing.spec).not.toHaveProperty('ingressClassName');
			expect(ing.spec.tls).toEqual([{ hosts: ['api.example.com'], secretName: k8sNames(none).tls }]);
			expect(ing.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: k8sNames(none).app, port: { name: 'http' } } });
			expect(readmeOf(none)).toContain("the cluster's\n   default IngressClass takes it");
			expect(readmeOf(none)).toContain('`kubectl get ingressclass`');
			const traefik = service((c) => ((c.kubernetes.exposure = 'ingress'), (c.kubernetes.ingressClass = 'traefik')));
			expect(docs(traefik).get('ingress.yaml')!.spec.ingressClassName).toBe('traefik');
			expect(readmeOf(traefik)).toContain('for the IngressClass `traefik`');
			expect(readmeOf(traefik)).not.toContain('ingress-nginx');
			const nginx = service((c) => ((c.kubernetes.exposure = 'ingress'), (c.kubernetes.ingressClass = 'nginx')));
			expect(readmeOf(nginx)).toMatch(/ingress-nginx controller: it is retired[\s\S]*Kubernetes exposure "gateway"/);
		});

		test('bad Gateway and IngressClass names are refused with a message', () => {
			const errs = validateConfig(service((c) => ((c.kubernetes.gatewayName = 'Shared_Gateway'), (c.kubernetes.gatewayNamespace = 'infra.ns'), (c.kubernetes.ingressClass = 'Nginx'))));
			expect(errs.map((e) => e.path).sort()).toEqual(['kubernetes.gatewayName', 'kubernetes.gatewayNamespace', 'kubernetes.ingressClass']);
			expect(errs.find((e) => e.path === 'kubernetes.gatewayName')!.message).toContain('kubectl get gateways -A');
			// A Gateway name may be a subdomain; a namespace may not.
			expect(validateConfig(service((c) => (c.kubernetes.gatewayName = 'gw.prod')))).toEqual([]);
			const r = parseAndValidate({ ...defaultConfig(), kubernetes: { ...defaultConfig().kubernetes, exposure: 'nginx' } });
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['kubernetes.exposure']);
		});

		test('a link made before the exposure existed opens, and keeps its Ingress and class', () => {
			// Links carry the whole config, so every old one names its ingressClass ("nginx" was the default)
			// and no exposure: it was an Ingress, and generates the same Ingress again.
			const old = service();
			const k = old.kubernetes as unknown as Record<string, unknown>;
			delete k.exposure;
			delete k.gatewayName;
			delete k.gatewayNamespace;
			k.ingressClass = 'nginx';
			const link = '1.' + deflateRawSync(Buffer.from(JSON.stringify(old))).toString('base64url');
			const r = decodeConfig(link);
			expect(r.ok, JSON.stringify(r)).toBe(true);
			if (!r.ok) return;
			expect(r.config.kubernetes).toEqual({ ...old.kubernetes, exposure: 'ingress', gatewayName: DEFAULT_GATEWAY.name, gatewayNamespace: DEFAULT_GATEWAY.namespace });
			expect(docs(r.config).get('ingress.yaml')!.spec.ingressClassName).toBe('nginx');
			// Re-encoded, the link now names the exposure; it reads back the same.
			expect(decodeConfig(encodeConfig(r.config))).toEqual({ ok: true, config: r.config });
			// slipway.json of that time, read as the CLI and the import do.
			const file = unwrapConfigFile({ slipway: 1, config: old });
			expect('error' in file).toBe(false);
			if (!('error' in file)) expect(parseAndValidate(file.config)).toEqual({ ok: true, config: r.config });
			// A value that is there is read as given: an old link cannot hide a bad one.
			const bad = decodeConfig('1.' + deflateRawSync(Buffer.from(JSON.stringify({ ...old, kubernetes: { ...k, exposure: 'mesh' } }))).toString('base64url'));
			expect(bad.ok).toBe(false);
		});

		test('a new config defaults to the HTTPRoute and no IngressClass', () => {
			expect(defaultConfig().kubernetes).toMatchObject({ exposure: 'gateway', gatewayName: DEFAULT_GATEWAY.name, gatewayNamespace: DEFAULT_GATEWAY.namespace, ingressClass: '' });
		});
	});

	test('image tag and version label stay valid for any PEP 440 version', () => {
		const tags = [
			['1!2.0rc1', '1-2.0rc1'],
			['0.1.0.dev3', '0.1.0.dev3'],
			// The normal form metadata-action's type=pep440 pushes (ci.test.ts ports it): no leading zeros, no 0! epoch.
			['1.01', '1.1'],
			['0!1.0', '1.0'],
			['01!2.0rc01', '1-2.0rc1']
		] as const;
		for (const [version, tag] of tags) expect(imageTag(version), version).toBe(tag);
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
			expect(app).toEqual(expect.arrayContaining(['Namespace', 'ConfigMap', 'Deployment', 'Service', 'HTTPRoute']));
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
