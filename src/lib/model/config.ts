/**
 * Slipway's one typed model.
 *
 * ```
 *   URL fragment ─┐                       ┌─> preview (web)
 *   form (wizard) ├─> Config ─> generate() ├─> zip (web, CLI)
 *   --config JSON ┘   (model)  (generators)├─> files on disk (CLI)
 *                                          └─> share link (share/)
 * ```
 *
 * Everything the user chooses lives here; every generated file is a pure
 * function of a read-only Config. Derived facts (import package name, env
 * variables, ports, paths, users) live in `derive.ts`, never in generators.
 */

/**
 * Lowest Python versions a project can choose. 3.10 is past its end of life (October 2026,
 * versions.ts PYTHON_END_OF_LIFE): still offered for projects that must keep its users, with a
 * warning (validate.ts validationWarnings), never a default or a preset's choice.
 */
export const PYTHON_VERSIONS = ['3.10', '3.11', '3.12', '3.13', '3.14', '3.15'] as const;
export type PythonVersion = (typeof PYTHON_VERSIONS)[number];

export const KINDS = ['service', 'cli', 'library', 'worker'] as const;
/** What the project is: a web service, a command-line tool, a library or a background worker. */
export type Kind = (typeof KINDS)[number];

export const FRAMEWORKS = ['fastapi', 'flask', 'django', 'none'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const PACKAGE_MANAGERS = ['poetry', 'uv', 'pip'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export const BUILD_BACKENDS = ['hatchling', 'setuptools', 'poetry-core', 'uv_build', 'flit-core'] as const;
export type BuildBackend = (typeof BUILD_BACKENDS)[number];

export const POETRY_LAYOUTS = ['poetry2', 'classic'] as const;
/** `poetry2`: PEP 621 `[project]` + minimal `[tool.poetry]`; `classic`: the Poetry 1.x `[tool.poetry]` layout. */
export type PoetryLayout = (typeof POETRY_LAYOUTS)[number];

export const PIP_WORKFLOWS = ['requirements', 'pip-tools'] as const;
/** `requirements`: hand-kept requirements.txt files; `pip-tools`: requirements.in compiled by pip-compile. */
export type PipWorkflow = (typeof PIP_WORKFLOWS)[number];

export const BASE_IMAGES = ['python-slim', 'dhi'] as const;
/** The Dockerfile's Python base image family (DockerConfig.baseImage). */
export type BaseImage = (typeof BASE_IMAGES)[number];

export const TARGETS = ['docker', 'kubernetes', 'serverless', 'bare-metal'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * How a Kubernetes service is reached from outside the cluster: `gateway` = a Gateway API
 * HTTPRoute attached to a Gateway the cluster operator runs; `ingress` = an Ingress.
 */
export const K8S_EXPOSURES = ['gateway', 'ingress'] as const;
export type K8sExposure = (typeof K8S_EXPOSURES)[number];

export const SERVERLESS_PROVIDERS = ['aws-lambda', 'cloud-run'] as const;
export type ServerlessProvider = (typeof SERVERLESS_PROVIDERS)[number];

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LICENSE_FORMS = ['spdx', 'text', 'file'] as const;
export type LicenseForm = (typeof LICENSE_FORMS)[number];

/** A PEP 621 author or maintainer: a name, an e-mail, or both. */
export interface Person {
	name: string;
	email: string;
}

/** One extra (`[project.optional-dependencies] name = [...]`). */
export interface Extra {
	/** PEP 685 extra name, e.g. `socks`. */
	name: string;
	requirements: string[];
}

/** One PEP 735 dependency group: its own requirements and the groups it includes (`{ include-group = "..." }`). */
export interface DependencyGroup {
	/** PEP 735 group name, e.g. `docs`. */
	name: string;
	/** Groups whose requirements this one includes, by name. */
	includes: string[];
	requirements: string[];
}

/** The project itself: what goes into `[project]` and the source skeleton. */
export interface ProjectConfig {
	/** PyPI distribution name (PEP 508 name), e.g. `acme-orders`. The import package is derived from it. */
	name: string;
	/** One-line summary. */
	description: string;
	/** PEP 440 version, e.g. `0.1.0`. */
	version: string;
	/** The first author (LICENSE's copyright holder); may be empty. */
	authorName: string;
	/** May be empty; when set, a valid e-mail address. */
	authorEmail: string;
	/** Authors after the first, in order (PEP 621 `authors`). */
	moreAuthors: Person[];
	/** PEP 621 `maintainers`, in order. */
	maintainers: Person[];
	/**
	 * With `licenseForm: 'spdx'`: an SPDX license expression (PEP 639), e.g. `MIT` or
	 * `MIT OR Apache-2.0` (spdx.ts checks it). With `text`/`file`: the legacy PEP 621
	 * `license = { text = ... }` / `{ file = ... }` value, kept verbatim (a warning says so).
	 */
	license: string;
	/** How `license` is written: an SPDX expression (`spdx`), or kept as a project had it (`text`, `file`). */
	licenseForm: LicenseForm;
	/** PEP 621 `keywords`. */
	keywords: string[];
	/** Trove classifiers of the user's, written after the ones Slipway derives (Python versions, framework...). */
	classifiers: string[];
	/** PEP 621 `[project.optional-dependencies]`: published extras, each a name and PEP 508 requirements (markers allowed). */
	extras: Extra[];
	/** PEP 735 `[dependency-groups]` besides `dev` (which is `devDependencies` plus Slipway's tooling). */
	dependencyGroups: DependencyGroup[];
	/** Groups of `dependencyGroups` the `dev` group includes (`dev = [{ include-group = "test" }, ...]`). */
	devIncludes: string[];
	/** Home page / repository URL; may be empty. */
	url: string;
	/** Lowest supported Python version (`requires-python >= X`), also the image's Python. */
	pythonVersion: PythonVersion;
	kind: Kind;
	/** Web framework; only `service` uses one (others must be `none`). */
	framework: Framework;
	/** Runtime dependencies, PEP 508 requirement strings, beyond those the framework implies. */
	dependencies: string[];
	/** Development dependencies, PEP 508 requirement strings, beyond the tooling Slipway adds. */
	devDependencies: string[];
}

/** How the project is packaged. */
export interface PackagingConfig {
	manager: PackageManager;
	backend: BuildBackend;
	/** Only read when `manager` is `poetry`. */
	poetryLayout: PoetryLayout;
	/** Only read when `manager` is `pip`. */
	pipWorkflow: PipWorkflow;
	/**
	 * "Wait N days before taking a new release": Dependabot's `cooldown.default-days` and the
	 * manager's own lock-time setting (uv `exclude-newer`, Poetry `solver.min-release-age`,
	 * pip `--uploaded-prior-to`), 0..90; 0 = off. Default 7 (`releaseCooldown()` in derive.ts).
	 */
	releaseCooldownDays: number;
}

export interface DockerConfig {
	/**
	 * Image repository the CI pushes to and manifests pull from, e.g. `ghcr.io/acme/orders`.
	 * Empty = derived from the project name (`imageRef()` in derive.ts); every generator reads imageRef().
	 */
	image: string;
	/** Optional `sha256:...` digest pinning the Python base image; empty = tag only. */
	baseImageDigest: string;
	/**
	 * The Python base image of both Dockerfile stages: `python-slim` (the official
	 * `python:X-slim-trixie`) or `dhi` (Docker Hardened Images: `dhi.io/python:X-dev` builder,
	 * `dhi.io/python:X` runtime with no shell and its own non-root user). Container targets only.
	 */
	baseImage: BaseImage;
}

export interface KubernetesConfig {
	namespace: string;
	replicas: number;
	/** Public host name of a service (HTTPRoute `hostnames`, Ingress rule host), e.g. `orders.example.com`. */
	ingressHost: string;
	/** `gateway` (an HTTPRoute, the default) or `ingress` (an Ingress). Services only. */
	exposure: K8sExposure;
	/** The Gateway the HTTPRoute attaches to (`parentRefs`): its name and namespace, the cluster operator's. */
	gatewayName: string;
	gatewayNamespace: string;
	/** IngressClass of the Ingress (`exposure: ingress`); empty = no ingressClassName, the cluster's default class. */
	ingressClass: string;
}

export interface ServerlessConfig {
	provider: ServerlessProvider;
	/** Lambda memory / Cloud Run memory, MiB. */
	memoryMb: number;
	/** Request timeout, seconds. */
	timeoutSeconds: number;
	/**
	 * AWS region (`eu-west-1`) or Google Cloud region (`europe-west1`), in the provider's own naming.
	 * Empty = the provider's default (`serverlessRegion()` in derive.ts).
	 */
	region: string;
	/**
	 * Google Cloud project id (Cloud Run only): the Artifact Registry image path, the service
	 * account and the Cloud SQL instance connection name live in it. Empty = the placeholder
	 * `my-project` (`gcpProject()` in derive.ts), which the Cloud Run README says to replace.
	 */
	gcpProject: string;
	/** Artifact Registry Docker repository (Cloud Run only). Empty = `containers` (`artifactRepository()` in derive.ts). */
	artifactRepository: string;
}

export interface BareMetalConfig {
	/** Public host name nginx serves, e.g. `orders.example.com`. */
	domain: string;
}

/** Backing services the app connects to. */
export interface ServicesConfig {
	postgres: boolean;
	redis: boolean;
	/** SQLAlchemy 2 models with Alembic migrations, on the PostgreSQL service (FastAPI and Flask services only). */
	sqlalchemy: boolean;
	/** Celery worker and beat, Redis as broker and result backend (services and workers with Redis). */
	celery: boolean;
}

/** The whole configuration the user edits. Treat as read-only outside `model/`. */
export interface Config {
	project: ProjectConfig;
	packaging: PackagingConfig;
	target: Target;
	services: ServicesConfig;
	docker: DockerConfig;
	kubernetes: KubernetesConfig;
	serverless: ServerlessConfig;
	bareMetal: BareMetalConfig;
}

/** Deeply read-only view, as generators receive it. */
export type DeepReadonly<T> = T extends (infer U)[]
	? readonly DeepReadonly<U>[]
	: T extends object
		? { readonly [K in keyof T]: DeepReadonly<T[K]> }
		: T;

export type ReadonlyConfig = DeepReadonly<Config>;
