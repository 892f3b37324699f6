/** Small text files with a fixed grammar: JSON, .python-version, py.typed markers. */
import type { Finding, Validator } from '../registry.ts';
import { base } from './util.ts';

export const json: Validator = {
	id: 'json',
	tool: 'JSON.parse',
	role: 'primary',
	chroot: false,
	match: (path) => /\.json$/.test(path),
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			try {
				JSON.parse(f.content);
			} catch (err) {
				out.push({ file: f.path, tool: 'JSON.parse', message: (err as Error).message });
			}
		}
		return out;
	}
};

/** `.python-version` (read by uv, pyenv, setup-python): one X.Y line, the config's Python. */
export const pythonVersionFile: Validator = {
	id: 'python-version',
	tool: 'grammar check (X.Y) against the config',
	role: 'primary',
	chroot: false,
	usesConfig: true,
	match: (path) => base(path) === '.python-version',
	async check(files, set) {
		const out: Finding[] = [];
		for (const f of files) {
			if (!/^3\.\d+(\.\d+)?\n$/.test(f.content)) out.push({ file: f.path, tool: 'python-version', message: `must be one line like "3.12\\n", got ${JSON.stringify(f.content.slice(0, 40))}` });
			else if (set.config && f.content.trim() !== set.config.project.pythonVersion)
				out.push({ file: f.path, tool: 'python-version', message: `says ${f.content.trim()}, the config says ${set.config.project.pythonVersion}` });
		}
		return out;
	}
};

/** PEP 561 marker: empty (or "partial\n" for partial stub packages), inside a package folder. */
export const pyTyped: Validator = {
	id: 'py.typed',
	tool: 'PEP 561 marker check',
	role: 'primary',
	chroot: false,
	match: (path) => base(path) === 'py.typed',
	async check(files, set) {
		const out: Finding[] = [];
		for (const f of files) {
			if (f.content !== '' && f.content !== 'partial\n') out.push({ file: f.path, tool: 'pep561', message: 'py.typed must be empty (or "partial\\n")' });
			const dir = f.path.slice(0, f.path.lastIndexOf('/') + 1);
			if (!set.byPath.has(`${dir}__init__.py`)) out.push({ file: f.path, tool: 'pep561', message: `no ${dir}__init__.py beside it: not inside a package` });
		}
		return out;
	}
};
