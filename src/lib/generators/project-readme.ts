/**
 * The project's README.md: setup, run, test, build and deploy commands for the
 * chosen manager and target (the lock file first), dependency updates, release
 * and licence. repo-files.ts lists it with the other repository files.
 */
import { shareLink } from './slipway-json.ts';
import type { ReadonlyConfig } from '../model/config.ts';
import { APP_PORT, deployTarget, facts, githubRepository, HEALTH_PATH, imageRef, runsImage } from '../model/derive.ts';
import { normalizeName } from '../model/pep.ts';
import { imageTag } from '../model/deployment.ts';
import { configSpelling, targetOf } from '../model/targets.ts';
import { isOpenSource, licenseInfo } from '../model/licenses.ts';
import { hasLicenseText } from '../model/validate.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED } from './header.ts';
import { COOLDOWN } from './versions.ts';
import { cooldownDays, uvExcludeNewer } from './cooldown.ts';
import { DEPENDABOT_PATH, composeDirectories, ecosystems } from './dependabot.ts';
import { migrateCommand, readinessPath, workerMode, workerQueue } from '../model/runtime.ts';
import { celeryReadmeLines } from './skeleton/celery.ts';
import { MANAGERS } from '../model/managers.ts';
import { code, fence, markdownDocument, mdText } from './writers/markdown.ts';
import { lockFile } from './image/common.ts';
import { setupSteps } from './setup-steps.ts';
import { DEVCONTAINER_COMPOSE_PATH, DEVCONTAINER_PATH, devImage, devServices } from './devcontainer.ts';

/** Where the target documents its deployment: the registry's guide (a file the target's generator writes), null for a library. */
export function deployDoc(config: ReadonlyConfig): string | null {
	return targetOf(config)?.guide ?? null;
}

interface Commands {
	/** Steps before anything else (lock, environment). */
	setup: string[];
	/** Prefix to run a tool inside the environment (`uv run `, `poetry run `, ''). */
	run: string;
	build: string;
	lockNote: string;
}

function commands(config: ReadonlyConfig): Commands {
	const pk = config.packaging;
	// What refuses to run without the lock file: CI, and the deployment build for a project that deploys (a library has none).
	const lib = deployTarget(config) === null;
	const refuse = lib ? 'refuses' : 'and the Docker build refuse';
	const m = MANAGERS[pk.manager];
	const setup = setupSteps(config).map((s) => s.cmd + s.note);
	/** A command with its comment in the column the README aligns them to. */
	const line = (cmd: string, comment: string) => `${cmd.padEnd(24)}# ${comment}`;
	if (pk.manager === 'uv' || pk.manager === 'poetry')
		return {
			setup,
			run: m.run,
			build: line(m.build, 'sdist and wheel in dist/'),
			lockNote: `Slipway generates files in your browser, which cannot resolve dependency versions, so there is no \`${m.lockFile}\` yet. Create it first and commit it: CI (\`${m.lockGuard}\`) ${refuse} to run without it.`
		};
	if (pk.pipWorkflow === 'pip-tools')
		return {
			setup,
			run: '',
			build: `${m.build}   # sdist and wheel in dist/`,
			lockNote: `Slipway generates files in your browser, which cannot resolve dependency versions, so the pinned \`requirements.txt\` and \`requirements-dev.txt\` do not exist yet. Compile them from the \`.in\` files first and commit them: ${lib ? 'CI installs' : 'CI and the Docker build install'} from them.`
		};
	return {
		setup,
		run: '',
		build: `${m.build}   # sdist and wheel in dist/`,
		lockNote: '`requirements.txt` lists the runtime dependencies of `pyproject.toml` with version ranges (keep both in sync); `requirements-dev.txt` adds the development tools.'
	};
}

