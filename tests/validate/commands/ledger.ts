/**
 * The ledger of commands: for every command a generated file tells a person
 * or a machine to run (extract.ts), what the harness does with it.
 *
 *   executed   the harness runs it in the toolchain root against the
 *              project's files. Either literally (the journey steps of
 *              steps.ts record the exact text they ran), or by the check
 *              named in `by`, which runs the same tool on the same files
 *              with the package manager's wrapper (`uv run`, `poetry run`)
 *              replaced by the project's venv, since neither uv nor a lock
 *              file can be had offline. If that check did not run for a
 *              configuration (n/a), the command counts as "cannot run here"
 *              with the check's reason.
 *   static     it cannot run here, but a real tool checks what it reads
 *              (`by` names that validator).
 *   cannot     it cannot run here; `why` says why (a Docker engine, the
 *              network, a cloud account, a cluster, PID 1 systemd).
 *
 * A command no rule covers fails the `commands` check of its configuration:
 * add it to the harness or to this table, with the reason.
 */
import { existsSync } from 'node:fs';
import { BAREMETAL_EXECUTED } from '../journeys/baremetal-scripts.ts';
import type { Command, CommandSource } from './extract.ts';

export type LedgerStatus = 'executed' | 'static' | 'cannot';

export interface LedgerRule {
	id: string;
	/** Sources the rule applies to (all when absent). */
	sources?: readonly CommandSource[];
	/** Matched against the normalised command (see normalise()). */
	match: RegExp;
	status: LedgerStatus;
	/** The matrix check that runs or checks it (executed / static). */
	by?: string;
	/** Or the dedicated test file that runs it (for commands that need a whole host, not one configuration's check). */
	test?: string;
	/** What that test says it runs: the command (sudo and a leading `git pull &&` dropped) must be among them. */
	commands?: readonly string[];
	/** How it is run, or why it cannot be. */
	why: string;
}

