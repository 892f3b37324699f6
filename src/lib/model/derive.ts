/**
 * The one source of truth for facts derived from a Config: names, ports,
 * paths, users and environment variables. Every generator that mentions one
 * of these reads it from here, so config.py, .env.example, compose.yaml,
 * Kubernetes manifests and systemd units always agree.
 */
import type { ReadonlyConfig, ServerlessProvider, Target } from './config.ts';
import { importNameOf } from './pep.ts';
import { targetOf } from './targets.ts';

/** The port the app listens on everywhere (container, systemd, probes). */
export const APP_PORT = 8000;
/** The health endpoint every service answers with 200. */
export const HEALTH_PATH = '/health';
/** The unprivileged account that runs the app (container and bare metal). */
export const APP_USER = { name: 'app', uid: 10001, gid: 10001 } as const;
/** Where the app lives inside the container image. */
export const CONTAINER_APP_DIR = '/app';
export const CONTAINER_VENV = '/app/.venv';

/** Types a setting can have in the generated pydantic-settings module. */
export type EnvKind = 'str' | 'secret' | 'bool' | 'int' | 'postgres-dsn' | 'redis-dsn' | 'log-level';

/** One environment variable read by the app's settings. */
export interface EnvVar {
	/** Environment variable name, e.g. `DATABASE_URL`. */
	name: string;
	/** Python attribute on Settings, e.g. `database_url`. */
	field: string;
	kind: EnvKind;
	/** Comment for .env.example and docs. */
	description: string;
	/** Value written to .env.example: safe for local development, never a real secret. */
	example: string;
	/** Python default; undefined means required (no default). */
	default?: string | boolean | number;
	/** Whether deployment files must treat it as a secret (Secret, not ConfigMap). */
	secret: boolean;
}

/** Variables only the compose file's own services read (never the app's settings). */
export interface ComposeVar {
	name: string;
	description: string;
	example: string;
	secret: boolean;
}

export const POSTGRES = { image: 'postgres', major: '17', port: 5432, host: 'postgres' } as const;
export const REDIS = { image: 'redis', major: '7', port: 6379, host: 'redis' } as const;

/** Facts about the project that every generator shares. */
export interface ProjectFacts {
	/** Distribution name as typed, e.g. `Acme-Orders`. */
	distName: string;
	/** Import package, e.g. `acme_orders`. */
	pkg: string;
	/** Path of the package in the src layout, e.g. `src/acme_orders`. */
	pkgDir: string;
	/** Whether this kind has a settings module (`config.py`). */
	hasSettings: boolean;
	/** Whether this kind serves HTTP (port, health check, probes). */
	isWeb: boolean;
	/** Whether deployment files are generated at all (not for libraries). */
	deploys: boolean;
	/** Console script name, or null when the kind has none. */
	script: string | null;
	/** `module:function` of the console script. */
	scriptTarget: string | null;
	/** Variables the settings read, in a stable order. */
	env: EnvVar[];
	/** Variables compose's own service containers read; empty when no compose.yaml is generated (hasCompose). */
	composeEnv: ComposeVar[];
}

/** Compute the shared facts of a config. Pure; cheap enough to call from every generator. */
export function facts(config: ReadonlyConfig): ProjectFacts {
	const p = config.project;
	const pkg = importNameOf(p.name);
	const isWeb = p.kind === 'service';
	const hasSettings = p.kind !== 'library';
	const script =
		p.kind === 'cli' || p.kind === 'worker' || p.kind === 'service' ? p.name.toLowerCase() : null;
	const scriptTarget =
		p.kind === 'cli' ? `${pkg}.cli:main` : p.kind === 'worker' ? `${pkg}.worker:main` : p.kind === 'service' ? `${pkg}.__main__:main` : null;
	return {
		distName: p.name,
		pkg,
		pkgDir: `src/${pkg}`,
		hasSettings,
		isWeb,
		deploys: p.kind !== 'library',
		script,
		scriptTarget,
		env: hasSettings ? envVars(config) : [],
		composeEnv: composeVars(config)
	};
}