function runSection(config: ReadonlyConfig, c: Commands): string[] {
	const f = facts(config);
	const p = config.project;
	const r = c.run;
	const out: string[] = [];
	if (p.kind === 'service') {
		const dev =
			p.framework === 'fastapi'
				? `${r}uvicorn ${f.pkg}.main:app --reload --port ${APP_PORT}`
				: p.framework === 'flask'
					? `${r}flask --app '${f.pkg}.app:create_app()' run --debug --port ${APP_PORT}`
					: `${r}python manage.py migrate && ${r}python manage.py runserver ${APP_PORT}`;
		out.push(
			'Development server (reloads on change):',
			'',
			...fence('sh', dev),
			'',
			`Production server, as the deployment files run it: \`${r}${f.script}\` (same as \`${r}python -m ${f.pkg}\`). Check it: \`curl http://localhost:${APP_PORT}${HEALTH_PATH}\` answers \`{"status":"ok"}\`.`
		);
		const ready = readinessPath(config);
		if (ready)
			out.push(
				'',
				`Database (SQLAlchemy + Alembic): with PostgreSQL running at \`.env\`'s \`DATABASE_URL\`, apply the migrations (\`src/${f.pkg}/migrations\`):`,
				'',
				...fence('sh', `${r}alembic upgrade head`),
				'',
				`After changing \`src/${f.pkg}/models.py\`, write the next migration with \`${r}alembic revision --autogenerate -m "what changed"\`, review it, and upgrade again. Deploys run \`${migrateCommand(config)?.label ?? ''}\` once per release. Readiness asks the database: \`curl http://localhost:${APP_PORT}${ready}\` answers \`{"status":"ok"}\`, or 503 while the database is down; \`${HEALTH_PATH}\` never asks it.`
			);
		out.push(...celeryReadmeLines(config, r));
	} else if (p.kind === 'cli') {
		out.push(...fence('sh', `${r}${f.script} --help`, `${r}${f.script} hello Ada`, `${r}${f.script} config     # effective settings, secrets hidden`));
	} else if (p.kind === 'worker') {
		if (workerMode(config) === 'celery') out.push(...fence('sh', `${r}${f.script}            # a Celery worker, until SIGTERM / Ctrl-C`), ...celeryReadmeLines(config, r));
		else out.push(...fence('sh', `${r}${f.script}            # runs until SIGTERM / Ctrl-C`, `${r}${f.script} --once     # one job (or tick), then exit`));
		if (workerMode(config) === 'queue')
			out.push('', `The worker takes JSON jobs from the Redis list \`${workerQueue(config)}\`. Enqueue one: \`redis-cli RPUSH ${workerQueue(config)} '{"id": 1}'\`.`);
	} else {
		out.push(...fence('python', `from ${f.pkg} import greet`, '', 'print(greet("world"))  # Hello, world!'));
	}
	return out;
}

/**
 * What release.yml does to the image it pushes, and how to check it: BuildKit's provenance and
 * SBOM in the image index, and GitHub's signed build-provenance attestation of its digest,
 * which `gh attestation verify` checks against the repository that ran the workflow.
 */
function imageProvenance(config: ReadonlyConfig): string[] {
	const image = imageRef(config);
	const repo = githubRepository(config.project.url);
	return [
		`Pushing a tag \`v${config.project.version}\` builds the image \`${image}\` and pushes it (\`.github/workflows/release.yml\`) with BuildKit's provenance (\`mode=max\`) and an SBOM, then GitHub signs a build-provenance attestation of its digest (actions/attest; the job's \`id-token: write\` and \`attestations: write\`) and pushes it beside the image. Verify a pushed image with the GitHub CLI, signed in to GitHub and to the registry:`,
		'',
		...fence('sh', `gh attestation verify oci://${image}:${imageTag(config.project.version)} --repo ${repo ?? 'OWNER/REPO'}`),
		...(repo ? [] : ['', '`OWNER/REPO` is the GitHub repository whose release workflow pushed the image.'])
	];
}

/**
 * What Dependabot updates, and the release cooldown (issue 16.2): what it does for
 * Dependabot and for the manager's lock, and how to take one release sooner.
 */
