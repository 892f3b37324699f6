/**
 * The shape of a Config as data. From it come the structural check of any
 * JSON (CLI `--config`, share links, slipway.json) and the JSON Schema that
 * `slipway schema` prints, so the two can never disagree.
 */
import {
	BASE_IMAGES,
	BUILD_BACKENDS,
	FRAMEWORKS,
	K8S_EXPOSURES,
	KINDS,
	PACKAGE_MANAGERS,
	PIP_WORKFLOWS,
	POETRY_LAYOUTS,
	PYTHON_VERSIONS,
	SERVERLESS_PROVIDERS,
	TARGETS
} from './config.ts';
import { LICENSES } from './licenses.ts';
import { RELEASE_COOLDOWN_MAX_DAYS } from './defaults.ts';

export type FieldSpec =
	| { type: 'string'; description: string; maxLength: number; enum?: readonly string[] }
	| { type: 'boolean'; description: string }
	| { type: 'integer'; description: string; minimum: number; maximum: number }
	| { type: 'string[]'; description: string; maxItems: number; maxLength: number }
	| { type: 'object'; description: string; fields: Record<string, FieldSpec> };

const str = (description: string, maxLength = 200): FieldSpec => ({ type: 'string', description, maxLength });
const oneOf = (description: string, values: readonly string[]): FieldSpec => ({
	type: 'string',
	description,
	maxLength: 64,
	enum: values
});

export const CONFIG_SPEC: FieldSpec & { type: 'object' } = {
	type: 'object',
	description: 'A Slipway configuration: one Python project and how it is packaged and deployed.',
	fields: {
		project: {
			type: 'object',
			description: 'The project itself.',
			fields: {
				name: str('PyPI distribution name (PEP 508), e.g. "acme-orders".', 100),
				description: str('One-line summary.', 300),
				version: str('PEP 440 version, e.g. "0.1.0".', 64),
				authorName: str('Author name.', 200),
				authorEmail: str('Author e-mail; may be empty.', 254),
				license: oneOf('SPDX license identifier.', LICENSES.map((l) => l.id)),
				url: str('Home page or repository URL (https://...); may be empty.', 500),
				pythonVersion: oneOf('Lowest supported Python version.', PYTHON_VERSIONS),
				kind: oneOf('What the project is.', KINDS),
				framework: oneOf('Web framework (services only; others use "none").', FRAMEWORKS),
				dependencies: {
					type: 'string[]',
					description: 'Runtime dependencies (PEP 508), beyond those the framework implies.',
					maxItems: 200,
					maxLength: 500
				},
				devDependencies: {
					type: 'string[]',
					description: 'Development dependencies (PEP 508), beyond the tooling Slipway adds.',
					maxItems: 200,
					maxLength: 500
				}
			}
		},
		packaging: {
			type: 'object',
			description: 'How the project is packaged.',
			fields: {
				manager: oneOf('Package manager.', PACKAGE_MANAGERS),
				backend: oneOf('PEP 517 build backend.', BUILD_BACKENDS),
				poetryLayout: oneOf('Poetry pyproject layout (Poetry only).', POETRY_LAYOUTS),
				pipWorkflow: oneOf('How pip projects pin requirements (pip only).', PIP_WORKFLOWS),
				releaseCooldownDays: {
					type: 'integer',
					description:
						'Wait this many days before taking a new release: Dependabot\'s cooldown and the manager\'s lock-time setting (uv exclude-newer, Poetry solver.min-release-age, pip --uploaded-prior-to); 0 = off.',
					minimum: 0,
					maximum: RELEASE_COOLDOWN_MAX_DAYS
				}
			}
		},
		target: oneOf('Deployment target.', TARGETS),
		services: {
			type: 'object',
			description: 'Backing services.',
			fields: {
				postgres: { type: 'boolean', description: 'PostgreSQL database.' },
				redis: { type: 'boolean', description: 'Redis cache / queue.' }
			}
		},
		docker: {
			type: 'object',
			description: 'Container image settings.',
			fields: {
				image: str('Image repository without a tag, e.g. "ghcr.io/acme/orders"; empty = derived from the project name.', 255),
				baseImageDigest: str('Optional sha256 digest pinning the Python base image.', 71),
				baseImage: oneOf('Python base image: "python-slim" (official python:X-slim-trixie) or "dhi" (Docker Hardened Images dhi.io/python, no shell, needs docker login dhi.io). Container targets only.', BASE_IMAGES)
			}
		},
		kubernetes: {
			type: 'object',
			description: 'Kubernetes settings.',
			fields: {
				namespace: str('Namespace (DNS label).', 63),
				replicas: { type: 'integer', description: 'Replicas (HPA minimum).', minimum: 1, maximum: 100 },
				ingressHost: str('Public host name of a service (the HTTPRoute hostname or the Ingress host).', 253),
				exposure: oneOf('How a service is reached: "gateway" (a Gateway API HTTPRoute attached to the Gateway below) or "ingress" (an Ingress).', K8S_EXPOSURES),
				gatewayName: str('Name of the Gateway the HTTPRoute attaches to (parentRefs); the cluster operator\'s: `kubectl get gateways -A` lists them.', 253),
				gatewayNamespace: str('Namespace of that Gateway (DNS label).', 63),
				ingressClass: str('IngressClass name of the Ingress; empty = no ingressClassName (the cluster\'s default IngressClass).', 63)
			}
		},
		serverless: {
			type: 'object',
			description: 'Serverless settings.',
			fields: {
				provider: oneOf('Serverless platform.', SERVERLESS_PROVIDERS),
				memoryMb: { type: 'integer', description: 'Memory in MiB.', minimum: 128, maximum: 10240 },
				timeoutSeconds: { type: 'integer', description: 'Request timeout in seconds.', minimum: 1, maximum: 900 },
				region: str('Region in the provider\'s naming: AWS "eu-west-1", Google Cloud "europe-west1"; empty = the provider\'s default.', 40),
				gcpProject: str('Google Cloud project id (Cloud Run): 6-30 lowercase letters, digits and "-", starting with a letter, e.g. "acme-orders-prod"; empty = the placeholder "my-project".', 30),
				artifactRepository: str('Artifact Registry Docker repository the Cloud Run image lives in, e.g. "containers"; empty = "containers".', 63)
			}
		},
		bareMetal: {
			type: 'object',
			description: 'Bare-metal (systemd + nginx) settings.',
			fields: {
				domain: str('Public host name nginx serves.', 253)
			}
		}
	}
};

