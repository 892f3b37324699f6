/** Dockerfiles: dockerfile-utils validate() (the Docker language server's validator), every severity counts. */
import { validate } from 'dockerfile-utils';
import type { Finding, Validator } from '../registry.ts';
import { base } from './util.ts';

export const isDockerfile = (path: string): boolean => /^(Dockerfile|Containerfile)(\.[\w.-]+)?$|\.[Dd]ockerfile$/.test(base(path));

export const dockerfile: Validator = {
	id: 'dockerfile',
	tool: 'dockerfile-utils validate()',
	role: 'primary',
	chroot: false,
	match: isDockerfile,
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			for (const d of validate(f.content)) {
				out.push({ file: f.path, line: d.range.start.line + 1, tool: 'dockerfile-utils', message: `${d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info'}: ${d.message}` });
			}
			if (!/^\s*CMD\s|^\s*ENTRYPOINT\s/im.test(f.content))
				out.push({ file: f.path, tool: 'dockerfile-structure', message: 'no CMD or ENTRYPOINT: the image would not know what to run' });
			if (!/^\s*USER\s+(?!root\b|0\b)\S+/im.test(f.content))
				out.push({ file: f.path, tool: 'dockerfile-structure', message: 'no USER other than root: the container would run as root' });
		}
		return out;
	}
};
