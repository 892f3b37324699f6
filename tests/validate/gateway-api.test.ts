/**
 * The kubernetes check on Gateway API objects (issue 16.4): HTTPRoute is validated by
 * @kubernetes-models/gateway-api (the Gateway API's CRD schemas) and round-tripped through the
 * package's declared types, so an unknown field fails like on the core kinds. Self-test: broken
 * routes fail, the generated ones pass, directly and as `kubectl kustomize` renders them.
 */
import { load, loadAll } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { kubernetes as k8sFiles, K8S_DIR, SERVICE_PORT } from '../../src/lib/generators/targets/kubernetes/index.ts';
import { deployMatrix } from '../support/cases.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import type { Finding } from './registry.ts';
import { run, withWorkdir } from './root.ts';
import { checkK8sObject, gatewayRoundTrip, kubernetes } from './validators/kubernetes.ts';
import { kustomize } from './validators/kustomize.ts';

type Doc = Record<string, any>;

const ROUTE: Doc = {
	apiVersion: 'gateway.networking.k8s.io/v1',
	kind: 'HTTPRoute',
	metadata: { name: 'shop', labels: { 'app.kubernetes.io/name': 'shop' } },
	spec: {
		parentRefs: [{ name: 'shared-gateway', namespace: 'infra-ns' }],
		hostnames: ['shop.example.com'],
		rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'shop', port: 80 }] }]
	}
};

const check = (doc: Doc) => checkK8sObject('deploy/kubernetes/httproute.yaml', doc, 0);
const messages = (f: Finding[]) => f.map((x) => `${x.tool}: ${x.message}`);
const edit = (fn: (d: Doc) => void): Doc => {
	const d = structuredClone(ROUTE);
	fn(d);
	return d;
};

describe('HTTPRoute against the Gateway API schema and its declared fields', () => {
	test('a valid route passes, and the round trip keeps every field of it (maps such as labels included)', async () => {
		expect(await check(ROUTE)).toEqual([]);
		expect(gatewayRoundTrip(ROUTE.apiVersion, ROUTE.kind, ROUTE)).toEqual(ROUTE);
	});

	test('an unknown field fails, at any depth', async () => {
		for (const [doc, path] of [
			[edit((d) => (d.spec.rules[0].backendRefs[0].prot = 80)), 'spec.rules[0].backendRefs[0].prot'],
			[edit((d) => (d.spec.parentRef = d.spec.parentRefs)), 'spec.parentRef'],
			[edit((d) => (d.metadata.labelz = { a: 'b' })), 'metadata.labelz'],
			[edit((d) => (d.spec.rules[0].matches[0].path.kind = 'Exact')), 'spec.rules[0].matches[0].path.kind']
		] as const) {
			const m = messages(await check(doc));
			// The schema alone lets it through; the declared types do not.
			expect(m.filter((x) => x.startsWith('kubernetes-models:'))).toEqual([]);
			expect(m).toEqual([`@kubernetes-models/gateway-api: document 1 HTTPRoute/shop: unknown field ${path}`]);
		}
	});

	test('a wrong type in port fails', async () => {
		const m = messages(await check(edit((d) => (d.spec.rules[0].backendRefs[0].port = '80'))));
		expect(m.some((x) => x.startsWith('kubernetes-models:') && /backendRefs\/0\/port must be integer/.test(x)), m.join('\n')).toBe(true);
	});

	test('a parentRef without a name fails', async () => {
		const m = messages(await check(edit((d) => delete d.spec.parentRefs[0].name)));
		expect(m.some((x) => x.startsWith('kubernetes-models:') && /parentRefs\/0 must have required property 'name'/.test(x)), m.join('\n')).toBe(true);
	});

	test('a kind the Gateway API does not have fails', async () => {
		const m = messages(await check({ ...ROUTE, kind: 'HTTPRoutes' }));
		expect(m).toContain('kubernetes-models: document 1 HTTPRoutes/shop: unknown apiVersion/kind gateway.networking.k8s.io/v1 HTTPRoutes');
		expect(m).toContain('@kubernetes-models/gateway-api: document 1 HTTPRoutes/shop: the Gateway API models declare no gateway.networking.k8s.io/v1 HTTPRoutes');
	});
});

describe('the generated HTTPRoutes pass, directly and through kubectl kustomize', () => {
	const services = deployMatrix().filter((c) => c.config.target === 'kubernetes' && c.config.project.kind === 'service');

	test('the deploy matrix has gateway services', () => {
		expect(services.filter((c) => c.config.kubernetes.exposure === 'gateway').length).toBeGreaterThan(0);
	});

	for (const { id, config } of services.filter((c) => c.config.kubernetes.exposure === 'gateway')) {
		test(`${id}: every manifest passes, the route's backend is the Service's port`, async () => {
			const files = k8sFiles(config);
			const yaml = files.filter((f) => /\.yaml$/.test(f.path) && !f.path.endsWith('kustomization.yaml'));
			expect(await kubernetes.check(yaml, { files } as never)).toEqual([]);
			const route = load(files.find((f) => f.path === `${K8S_DIR}/httproute.yaml`)!.content) as Doc;
			const svc = load(files.find((f) => f.path === `${K8S_DIR}/service.yaml`)!.content) as Doc;
			expect(route.spec.rules[0].backendRefs).toEqual([{ name: svc.metadata.name, port: svc.spec.ports[0].port }]);
			expect(svc.spec.ports[0].port).toBe(SERVICE_PORT);
		});
	}

	test('kubectl kustomize renders the route (its parentRefs namespace untouched) and the rendered objects pass', async () => {
		const c = presetById('django-app')!.config();
		c.target = 'kubernetes';
		c.kubernetes.namespace = 'shop';
		const files = k8sFiles(c);
		const kust = files.filter((f) => f.path.endsWith('kustomization.yaml'));
		expect(await kustomize.check(kust, { files } as never)).toEqual([]);
		// kustomize's namespace transformer sets the route's own namespace and leaves parentRefs' (the Gateway's) alone.
		const rendered = await withWorkdir('gateway-kustomize', files, (w) => run(['kubectl', 'kustomize', K8S_DIR], { cwd: w.inRoot, env: { KUBECONFIG: '/dev/null/none' } }));
		expect(rendered.code, rendered.stderr).toBe(0);
		const route = (loadAll(rendered.stdout) as Doc[]).find((d) => d?.kind === 'HTTPRoute')!;
		expect(route.metadata.namespace).toBe('shop');
		expect(route.spec.parentRefs).toEqual([{ name: c.kubernetes.gatewayName, namespace: c.kubernetes.gatewayNamespace }]);
		// A broken route fails through the kustomize check as well.
		const broken = files.map((f) => (f.path.endsWith('httproute.yaml') ? { ...f, content: f.content.replace('hostnames:', 'hostname:') } : f));
		const m = messages(await kustomize.check(broken.filter((f) => f.path === `${K8S_DIR}/kustomization.yaml`), { files: broken } as never));
		expect(m.some((x) => /unknown field spec\.hostname$/.test(x)), m.join('\n')).toBe(true);
	}, 60_000);
});
