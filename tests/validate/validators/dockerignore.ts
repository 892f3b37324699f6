/**
 * .dockerignore: parsed with @balena/dockerignore (Docker's own matching
 * rules), then checked for what it means: everything the Dockerfile COPYs
 * from the context must reach it, and secrets/VCS/venvs must not.
 */
import ignore from '@balena/dockerignore';
import type { Finding, Validator } from '../registry.ts';
import { isDockerfile } from './dockerfile.ts';

/** Paths that must never reach the build context (when they exist in a checkout). */
const MUST_IGNORE = ['.git', '.git/config', '.env', '.venv', '.venv/bin/python', '__pycache__/x.pyc', 'src/pkg/__pycache__/m.cpython-313.pyc'];

/** COPY/ADD sources from the build context (not --from=stage), per Dockerfile. */
export function contextSources(dockerfileText: string): { line: number; src: string }[] {
	const out: { line: number; src: string }[] = [];
	const lines = dockerfileText.replace(/\\\r?\n/g, ' ').split('\n');
	lines.forEach((l, i) => {
		const m = /^\s*(COPY|ADD)\s+(.*)$/i.exec(l);
		if (!m) return;
		let rest = m[2].trim();
		if (/--from[=\s]/.test(rest)) return;
		rest = rest.replace(/--[a-z-]+(=\S+)?\s+/g, '');
		let args: string[];
		if (rest.startsWith('[')) {
			try {
				args = JSON.parse(rest) as string[];
			} catch {
				return;
			}
		} else args = rest.split(/\s+/);
		for (const s of args.slice(0, -1)) out.push({ line: i + 1, src: s.replace(/^\.\//, '').replace(/\/$/, '') || '.' });
	});
	return out;
}

export const dockerignore: Validator = {
	id: 'dockerignore',
	tool: "@balena/dockerignore (Docker's matching rules) + context assertions",
	role: 'primary',
	chroot: false,
	match: (path) => /(^|\/)\.dockerignore$/.test(path),
	reads: (set) => set.files.filter((f) => isDockerfile(f.path)).map((f) => f.path),
	async check(files, set) {
		const out: Finding[] = [];
		for (const f of files) {
			const lines = f.content.split('\n');
			const ig = ignore().add(lines);
			for (const p of MUST_IGNORE) {
				if (!ig.ignores(p)) out.push({ file: f.path, tool: '@balena/dockerignore', message: `"${p}" would reach the build context` });
			}
			const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : '';
			for (const df of set.files.filter((x) => isDockerfile(x.path) && x.path.startsWith(dir))) {
				for (const { line, src } of contextSources(df.content)) {
					if (src === '.' || /[*?[]/.test(src)) continue;
					// A directory reaches the context when it or anything below it does; check the path and a typical child.
					if (ig.ignores(src)) out.push({ file: f.path, tool: '@balena/dockerignore', message: `${df.path}:${line} COPYs "${src}", which .dockerignore excludes from the build context` });
					else if (!src.includes('.') && ig.ignores(`${src}/__init__.py`) && ig.ignores(`${src}/x`))
						out.push({ file: f.path, tool: '@balena/dockerignore', message: `${df.path}:${line} COPYs "${src}/", whose contents .dockerignore excludes` });
				}
			}
			lines.forEach((l, i) => {
				if (/\s+$/.test(l) && l.trim()) out.push({ file: f.path, line: i + 1, tool: 'dockerignore-lines', message: 'trailing whitespace becomes part of the pattern' });
			});
		}
		return out;
	}
};
