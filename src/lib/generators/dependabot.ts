/**
 * `.github/dependabot.yml` for every project (issue 16.2): weekly version
 * updates for the workflows' actions, the Dockerfile's and compose files'
 * images where the project has them, and the package manager's own lock or
 * requirements files. Every entry groups minor and patch updates into one pull
 * request and waits `packaging.releaseCooldownDays` before proposing a new
 * release (`cooldown.default-days`; none at 0). Only `default-days`: the
 * per-SemVer keys do not apply to github-actions, docker or docker-compose
 * (GitHub's options reference; versions.ts COOLDOWN.dependabot).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { hasCompose, runsImage } from '../model/derive.ts';
import { cooldownDays } from './cooldown.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED_BY } from './header.ts';
import { writeYaml } from './writers/yaml.ts';

export const DEPENDABOT_PATH = '.github/dependabot.yml';

/** The `package-ecosystem` values Slipway writes (Dependabot's names). */
export type Ecosystem = 'github-actions' | 'docker' | 'docker-compose' | 'uv' | 'pip';

/**
 * The ecosystems of a project, in file order. Dependabot's `pip` ecosystem reads
 * requirements.txt / requirements.in (pip, pip-compile) and pyproject.toml with
 * poetry.lock (Poetry); `uv` reads uv.lock. `docker-compose` reads compose.yaml and
 * compose.override.yaml (versions.ts COOLDOWN.dockerCompose).
 */
export function ecosystems(config: ReadonlyConfig): Ecosystem[] {
	const out: Ecosystem[] = ['github-actions'];
	if (runsImage(config)) out.push('docker');
	if (hasCompose(config)) out.push('docker-compose');
	out.push(config.packaging.manager === 'uv' ? 'uv' : 'pip');
	return out;
}

/** The group that gathers minor and patch updates into one pull request per ecosystem. */
export const MINOR_PATCH_GROUP = 'minor-and-patch';

function entry(ecosystem: Ecosystem, days: number): Record<string, unknown> {
	return {
		'package-ecosystem': ecosystem,
		// github-actions: "/" makes Dependabot read .github/workflows; the others' files sit at the root.
		directory: '/',
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
	const doc = { version: 2, updates: ecosystems(config).map((e) => entry(e, days)) };
	return [{ path: DEPENDABOT_PATH, content: writeYaml(doc, header), language: 'yaml' }];
}
