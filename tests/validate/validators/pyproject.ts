/** pyproject.toml: PyPA's validate-pyproject (PEP 517/518/621/639 schemas) in the Debian root. */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';

export const pyproject: Validator = {
	id: 'validate-pyproject',
	tool: 'validate-pyproject 0.24 (trixie)',
	role: 'primary',
	chroot: true,
	match: (path) => /(^|\/)pyproject\.toml$/.test(path),
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			await withWorkdir('vpp', [{ path: 'pyproject.toml', content: f.content }], async (w) => {
				const r = await run(['validate-pyproject', 'pyproject.toml'], {
					cwd: w.inRoot,
					env: { VALIDATE_PYPROJECT_NO_NETWORK: '1', NO_COLOR: '1' }
				});
				if (r.code !== 0 || /invalid|error/i.test(r.stderr)) {
					const msg = (r.stdout + r.stderr).split('\n').filter((l) => l.trim() && !/^\s*(Valid file|Checking)/.test(l));
					out.push({ file: f.path, tool: 'validate-pyproject', message: msg.join(' | ').slice(0, 2000) || `exit ${r.code}` });
				}
			});
		}
		return out;
	}
};