function envVars(config: ReadonlyConfig): EnvVar[] {
	const { project, services } = config;
	const vars: EnvVar[] = [
		{
			name: 'LOG_LEVEL',
			field: 'log_level',
			kind: 'log-level',
			description: 'Logging level: DEBUG, INFO, WARNING, ERROR or CRITICAL.',
			example: 'INFO',
			default: 'INFO',
			secret: false
		},
		{
			name: 'DEBUG',
			field: 'debug',
			kind: 'bool',
			description: 'Debug mode. Never true in production.',
			example: 'false',
			default: false,
			secret: false
		}
	];
	if (project.kind === 'service' && (project.framework === 'django' || project.framework === 'flask')) {
		vars.push({
			name: 'SECRET_KEY',
			field: 'secret_key',
			kind: 'secret',
			description: 'Signing key for sessions and tokens. Generate one: python -c "import secrets; print(secrets.token_urlsafe(50))"',
			example: 'change-me-to-a-long-random-string',
			secret: true
		});
	}
	if (project.kind === 'service' && project.framework === 'django') {
		vars.push({
			name: 'ALLOWED_HOSTS',
			field: 'allowed_hosts',
			kind: 'str',
			description: 'Comma-separated host names Django serves.',
			example: 'localhost,127.0.0.1',
			default: 'localhost,127.0.0.1',
			secret: false
		});
		// Django's deployment checklist (check --deploy): SSL redirect, HSTS and secure cookies belong
		// where TLS terminates in front of the app. Every deployment target has TLS there (the
		// Kubernetes Gateway's listener or Ingress, nginx, Cloud Run, API Gateway) and takes the default, true; plain-HTTP local runs set false.
		vars.push({
			name: 'HTTPS_ONLY',
			field: 'https_only',
			kind: 'bool',
			description: 'Served over HTTPS only (TLS ends at the proxy in front): redirect HTTP to HTTPS, send HSTS, mark cookies Secure. false for plain-HTTP local runs.',
			example: 'false',
			default: true,
			secret: false
		});
	}
	if (services.postgres) {
		vars.push({
			name: 'DATABASE_URL',
			field: 'database_url',
			kind: 'postgres-dsn',
			// libpq's URI forms (PostgreSQL docs, "Connection URIs"); config.py's PostgresUrl accepts both.
			description:
				'PostgreSQL connection URL: postgresql://user:password@host:5432/name, or over a Unix socket with the host left empty and its directory in host= (Cloud SQL on Cloud Run: postgresql://user:password@/name?host=/cloudsql/PROJECT:REGION:INSTANCE).',
			example: `postgresql://app:change-me@localhost:${POSTGRES.port}/app`,
			secret: true
		});
	}
	if (services.redis) {
		vars.push({
			name: 'REDIS_URL',
			field: 'redis_url',
			kind: 'redis-dsn',
			description: 'Redis connection URL.',
			example: `redis://localhost:${REDIS.port}/0`,
			secret: false
		});
	}
	return vars;
}

/**
 * Whether the project gets compose.yaml (and compose.override.yaml): only the
 * `docker` target of a deployed kind. Other targets run their backing
 * services elsewhere (a cluster, managed services, the host).
 */
export function hasCompose(config: ReadonlyConfig): boolean {
	return targetOf(config)?.compose === true;
}

function composeVars(config: ReadonlyConfig): ComposeVar[] {
	if (!config.services.postgres || !hasCompose(config)) return [];
	return [
		{ name: 'POSTGRES_USER', description: 'PostgreSQL user created by the postgres container.', example: 'app', secret: false },
		{ name: 'POSTGRES_PASSWORD', description: 'PostgreSQL password for that user (compose refuses to start without it).', example: 'change-me', secret: true },
		{ name: 'POSTGRES_DB', description: 'PostgreSQL database created by the postgres container.', example: 'app', secret: false }
	];
}

/** Python modules of the skeleton that other files point at (ASGI/WSGI apps, entry points). */
export function appTargets(config: ReadonlyConfig): {
	/** ASGI application for uvicorn / Lambda adapters, or null. */
	asgi: string | null;
	/** WSGI application for gunicorn / Lambda adapters, or null. */
	wsgi: string | null;
} {
	const pkg = importNameOf(config.project.name);
	if (config.project.kind !== 'service') return { asgi: null, wsgi: null };
	switch (config.project.framework) {
		case 'fastapi':
			return { asgi: `${pkg}.main:app`, wsgi: null };
		case 'flask':
			return { asgi: null, wsgi: `${pkg}.app:create_app()` };
		case 'django':
			return { asgi: `${pkg}.asgi:application`, wsgi: `${pkg}.wsgi:application` };
		default:
			return { asgi: null, wsgi: null };
	}
}

