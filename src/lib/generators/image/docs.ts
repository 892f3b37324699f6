/**
 * README.Docker.md: how to build and run the image (and the compose stack
 * for target `docker`), written from the same facts as the files it
 * describes. The only user text it shows is the project name and the image
 * name, both validated identifiers; they are still passed through `code()`.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { APP_PORT, GUNICORN_DEFAULT_THREADS, GUNICORN_DEFAULT_WORKERS, HEALTH_PATH, facts, gunicornConfModule, hasCompose, imageRef, serverEnv } from '../../model/derive.ts';
import { targetOf } from '../../model/targets.ts';
import { celeryFacts, migrateCommand } from '../../model/runtime.ts';
import { MANAGERS } from '../../model/managers.ts';
import type { GeneratedFile } from '../types.ts';
import { GENERATED_BY } from '../header.ts';
import { composeProjectName } from '../targets/docker/compose.ts';
import { lockCommand, lockFile, pythonImages, usesContainer } from './common.ts';
import { DHI_PYTHON } from '../versions.ts';
import { code, fence, markdownDocument } from '../writers/markdown.ts';

function lockSection(config: ReadonlyConfig): string[] {
	const m = config.packaging.manager;
	const file = lockFile(m);
	const lines = ['## 1. Lock the dependencies first', ''];
	if (m === 'pip' && config.packaging.pipWorkflow !== 'pip-tools') {
		lines.push(
			`The image installs exactly what ${code(file)} lists, then the project without its`,
			`dependencies; ${code('pip check')} fails the build if the file misses one. Pin every`,
			'runtime dependency there (for example from a working virtualenv: `pip freeze`), commit it.'
		);
	} else {
		lines.push(
			`Slipway runs in a browser and cannot resolve dependencies, so it does not write`,
			`${code(file)}. Create it once and commit it:`,
			'',
			...fence('sh', lockCommand(config)),
			'',
			`Without it the build stops at once with "${file} is missing". With a stale lock`,
			m === 'uv'
				? `(pyproject.toml changed since) \`${MANAGERS.uv.lockGuard}\` fails: run \`${MANAGERS.uv.lock}\` again.`
				: m === 'poetry'
					? `(pyproject.toml changed since) Poetry refuses to install: run \`${MANAGERS.poetry.lock}\` again.`
					: `run \`${lockCommand(config)}\` again.`
		);
	}
	return lines;
}

function composeSection(config: ReadonlyConfig): string[] {
	const f = facts(config);
	const p = config.project;
	const name = composeProjectName(config);
	const out = [
		'## 3. Run the stack with Docker Compose',
		'',
		...fence('sh', 'cp .env.example .env        # then edit: every password and secret', 'docker compose up --build   # development: also merges compose.override.yaml'),
		'',
		`${code('compose.yaml')} is the production-like stack (project ${code(name)}). Compose reads`,
		'`.env` twice: to fill `${VAR}` references in the file, and as the app\'s environment',
		'(`env_file`). It refuses to start while a required variable is missing, naming it.'
	];
	if (config.services.postgres || config.services.redis) {
		out.push(
			'',
			'Backing services:',
			''
		);
		if (config.services.postgres)
			out.push(
				'- **postgres**: data in the named volume `pgdata`; healthy once `pg_isready` answers',
				'  over TCP. The app gets `DATABASE_URL` built from `POSTGRES_USER`, `POSTGRES_PASSWORD`',
				'  and `POSTGRES_DB` (use a URL-safe password: letters, digits, `-`, `_`).'
			);
		if (config.services.redis) out.push('- **redis**: data in the named volume `redisdata`; healthy once `redis-cli ping` answers.');
		const celery = celeryFacts(config);
		if (celery) {
			out.push(
				p.kind === 'worker'
					? `- **app** is the Celery worker here: healthy once ${code(celery.pingArgv.join(' '))} answers from inside it.`
					: `- **worker**: the Celery worker (the app's image); healthy once ${code(celery.pingArgv.join(' '))} answers from inside it. Scale it with more replicas.`,
				`  On a stop it finishes its running tasks (warm shutdown) within \`stop_grace_period\`, ${celery.stopGraceSeconds} s: the ${celery.timeLimitSeconds} s task time limit and a margin.`,
				'- **beat**: the Celery beat scheduler, one container only (two would send every scheduled task twice).'
			);
		}
		out.push('', 'The app starts only after they report healthy (`depends_on: condition: service_healthy`).');
		out.push('They publish no ports; reach them with `docker compose exec postgres psql -U "$POSTGRES_USER"` or `docker compose exec redis redis-cli`.');
	}
	if (f.isWeb)
		out.push(
			'',
			`The app is published on ${code(`http://127.0.0.1:${APP_PORT}`)} only: Docker's published ports`,
			'bypass host firewalls, so binding to loopback keeps a development stack off the network.',
			'Change `host_ip` in compose.yaml deliberately if it must be reachable from elsewhere.'
		);
	out.push(
		'',
		'### Development override',
		'',
		'`docker compose up` merges `compose.override.yaml`: `src/` is mounted read-only at',
		'`/app/src` and put first on `PYTHONPATH`, so it shadows the installed package;'
	);
	if (p.kind === 'service' && p.framework === 'fastapi') out.push('uvicorn runs with `--reload`.');
	else if (p.kind === 'service' && p.framework === 'flask') out.push('gunicorn runs with `--reload`.');
	else if (p.kind === 'service' && p.framework === 'django') out.push('Django\'s `runserver` reloads on change (and serves static files while `DEBUG` is true).');
	else out.push('restart to pick up changes: `docker compose restart app`.');
	out.push(
		'Changed dependencies need a rebuild: `docker compose up --build`.',
		'(`develop.watch` with `docker compose watch` is an alternative; a bind mount works',
		'with plain `docker compose up`.)',
		'',
		'Production-like, without the override:',
		'',
		...fence(
			'sh',
			'docker compose -f compose.yaml up -d --build',
			'docker compose -f compose.yaml ps        # STATUS shows (healthy)',
			'docker compose -f compose.yaml logs -f app',
			'docker compose -f compose.yaml down      # add -v to delete the volumes too'
		)
	);
	if (p.kind === 'cli') out.push('', 'Run the tool with arguments: `docker compose run --rm app --help`.');
	return out;
}

/** SQLAlchemy + Alembic: the deploy's one-off `python -m <pkg>.migrate` (model/runtime.ts migrateCommand). */
function alembicSection(config: ReadonlyConfig): string[] {
	const m = migrateCommand(config);
	if (m?.tool !== 'alembic') return [];
	return [
		'## Database migrations (Alembic)',
		'',
		'Migrations are a separate step, never run at image build (the build has no database) nor at',
		'every start (several replicas would race). The image carries them inside the package: run',
		'them once per release, with a `DATABASE_URL` that reaches the database from inside a container:',
		'',
		...fence('sh', `docker run --rm --env-file .env ${imageRef(config)} ${m.script.join(' ')}`),
		...(hasCompose(config) ? ['', 'With Compose (a one-off service in the `migrate` profile):', '', ...fence('sh', 'docker compose --profile migrate run --rm migrate')] : []),
		''
	];
}