function dependencyUpdates(config: ReadonlyConfig): string[] {
	const days = cooldownDays(config);
	const pk = config.packaging;
	const eco = ecosystems(config);
	const watched = [
		'the actions in `.github/workflows`',
		...(eco.includes('docker') ? ['the base images of the `Dockerfile`'] : []),
		...(eco.includes('docker-compose') ? [composeDirectories(config).includes('/.devcontainer') ? 'the images of the compose files (`.devcontainer/compose.yaml` too)' : 'the images of the compose files'] : []),
		...(eco.includes('devcontainers') ? ["the dev container's image and features (`.devcontainer/devcontainer.json`)"] : []),
		pk.manager !== 'pip' ? `\`${lockFile(pk.manager)}\`` : pk.pipWorkflow === 'pip-tools' ? 'the pinned `requirements*.txt`' : '`requirements*.txt`'
	];
	const list = watched.length > 1 ? `${watched.slice(0, -1).join(', ')} and ${watched[watched.length - 1]}` : watched[0];
	const out = [
		'## Dependency updates',
		'',
		`Dependabot (\`${DEPENDABOT_PATH}\`) looks weekly for new releases of ${list}, with one pull request per ecosystem for the minor and patch updates.`
	];
	// Docker Hardened Images live in a registry that needs a login (versions.ts DHI_PYTHON); Dependabot has none by default.
	if (eco.includes('docker') && config.docker.baseImage === 'dhi')
		out.push(
			'',
			'Dependabot reads `dhi.io` only with credentials: to let it update the Docker Hardened Images base, add a `registries` entry of type `docker-registry` for `dhi.io` whose password is a Dependabot secret (GitHub: "Configuring access to private registries for Dependabot") and name it in the `docker` entry. Until then its `docker` updates cannot look up those tags.'
		);
	if (days === 0) {
		out.push('', 'New releases are proposed and locked at once: the release cooldown is off (Slipway\'s "wait N days" setting is 0).');
		return out;
	}
	const age = `${days} day${days === 1 ? '' : 's'}`;
	const lock =
		pk.manager === 'uv'
			? `\`${MANAGERS.uv.lock}\` skips releases younger than that too (\`exclude-newer = "${uvExcludeNewer(config)}"\` under \`[tool.uv]\` in \`pyproject.toml\`, uv ${COOLDOWN.uv.introduced} or later). To take one release sooner, exempt its package there, \`exclude-newer-package = { NAME = false }\`, and run \`uv lock\` again.`
			: pk.manager === 'poetry'
				? `\`${MANAGERS.poetry.lock}\` skips releases younger than that too (\`min-release-age = ${days}\` under \`[solver]\` in \`poetry.toml\`, Poetry's settings for this project; Poetry ${COOLDOWN.poetry.introduced} or later, older Poetry ignores it). To take one release sooner, exempt its package there, \`min-release-age-exclude = "NAME"\`, and run \`poetry lock\` again.`
				: pk.pipWorkflow === 'pip-tools'
					? `\`pip-compile\` skips releases younger than that too: the commands above pass \`--uploaded-prior-to P${days}D\` (pip-tools ${COOLDOWN.pipTools.introduced} and pip ${COOLDOWN.pip.introduced} or later). To take one release sooner, compile without that option once and review the diff.`
					: `\`pip install\` resolves the ranges of \`requirements*.txt\` when it runs, so the set-up above and CI pass \`--uploaded-prior-to P${days}D\` (pip ${COOLDOWN.pip.introduced} or later; a later \`--uploaded-prior-to P0D\` turns it off for one install)${deployTarget(config) !== null ? '; the deployment\'s own install does not' : ''}. To take one release sooner, install without that option.`;
	out.push(
		'',
		`A release is proposed only once it is ${age} old (\`cooldown\`), which gives the ecosystem time to find a compromised or broken release; security updates are not delayed. ${lock} To let Dependabot propose one package sooner, list it under \`exclude\` in the entry's \`cooldown\`.`
	);
	return out;
}

