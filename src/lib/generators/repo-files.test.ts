import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/defaults.ts';
import { facts } from '../model/derive.ts';
import { PRESETS } from '../model/presets.ts';
import { packagingCases } from '../../../tests/support/cases.ts';
import { deployDoc, repoFiles } from './repo-files.ts';
import { mdText } from './writers/markdown.ts';
import { PRE_COMMIT } from './versions.ts';

const file = (files: { path: string; content: string }[], path: string) => files.find((f) => f.path === path)?.content;

describe('README.md', () => {
	for (const { id, config } of packagingCases()) {
		it(`${id}: lock step first, then run, test, build for the chosen manager`, () => {
			const readme = file(repoFiles(config), 'README.md')!;
			const m = config.packaging.manager;
			const setup = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## R'));
			const firstCommand = setup.split('```sh\n')[1].split('\n')[0];
			if (m === 'uv') expect(firstCommand).toMatch(/^uv lock\b/);
			if (m === 'poetry') expect(firstCommand).toMatch(/^poetry lock\b/);
			if (m === 'pip') expect(firstCommand).toMatch(/^python -m venv/);
			if (m === 'pip' && config.packaging.pipWorkflow === 'pip-tools') expect(setup).toContain('pip-compile --strip-extras --uploaded-prior-to P7D requirements.in');
			expect(readme).toContain(m === 'uv' ? 'uv run pytest' : m === 'poetry' ? 'poetry run pytest' : '\npytest\n');
			expect(readme).toContain(m === 'uv' ? 'uv build' : m === 'poetry' ? 'poetry build' : 'python -m build');
			const doc = deployDoc(config);
			if (config.project.kind === 'library') {
				expect(doc).toBeNull();
				expect(readme).not.toContain('## Deploy');
				expect(readme).toContain('PyPI');
			} else expect(readme).toContain(`](${doc})`);
		});
	}
	it('links each target to the doc its helper writes', () => {
		const c = defaultConfig();
		const expected = { docker: 'README.Docker.md', kubernetes: 'deploy/kubernetes/README.md', 'bare-metal': 'deploy/README.md' } as const;
		for (const [target, path] of Object.entries(expected)) {
			c.target = target as keyof typeof expected;
			expect(deployDoc(c)).toBe(path);
		}
		c.target = 'serverless';
		c.serverless.provider = 'aws-lambda';
		expect(deployDoc(c)).toBe('deploy/aws-lambda/README.md');
		c.serverless.provider = 'cloud-run';
		expect(deployDoc(c)).toBe('deploy/cloud-run/README.md');
	});
	it('escapes user text so it cannot inject Markdown or HTML', () => {
		const c = defaultConfig();
		c.project.description = '<script>alert(1)</script> [x](javascript:y) **bold** `code` # h';
		const readme = file(repoFiles(c), 'README.md')!;
		expect(readme).not.toContain('<script>');
		expect(readme).not.toContain('[x](');
		expect(readme).toContain(mdText(c.project.description));
		expect(mdText('a*b_c')).toBe('a\\*b\\_c');
	});
});

describe('.gitignore, .pre-commit-config.yaml, .python-version', () => {
	it('.gitignore ignores .env and caches but never the lock files', () => {
		for (const { config } of packagingCases()) {
			const lines = file(repoFiles(config), '.gitignore')!.split('\n');
			for (const l of ['.env', '.venv/', '__pycache__/', 'dist/', '.mypy_cache/', '.ruff_cache/', '.pytest_cache/', '!.env.example']) expect(lines).toContain(l);
			for (const lock of ['uv.lock', 'poetry.lock', 'requirements.txt', 'requirements-dev.txt', '*.lock']) expect(lines).not.toContain(lock);
		}
	});
	it('pre-commit: pinned ruff, ruff-format, mypy and the basic hooks', () => {
		for (const preset of PRESETS) {
			const c = preset.config();
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			const doc = load(file(repoFiles(c), '.pre-commit-config.yaml')!) as any;
			const repos = Object.fromEntries(doc.repos.map((r: { repo: string }) => [r.repo, r]));
			expect(repos[PRE_COMMIT.ruff.repo].rev).toBe(PRE_COMMIT.ruff.rev);
			expect(repos[PRE_COMMIT.ruff.repo].hooks.map((h: { id: string }) => h.id)).toEqual(['ruff-check', 'ruff-format']);
			expect(repos[PRE_COMMIT.hooks.repo].rev).toBe(PRE_COMMIT.hooks.rev);
			const mypy = repos[PRE_COMMIT.mypy.repo];
			expect(mypy.rev).toBe(PRE_COMMIT.mypy.rev);
			expect(mypy.hooks[0]).toMatchObject({ id: 'mypy', pass_filenames: false, args: [] });
			if (facts(c).hasSettings) expect(mypy.hooks[0].additional_dependencies.some((d: string) => d.startsWith('pydantic-settings'))).toBe(true);
		}
	});
	it('.python-version only for uv', () => {
		for (const { config } of packagingCases()) {
			const v = file(repoFiles(config), '.python-version');
			if (config.packaging.manager === 'uv') expect(v).toBe(`${config.project.pythonVersion}\n`);
			else expect(v).toBeUndefined();
		}
	});
});