/** JSON Schema (draft 2020-12) of a Config, for editors and users' tooling. */
export function configJsonSchema(): Record<string, unknown> {
	const toSchema = (f: FieldSpec): Record<string, unknown> => {
		switch (f.type) {
			case 'string':
				return f.enum
					? { type: 'string', description: f.description, enum: [...f.enum] }
					: { type: 'string', description: f.description, maxLength: f.maxLength };
			case 'boolean':
				return { type: 'boolean', description: f.description };
			case 'integer':
				return { type: 'integer', description: f.description, minimum: f.minimum, maximum: f.maximum };
			case 'string[]':
				return {
					type: 'array',
					description: f.description,
					maxItems: f.maxItems,
					items: { type: 'string', maxLength: f.maxLength }
				};
			case 'object':
				return {
					type: 'object',
					description: f.description,
					additionalProperties: false,
					required: Object.keys(f.fields),
					properties: Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, toSchema(v)]))
				};
		}
	};
	const root = toSchema(CONFIG_SPEC);
	// A library has no deployment target: its slipway.json leaves `target` out (every other kind must name one).
	root.required = (root.required as string[]).filter((k) => k !== 'target');
	root.if = { properties: { project: { properties: { kind: { const: 'library' } }, required: ['kind'] } }, required: ['project'] };
	root.else = { required: ['target'] };
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: 'https://slipway.dev/schema/config-v1.json',
		title: 'Slipway configuration',
		...root
	};
}