function djangoSection(config: ReadonlyConfig): string[] {
	const p = config.project;
	if (p.kind !== 'service' || p.framework !== 'django') return [];
	const composeLines =
		hasCompose(config)
			? ['', 'With Compose (a one-off service in the `migrate` profile):', '', ...fence('sh', 'docker compose --profile migrate run --rm migrate')]
			: [];
	return [
		'## Django: migrations and static files',
		'',
		'Migrations are a separate step, never run at image build (the build has no database)',
		'nor at every start (several replicas would race). Run them once per release, with a',
		'`DATABASE_URL` that reaches the database from inside a container:',
		'',
		...fence('sh', `docker run --rm --env-file .env ${imageRef(config)} django-admin migrate --noinput`),
		...composeLines,
		'',
		'Static files are part of the image: the builder runs `collectstatic` into',
		'`/app/staticfiles` (`STATIC_ROOT`, the working directory\'s `staticfiles`), the runtime',
		'stage copies it, and WhiteNoise serves it from the app server, compressed, under',
		'content-hashed names that browsers may cache for good. The build needs no secret and no',
		'database: settings.py reads no settings when the command is `collectstatic`; the',
		'server and every other command still refuse to start without `SECRET_KEY`.',
		'',
		'HTTPS: `HTTPS_ONLY` (default `true`, as every deployment sets it) redirects plain HTTP to',
		'HTTPS, sends HSTS and marks cookies `Secure`, for a TLS-terminating proxy in front that',
		'sets `X-Forwarded-Proto`. `.env.example` sets `false` for the plain-HTTP runs above;',
		`\`${HEALTH_PATH}\` answers plain HTTP either way. Check a production environment with`,
		`\`docker run --rm --env-file prod.env ${imageRef(config)} python -m django check --deploy\`.`,
		''
	];
}

