import type { BuildBackend, Config, PackageManager } from './config.ts';

/** Days a new release waits before Dependabot proposes it or a lock takes it (packaging.releaseCooldownDays). */
export const RELEASE_COOLDOWN_DEFAULT_DAYS = 7;
/** Dependabot's cooldown accepts 1..90 days (SchemaStore dependabot-2.0.json); 0 here means off. */
export const RELEASE_COOLDOWN_MAX_DAYS = 90;

/**
 * The Gateway a Kubernetes service's HTTPRoute attaches to unless the user names theirs: the shared
 * Gateway of the Gateway API's cross-namespace routing guide (kubernetes-sigs/gateway-api
 * examples/standard/cross-namespace-routing/gateway.yaml: `shared-gateway` in `infra-ns`, run by the
 * infrastructure team). The generated README says how to find the cluster's own (`kubectl get gateways -A`).
 */
export const DEFAULT_GATEWAY = { name: 'shared-gateway', namespace: 'infra-ns' } as const;

/** The build backend each package manager's own maintainers recommend today. */
export const DEFAULT_BACKEND: Readonly<Record<PackageManager, BuildBackend>> = {
	uv: 'uv_build',
	poetry: 'poetry-core',
	pip: 'setuptools'
};

/** The backends that make sense with each manager (first is the default). */
export const BACKENDS_FOR: Readonly<Record<PackageManager, readonly BuildBackend[]>> = {
	uv: ['uv_build', 'hatchling', 'setuptools', 'flit-core'],
	poetry: ['poetry-core'],
	pip: ['setuptools', 'hatchling', 'flit-core']
};

/**
 * A complete, valid Config: the starting point of the form and of every preset.
 * Returns a fresh object each call, so callers may mutate it.
 */
export function defaultConfig(): Config {
	return {
		project: {
			name: 'my-service',
			description: 'A Python web service.',
			version: '0.1.0',
			authorName: 'Jane Doe',
			authorEmail: 'jane@example.com',
			moreAuthors: [],
			maintainers: [],
			license: 'MIT',
			licenseForm: 'spdx',
			keywords: [],
			classifiers: [],
			extras: [],
			dependencyGroups: [],
			devIncludes: [],
			url: '',
			pythonVersion: '3.12',
			kind: 'service',
			framework: 'fastapi',
			dependencies: [],
			devDependencies: []
		},
		packaging: { manager: 'uv', backend: 'uv_build', poetryLayout: 'poetry2', pipWorkflow: 'requirements', releaseCooldownDays: RELEASE_COOLDOWN_DEFAULT_DAYS },
		target: 'docker',
		services: { postgres: false, redis: false, sqlalchemy: false, celery: false },
		// Empty image and region: derived (imageRef from the project name, the provider's default region).
		docker: { image: '', baseImageDigest: '', baseImage: 'python-slim' },
		// A service gets a Gateway API HTTPRoute (ingress-nginx is retired since March 2026) attached to the
		// cluster operator's Gateway (DEFAULT_GATEWAY). Empty ingressClass: the cluster's default IngressClass.
		kubernetes: {
			namespace: 'default',
			replicas: 2,
			ingressHost: 'my-service.example.com',
			exposure: 'gateway',
			gatewayName: DEFAULT_GATEWAY.name,
			gatewayNamespace: DEFAULT_GATEWAY.namespace,
			ingressClass: ''
		},
		// Empty Google Cloud project and repository: derived (the `my-project` placeholder, `containers`).
		serverless: { provider: 'aws-lambda', memoryMb: 512, timeoutSeconds: 30, region: '', gcpProject: '', artifactRepository: '' },
		bareMetal: { domain: 'my-service.example.com' }
	};
}

/** Deep copy of a config (plain JSON data only). */
export function cloneConfig<T>(c: T): T {
	return structuredClone(c);
}
