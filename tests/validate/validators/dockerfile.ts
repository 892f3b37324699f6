/**
 * Dockerfiles: dockerfile-utils validate() (the Docker language server's validator), every severity counts;
 * then the structure the image must have (dockerfileStructure below).
 */
import { validate } from 'dockerfile-utils';
import type { Finding, Validator } from '../registry.ts';
import { base } from './util.ts';

export const isDockerfile = (path: string): boolean => /^(Dockerfile|Containerfile)(\.[\w.-]+)?$|\.[Dd]ockerfile$/.test(base(path));

/** One instruction of a Dockerfile, continuation lines joined, comments dropped. */
interface Line {
	line: number;
	keyword: string;
	rest: string;
}

function logicalLines(content: string): Line[] {
	const out: Line[] = [];
	let acc = '';
	let start = 0;
	content.split('\n').forEach((raw, i) => {
		if (!acc && /^\s*(#|$)/.test(raw)) return;
		if (acc && /^\s*#/.test(raw)) return; // a comment inside a continuation is dropped, as Docker does
		if (!acc) start = i + 1;
		if (raw.trimEnd().endsWith('\\')) {
			acc += raw.trimEnd().slice(0, -1) + ' ';
			return;
		}
		const text = (acc + raw).trim();
		acc = '';
		const m = /^(\w+)\s*(.*)$/.exec(text);
		if (m) out.push({ line: start, keyword: m[1].toUpperCase(), rest: m[2].trim() });
	});
	return out;
}

/**
 * Base images with no shell: Docker Hardened Images' runtime variants (every `dhi.io/` tag
 * without `dev`: "image variants intended for runtime don't contain a shell", DHI's Python guide,
 * versions.ts DHI_PYTHON) and Google's distroless images other than `:debug`.
 */
export function shellLessImage(image: string): boolean {
	const ref = image.replace(/@.*$/, '');
	const tag = /:([^/:]+)$/.exec(ref)?.[1] ?? '';
	if (/^dhi\.io\//.test(ref)) return !/(^|[-.])dev($|[-.])/.test(tag);
	if (/^gcr\.io\/distroless\//.test(ref)) return !/debug/.test(tag);
	return false;
}

/** `["a", "b"]` exactly as Docker reads the exec form: a JSON array of strings, at least one. */
function isExecForm(text: string): boolean {
	if (!text.startsWith('[')) return false;
	try {
		const v: unknown = JSON.parse(text);
		return Array.isArray(v) && v.length > 0 && v.every((a) => typeof a === 'string');
	} catch {
		return false;
	}
}

interface Stage {
	name?: string;
	image: string;
	line: number;
	shellLess: boolean;
	lines: Line[];
}

function stagesOf(content: string): Stage[] {
	const stages: Stage[] = [];
	for (const l of logicalLines(content)) {
		if (l.keyword === 'FROM') {
			const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(l.rest);
			const image = m?.[1] ?? '';
			// FROM another stage: that stage's base decides.
			const parent = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase());
			stages.push({ name: m?.[2], image, line: l.line, shellLess: parent ? parent.shellLess : shellLessImage(image), lines: [] });
		} else stages.at(-1)?.lines.push(l);
	}
	return stages;
}

/**
 * What the harness requires of a Dockerfile beyond what dockerfile-utils checks:
 * - a CMD or ENTRYPOINT, and a USER other than root in the final stage (the last USER wins);
 * - a HEALTHCHECK in a final stage that EXPOSEs a port (a server the orchestrator can ask);
 * - in a stage built on an image without a shell: no RUN at all (shell or exec form: nothing
 *   runs while such a stage builds), no SHELL, and CMD, ENTRYPOINT and HEALTHCHECK CMD in exec
 *   form only (shell form would start /bin/sh, which is not there).
 */
export function dockerfileStructure(path: string, content: string): Finding[] {
	const out: Finding[] = [];
	const add = (message: string, line?: number) => out.push({ file: path, ...(line ? { line } : {}), tool: 'dockerfile-structure', message });
	const stages = stagesOf(content);
	const final = stages.at(-1);
	if (!final) return [{ file: path, tool: 'dockerfile-structure', message: 'no FROM: not a Dockerfile' }];
	if (!final.lines.some((l) => l.keyword === 'CMD' || l.keyword === 'ENTRYPOINT') && !/^\s*CMD\s|^\s*ENTRYPOINT\s/im.test(content))
		add('no CMD or ENTRYPOINT: the image would not know what to run');
	const users = final.lines.filter((l) => l.keyword === 'USER');
	const user = users.at(-1);
	if (!user) {
		if (!/^\s*USER\s+(?!root\b|0\b)\S+/im.test(content)) add('no USER other than root: the container would run as root');
		else add('the final stage sets no USER: the container would run as its base image\'s user, not the one this file names', final.line);
	} else if (/^(root|0)(:|$)/.test(user.rest)) add(`USER ${user.rest}: the final stage runs as root`, user.line);
	if (final.lines.some((l) => l.keyword === 'EXPOSE') && !final.lines.some((l) => l.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(l.rest)))
		add('the final stage EXPOSEs a port but has no HEALTHCHECK: nothing asks the server whether it is up', final.line);
	for (const s of stages.filter((x) => x.shellLess)) {
		const where = `stage ${s.name ?? '(unnamed)'} (FROM ${s.image}) has no shell`;
		for (const l of s.lines) {
			if (l.keyword === 'RUN') add(`RUN in ${where}: nothing can run while it builds; move it to the builder stage`, l.line);
			else if (l.keyword === 'SHELL') add(`SHELL in ${where}`, l.line);
			else if ((l.keyword === 'CMD' || l.keyword === 'ENTRYPOINT') && !isExecForm(l.rest))
				add(`${l.keyword} in shell form in ${where}: /bin/sh -c would be started; write it as a JSON array`, l.line);
			else if (l.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(l.rest)) {
				const cmd = /\bCMD\s+(.*)$/.exec(l.rest)?.[1] ?? '';
				if (!isExecForm(cmd)) add(`HEALTHCHECK CMD in shell form in ${where}: /bin/sh -c would be started; write it as a JSON array`, l.line);
			}
		}
	}
	return out;
}

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
			out.push(...dockerfileStructure(f.path, f.content));
		}
		return out;
	}
};