export function readme(config: ReadonlyConfig): GeneratedFile {
	const p = config.project;
	const f = facts(config);
	const c = commands(config);
	const r = c.run;
	const lic = licenseInfo(p.license);
	const doc = deployDoc(config);
	const lines: string[] = [`# ${mdText(p.name)}`, ''];
	if (p.description) lines.push(mdText(p.description), '');
	lines.push(
		`Python ${p.pythonVersion}+ · ${p.kind}${p.framework !== 'none' ? ` (${p.framework})` : ''} · packaged with ${config.packaging.manager} and ${config.packaging.backend}.`,
		'',
		'## Set up',
		'',
		c.lockNote,
		'',
		...fence(
			'sh',
			...c.setup,
			...(f.hasSettings ? ['cp .env.example .env     # then edit the values'] : []),
			config.packaging.manager === 'uv' ? 'uvx pre-commit install  # optional: lint on every commit' : 'pre-commit install      # optional: lint on every commit (pipx install pre-commit)'
		),
		''
	);
	if (f.hasSettings)
		lines.push(
			`Settings are read from environment variables (and \`.env\`) by \`${f.pkgDir}/config.py\`; \`.env.example\` documents each one.`,
			''
		);
	lines.push(devcontainerLine(config), '');
	lines.push(p.kind === 'library' ? '## Use' : '## Run', '', ...runSection(config, c), '');
	lines.push(
		'## Test and lint',
		'',
		...fence('sh', `${r}pytest`, `${r}ruff check .`, `${r}ruff format --check .`, `${r}mypy`),
		'',
		'CI runs the same on every push and pull request (`.github/workflows/ci.yml`).',
		'',
		'## Build',
		'',
		...fence('sh', c.build),
		''
	);
	if (doc) {
		lines.push(
			'## Deploy',
			'',
			`Target: **${configSpelling(targetOf(config)!)}**. Step-by-step instructions: [${doc}](${doc}).`,
			''
		);
		if (runsImage(config)) lines.push(...imageProvenance(config), '');
	}
	lines.push(...dependencyUpdates(config), '');
	lines.push('## Release', '');
	if (isOpenSource(p.license))
		lines.push(
			`Set \`version\` in \`pyproject.toml\`, commit, then push a matching tag (\`git tag v${p.version} && git push --tags\`). \`.github/workflows/release.yml\` builds the sdist and wheel and publishes them to PyPI with trusted publishing: once, add a trusted publisher on PyPI for this repository, workflow \`release.yml\`, environment \`pypi\` (https://docs.pypi.org/trusted-publishers/).`,
			'',
			// pypa/gh-action-pypi-publish makes them by default with trusted publishing (versions.ts ACTION_REFS.pypiPublish).
			`Each uploaded file carries PEP 740 attestations, signed by this repository's release workflow: the publish action makes them by default with trusted publishing (leave its \`attestations\` input unset). PyPI serves a file's provenance at https://pypi.org/integrity/${normalizeName(f.distName)}/${p.version}/FILE/provenance (FILE: the wheel's or sdist's name); https://docs.pypi.org/attestations/consuming-attestations/ shows how to verify one.`,
			''
		);
	else
		lines.push(
			`Set \`version\` in \`pyproject.toml\`, commit, then push a matching tag (\`git tag v${p.version} && git push --tags\`). \`.github/workflows/release.yml\` builds the sdist and wheel and attaches them to the workflow run; the project is proprietary (\`Private :: Do Not Upload\`), so nothing is published to PyPI.`,
			''
		);
	lines.push('## License', '', licenseLine(config, lic?.name), '');
	lines.push(
		'## Reproduce',
		'',
		'`slipway.json` holds the configuration these files were generated from. To change or regenerate them, reopen it in the browser (or import `slipway.json` there) and download the files again:',
		'',
		`<${shareLink(config)}>`,
		'',
		// Not `npx slipway`: the CLI is not published on npm yet (src/cli/package/; Slipway's README, "The CLI package").
		"Slipway's command-line tool is not published on npm yet (a package named slipway there would not be Slipway's). With a checkout of Slipway's source, built (`npm ci && npm run build` in it), regenerate the files here; `--force` overwrites them, so commit first and review the diff after:",
		'',
		...fence('sh', 'node "$SLIPWAY/dist/cli/slipway.js" generate --config slipway.json --out . --force'),
		'',
		'`$SLIPWAY` is the path of that checkout.',
		'',
		// Issue 19: src/cli/update.ts. The journey runs both lines in a git repository of these files (run.ts updateInPlace()).
		"To change the configuration without losing your edits to these files, update instead: add the settings that change (`--manager`, `--target`, `--provider`, or `--config` with a partial configuration). Files you never edited are replaced, edited ones are merged with Slipway's new version, and lines both of you changed get git-style conflict markers. Commit first (it refuses uncommitted changes), preview, then update:",
		'',
		...fence('sh', 'node "$SLIPWAY/dist/cli/slipway.js" update --dry-run', 'node "$SLIPWAY/dist/cli/slipway.js" update'),
		''
	);
	lines.push('---', '', GENERATED);
	return { path: 'README.md', content: markdownDocument(lines), language: 'markdown' };
}

/** The dev container in one sentence (devcontainer.ts). */
function devcontainerLine(config: ReadonlyConfig): string {
	const { buildPython } = devImage(config);
	const py = buildPython ? `Python ${buildPython} (built from source into the newest devcontainers Python image, which has no ${buildPython} yet)` : `Python ${config.project.pythonVersion}`;
	const services = devServices(config).length ? `, with ${[config.services.postgres ? 'PostgreSQL' : null, config.services.redis ? 'Redis' : null].filter(Boolean).join(' and ')} beside it (\`${DEVCONTAINER_COMPOSE_PATH}\`)` : '';
	return `Or open the project in a dev container: \`${DEVCONTAINER_PATH}\` has ${py}${services}, and runs the set-up above when it is created.`;
}

/** README's license sentence: the LICENSE Slipway writes, or the license as kept (validate.ts licenseWarnings). */
function licenseLine(config: ReadonlyConfig, name: string | undefined): string {
	const p = config.project;
	if (hasLicenseText(config)) return `${mdText(name ?? p.license)}: see [LICENSE](LICENSE).`;
	if (p.licenseForm === 'file') return `See ${code(p.license)}.`;
	if (p.licenseForm === 'text') return `${mdText(p.license)} (see the project's license file).`;
	return `${code(p.license)} (SPDX license expression; see the project's license files).`;
}
