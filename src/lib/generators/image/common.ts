/**
 * Facts the container outputs share (Dockerfile, .dockerignore, compose,
 * README.Docker.md), derived from the model so they always agree.
 */
import type { BaseImage, PackageManager, ReadonlyConfig } from '../../model/config.ts';
import { APP_PORT, APP_USER, HEALTH_PATH, runsImage } from '../../model/derive.ts';
import { DHI_PYTHON } from '../versions.ts';
import { pipCompile } from '../cooldown.ts';
import { MANAGERS } from '../../model/managers.ts';

/**
 * The Python images of the Dockerfile's two stages, from DockerConfig.baseImage:
 * the official `python:X-slim-trixie` for both, or Docker Hardened Images'
 * `dhi.io/python:X-debian13-dev` builder (shell, pip, root) and `dhi.io/python:X-debian13`
 * runtime (no shell, runs as its own `nonroot`). `${PYTHON_VERSION}` is the Dockerfile's ARG.
 * The digest (baseImageDigest) pins the runtime stage's image; with python-slim that is
 * the builder's image too.
 */
export interface PythonImages {
	kind: BaseImage;
	/** FROM of the builder and of the runtime stage, as written (ARG reference kept). */
	builder: string;
	runtime: string;
	/** `name:tag` of the runtime image with X for the version, as README and comments name it. */
	runtimeName: string;
	builderName: string;
	/** The interpreter both stages have, which the virtualenv links to. */
	python: string;
	/** Whether the runtime image has a shell (RUN works there). */
	runtimeShell: boolean;
	/** The runtime stage's non-root user. */
	user: { name: string; uid: number; gid: number };
}

export function pythonImages(config: ReadonlyConfig, version = '${PYTHON_VERSION}'): PythonImages {
	const d = config.docker.baseImageDigest;
	const pin = d ? `@${d}` : '';
	if (config.docker.baseImage === 'dhi') {
		const tag = (v: string) => `${DHI_PYTHON.repository}:${v}-${DHI_PYTHON.debian}`;
		return {
			kind: 'dhi',
			builder: `${tag(version)}-dev`,
			runtime: `${tag(version)}${pin}`,
			runtimeName: tag('X'),
			builderName: `${tag('X')}-dev`,
			python: DHI_PYTHON.python,
			runtimeShell: false,
			user: { ...DHI_PYTHON.user }
		};
	}
	const slim = (v: string) => `python:${v}-slim-trixie`;
	return {
		kind: 'python-slim',
		builder: `${slim(version)}${pin}`,
		runtime: `${slim(version)}${pin}`,
		runtimeName: slim('X'),
		builderName: slim('X'),
		python: '/usr/local/bin/python3',
		runtimeShell: true,
		user: { ...APP_USER }
	};
}

/**
 * Whether the project ships as a container image: targets `docker` and
 * `kubernetes`, and serverless on Cloud Run (which runs images). Never for a
 * library, which is not deployed.
 */
export function usesContainer(config: ReadonlyConfig): boolean {
	return runsImage(config);
}

/** The URL the health check asks, from inside the container (loopback: the app listens on 0.0.0.0). */
export function healthUrl(): string {
	return `http://127.0.0.1:${APP_PORT}${HEALTH_PATH}`;
}

/**
 * The health-check command. Slim images have no curl or wget, so Python's
 * urllib asks the health endpoint: `urlopen` raises on a refused connection,
 * a timeout or any HTTP status >= 400, which exits 1 (unhealthy).
 */
export function healthArgv(): string[] {
	return ['python', '-c', `import urllib.request; urllib.request.urlopen('${healthUrl()}', timeout=4)`];
}

/** Health-check timings shared by HEALTHCHECK and compose (start period: imports and first connections). */
export const HEALTH_TIMING = { interval: '30s', timeout: '5s', startPeriod: '30s', startInterval: '2s', retries: 3 } as const;

/** The file that pins the dependency versions the image installs, per manager. */
export function lockFile(manager: PackageManager): string {
	return MANAGERS[manager].lockFile;
}

/** The command that (re)creates the lock file, as the user types it. */
export function lockCommand(config: ReadonlyConfig): string {
	const m = MANAGERS[config.packaging.manager];
	if (m.lock) return m.lock;
	return config.packaging.pipWorkflow === 'pip-tools' ? pipCompile(config, 'requirements.in') : `write ${m.lockFile}`;
}

/** Files the image build reads from the context (the .dockerignore lets exactly these in). */
export function buildInputs(config: ReadonlyConfig): string[] {
	// A legacy `license = { file = ... }` (kept verbatim) is read by the build backend: let it in too.
	const license = config.project.licenseForm === 'file' ? config.project.license : 'LICENSE';
	return ['pyproject.toml', 'README.md', license, lockFile(config.packaging.manager), 'src/'];
}
