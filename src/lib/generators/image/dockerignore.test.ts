import ignore from '@balena/dockerignore';
import { describe, expect, it } from 'vitest';
import { facts } from '../../model/derive.ts';
import { generate } from '../index.ts';
import { lockFile } from './common.ts';
import { dockerfile } from './dockerfile.ts';
import { dockerignore } from './dockerignore.ts';
import { dockerCases } from '../../../../tests/support/cases.ts';

/** Docker's own matching rules (the patterns as the engine reads them). */
function matcher(text: string) {
	const ig = ignore().add(text.split('\n'));
	return { inContext: (path: string) => !ig.ignores(path) };
}

/** Sources of COPY instructions that read the build context (not --from). */
function contextCopySources(df: string): string[] {
	return df
		.split('\n')
		.filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
		.flatMap((l) => l.split(' ').slice(1, -1).filter((w) => !w.startsWith('--')));
}

const cases = dockerCases().filter((c) => facts(c.config).deploys);

describe('.dockerignore (checked with @balena/dockerignore, Docker\'s matching rules)', () => {
	it.each(cases.map((c) => [c.name, c.config] as const))('%s: the build gets what it reads, never secrets or caches', (_name, config) => {
		const [file] = dockerignore(config);
		expect(file.path).toBe('.dockerignore');
		const { inContext } = matcher(file.content);
		const pkg = facts(config).pkg;
		const lock = lockFile(config.packaging.manager);

		// What the Dockerfile COPYs and what the build backends read (readme, license-files, src layout).
		const needed = ['pyproject.toml', 'README.md', 'LICENSE', lock, `src/${pkg}/__init__.py`, `src/${pkg}/py.typed`, `src/${pkg}/templates/index.html`];
		for (const p of needed) expect(inContext(p), p).toBe(true);
		for (const src of contextCopySources(dockerfile(config)[0].content)) {
			const path = src === '.' ? 'pyproject.toml' : src.replace(/\*$/, '');
			expect(inContext(path), `COPY source ${src}`).toBe(true);
		}
		// Every generated source file reaches the build.
		for (const f of generate(config).filter((g) => g.path.startsWith('src/'))) expect(inContext(f.path), f.path).toBe(true);

		const never = [
			'.env',
			'.env.local',
			`src/${pkg}/.env`,
			'.git',
			'.git/HEAD',
			'.venv',
			'.venv/bin/python',
			'venv/lib/site.py',
			`src/${pkg}/.venv/x`,
			'__pycache__/x.pyc',
			`src/${pkg}/__pycache__/main.cpython-312.pyc`,
			`src/${pkg}/main.pyc`,
			`src/${pkg}.egg-info/PKG-INFO`,
			'.python-version',
			'.pytest_cache/v/cache',
			'.mypy_cache/x.json',
			'node_modules/x/index.js',
			'tests/test_app.py',
			'.github/workflows/ci.yml',
			'id_rsa',
			`src/${pkg}/server.key`,
			'compose.yaml',
			'dist/x.whl'
		];
		for (const p of never) expect(inContext(p), p).toBe(false);
	});

	it('lets in only the lock file of the chosen manager', () => {
		const uv = cases.find((c) => c.config.packaging.manager === 'uv')!.config;
		const { inContext } = matcher(dockerignore(uv)[0].content);
		expect(inContext('uv.lock')).toBe(true);
		expect(inContext('poetry.lock')).toBe(false);
		expect(inContext('requirements.txt')).toBe(false);
	});

	it('a plain denylist rule would be caught: removing "**/.env" lets src/.env in', () => {
		const [file] = dockerignore(cases[0].config);
		const broken = file.content.replace('**/.env\n', '');
		const pkg = facts(cases[0].config).pkg;
		expect(matcher(broken).inContext(`src/${pkg}/.env`)).toBe(true);
		expect(matcher(file.content).inContext(`src/${pkg}/.env`)).toBe(false);
	});
});