/** Drop `sudo`, a package manager's run wrapper and a venv's bin/ prefix: what is left is the tool's own command. */
export function normalise(text: string): string {
	return text
		.trim()
		.replace(/^sudo\s+/, '')
		.replace(/^(uv run(\s+--locked)?|poetry run|uvx)\s+/, '')
		.replace(/^(\.venv|\/opt\/[^/\s]+\/\.venv|\/app\/\.venv)\/bin\//, '')
		.replace(/^python3? -m (pytest|mypy|ruff|build|pip)\b/, (_m, t: string) => (t === 'pip' ? 'pip' : t === 'build' ? 'python -m build' : t));
}

const DOCKER = 'needs a Docker engine (none runs on this machine)';
const PYPI = 'needs PyPI to resolve or download packages (only Debian and npm are reachable here)';
const CLUSTER = 'needs a Kubernetes cluster';
const GCLOUD = 'needs a Google Cloud project and the gcloud CLI';
const AWS = 'needs an AWS account and the AWS CLI';
const SYSTEMD = 'needs systemd as PID 1 (install.sh\'s calls are recorded by a systemctl double in the bare-metal journey test)';

export const LEDGER: readonly LedgerRule[] = [
	// --- run by the proof (tests/validate/proof.ts) -------------------------------------------
	{ id: 'pytest', match: /^pytest(\s|$)/, status: 'executed', by: 'tests', why: 'the tests check runs the project\'s pytest (with --cov as CI does) against the installed wheel' },
	{ id: 'mypy', match: /^mypy(\s|$)/, status: 'executed', by: 'types', why: 'the types check runs mypy with the project\'s own [tool.mypy]' },
	{ id: 'ruff', match: /^ruff (check|format --check)\b/, status: 'executed', by: 'python', why: 'ruff check and ruff format --check run with the project\'s [tool.ruff] (ruff\'s own WebAssembly build)' },
	{ id: 'build', match: /^(python -m build|python -m pip install build && python -m build|uv build|poetry build)(\s|$)/, status: 'executed', by: 'wheel', why: 'the wheel check builds with python -m build --no-isolation and the project\'s own backend (where the root lacks it, uv_build, or a poetry-core older than the floor, a stand-in builds and the check says so)' },
	{ id: 'venv', match: /^python3? -m venv \.venv( && \. \.venv\/bin\/activate)?$/, status: 'executed', by: 'install', why: 'the install check makes the venv and installs the wheel into it' },
	{ id: 'env-file', match: /^cp \.env\.example \.env$/, status: 'executed', by: 'settings', why: 'the settings check copies .env.example to .env and reads every value through the settings module' },
	{ id: 'health', match: /^(curl (-fsS )?http:\/\/(localhost|127\.0\.0\.1):\d+\/health|GET \/health :(\d+|http))$/, status: 'executed', by: 'serve', why: 'the serve and workload checks ask the health endpoint of the running app' },
	{ id: 'lambda-handler', sources: ['sam'], match: /^lambda handler /, status: 'executed', by: 'handler', why: 'the handler check imports the handler the SAM template names and calls it' },
	{ id: 'kustomize', match: /^kubectl kustomize deploy\/kubernetes$/, status: 'executed', by: 'kustomize', why: 'the kustomize check renders the overlay with kubectl kustomize' },
	{
		id: 'install-sh',
		match: /^(git pull && )?(sudo )?sh deploy\/install\.sh$/,
		status: 'executed',
		test: 'tests/validate/journeys/baremetal.test.ts',
		commands: BAREMETAL_EXECUTED,
		why: 'tests/validate/journeys/baremetal.test.ts runs install.sh in a private namespace of the root: install, TLS, upgrade with local edits (Django + pip, real nginx); uv and Poetry up to their lock file, which cannot be made offline (`git pull` needs a remote)'
	},
	// --- checked statically ------------------------------------------------------------------------
	{ id: 'sam-validate', match: /^sam validate( --lint)?$/, status: 'static', by: 'sam', why: 'the SAM CLI is not installable here; the sam check runs cfn-lint with the SAM translator (as sam validate --lint does) and checks SAM\'s resource properties' },
	{ id: 'poetry-check-lock', match: /^poetry check --lock$/, status: 'static', by: 'poetry-check', why: 'poetry.lock cannot be made offline; the poetry-check check runs poetry check on pyproject.toml' },
	{ id: 'compose-dev', sources: ['compose'], match: /(--reload|runserver|migrate --noinput)/, status: 'static', by: 'compose', why: `the dev override bind-mounts the source into the image and ${DOCKER}; docker-compose config checks it and the dev-server step runs the same server outside a container` },
	{ id: 'cd', match: /^cd \S+$/, status: 'static', by: 'coverage', why: 'changes directory only; the folder is checked to exist' },
	// --- cannot run here ----------------------------------------------------------------------------
	{
		id: 'devcontainer-lifecycle',
		sources: ['devcontainer'],
		match: /./,
		status: 'cannot',
		why: `runs when a dev container is created (Dev Containers CLI or an editor): the container ${DOCKER}, and its steps need PyPI (pipx install of the manager, the set-up's lock and installs; only Debian and npm are reachable here). postCreateCommand is the README's set-up steps joined with && (src/lib/generators/devcontainer.test.ts holds them equal), each accounted for under readme`
	},
	{ id: 'devcontainer-idle', sources: ['compose'], match: /^sleep infinity$/, status: 'cannot', why: `keeps the dev container's service (.devcontainer/compose.yaml) running for the editor to attach to; ${DOCKER}` },
	{ id: 'docker-build', sources: ['dockerfile'], match: /./, status: 'cannot', why: `RUN runs during docker build, which ${DOCKER}; CMD, ENTRYPOINT and HEALTHCHECK run in the workload check` },
	{ id: 'docker-login-dhi', match: /^docker login dhi\.io$/, status: 'cannot', why: `signs in to Docker Hardened Images' registry with a Docker account: ${DOCKER}, and neither dhi.io nor an account is reachable here (the journey runs the DHI image's CMD against the root's Python instead)` },
	{ id: 'docker', match: /^docker(-compose)?\s/, status: 'cannot', why: DOCKER },
	{ id: 'compose-services', match: /^(pg_isready|redis-cli) /, status: 'cannot', why: `runs inside the postgres/redis image; ${DOCKER}` },
	{ id: 'kubectl', match: /^kubectl (apply|rollout|wait|create|delete|-n)\b/, status: 'cannot', why: CLUSTER },
	{ id: 'kubectl-get-cluster', match: /^kubectl get (gateways -A|ingressclass)$/, status: 'cannot', why: `${CLUSTER} (lists the cluster's Gateways or IngressClasses, which belong to its operator; the kubernetes check validates the HTTPRoute or Ingress that names them)` },
	{ id: 'gcloud', match: /^(printf .*\| )?gcloud\s/, status: 'cannot', why: GCLOUD },
	{
		id: 'migrate-serverless',
		sources: ['readme'],
		match: /^python -m \w+\.migrate$/,
		status: 'cannot',
		why: `runs in the deployed Cloud Run job or Lambda function (${GCLOUD}; ${AWS}); the same module runs against the journey's PostgreSQL wherever the journey starts the migration: the Kubernetes Job, install.sh's systemd-run and compose's migrate service`
	},
	{
		id: 'alembic-revision',
		match: /^alembic revision --autogenerate -m /,
		status: 'static',
		by: 'alembic',
		why: 'writes the next revision from a model change the user makes (on the unchanged example model it would write an empty one); the alembic check loads the migrations with the generated alembic.ini (alembic history, offline upgrade SQL) and the journey runs alembic upgrade head against PostgreSQL'
	},
	{ id: 'aws', match: /^(aws|sam (build|deploy))(\s|$)/, status: 'cannot', why: AWS },
	{ id: 'systemctl', match: /^(systemctl|journalctl|systemd-analyze security)\s/, status: 'cannot', why: SYSTEMD },
	{ id: 'certbot', match: /^certbot\s/, status: 'cannot', why: 'needs a public DNS name and Let\'s Encrypt; the bare-metal journey proves nginx serves the webroot challenge and then TLS' },
	{ id: 'apt-get', match: /^apt(-get)? install /, status: 'cannot', why: "installs packages on the user's server; the toolchain root has them from tests/validate/toolchain/packages.txt" },
	{ id: 'kustomize-edit', match: /^kustomize edit /, status: 'cannot', why: 'the standalone kustomize CLI is not in the toolchain root (kubectl embeds only the build); the kustomize check renders the kustomization it edits' },
	{ id: 'slipway-build', match: /^npm ci && npm run build$/, status: 'executed', test: 'scripts/test-all.mjs', why: "Slipway's own build: npm test runs it before the journey uses the checkout's dist/cli" },
	{ id: 'installer', match: /^curl -\w+ https:\/\/\S+ \| (sh|python3 -)$/, status: 'cannot', why: 'downloads an installer from the internet; the bare-metal journey test puts the tool where that installer does (~/.local/bin) and checks install.sh finds it' },
	{ id: 'git-push', match: /^git tag .* && git push/, status: 'cannot', why: 'needs a remote repository (GitHub) to push to' },
	{ id: 'gh-attestation', match: /^gh attestation verify oci:\/\/\S+ --repo \S+$/, status: 'cannot', why: "needs GitHub's attestation API (network, a signed-in gh) and the pushed image in its registry; unit tests check the release.yml job that makes the attestation (ci.test.ts, versions.test.ts)" },
	{ id: 'lock', match: /^(uv (lock|sync|export)|poetry (lock|install|export|self add|env use)|pip-compile|pip-sync|pipx install|pip install|pip check|pip freeze|python -m pip install|pre-commit install)(\s|$)/, status: 'cannot', why: PYPI },
	{ id: 'workflow-shell', sources: ['workflow'], match: /^(echo "::error|exit 1$|version="\$\{TAG#v\}"$|if ! ls )/, status: 'executed', by: 'steps', why: 'part of a run: block the journey steps execute whole' }
];

export interface Accounted {
	command: Command;
	status: LedgerStatus | 'unaccounted';
	rule?: string;
	by?: string;
	why: string;
}

/**
 * Account for one command. `literal` holds the exact texts the journey steps
 * ran (they win over the table); `checks` the configuration's check results.
 */
export function account(command: Command, literal: ReadonlySet<string>, checks: Readonly<Record<string, { status: string; detail: string }>>): Accounted {
	if (literal.has(command.text)) return { command, status: 'executed', by: 'steps', why: 'run literally by the journey steps' };
	// Prose that names a command another file spells out in full (`runs \`python -m django migrate\``): covered by that run.
	if (command.where === 'inline' && [...literal].some((l) => l.startsWith(`${command.text} `) || normalise(l) === normalise(command.text)))
		return { command, status: 'executed', by: 'steps', why: 'named in prose; the full command ran literally' };
	const n = normalise(command.text);
	const rule = LEDGER.find((r) => (!r.sources || r.sources.includes(command.source)) && r.match.test(n));
	if (!rule) return { command, status: 'unaccounted', why: `no harness step runs it and the ledger does not list it: ${command.source} ${command.file}: ${command.text}` };
	if (rule.test && !existsSync(rule.test)) return { command, status: 'unaccounted', rule: rule.id, why: `ledger rule ${rule.id} names ${rule.test}, which does not exist` };
	if (rule.commands && !rule.commands.map(normalise).includes(normalise(command.text.replace(/^git pull && /, ''))))
		return { command, status: 'unaccounted', rule: rule.id, why: `ledger rule ${rule.id}: ${rule.test} does not run ${JSON.stringify(command.text)}` };
	if (rule.status !== 'cannot' && rule.by) {
		const c = checks[rule.by];
		if (!c) return { command, status: 'unaccounted', rule: rule.id, why: `ledger rule ${rule.id} names check ${rule.by}, which this configuration did not run` };
		if (c.status === 'na') return { command, status: 'cannot', rule: rule.id, by: rule.by, why: c.detail };
	}
	return { command, status: rule.status, rule: rule.id, by: rule.by ?? rule.test, why: rule.why };
}
