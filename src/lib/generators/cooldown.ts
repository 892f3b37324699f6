/**
 * "Wait N days before taking a new release" (packaging.releaseCooldownDays),
 * in each tool's own syntax. The facts (setting names, syntax, the release that
 * introduced each) are recorded with their sources in versions.ts COOLDOWN:
 *
 * - Dependabot: `cooldown.default-days: N` on every update entry (1..90);
 * - uv: `[tool.uv] exclude-newer = "N days"` (a relative duration, uv >= 0.9.17);
 * - Poetry: `[solver] min-release-age = N` in poetry.toml, Poetry's local
 *   configuration file (Poetry >= 2.4.0; pyproject.toml cannot hold it);
 * - pip and pip-tools: `--uploaded-prior-to PND` on the command that resolves
 *   (pip >= 26.1 for the `PnD` form; pip-compile passes it on since 7.6.0).
 *
 * 0 turns all of them off.
 */
import type { ReadonlyConfig } from '../model/config.ts';

/** The cooldown in days; 0 = off. */
export function cooldownDays(config: ReadonlyConfig): number {
	return config.packaging.releaseCooldownDays;
}

/** `[tool.uv] exclude-newer` value ("7 days", "1 day"), or null when off. */
export function uvExcludeNewer(config: ReadonlyConfig): string | null {
	const n = cooldownDays(config);
	return n > 0 ? `${n} ${n === 1 ? 'day' : 'days'}` : null;
}

/** pip's `--uploaded-prior-to` argument as it goes on a command line (with a trailing space), or '' when off. */
export function pipUploadedPriorTo(config: ReadonlyConfig): string {
	const n = cooldownDays(config);
	return n > 0 ? `--uploaded-prior-to P${n}D ` : '';
}

/** The pip-compile command for one input file, with the cooldown when it is on. */
export function pipCompile(config: ReadonlyConfig, input: string): string {
	return `pip-compile --strip-extras ${pipUploadedPriorTo(config)}${input}`;
}

/** Poetry's local configuration (poetry.toml) as TOML data, or null when off. */
export function poetryLocalConfig(config: ReadonlyConfig): { solver: { 'min-release-age': number } } | null {
	const n = cooldownDays(config);
	return n > 0 ? { solver: { 'min-release-age': n } } : null;
}
