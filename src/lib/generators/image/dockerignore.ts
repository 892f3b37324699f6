/**
 * .dockerignore as an allowlist: exclude everything (`*`), then let in only
 * what the image build reads (pyproject.toml, README.md and LICENSE, which
 * the build backends read for `readme` and `license-files`, the lock file,
 * `src/`). A new file never reaches the build context by accident, so
 * secrets (.env, keys), .git, the host's virtualenv (.venv: uv's guide says
 * it must stay out) and caches stay out and the context stays small.
 * `.python-version` stays out too: uv would read it and could ask for a
 * Python the image does not have (the Dockerfile also sets UV_PYTHON).
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import type { GeneratedFile } from '../types.ts';
import { buildInputs, usesContainer } from './common.ts';
import { GENERATED_BY } from '../header.ts';

/** Excluded even inside the folders the allowlist lets in. */
export const ALWAYS_EXCLUDED = [
	'**/__pycache__',
	'**/*.py[cod]',
	'**/.env',
	'**/.env.*',
	'**/.venv',
	'**/venv',
	'**/*.egg-info',
	'**/.pytest_cache',
	'**/.mypy_cache',
	'**/.ruff_cache',
	'**/.coverage',
	'**/.DS_Store',
	'**/*.pem',
	'**/*.key'
] as const;

/** The .dockerignore lines (patterns and comments). */
export function dockerignoreLines(config: ReadonlyConfig): string[] {
	return [
		`# ${GENERATED_BY}`,
		'#',
		'# An allowlist: the build context holds only what the image build reads.',
		'# Secrets (.env), .git, virtualenvs, caches and .python-version stay out.',
		'# If the build needs another file, add a line "!path/to/it" below.',
		'*',
		...buildInputs(config).map((p) => `!${p}`),
		'',
		'# Never, even inside the folders let in above:',
		...ALWAYS_EXCLUDED
	];
}

/** The .dockerignore generator (container targets only). */
export function dockerignore(config: ReadonlyConfig): GeneratedFile[] {
	if (!usesContainer(config)) return [];
	return [{ path: '.dockerignore', content: dockerignoreLines(config).join('\n') + '\n', language: 'text' }];
}
