/**
 * Repository files around the code: README.md (project-readme.ts: setup, run,
 * test, build and deploy commands for the chosen manager and target, creating
 * the lock file first), .gitignore, LICENSE (full text),
 * .pre-commit-config.yaml and, for uv, .python-version.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { hasLicenseText } from '../model/validate.ts';
import { celeryFacts } from '../model/runtime.ts';
import { runtimeDependencies, devDependencies } from './dependencies.ts';
import { licenseText } from '../data/license-texts.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED } from './header.ts';
import { PRE_COMMIT } from './versions.ts';
import { MANAGERS } from '../model/managers.ts';
import { writeYaml } from './writers/yaml.ts';
import { readme } from './project-readme.ts';

/** The copyright holder of LICENSE: the author, or "the <name> authors". */
export function copyrightHolder(config: ReadonlyConfig): string {
	return config.project.authorName || `the ${config.project.name} authors`;
}

export { deployDoc } from './project-readme.ts';


function gitignore(config: ReadonlyConfig): GeneratedFile {
	const lines = [
		`# ${GENERATED}`,
		`# Lock files (${MANAGERS.uv.lockFile}, ${MANAGERS.poetry.lockFile}, compiled requirements*.txt) are NOT ignored: commit them.`,
		'',
		'# Python',
		'__pycache__/',
		'*.py[cod]',
		'*.so',
		'',
		'# Builds',
		'build/',
		'dist/',
		'*.egg-info/',
		'',
		'# Virtual environments',
		'.venv/',
		'venv/',
		'',
		'# Tools',
		'.pytest_cache/',
		'.mypy_cache/',
		'.ruff_cache/',
		'.coverage',
		'.coverage.*',
		'coverage.xml',
		'htmlcov/',
		'',
		'# Local settings: .env holds secrets; .env.example is committed',
		'.env',
		'.env.*',
		'!.env.example',
		'',
		'# Editors and OS',
		'.idea/',
		'.vscode/',
		'.DS_Store'
	];
	if (config.project.kind === 'service' && config.project.framework === 'django')
		lines.push('', '# Django', 'db.sqlite3', 'db.sqlite3-journal', 'staticfiles/', 'media/');
	// Celery beat's schedule in development (the README's beat line; shelve may add .db/.dir/.dat/.bak).
	if (celeryFacts(config)) lines.push('', '# Celery beat', 'celerybeat-schedule*');
	return { path: '.gitignore', content: lines.join('\n') + '\n', language: 'text' };
}

function preCommit(config: ReadonlyConfig): GeneratedFile {
	// mypy runs in pre-commit's own environment: give it what the code imports, so
	// imports resolve and the pydantic plugin loads, and let pyproject.toml choose the files.
	const mypyDeps = [...runtimeDependencies(config), ...devDependencies(config).filter((d) => /^(pytest|httpx)\b/i.test(d))];
	const doc = {
		repos: [
			{
				repo: PRE_COMMIT.hooks.repo,
				rev: PRE_COMMIT.hooks.yaml,
				hooks: [
					{ id: 'trailing-whitespace' },
					{ id: 'end-of-file-fixer' },
					{ id: 'check-yaml' },
					{ id: 'check-toml' },
					{ id: 'check-merge-conflict' },
					{ id: 'check-added-large-files' },
					{ id: 'detect-private-key' }
				]
			},
			{
				repo: PRE_COMMIT.ruff.repo,
				rev: PRE_COMMIT.ruff.yaml,
				hooks: [{ id: 'ruff-check', args: ['--fix'] }, { id: 'ruff-format' }]
			},
			{
				repo: PRE_COMMIT.mypy.repo,
				rev: PRE_COMMIT.mypy.yaml,
				hooks: [{ id: 'mypy', args: [], pass_filenames: false, additional_dependencies: mypyDeps }]
			}
		]
	};
	return {
		path: '.pre-commit-config.yaml',
		// A rev with a known SHA is written as `pre-commit autoupdate --freeze` writes it (`<sha>  # frozen: vX.Y.Z`).
		content: writeYaml(doc, [`${GENERATED} Install the hooks: pre-commit install`, 'Update the pinned revs: pre-commit autoupdate --freeze (revs as commit SHAs)']),
		language: 'yaml'
	};
}

export function repoFiles(config: ReadonlyConfig): GeneratedFile[] {
	const files: GeneratedFile[] = [readme(config), gitignore(config)];
	// Only a text Slipway has for this one license: never a wrong one (an expression, a kept legacy license: validate.ts licenseWarnings).
	if (hasLicenseText(config)) files.push({ path: 'LICENSE', content: licenseText(config.project.license, copyrightHolder(config)), language: 'text' });
	files.push(preCommit(config));
	// uv reads .python-version to pick the interpreter of `uv sync` / `uv run`.
	if (config.packaging.manager === 'uv') files.push({ path: '.python-version', content: `${config.project.pythonVersion}\n`, language: 'text' });
	return files;
}
