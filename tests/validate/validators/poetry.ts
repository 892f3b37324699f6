/** Poetry projects: `poetry check` (Poetry 2.1, trixie) on the pyproject with its readme, license and sources beside it. */
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';

/**
 * The classic (Poetry 1.x) layout keeps metadata in [tool.poetry] on purpose, for
 * teams not yet on Poetry 2; Poetry 2 warns about exactly these fields. Only these
 * deprecation warnings are accepted, and only when there is no [project] table.
 */
const CLASSIC_DEPRECATIONS = [
	/^Warning: \[tool\.poetry\.\w+\] is deprecated\. Use \[project\.\w+\] instead\.$/,
	/^Warning: \[tool\.poetry\.\w+\] is set but '\w+' is not in \[project\.dynamic\]\./,
	/^Warning: Defining console scripts in \[tool\.poetry\.scripts\] is deprecated\./
];

/** Files `poetry check` looks at besides pyproject.toml (readme, license, package dirs, the local config poetry.toml). */
const READS = /^(README[^/]*|LICENSE[^/]*|src\/.*|poetry\.lock|poetry\.toml)$/;

export const poetryCheck: Validator = {
	id: 'poetry-check',
	tool: 'poetry check (Poetry 2.1, trixie; a requires-poetry above 2.1 is dropped from the copy checked)',
	role: 'secondary',
	chroot: true,
	match: (path, content) => path === 'pyproject.toml' && /^\[tool\.poetry[\].]/m.test(content),
	reads: (set) => set.files.filter((f) => READS.test(f.path)).map((f) => f.path),
	async check(files, set) {
		const out: Finding[] = [];
		const others = set.files.filter((f) => READS.test(f.path));
		const poetryCheckIn = (copy: readonly GeneratedFile[]) =>
			withWorkdir('poetry', copy, (w) =>
				run(['poetry', 'check', '--no-ansi', '--no-interaction'], {
					cwd: w.inRoot,
					env: { POETRY_CACHE_DIR: '/tmp/poetry-cache', NO_COLOR: '1' },
					timeoutMs: 120_000
				})
			);
		for (const f of files) {
			let r = await poetryCheckIn([...others, f]);
			// Poetry refuses to load a project whose requires-poetry it does not satisfy (the Poetry 2
			// layout asks for >= 2.2, trixie has 2.1.2): check a copy without that one line instead.
			if (r.code !== 0 && /^This project requires Poetry \S+, but you are using Poetry \S+$/m.test(r.stdout + r.stderr))
				r = await poetryCheckIn([...others, { ...f, content: f.content.replace(/^requires-poetry = .*\n/m, '') }]);
			const lines = (r.stdout + '\n' + r.stderr).split('\n').map((l) => l.trim()).filter(Boolean);
			// Poetry prints "All set!" when clean; any Error/Warning line is a finding (warnings are deprecations to fix).
			const classic = !/^\[project\]/m.test(f.content);
			const bad = lines.filter(
				(l) => /^(Error|Warning)\b|^-\s/.test(l) && !/poetry\.lock/.test(l) && !(classic && CLASSIC_DEPRECATIONS.some((re) => re.test(l)))
			);
			if (r.code !== 0 || bad.length) {
				out.push({ file: f.path, tool: 'poetry check', message: (bad.length ? bad : lines).join(' | ').slice(0, 2000) || `exit ${r.code}` });
			}
		}
		return out;
	}
};
