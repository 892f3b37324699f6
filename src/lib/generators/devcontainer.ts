/**
 * `.devcontainer/devcontainer.json` for every project (issue 20.3), and
 * `.devcontainer/compose.yaml` beside it when the project uses PostgreSQL or Redis.
 *
 * - Image: the official devcontainers Python image of the config's Python on
 *   Debian 13 (`mcr.microsoft.com/devcontainers/python:<py>-trixie`, versions.ts
 *   DEVCONTAINER). For a Python the images are not published for (3.15), the
 *   newest image is used and the official Python feature builds the config's
 *   Python into it when the container is created (its PATH comes first), so
 *   `python`, the venv and the manager all get the right version; never a tag
 *   that does not exist.
 * - The manager: uv and Poetry are not in the image and have no official
 *   feature (versions.ts DEVCONTAINER.pythonFeature), so `onCreateCommand`
 *   installs the pinned one with the image's pipx. pip needs nothing.
 * - `postCreateCommand`: the README's set-up steps (project-readme.ts
 *   setupSteps), joined with `&&`: lock and create the environment with the
 *   project and its dev dependencies.
 * - PostgreSQL / Redis (where the settings read their URL): a compose file of its own for every target, with a
 *   `dev` service (the image above, the repository mounted, idle on
 *   `sleep infinity` as the official PostgreSQL template does: versions.ts
 *   DEVCONTAINER.composeTemplate) and the same postgres
 *   and redis images as compose.yaml; devcontainer.json joins it with
 *   `dockerComposeFile` + `service` + `runServices` + `workspaceFolder`. The
 *   docker target's compose.yaml is not reused: its app service is the
 *   read-only runtime image, and it needs `.env` before the container could
 *   even start. The dev service reads DATABASE_URL / REDIS_URL pointed at the
 *   service names; the database credentials are .env.example's (local
 *   development values, never a deployment's).
 *
 * Written with JSON.stringify (and the YAML writer): no user text is pasted.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { APP_PORT, POSTGRES, REDIS, facts } from '../model/derive.ts';
import { POSTGRES_IMAGE, REDIS_IMAGE, postgresDataDir } from './targets/docker/compose.ts';
import { setupSteps } from './setup-steps.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED_BY } from './header.ts';
import { DEVCONTAINER, TOOLS } from './versions.ts';
import { writeYaml } from './writers/yaml.ts';

export const DEVCONTAINER_PATH = '.devcontainer/devcontainer.json';
export const DEVCONTAINER_COMPOSE_PATH = '.devcontainer/compose.yaml';
/** The compose service the editor attaches to. */
export const DEV_SERVICE = 'dev';
/** Where the repository is mounted in the compose case (the image case uses the tool's default). */
export const DEV_WORKSPACE = '/workspace';

/** The image, and the Python the feature must add when the image of that Python is not published. */
export function devImage(config: ReadonlyConfig): { image: string; buildPython: string | null } {
	const py = config.project.pythonVersion;
	const published = DEVCONTAINER.pythons.includes(py);
	const tag = published ? py : DEVCONTAINER.pythons[DEVCONTAINER.pythons.length - 1];
	return { image: `${DEVCONTAINER.repository}:${tag}-${DEVCONTAINER.debian}`, buildPython: published ? null : py };
}

/** `onCreateCommand`: the manager into the container (pipx is in the image), or null (pip). */
export function managerInstall(config: ReadonlyConfig): string | null {
	const m = config.packaging.manager;
	if (m === 'uv') return `pipx install uv==${TOOLS.uv}`;
	if (m === 'poetry') return `pipx install poetry==${TOOLS.poetry}`;
	return null;
}

/** `postCreateCommand`: the README's set-up, in order. */
export function devSetupCommand(config: ReadonlyConfig): string {
	return setupSteps(config)
		.map((s) => s.cmd)
		.join(' && ');
}

/**
 * The backing services the dev container runs beside: PostgreSQL / Redis where the app's
 * settings read their URL (a library has no settings, so none; nor does anything else of it).
 */
