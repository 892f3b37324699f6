/** Shell scripts (*.sh, or a sh/bash shebang): shellcheck 0.10 (trixie), every severity, plus `sh -n`/`bash -n` syntax check. */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';

const SHEBANG = /^#!\s*(\/usr\/bin\/env\s+)?\/?(usr\/)?(bin\/)?(ba|da)?sh\b/;
export const isShell = (path: string, content: string): boolean => /\.(sh|bash)$/.test(path) || (!/\.\w+$/.test(path) && SHEBANG.test(content));

export const shell: Validator = {
	id: 'shell',
	tool: 'shellcheck 0.10 (trixie) + sh -n',
	role: 'primary',
	chroot: true,
	match: isShell,
	async check(files) {
		const out: Finding[] = [];
		await withWorkdir('shellcheck', files.map((f, i) => ({ path: `f${i}/${f.path.replace(/\//g, '_')}`, content: f.content })), async (w) => {
			const local = files.map((f, i) => `f${i}/${f.path.replace(/\//g, '_')}`);
			const r = await run(['shellcheck', '-f', 'gcc', '-S', 'style', ...local], { cwd: w.inRoot });
			for (const line of r.stdout.split('\n').filter(Boolean)) {
				const m = /^f(\d+)\/[^:]+:(\d+):\d+: (.*)$/.exec(line);
				out.push(m ? { file: files[Number(m[1])].path, line: Number(m[2]), tool: 'shellcheck', message: m[3] } : { file: files[0].path, tool: 'shellcheck', message: line });
			}
			if (r.code !== 0 && !r.stdout.trim()) out.push({ file: files[0].path, tool: 'shellcheck', message: r.stderr.slice(-1000) || `exit ${r.code}` });
			for (const [i, f] of files.entries()) {
				if (!SHEBANG.test(f.content) && /\.sh$/.test(f.path) && (f.mode ?? 0) & 0o111) out.push({ file: f.path, line: 1, tool: 'shell', message: 'executable script without a #! line' });
				const sh = /bash/.test(f.content.split('\n')[0]) ? 'bash' : 'sh';
				const s = await run([sh, '-n', local[i]], { cwd: w.inRoot });
				if (s.code !== 0) out.push({ file: f.path, tool: `${sh} -n`, message: s.stderr.trim().replace(/^f\d+\/\S+: /, '') });
			}
		});
		return out;
	}
};
