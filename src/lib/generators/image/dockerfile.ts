/**
 * The Dockerfile: one multi-stage build per package manager, as a typed list
 * of instructions serialised by `writer.ts`.
 *
 * ```
 *   builder (python:X-slim-trixie + manager)     runtime (python:X-slim-trixie)
 *     1. manager / venv                            user app (10001), labels
 *     2. pyproject + lock only -> dependencies     COPY --from=builder /app/.venv
 *     3. whole context -> the project, no editable EXPOSE, HEALTHCHECK, CMD
 *     4. Django: collectstatic
 * ```
 *
 * Both stages start from the same `python:X-slim-trixie` image so the virtualenv's
 * interpreter link (`.venv/bin/python -> /usr/local/bin/python3`) resolves
 * in the runtime stage (uv issue 9414). The project is always installed as a
 * wheel, never editable, so copying the virtualenv alone is enough.
 *
 * With Docker Hardened Images (docker.baseImage `dhi`) the builder is
 * `dhi.io/python:X-debian13-dev` (root, a shell, pip) and the runtime
 * `dhi.io/python:X-debian13`, which has no shell: its stage has no RUN at all,
 * runs as the image's own `nonroot` (65532) and every command in it (CMD,
 * ENTRYPOINT, HEALTHCHECK) is exec form. Both have Python at /usr/bin/python3
 * (versions.ts DHI_PYTHON), so the venv link resolves there too.
 *
 * Guides followed: uv `docs/guides/integration/docker.md` and the
 * uv-docker-example `multistage.Dockerfile`; Poetry's FAQ ("Poetry busts my
 * Docker cache") and `docs/cli.md`; Docker's Python guide (`docker init`).
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { APP_PORT, CONTAINER_APP_DIR, CONTAINER_VENV, collectStatic, djangoSettingsModule, facts, imageRef, serveArgv } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { HEALTH_TIMING, healthArgv, lockFile, pythonImages, usesContainer } from './common.ts';
import { GENERATED_BY } from '../header.ts';
import { writeDockerfile, type Instruction } from './writer.ts';
import { c, blank, uvBuilder, poetryBuilder, pipBuilder } from './builders.ts';

export { UV_IMAGE } from './builders.ts';


/** Where collectstatic writes in the builder (STATIC_ROOT: `staticfiles` in WORKDIR) and the runtime stage reads. */
export const CONTAINER_STATIC_ROOT = `${CONTAINER_APP_DIR}/staticfiles`;

/**
 * Django's collectstatic as the builder runs it: derive.ts collectStatic() with
 * the venv's interpreter, in WORKDIR /app, with no secret and no database.
 * Null when the project is not Django.
 */
export function builderCollectStatic(config: ReadonlyConfig): { argv: string[]; env: Record<string, string> } | null {
	const cs = collectStatic(config);
	if (!cs) return null;
	const argv = cs.argv[0] === 'python' ? [`${CONTAINER_VENV}/bin/python`, ...cs.argv.slice(1)] : [...cs.argv];
	return { argv, env: { ...cs.env } };
}

/** A word a shell reads as itself (the writer rejects newlines; this rejects quoting needs). */
function shellSafe(word: string): string {
	if (!/^[\w./:=@%+,-]+$/.test(word)) throw new Error(`not a plain shell word: ${JSON.stringify(word)}`);
	return word;
}

function collectStaticStep(config: ReadonlyConfig): Instruction[] {
	const cs = builderCollectStatic(config);
	if (!cs) return [];
	const env = Object.entries(cs.env).map(([k, v]) => `${shellSafe(k)}=${shellSafe(v)}`);
	return [
		blank,
		c(`Django's static files, gathered into ${CONTAINER_STATIC_ROOT} for WhiteNoise (the runtime stage`),
		c('copies it). No secret and no database: settings.py reads no settings for collectstatic.'),
		{ kind: 'run', command: [[...env, ...cs.argv.map(shellSafe)].join(' ')] }
	];
}

/** OCI annotations from the project metadata (user text: escaped by the writer). */
export function ociLabels(config: ReadonlyConfig): [string, string][] {
	const p = config.project;
	const labels: [string, string][] = [['org.opencontainers.image.title', p.name]];
	if (p.description) labels.push(['org.opencontainers.image.description', p.description]);
	labels.push(['org.opencontainers.image.version', p.version]);
	// The OCI annotation is an SPDX expression: a legacy license kept verbatim is not one.
	if (p.license && p.licenseForm === 'spdx') labels.push(['org.opencontainers.image.licenses', p.license]);
	if (p.url) labels.push(['org.opencontainers.image.source', p.url]);
	const author = p.authorName && p.authorEmail ? `${p.authorName} <${p.authorEmail}>` : p.authorName || p.authorEmail;
	if (author) labels.push(['org.opencontainers.image.authors', author]);
	return labels;
}

/** The runtime stage's user: python-slim creates `app` (RUN); a DHI runtime has no shell and brings its own `nonroot`. */
function runtimeUser(config: ReadonlyConfig): Instruction[] {
	const img = pythonImages(config);
	if (!img.runtimeShell) return [];
	const u = img.user;
	return [
		c('An unprivileged user with a fixed UID/GID, no home and no login shell.'),
		{
			kind: 'run',
			command: [
				`groupadd --system --gid ${u.gid} ${u.name}`,
				`&& useradd --system --uid ${u.uid} --gid ${u.gid} --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ${u.name}`
			]
		}
	];
}

