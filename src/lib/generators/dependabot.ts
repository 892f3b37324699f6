/**
 * `.github/dependabot.yml` for every project (issue 16.2): weekly version
 * updates for the workflows' actions, the Dockerfile's and compose files'
 * images where the project has them, and the package manager's own lock or
 * requirements files. Every entry groups minor and patch updates into one pull
 * request and waits `packaging.releaseCooldownDays` before proposing a new
 * release (`cooldown.default-days`; none at 0). Only `default-days`: the
 * per-SemVer keys do not apply to github-actions, docker or docker-compose
 * (GitHub's options reference; versions.ts COOLDOWN.dependabot).
 *
 * The dev container (issue 20.3) is kept current too: the `devcontainers`
 * ecosystem reads .devcontainer/devcontainer.json (its image and features), and
 * the `docker-compose` entry also looks in .devcontainer/ when the dev
 * container brings its own compose file (versions.ts DEPENDABOT_DEVCONTAINER).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { hasCompose, runsImage } from '../model/derive.ts';
import { cooldownDays } from './cooldown.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED_BY } from './header.ts';
import { writeYaml } from './writers/yaml.ts';
import { devServices } from './devcontainer.ts';

export const DEPENDABOT_PATH = '.github/dependabot.yml';

/** The `package-ecosystem` values Slipway writes (Dependabot's names). */
export type Ecosystem = 'github-actions' | 'docker' | 'docker-compose' | 'devcontainers' | 'uv' | 'pip';

/**
 * The ecosystems of a project, in file order. Dependabot's `pip` ecosystem reads
 * requirements.txt / requirements.in (pip, pip-compile) and pyproject.toml with
 * poetry.lock (Poetry); `uv` reads uv.lock. `docker-compose` reads compose.yaml and
 * compose.override.yaml (versions.ts COOLDOWN.dockerCompose), at the root and in
 * .devcontainer/ (composeDirectories). `devcontainers` reads .devcontainer/devcontainer.json,
 * which every project has.
 */
export function ecosystems(config: ReadonlyConfig): Ecosystem[] {
	const out: Ecosystem[] = ['github-actions'];
	if (runsImage(config)) out.push('docker');
	if (composeDirectories(config).length) out.push('docker-compose');
	out.push('devcontainers');
	out.push(config.packaging.manager === 'uv' ? 'uv' : 'pip');
	return out;
}

/** The folders holding compose files: the root (the docker target's compose.yaml) and .devcontainer (the dev container's services). */
export function composeDirectories(config: ReadonlyConfig): string[] {
	return [...(hasCompose(config) ? ['/'] : []), ...(devServices(config).length ? ['/.devcontainer'] : [])];
}

/** The group that gathers minor and patch updates into one pull request per ecosystem. */
export const MINOR_PATCH_GROUP = 'minor-and-patch';

function entry(config: ReadonlyConfig, ecosystem: Ecosystem, days: number): Record<string, unknown> {
	// github-actions: "/" makes Dependabot read .github/workflows, devcontainers: .devcontainer/devcontainer.json;
	// the others' files sit at the root, and compose files also in .devcontainer.
	const dirs = ecosystem === 'docker-compose' ? composeDirectories(config) : ['/'];
	return {
		'package-ecosystem': ecosystem,
		...(dirs.length === 1 ? { directory: dirs[0] } : { directories: dirs }),
		schedule: { interval: 'weekly' },
		...(days > 0 ? { cooldown: { 'default-days': days } } : {}),
		groups: { [MINOR_PATCH_GROUP]: { 'update-types': ['minor', 'patch'] } }
	};
}

/** The Dependabot configuration generator (every configuration). */
export function dependabot(config: ReadonlyConfig): GeneratedFile[] {
	const days = cooldownDays(config);
	const header = [
		GENERATED_BY,
		'Dependabot version updates, weekly: one pull request per ecosystem for minor and patch',
		'updates, one per major update.',
		days > 0
			? `cooldown: a release is proposed once it is ${days} day${days === 1 ? '' : 's'} old (security updates are not delayed).`
			: 'No cooldown: new releases are proposed at once (Slipway setting "wait N days" is 0).',
		'Options: https://docs.github.com/en/code-security/reference/supply-chain-security/dependabot-options-reference'
	];
	const doc = { version: 2, updates: ecosystems(config).map((e) => entry(config, e, days)) };
	return [{ path: DEPENDABOT_PATH, content: writeYaml(doc, header), language: 'yaml' }];
}
