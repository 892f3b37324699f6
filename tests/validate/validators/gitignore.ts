/**
 * .gitignore: asked of git itself (`git check-ignore --no-index` in a scratch
 * repository on the host): build output, caches, virtualenvs and .env must be
 * ignored, and no file the generator wrote (nor .env.example, lock files,
 * sources) may be.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, Validator } from '../registry.ts';

const MUST_IGNORE = ['.venv/bin/python', '__pycache__/m.cpython-313.pyc', 'src/pkg/__pycache__/m.cpython-313.pyc', '.env', 'dist/pkg-0.1.0.tar.gz', 'build/lib/x.py', 'src/pkg.egg-info/PKG-INFO', '.pytest_cache/v/x', '.mypy_cache/3.13/x.json', '.ruff_cache/x', '.coverage', 'htmlcov/index.html'];
const MUST_KEEP = ['.env.example', 'pyproject.toml', 'README.md', 'uv.lock', 'poetry.lock', 'src/pkg/__init__.py', 'tests/test_x.py'];

function checkIgnored(gitignore: string, paths: string[]): Set<string> {
	const dir = mkdtempSync(join(tmpdir(), 'slipway-gitignore-'));
	try {
		execFileSync('git', ['init', '-q', dir]);
		writeFileSync(join(dir, '.gitignore'), gitignore);
		let stdout = '';
		try {
			stdout = execFileSync('git', ['-C', dir, 'check-ignore', '--no-index', '--stdin'], { input: paths.join('\n') + '\n', encoding: 'utf8' });
		} catch (err) {
			const e = err as { status?: number; stdout?: string };
			if (e.status !== 1) throw err; // 1 = nothing ignored
			stdout = e.stdout ?? '';
		}
		return new Set(stdout.split('\n').filter(Boolean));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export const gitignore: Validator = {
	id: 'gitignore',
	tool: 'git check-ignore --no-index (host git)',
	role: 'primary',
	chroot: false,
	match: (path) => /(^|\/)\.gitignore$/.test(path),
	reads: (set) => set.files.map((f) => f.path),
	async check(files, set) {
		const out: Finding[] = [];
		for (const f of files) {
			const generated = set.files.map((x) => x.path).filter((p) => p !== f.path);
			const ignored = checkIgnored(f.content, [...MUST_IGNORE, ...MUST_KEEP, ...generated]);
			for (const p of MUST_IGNORE) if (!ignored.has(p)) out.push({ file: f.path, tool: 'git check-ignore', message: `${p} is not ignored` });
			for (const p of [...MUST_KEEP, ...generated]) if (ignored.has(p)) out.push({ file: f.path, tool: 'git check-ignore', message: `${p} is ignored, but must be committed` });
		}
		return out;
	}
};
