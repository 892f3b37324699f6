/**
 * Compose files: Docker Compose v2 (`docker-compose config -q`, trixie) with
 * the whole generated project beside them, and `.env` created from
 * `.env.example` the way the generated README tells users to.
 */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';
import { base } from './util.ts';

export const isCompose = (path: string): boolean => /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(base(path));

export const compose: Validator = {
	id: 'compose',
	tool: 'docker-compose config -q (Compose v2, trixie)',
	role: 'primary',
	chroot: true,
	match: isCompose,
	reads: (set) => set.files.map((f) => f.path),
	async check(files, set) {
		const out: Finding[] = [];
		const all = [...set.files];
		const example = set.byPath.get('.env.example');
		if (!set.byPath.has('.env') && example) all.push({ path: '.env', content: example.content });
		await withWorkdir('compose', all, async (w) => {
			// Per folder: the base file alone (how production runs it: `-f compose.yaml`), then the
			// default discovery, which merges compose.override.yaml as `docker compose up` does.
			const dirs = new Map<string, string[]>();
			for (const f of files) {
				const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '.';
				dirs.set(dir, [...(dirs.get(dir) ?? []), base(f.path)]);
			}
			for (const [dir, names] of dirs) {
				const baseFile = names.find((n) => /^(docker-)?compose\.ya?ml$/.test(n));
				const runs: { label: string; args: string[] }[] = [];
				if (baseFile) runs.push({ label: baseFile, args: ['-f', baseFile] });
				if (baseFile && names.some((n) => /override/.test(n))) runs.push({ label: `${baseFile} + override (default discovery)`, args: [] });
				for (const n of names.filter((n) => n !== baseFile && !/override/.test(n))) runs.push({ label: n, args: ['-f', n] });
				if (!baseFile) for (const n of names.filter((n) => /override/.test(n))) out.push({ file: `${dir}/${n}`.replace(/^\.\//, ''), tool: 'compose', message: 'override file without a compose.yaml to override' });
				for (const r0 of runs) {
					const r = await run(['docker-compose', ...r0.args, 'config', '-q'], { cwd: `${w.inRoot}/${dir}`, env: { COMPOSE_PROJECT_NAME: 'slipwaycheck' } });
					const msg = (r.stdout + r.stderr).trim();
					const file = `${dir}/${r0.label.split(' ')[0]}`.replace(/^\.\//, '');
					if (r.code !== 0 || msg) out.push({ file, tool: `docker-compose config (${r0.label})`, message: msg.slice(0, 2000) || `exit ${r.code}` });
				}
			}
		});
		return out;
	}
};
