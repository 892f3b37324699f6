/**
 * The shape of a Config as data. From it come the structural check of any
 * JSON (CLI `--config`, share links, slipway.json) and the JSON Schema that
 * `slipway schema` prints, so the two can never disagree.
 */
import {
	BASE_IMAGES,
	LICENSE_FORMS,
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

/**
 * `description` is the field's one line in the JSON Schema (for people and
 * editors reading slipway.json). `help`, where given, is what the wizard shows
 * under the field instead (src/lib/components/help.ts `helpText`): the words
 * of the form, where `{name}` is filled by the step with a value it knows
 * (the derived default, the chosen manager).
 */
export type FieldSpec = (
	| { type: 'string'; description: string; maxLength: number; enum?: readonly string[] }
	| { type: 'boolean'; description: string }
	| { type: 'integer'; description: string; minimum: number; maximum: number }
	| { type: 'string[]'; description: string; maxItems: number; maxLength: number }
	| { type: 'object'; description: string; fields: Record<string, FieldSpec> }
	/** A list of objects of one shape (authors, extras, dependency groups). */
	| { type: 'list'; description: string; maxItems: number; item: { type: 'object'; description: string; fields: Record<string, FieldSpec> } }
) & { help?: string };

const str = (description: string, maxLength = 200, help?: string): FieldSpec => ({ type: 'string', description, maxLength, ...(help === undefined ? {} : { help }) });
const strings = (description: string, maxItems: number, maxLength: number): FieldSpec => ({ type: 'string[]', description, maxItems, maxLength });
const people = (description: string): FieldSpec => ({
	type: 'list',
	description,
	maxItems: 50,
	item: {
		type: 'object',
		description: 'A person: a name, an e-mail address, or both.',
		fields: { name: str('Name; may be empty when the e-mail is given.', 200), email: str('E-mail address; may be empty when the name is given.', 254) }
	}
});
const oneOf = (description: string, values: readonly string[], help?: string): FieldSpec => ({
	type: 'string',
	description,
	maxLength: 64,
	enum: values,
	...(help === undefined ? {} : { help })
});

/**
 * Settings slipway.json and share links leave out while they hold the value an
 * absent key means (issue 19.4's metadata; codec.ts portableConfig and ADDED_IN_V1):
 * files and links of configs that do not use them stay as they were, and older
 * ones, made before the settings existed, read the same. Not required in the JSON Schema.
 */
export const OMITTED_AT_DEFAULT: Readonly<Record<'project' | 'services', Readonly<Record<string, unknown>>>> = {
	project: { moreAuthors: [], maintainers: [], licenseForm: 'spdx', keywords: [], classifiers: [], extras: [], dependencyGroups: [], devIncludes: [] },
	// SQLAlchemy + Alembic and Celery (issue 20, 2026-12): off is what a link or file meant before they existed.
	services: { sqlalchemy: false, celery: false }
};

export const CONFIG_SPEC: FieldSpec & { type: 'object' } = {
	type: 'object',
	description: 'A Slipway configuration: one Python project and how it is packaged and deployed.',
	fields: {
		project: {
			type: 'object',
			description: 'The project itself.',
			fields: {
				name: str('PyPI distribution name (PEP 508), e.g. "acme-orders".', 100, 'The name on PyPI, e.g. acme-orders. The import package is derived from it (acme_orders).'),
				description: str('One-line summary.', 300, 'One line; goes into pyproject.toml and the README.'),
				version: str('PEP 440 version, e.g. "0.1.0".', 64, 'PEP 440, e.g. 0.1.0 or 1.2.0rc1.'),
				authorName: str('Author name.', 200, 'Goes into pyproject.toml\'s authors and the LICENSE\'s copyright line (empty: “the {name} authors”).'),
				authorEmail: str('Author e-mail; may be empty.', 254, 'Optional, e.g. jane@example.com.'),
				moreAuthors: people('Authors after the first, in order (pyproject.toml [project] authors).'),
				maintainers: people('Maintainers, in order (pyproject.toml [project] maintainers).'),
				license: str(`SPDX license expression (PEP 639), e.g. "MIT", "MIT OR Apache-2.0" or "Apache-2.0 WITH LLVM-exception"; a LICENSE text is generated for ${LICENSES.length - 1} common licenses and LicenseRef-Proprietary. With licenseForm "text" or "file": the legacy license text or file path, kept verbatim.`, 500, 'An SPDX expression, e.g. MIT or MIT OR Apache-2.0; for one of the listed licenses the full LICENSE text is generated. A legacy license (License form) is kept verbatim.'),
				licenseForm: oneOf('How the license is written: "spdx" (an SPDX expression, the default), or a legacy table kept as the project had it: "text" (license = { text = ... }) or "file" (license = { file = ... }).', LICENSE_FORMS, 'A license kept as the project had it (not an SPDX expression).'),
				keywords: strings('PyPI keywords ([project] keywords).', 50, 100),
				classifiers: strings('Trove classifiers of your own, written after those Slipway derives (Python versions, framework, license, status).', 100, 200),
				extras: {
					type: 'list',
					description: 'Extras ([project.optional-dependencies]): published optional features users install with name[extra].',
					maxItems: 50,
					item: {
						type: 'object',
						description: 'One extra.',
						fields: {
							name: str('Extra name (PEP 685), e.g. "socks".', 100),
							requirements: strings('PEP 508 requirements of the extra; markers allowed, e.g. "uvloop>=0.21; sys_platform != \'win32\'".', 200, 500)
						}
					}
				},
				dependencyGroups: {
					type: 'list',
					description: 'Dependency groups besides "dev" (PEP 735 [dependency-groups]; Poetry group tables): for developers, never published.',
					maxItems: 50,
					item: {
						type: 'object',
						description: 'One dependency group.',
						fields: {
							name: str('Group name (PEP 735), e.g. "docs".', 100),
							includes: strings('Groups this one includes ({ include-group = "..." }), by name.', 50, 100),
							requirements: strings('PEP 508 requirements of the group.', 200, 500)
						}
					}
				},
				devIncludes: strings('Dependency groups the "dev" group includes ({ include-group = "..." }), by name.', 50, 100),
				url: str('Home page or repository URL (https://...); may be empty.', 500, 'Optional, e.g. https://github.com/acme/orders.'),
				pythonVersion: oneOf('Lowest supported Python version.', PYTHON_VERSIONS, 'requires-python >= this; also the Python of the images and CI.'),
				kind: oneOf('What the project is.', KINDS, 'Decides which files are generated and which settings apply in the next steps.'),
				framework: oneOf('Web framework (services only; others use "none").', FRAMEWORKS, 'The app skeleton and the server that runs it: uvicorn for FastAPI, gunicorn for Flask and Django.'),
				dependencies: {
					type: 'string[]',
					description: 'Runtime dependencies (PEP 508), beyond those the framework implies.',
					help: 'A PEP 508 requirement, e.g. httpx>=0.27,<1 or tomli>=2; python_version < "3.11". Type to search popular packages.',
					maxItems: 200,
					maxLength: 500
				},
				devDependencies: {
					type: 'string[]',
					description: 'Development dependencies (PEP 508), beyond the tooling Slipway adds.',
					help: 'Test, lint and type-check tools, e.g. pytest-asyncio>=0.24. Type to search popular packages.',
					maxItems: 200,
					maxLength: 500
				}
			}
		},
		packaging: {
			type: 'object',
			description: 'How the project is packaged.',
			fields: {
				manager: oneOf('Package manager.', PACKAGE_MANAGERS, 'Every file follows it: the lock file, the README\'s commands and the CI steps. Your dependencies stay as they are.'),
				backend: oneOf('PEP 517 build backend.', BUILD_BACKENDS, 'The PEP 517 backend in [build-system]. Only backends that fit {manager} are offered; the first is what its maintainers recommend.'),
				poetryLayout: oneOf('Poetry pyproject layout (Poetry only).', POETRY_LAYOUTS, 'Poetry 2 reads the standard [project] table; Poetry 1.x needs everything under [tool.poetry].'),
				pipWorkflow: oneOf('How pip projects pin requirements (pip only).', PIP_WORKFLOWS, 'requirements.txt is kept by hand; with pip-tools, pip-compile writes it, pinned, from requirements.in.'),
				releaseCooldownDays: {
					type: 'integer',
					description:
						'Wait this many days before taking a new release: Dependabot\'s cooldown and the manager\'s lock-time setting (uv exclude-newer, Poetry solver.min-release-age, pip --uploaded-prior-to); 0 = off.',
					help: 'Dependabot proposes a release only once it is this old (cooldown; security updates are not delayed), and {lock}. 0 turns it off; the README says how to take one release sooner.',
					minimum: 0,
					maximum: RELEASE_COOLDOWN_MAX_DAYS
				}
			}
		},
		target: oneOf('Deployment target.', TARGETS, 'Where the app runs: it decides which deployment files are generated and which settings below apply.'),
		services: {
			type: 'object',
			description: 'Backing services.',
			fields: {
				postgres: { type: 'boolean', description: 'PostgreSQL database.' },
				redis: { type: 'boolean', description: 'Redis cache / queue.' },
				sqlalchemy: {
					type: 'boolean',
					description: 'SQLAlchemy 2 models and Alembic migrations on PostgreSQL (FastAPI and Flask services).',
					help: 'Adds db.py (engine and sessions from DATABASE_URL), an example model, alembic.ini and migrations/ with a first migration. Migrations run once per deploy, never at container start.'
				},
				celery: {
					type: 'boolean',
					description: 'Celery worker and beat, with Redis as broker and result backend (services and workers).',
					help: 'Adds the Celery app, an example task, and the worker and a single beat scheduler as their own processes. Needs Redis.'
				}
			}
		},
		docker: {
			type: 'object',
			description: 'Container image settings.',
			fields: {
				image: str('Image repository without a tag, e.g. "ghcr.io/acme/orders"; empty = derived from the project name.', 255, 'Where CI pushes the image and manifests pull it from, without a tag. Leave it empty to follow the project name: {derived}.'),
				baseImageDigest: str('Optional sha256 digest pinning the Python base image.', 71, 'sha256:… pins the Python base image for reproducible builds; empty = tag only.'),
				baseImage: oneOf('Python base image: "python-slim" (official python:X-slim-trixie) or "dhi" (Docker Hardened Images dhi.io/python, no shell, needs docker login dhi.io). Container targets only.', BASE_IMAGES, 'Both Dockerfile stages start from it. Docker Hardened Images need docker login dhi.io (a free Docker account) to pull.')
			}
		},
		kubernetes: {
			type: 'object',
			description: 'Kubernetes settings.',
			fields: {
				namespace: str('Namespace (DNS label).', 63, 'A DNS label, e.g. orders.'),
				replicas: { type: 'integer', description: 'Replicas (HPA minimum).', help: 'Minimum replicas (the HPA scales up from here).', minimum: 1, maximum: 100 },
				ingressHost: str('Public host name of a service (the HTTPRoute hostname or the Ingress host).', 253, 'The host name the service answers to from outside, e.g. orders.example.com (the HTTPRoute\'s hostname, or the Ingress\'s host).'),
				exposure: oneOf('How a service is reached: "gateway" (a Gateway API HTTPRoute attached to the Gateway below) or "ingress" (an Ingress).', K8S_EXPOSURES, 'Gateway API is the successor of Ingress (ingress-nginx, the controller most Ingresses named, is retired since March 2026).'),
				gatewayName: str('Name of the Gateway the HTTPRoute attaches to (parentRefs); the cluster operator\'s: `kubectl get gateways -A` lists them.', 253, 'The Gateway the HTTPRoute attaches to: the cluster operator\'s (kubectl get gateways -A lists them).'),
				gatewayNamespace: str('Namespace of that Gateway (DNS label).', 63, 'Where that Gateway lives. Its listener must allow routes from this app\'s namespace (allowedRoutes).'),
				ingressClass: str('IngressClass name of the Ingress; empty = no ingressClassName (the cluster\'s default IngressClass).', 63, 'The IngressClass of your cluster\'s controller, e.g. traefik. Empty: the cluster\'s default IngressClass.')
			}
		},
		serverless: {
			type: 'object',
			description: 'Serverless settings.',
			fields: {
				provider: oneOf('Serverless platform.', SERVERLESS_PROVIDERS, 'AWS Lambda runs the app from a zip package (a SAM template); Cloud Run runs the container image.'),
				memoryMb: { type: 'integer', description: 'Memory in MiB.', help: 'The function\'s memory (Lambda\'s MemorySize), or the container\'s memory limit on Cloud Run.', minimum: 128, maximum: 10240 },
				timeoutSeconds: { type: 'integer', description: 'Request timeout in seconds.', help: 'How long one request may run before it is stopped (Lambda\'s Timeout, Cloud Run\'s request timeout).', minimum: 1, maximum: 900 },
				region: str('Region in the provider\'s naming: AWS "eu-west-1", Google Cloud "europe-west1"; empty = the provider\'s default.', 40, 'In the provider\'s naming: AWS eu-west-1, Google Cloud europe-west1. Empty = {default}, this provider\'s default.'),
				gcpProject: str('Google Cloud project id (Cloud Run): 6-30 lowercase letters, digits and "-", starting with a letter, e.g. "acme-orders-prod"; empty = the placeholder "my-project".', 30, 'The image path, the service account and the Cloud SQL connection name live in it. Empty = the placeholder {default}, which you then replace in the files.'),
				artifactRepository: str('Artifact Registry Docker repository the Cloud Run image lives in, e.g. "containers"; empty = "containers".', 63, 'The Docker repository Cloud Run deploys the image from (the README creates it). Empty = {default}.')
			}
		},
		bareMetal: {
			type: 'object',
			description: 'Bare-metal (systemd + nginx) settings.',
			fields: {
				domain: str('Public host name nginx serves.', 253, 'The host name nginx serves, e.g. orders.example.com.')
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
			case 'list':
				return { type: 'array', description: f.description, maxItems: f.maxItems, items: toSchema(f.item) };
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
	for (const [section, omitted] of Object.entries(OMITTED_AT_DEFAULT)) {
		const sub = (root.properties as Record<string, Record<string, unknown>>)[section];
		sub.required = (sub.required as string[]).filter((k) => !(k in omitted));
	}
	root.if = { properties: { project: { properties: { kind: { const: 'library' } }, required: ['kind'] } }, required: ['project'] };
	root.else = { required: ['target'] };
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: 'https://slipway.dev/schema/config-v1.json',
		title: 'Slipway configuration',
		...root
	};
}