/**
 * The command that runs the app in production, as an argv list (exec form).
 * Shared by the Dockerfile CMD, Kubernetes, Cloud Run and the systemd unit.
 * Listens on `host`:APP_PORT. FastAPI runs under uvicorn; Flask and Django
 * under gunicorn with the settings module the package ships
 * (`--config python:<pkg>.gunicorn_conf`, see gunicornConfModule), so every
 * target that installs the wheel runs the same workers. The command line's
 * `--bind` wins over the config module (gunicorn 23 applies command-line
 * settings last: gunicorn/app/base.py, Application.load_config).
 */
export function serveArgv(config: ReadonlyConfig, host = '0.0.0.0'): string[] {
	const f = facts(config);
	const { asgi, wsgi } = appTargets(config);
	if (config.project.kind === 'service') {
		if (asgi && config.project.framework === 'fastapi')
			return ['uvicorn', asgi, '--host', host, '--port', String(APP_PORT), '--proxy-headers', '--forwarded-allow-ips', '*'];
		const conf = gunicornConfModule(config);
		if (wsgi && conf) return ['gunicorn', '--config', `python:${conf}`, '--bind', `${host}:${APP_PORT}`, wsgi];
	}
	return f.script ? [f.script] : ['python', '-m', f.pkg];
}

/**
 * The gunicorn settings module inside the package (`<pkg>.gunicorn_conf`),
 * which serveArgv() names as `--config python:<module>` (gunicorn >= 19.4
 * loads a config from a module with the `python:` prefix). Null when the app
 * does not run under gunicorn.
 */
export function gunicornConfModule(config: ReadonlyConfig): string | null {
	const p = config.project;
	if (p.kind !== 'service' || (p.framework !== 'flask' && p.framework !== 'django')) return null;
	return `${importNameOf(p.name)}.gunicorn_conf`;
}

/** Worker processes gunicorn starts when WEB_CONCURRENCY is unset (the shipped gunicorn_conf's default). */
export const GUNICORN_DEFAULT_WORKERS = 2;
/** Threads per gunicorn worker (gthread) when GUNICORN_THREADS is unset. */
export const GUNICORN_DEFAULT_THREADS = 4;

/**
 * Variables the app server reads (not the app's settings), which container
 * deployments set explicitly: compose and the Kubernetes ConfigMap. gunicorn:
 * WEB_CONCURRENCY worker processes, 2 for the 1-CPU limit both give the app
 * (about 2 x the CPUs; gunicorn_conf.py explains why no CPU count is used).
 */
export function serverEnv(config: ReadonlyConfig): Record<string, string> {
	return gunicornConfModule(config) ? { WEB_CONCURRENCY: String(GUNICORN_DEFAULT_WORKERS) } : {};
}

/**
 * Where the project is deployed, or null when it is not: a library is
 * published to PyPI and has no deployment target. `config.target` may still
 * hold a value for one (the form keeps it, so switching the kind back brings
 * it back), but nothing reads it: generators, slipway.json, the share link and
 * the CLI ask this instead.
 */
export function deployTarget(config: ReadonlyConfig): Target | null {
	return facts(config).deploys ? config.target : null;
}

/**
 * Whether the project ships as a container image: targets `docker` and
 * `kubernetes`, and serverless on Cloud Run (which runs images). Never for a
 * library (not deployed); AWS Lambda gets a zip, bare metal a checkout.
 * The Dockerfile and docker.* settings (baseImage) apply only then.
 */
export function runsImage(config: ReadonlyConfig): boolean {
	return targetOf(config)?.container === true;
}