function runtime(config: ReadonlyConfig): Instruction[] {
	const f = facts(config);
	const p = config.project;
	const img = pythonImages(config);
	const env: [string, string][] = [
		['PYTHONDONTWRITEBYTECODE', '1'],
		['PYTHONUNBUFFERED', '1'],
		['VIRTUAL_ENV', CONTAINER_VENV],
		['PATH', `${CONTAINER_VENV}/bin:$PATH`]
	];
	if (p.kind === 'service' && p.framework === 'django') env.push(['DJANGO_SETTINGS_MODULE', djangoSettingsModule(config)]);
	const out: Instruction[] = [
		c('No .pyc writes at run time (bytecode is compiled at build); logs unbuffered.'),
		{ kind: 'env', vars: env },
		...runtimeUser(config),
		{ kind: 'workdir', path: CONTAINER_APP_DIR },
		c('Only the virtualenv: the project is installed in it as a wheel. Owned by root, so'),
		c('the app cannot modify its own code.'),
		{ kind: 'copy', from: 'builder', sources: [CONTAINER_VENV], dest: CONTAINER_VENV },
		...(collectStatic(config)
			? [c('And the static files collectstatic gathered (STATIC_ROOT, served by WhiteNoise).'), { kind: 'copy' as const, from: 'builder', sources: [CONTAINER_STATIC_ROOT], dest: CONTAINER_STATIC_ROOT }]
			: []),
		blank,
		{ kind: 'label', labels: ociLabels(config) },
		...(img.runtimeShell
			? [c('Numeric, so Kubernetes runAsNonRoot can verify it.')]
			: [c(`The image's own unprivileged user (${img.user.name}), numeric so Kubernetes runAsNonRoot can verify it.`)]),
		{ kind: 'user', user: `${img.user.uid}:${img.user.gid}` }
	];
	if (f.isWeb) {
		out.push(
			{ kind: 'expose', port: APP_PORT },
			c(img.runtimeShell ? 'Slim images have no curl: Python asks the health endpoint.' : 'No shell and no curl here: Python asks the health endpoint, exec form.'),
			{
				kind: 'healthcheck',
				options: [
					['interval', HEALTH_TIMING.interval],
					['timeout', HEALTH_TIMING.timeout],
					['start-period', HEALTH_TIMING.startPeriod],
					['start-interval', HEALTH_TIMING.startInterval],
					['retries', String(HEALTH_TIMING.retries)]
				],
				argv: healthArgv()
			},
			{ kind: 'cmd', argv: serveArgv(config) }
		);
	} else if (p.kind === 'cli') {
		out.push(c('docker run IMAGE --help: arguments go to the command-line tool.'), { kind: 'entrypoint', argv: serveArgv(config) }, { kind: 'cmd', argv: ['--help'] });
	} else {
		out.push({ kind: 'cmd', argv: serveArgv(config) });
	}
	return out;
}

/** The Dockerfile's instructions (exported for tests). */
export function dockerfileInstructions(config: ReadonlyConfig): Instruction[] {
	const m = config.packaging.manager;
	const builder = m === 'uv' ? uvBuilder(config) : m === 'poetry' ? poetryBuilder(config) : pipBuilder(config);
	const img = pythonImages(config, '<PYTHON_VERSION>');
	const digestNote = config.docker.baseImageDigest
		? [c(img.kind === 'dhi' ? `The digest pins the runtime image ${img.runtime.replace(/@.*/, '')} exactly: change both together.` : `The digest pins ${img.runtime.replace(/@.*/, '')} exactly: change both together.`)]
		: [];
	const from = pythonImages(config);
	return [
		{ kind: 'syntax', frontend: 'docker/dockerfile:1' },
		c(GENERATED_BY),
		c(`Build: docker build -t ${imageRef(config)} .   (needs ${lockFile(m)}; see README.Docker.md)`),
		blank,
		...(img.kind === 'dhi'
			? [
					c('Docker Hardened Images: pulling needs "docker login dhi.io" (a free Docker account).'),
					c(`The Python of both stages: the virtualenv links to ${img.python}.`)
				]
			: [c(`The Python of both stages: the virtualenv links to ${img.python}.`)]),
		{ kind: 'arg', name: 'PYTHON_VERSION', value: config.project.pythonVersion },
		...digestNote,
		blank,
		c(`---- builder: ${m}, build tools, the virtualenv ----`),
		{ kind: 'from', image: from.builder, as: 'builder' },
		...builder,
		...collectStaticStep(config),
		blank,
		c(img.runtimeShell ? '---- runtime: the virtualenv and nothing else ----' : '---- runtime: the virtualenv and nothing else; no shell, so no RUN ----'),
		{ kind: 'from', image: from.runtime, as: 'runtime' },
		...runtime(config)
	];
}

/** The Dockerfile generator (container targets only). */
export function dockerfile(config: ReadonlyConfig): GeneratedFile[] {
	if (!usesContainer(config)) return [];
	return [{ path: 'Dockerfile', content: writeDockerfile(dockerfileInstructions(config)), language: 'dockerfile' }];
}