function gunicornSection(config: ReadonlyConfig): string[] {
	const mod = gunicornConfModule(config);
	if (!mod) return [];
	const set = serverEnv(config).WEB_CONCURRENCY;
	const where = targetOf(config)?.setsServerEnv ?? null;
	return [
		'## gunicorn workers',
		'',
		`gunicorn reads its settings from \`${mod}\` (\`src/${mod.replace(/\./g, '/')}.py\`), installed with the`,
		'package, so the image, Kubernetes and bare metal run the same configuration:',
		`\`WEB_CONCURRENCY\` worker processes (default ${GUNICORN_DEFAULT_WORKERS}) with \`GUNICORN_THREADS\` threads each`,
		`(default ${GUNICORN_DEFAULT_THREADS}), access log on stdout.${where ? ` ${where} \`WEB_CONCURRENCY: "${set}"\` for its 1-CPU limit.` : ''}`,
		'Use about twice the CPUs the container may use (`docker run -e WEB_CONCURRENCY=4`);',
		'`GUNICORN_CMD_ARGS` overrides single settings.',
		''
	];
}

/** The README.Docker.md text. */
export function dockerReadme(config: ReadonlyConfig): string {
	const f = facts(config);
	const m = config.packaging.manager;
	const image = imageRef(config);
	const img = pythonImages(config);
	const imgAt = pythonImages(config, config.project.pythonVersion);
	const runFlags = f.isWeb ? `-p 127.0.0.1:${APP_PORT}:${APP_PORT} ` : '';
	const envFlag = f.hasSettings ? '--env-file .env ' : '';
	const guide =
		m === 'uv'
			? 'uv\'s Docker guide (docs.astral.sh/uv/guides/integration/docker) and its uv-docker-example multistage build'
			: m === 'poetry'
				? 'Poetry\'s FAQ on Docker layer caching, with the project installed as a wheel'
				: 'Docker\'s Python guide (docs.docker.com/guides/python), with a virtualenv and a wheel';
	const lines = [
		`<!-- ${GENERATED_BY} -->`,
		`# Running ${code(config.project.name)} in a container`,
		'',
		`The ${code('Dockerfile')} is a two-stage build following ${guide}:`,
		'',
		...(img.kind === 'dhi'
			? [
					`- **builder**: Docker Hardened Images' \`${imgAt.builder}\` (root, a shell, pip) plus ${m === 'pip' ? 'pip' : m};`,
					'  installs the locked dependencies first (a cached layer), then the project, non-editable, into `/app/.venv`;',
					`- **runtime**: \`${imgAt.runtime.replace(/@.*/, '')}\`, which has no shell and no package manager, with only`,
					`  \`/app/.venv\`, run as the image's own unprivileged user \`${img.user.name}\` (UID ${img.user.uid}). Nothing runs in that stage`,
					`  (no \`RUN\`); ${f.isWeb ? `it listens on port ${APP_PORT} with an exec-form \`HEALTHCHECK\` on \`${HEALTH_PATH}\`` : 'its command is exec form'}. To look inside a running`,
					'  container, use Docker Debug (there is no shell for docker exec to start).'
				]
			: [
					`- **builder**: the official \`${imgAt.builder.replace(/@.*/, '')}\` image plus ${m === 'pip' ? 'pip' : m}; installs the locked`,
					'  dependencies first (a cached layer), then the project, non-editable, into `/app/.venv`;',
					'- **runtime**: the same base image with only `/app/.venv`, run as the unprivileged user',
					`  \`${img.user.name}\` (UID ${img.user.uid}), ${f.isWeb ? `listening on port ${APP_PORT} with a \`HEALTHCHECK\` on \`${HEALTH_PATH}\`` : 'without a shell login or home'}.`
				]),
		'',
		'`.dockerignore` is an allowlist: only `pyproject.toml`, `README.md`, `LICENSE`,',
		`${code(lockFile(m))} and \`src/\` reach the build. Secrets (\`.env\`), \`.git\` and virtualenvs never do;`,
		'add a `!path` line there if the build needs another file.',
		'',
		...lockSection(config),
		'',
		'## 2. Build and run the image',
		'',
		'BuildKit is required (the default since Docker Engine 23).',
		...(img.kind === 'dhi'
			? [
					'',
					'Docker Hardened Images are free, but dhi.io serves them only to a signed-in client: log in once',
					'with your Docker ID (a free Docker account) or a Docker access token before the first build.',
					'The release workflow does the same with the repository secrets `DOCKERHUB_USERNAME` and `DOCKERHUB_TOKEN`.',
					'',
					...fence('sh', `docker login ${DHI_PYTHON.registry}`)
				]
			: []),
		'',
		...fence(
			'sh',
			`docker build -t ${image} .`,
			...(f.hasSettings ? ['cp .env.example .env   # then edit it'] : []),
			`docker run --rm ${runFlags}${envFlag}${image}${config.project.kind === 'cli' ? ' --help' : ''}`
		),
		''
	];
	if (f.isWeb)
		lines.push(
			`Then \`curl http://127.0.0.1:${APP_PORT}${HEALTH_PATH}\`. \`docker ps\` shows \`(healthy)\` once the`,
			`health check passes (python's urllib: ${img.kind === 'dhi' ? 'the hardened runtime has no shell and no curl' : 'slim images have no curl'}).`,
			''
		);
	lines.push(
		'Build for another Python with `--build-arg PYTHON_VERSION=3.13` (both stages follow it).',
		config.docker.baseImageDigest
			? 'The base image is pinned by digest: update the digest together with `PYTHON_VERSION`.'
			: `Pin the base image by digest for reproducible builds: set it in Slipway, or write \`${img.runtimeName}@sha256:...\`.`,
		'Secrets are never build arguments or `ENV`: pass them at run time (`--env-file`, orchestrator secrets).',
		''
	);
	if (hasCompose(config)) lines.push(...composeSection(config), '');
	lines.push(...gunicornSection(config));
	lines.push(...djangoSection(config));
	lines.push(...alembicSection(config));
	lines.push(
		'## Testing the image end to end',
		'',
		'Slipway\'s repository has `tests/docker/run.sh`: for each package manager it generates a',
		'project, locks it, checks that a missing lock fails the build with its message, builds the',
		'image, starts it, polls its health check and stops it. It needs a Docker engine.',
		''
	);
	return markdownDocument(lines);
}

/** The README.Docker.md generator (container targets only). */
export function dockerDocs(config: ReadonlyConfig): GeneratedFile[] {
	if (!usesContainer(config)) return [];
	return [{ path: 'README.Docker.md', content: dockerReadme(config), language: 'markdown' }];
}