/**
 * Name of the deployed app wherever a deployment target needs one: Kubernetes
 * resources and labels, the Cloud Run service, the bare-metal system user and
 * its `/opt/<name>` and `/etc/<name>` folders, the nginx site. It is the PEP
 * 503-normalised project name, e.g. `Acme_Orders` -> `acme-orders`: lowercase
 * letters, digits and `-`, starting with a letter (validate.ts checks lengths
 * per target).
 */
export function deployName(config: ReadonlyConfig): string {
	return config.project.name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Registry the derived image lives in (GitHub's container registry, which release.yml logs in to with GITHUB_TOKEN). */
export const DEFAULT_IMAGE_REGISTRY = 'ghcr.io';
/** Owner of the derived image when the project URL names no GitHub owner. */
export const DEFAULT_IMAGE_OWNER = 'example';

/**
 * The GitHub owner a project URL names (`https://github.com/Acme/orders` ->
 * `acme`, lowercased as image references must be), or null.
 */
function githubOwner(url: string): string | null {
	const m = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?:[/?#]|$)/.exec(url);
	return m ? m[1].toLowerCase() : null;
}

/**
 * The GitHub repository a project URL names, `owner/name` as written
 * (`https://github.com/Acme/orders.git` -> `Acme/orders`), or null: what
 * `gh attestation verify --repo` checks release.yml's attestations against.
 */
export function githubRepository(url: string): string | null {
	const m = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/([A-Za-z0-9._-]+?)(?:\.git)?(?:[/?#]|$)/.exec(url);
	return m && !/^\.+$/.test(m[2]) ? `${m[1]}/${m[2]}` : null;
}

/**
 * The image repository (no tag) CI pushes and every deployment file pulls.
 * `docker.image` empty means "derived": `ghcr.io/<owner>/<deployName>`, so
 * the image follows the project name (as the import package does) until the
 * user writes one; owner is the GitHub owner of the project URL, else
 * `example`. A config with an explicit image (old links, slipway.json, the
 * field edited) keeps it.
 *
 * Cloud Run derives an Artifact Registry path instead,
 * `REGION-docker.pkg.dev/PROJECT/REPOSITORY/<deployName>`: Cloud Run deploys
 * images from Artifact Registry or Docker Hub, and other registries only
 * through an Artifact Registry remote repository (Cloud Run, "Deploying
 * container images", Supported container registries and images), while a
 * package GHCR creates is private until made public.
 */
export function imageRef(config: ReadonlyConfig): string {
	if (config.docker.image) return config.docker.image;
	if (deploysToCloudRun(config))
		return `${serverlessRegion(config)}-docker.pkg.dev/${gcpProject(config)}/${artifactRepository(config)}/${deployName(config)}`;
	return `${DEFAULT_IMAGE_REGISTRY}/${githubOwner(config.project.url) ?? DEFAULT_IMAGE_OWNER}/${deployName(config)}`;
}

/**
 * Each serverless provider's default region, used while `serverless.region`
 * is empty. The two clouds name regions differently (AWS `eu-west-1`, Google
 * Cloud `europe-west1`); neither accepts the other's names.
 */
export const DEFAULT_REGION: Readonly<Record<ServerlessProvider, string>> = {
	'aws-lambda': 'eu-west-1',
	'cloud-run': 'europe-west1'
};

/** The region the serverless files deploy to: the field, or the provider's default when it is empty. */
export function serverlessRegion(config: ReadonlyConfig): string {
	return config.serverless.region || DEFAULT_REGION[config.serverless.provider];
}

/** Whether the project deploys to Cloud Run (serverless target, cloud-run provider, not a library). */
export function deploysToCloudRun(config: ReadonlyConfig): boolean {
	return targetOf(config)?.id === 'cloud-run';
}

/**
 * The Google Cloud project id used while `serverless.gcpProject` is empty. It
 * is a well-formed project id (6-30 lowercase letters, digits, "-"), so every
 * file that names it (image path, service account, Cloud SQL connection name)
 * stays valid; the Cloud Run README names it as the value to replace.
 */
export const GCP_PROJECT_PLACEHOLDER = 'my-project';
/** Artifact Registry Docker repository used while `serverless.artifactRepository` is empty (the README creates it). */
export const DEFAULT_ARTIFACT_REPOSITORY = 'containers';

/** Google Cloud project id of the Cloud Run files: the field, or the placeholder. */
export function gcpProject(config: ReadonlyConfig): string {
	return config.serverless.gcpProject || GCP_PROJECT_PLACEHOLDER;
}

/** Artifact Registry Docker repository of the derived Cloud Run image: the field, or `containers`. */
export function artifactRepository(config: ReadonlyConfig): string {
	return config.serverless.artifactRepository || DEFAULT_ARTIFACT_REPOSITORY;
}

/**
 * The service account Cloud Run revisions run as (service.yaml
 * `serviceAccountName`), the one the README creates and grants Secret Manager
 * (and Cloud SQL) access to: `<name>-run@PROJECT.iam.gserviceaccount.com`.
 * Without it revisions run as the project's default compute service account.
 * Account ids are 6-30 characters matching `[a-z]([-a-z0-9]*[a-z0-9])` (IAM
 * REST reference, projects.serviceAccounts.create, accountId): the name is
 * cut to fit, and a very short one gets `-run-sa`.
 */
export function cloudRunServiceAccountId(config: ReadonlyConfig): string {
	const base = deployName(config).slice(0, 26).replace(/-+$/, '');
	const id = `${base}-run`;
	return id.length >= 6 ? id : `${base}-run-sa`;
}

/** The service account's e-mail, as service.yaml and gcloud name it. */
export function cloudRunServiceAccount(config: ReadonlyConfig): string {
	return `${cloudRunServiceAccountId(config)}@${gcpProject(config)}.iam.gserviceaccount.com`;
}

/**
 * Cloud SQL instance connection name `PROJECT:REGION:INSTANCE` (the instance
 * is named after the app, in the service's region). Cloud Run mounts its Unix
 * socket at `/cloudsql/<connection name>` when service.yaml's
 * `run.googleapis.com/cloudsql-instances` annotation names it.
 */
export function cloudSqlConnectionName(config: ReadonlyConfig): string {
	return `${gcpProject(config)}:${serverlessRegion(config)}:${deployName(config)}`;
}

/**
 * DATABASE_URL on Cloud Run: libpq's URI with an empty host and the socket
 * directory in `host=` (PostgreSQL docs, libpq "Connection URIs"), the
 * directory Cloud Run's Cloud SQL connection provides. The password is the
 * placeholder every secret starts with.
 */
export function cloudSqlDatabaseUrl(config: ReadonlyConfig, password: string): string {
	return `postgresql://app:${password}@/app?host=/cloudsql/${cloudSqlConnectionName(config)}`;
}

/** Django's settings module in the generated skeleton (`manage.py` and wsgi/asgi set it). */
export function djangoSettingsModule(config: ReadonlyConfig): string {
	return `${importNameOf(config.project.name)}.settings`;
}

/**
 * Django: the one-off command that gathers static files into STATIC_ROOT,
 * where WhiteNoise serves them from. The Dockerfile runs it at image build and
 * install.sh on bare metal. It needs no secret and no database: `env` is all
 * it needs besides the target's own working directory. Null when the project
 * is not a Django service.
 *
 * STATIC_ROOT is `staticfiles` in the working directory (`/app` in the image,
 * whose runtime stage copies `/app/staticfiles`; `/opt/<name>` on bare metal).
 * settings.py reads no settings when the command is `collectstatic`
 * (`sys.argv[1]`), so SECRET_KEY and DATABASE_URL are not needed for it; the
 * server and every other command still refuse to start without them.
 */
export function collectStatic(config: ReadonlyConfig): { argv: string[]; env: Record<string, string> } | null {
	if (config.project.kind !== 'service' || config.project.framework !== 'django') return null;
	return { argv: ['python', '-m', 'django', 'collectstatic', '--noinput'], env: { DJANGO_SETTINGS_MODULE: djangoSettingsModule(config) } };
}

/**
 * Arguments a scheduled run of a command-line tool gets until the user puts
 * its own (the Kubernetes CronJob's `args`, the systemd oneshot's ExecStart):
 * the tool needs a COMMAND, and a schedule that fails every time as generated
 * helps nobody. `--version` exits 0 and says which release ran.
 */
export function scheduledArgs(config: ReadonlyConfig): string[] {
	return config.project.kind === 'cli' ? ['--version'] : [];
}