export function devServices(config: ReadonlyConfig): string[] {
	const out: string[] = [];
	if (config.services.postgres && serviceUrl(config, 'DATABASE_URL', POSTGRES.host)) out.push(POSTGRES.host);
	if (config.services.redis && serviceUrl(config, 'REDIS_URL', REDIS.host)) out.push(REDIS.host);
	return out;
}

/** .env.example's connection URL of `name`, pointed at the compose service `host`; null when the settings lack it. */
function serviceUrl(config: ReadonlyConfig, name: string, host: string): URL | null {
	const v = facts(config).env.find((e) => e.name === name);
	if (!v) return null;
	const url = new URL(v.example);
	url.hostname = host;
	return url;
}

/** The `.devcontainer/compose.yaml` document. */
export function devComposeDoc(config: ReadonlyConfig): Record<string, unknown> {
	const { image } = devImage(config);
	const names = devServices(config);
	const environment: Record<string, string> = {};
	const db = serviceUrl(config, 'DATABASE_URL', POSTGRES.host);
	const cache = serviceUrl(config, 'REDIS_URL', REDIS.host);
	if (names.includes(POSTGRES.host) && db) environment.DATABASE_URL = db.href;
	if (names.includes(REDIS.host) && cache) environment.REDIS_URL = cache.href;
	const services: Record<string, unknown> = {
		[DEV_SERVICE]: {
			image,
			command: ['sleep', 'infinity'],
			volumes: [{ type: 'bind', source: '..', target: DEV_WORKSPACE }],
			depends_on: names,
			environment
		}
	};
	const volumes: Record<string, Record<string, never>> = {};
	if (names.includes(POSTGRES.host) && db) {
		// The postgres image creates the user and database of .env.example's DATABASE_URL.
		services[POSTGRES.host] = {
			image: POSTGRES_IMAGE,
			environment: { POSTGRES_USER: decodeURIComponent(db.username), POSTGRES_PASSWORD: decodeURIComponent(db.password), POSTGRES_DB: decodeURIComponent(db.pathname.slice(1)) },
			volumes: [{ type: 'volume', source: 'devpgdata', target: postgresDataDir() }]
		};
		volumes.devpgdata = {};
	}
	if (names.includes(REDIS.host)) services[REDIS.host] = { image: REDIS_IMAGE };
	const doc: Record<string, unknown> = { services };
	if (Object.keys(volumes).length) doc.volumes = volumes;
	return doc;
}

/** The devcontainer.json document. */
export function devcontainerDoc(config: ReadonlyConfig): Record<string, unknown> {
	const { image, buildPython } = devImage(config);
	const services = devServices(config);
	const doc: Record<string, unknown> = { name: config.project.name };
	if (services.length) {
		doc.dockerComposeFile = ['compose.yaml'];
		doc.service = DEV_SERVICE;
		doc.runServices = [DEV_SERVICE, ...services];
		doc.workspaceFolder = DEV_WORKSPACE;
	} else doc.image = image;
	// installTools false: the image has its own pipx tools; the feature only adds the Python.
	if (buildPython) doc.features = { [DEVCONTAINER.pythonFeature.id]: { version: buildPython, installTools: false } };
	const install = managerInstall(config);
	if (install) doc.onCreateCommand = install;
	doc.postCreateCommand = devSetupCommand(config);
	if (facts(config).isWeb) doc.forwardPorts = [APP_PORT];
	doc.customizations = { vscode: { extensions: [...DEVCONTAINER.vscodeExtensions] } };
	return doc;
}

/** The dev container generator (every configuration). */
export function devcontainer(config: ReadonlyConfig): GeneratedFile[] {
	const files: GeneratedFile[] = [{ path: DEVCONTAINER_PATH, content: `${JSON.stringify(devcontainerDoc(config), null, 2)}\n`, language: 'json' }];
	if (devServices(config).length)
		files.push({
			path: DEVCONTAINER_COMPOSE_PATH,
			content: writeYaml(devComposeDoc(config), [
				GENERATED_BY,
				'The dev container (devcontainer.json) and the services it works with, for development only:',
				'the database credentials are .env.example\'s. Deployment files do not use this file.'
			]),
			language: 'yaml'
		});
	return files;
}

