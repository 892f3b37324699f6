/**
 * Every command a generated file tells a person or a machine to run, pulled
 * out of the file set as text, with where it came from:
 *
 *   readme      shell code blocks (```sh, ```bash, ```console, ```shell) and
 *               inline `code` that starts with a known command word in any *.md
 *   workflow    every `run:` of .github/workflows/*.yml (one command a logical line)
 *   dockerfile  RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD
 *   compose     services.*.command / entrypoint / healthcheck.test
 *   kubernetes  containers' command + args, exec probes, httpGet probes
 *   cloud-run   the Knative service's container command + args, probes
 *   sam         the Lambda Handler
 *   systemd     Exec* lines of *.service
 *   script      a generated *.sh is one command (`sh path`), run as a whole
 *   precommit   local hooks' `entry`
 *   devcontainer  devcontainer.json's lifecycle commands (onCreateCommand, postCreateCommand, ...)
 *
 * The ledger (ledger.ts) then says, for each one, whether the harness runs it,
 * checks it statically, or cannot run it here and why.
 */
import { load, loadAll } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import { CFN_SCHEMA, isObj } from '../validators/util.ts';

export type CommandSource = 'readme' | 'workflow' | 'dockerfile' | 'compose' | 'kubernetes' | 'cloud-run' | 'sam' | 'systemd' | 'script' | 'precommit' | 'devcontainer';

export interface Command {
	source: CommandSource;
	/** The generated file that names it. */
	file: string;
	/** The command as written (continuations joined, prompt and comments stripped). */
	text: string;
	/** Extra context: the Dockerfile stage, the workflow job, the compose service, the k8s kind. */
	where?: string;
}

/** Words that start a shell command in prose (`inline code`) we take as an instruction to run (the project's own console scripts too). */
const COMMAND_WORDS = new Set([
	'uv', 'uvx', 'poetry', 'pip', 'pip-compile', 'pip-sync', 'python', 'python3', 'pytest', 'ruff', 'mypy', 'docker', 'docker-compose',
	'kubectl', 'kustomize', 'gcloud', 'sam', 'aws', 'gh', 'git', 'curl', 'sudo', 'sh', 'bash', 'systemctl', 'systemd-analyze', 'journalctl',
	'certbot', 'nginx', 'npx', 'npm', 'node', 'openssl', 'cp', 'make', 'pre-commit', 'gunicorn', 'uvicorn', 'flask', 'django-admin', 'celery',
	'alembic', 'source', 'export', 'apt-get', 'apt', 'redis-cli', 'psql', 'pg_isready', './manage.py'
]);

/** `[project.scripts]` (or Poetry's `[tool.poetry.scripts]`) of the generated pyproject.toml: name -> `module:function`. */
export function consoleScripts(files: readonly GeneratedFile[]): Map<string, string> {
	const out = new Map<string, string>();
	const text = files.find((f) => f.path === 'pyproject.toml')?.content;
	if (!text) return out;
	try {
		const doc = parseToml(text) as { project?: { scripts?: Record<string, unknown> }; tool?: { poetry?: { scripts?: Record<string, unknown> } } };
		for (const [name, target] of Object.entries({ ...doc.tool?.poetry?.scripts, ...doc.project?.scripts })) if (typeof target === 'string') out.set(name, target);
	} catch {
		// the toml and validate-pyproject checks report an unreadable pyproject.toml
	}
	return out;
}

/** Shell keywords and lines that are structure, not commands. */
const STRUCTURE = /^(then|else|fi|do|done|esac|;;|\{|\}|\)|\(|if \[.*\]; then|elif .*; then|for .*; do|while .*; do|case .* in|[A-Za-z0-9_*|-]+\))$/;

/** Split a shell snippet into logical lines: continuations joined, comments, blanks and prompts removed. */
export function shellLines(text: string): string[] {
	const out: string[] = [];
	let acc = '';
	let heredoc: string | null = null;
	for (const raw of text.split('\n')) {
		if (heredoc !== null) {
			if (raw.trim() === heredoc) heredoc = null;
			continue;
		}
		let line = raw.replace(/^\s*(\$|#)\s(?=\S)/, (m) => (m.trim() === '$' ? '' : m));
		if (/^\s*#/.test(line)) continue;
		line = stripComment(line);
		if (line.trimEnd().endsWith('\\')) {
			acc += line.trimEnd().slice(0, -1).trim() + ' ';
			continue;
		}
		const full = (acc + line.trim()).trim();
		acc = '';
		const hd = /<<-?\s*['"]?(\w+)['"]?/.exec(full);
		if (hd) heredoc = hd[1];
		if (full && !STRUCTURE.test(full)) out.push(full);
	}
	if (acc.trim()) out.push(acc.trim());
	return out;
}

/** Remove a trailing `# comment` outside quotes. */
function stripComment(line: string): string {
	let q: string | null = null;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (q) {
			if (ch === q) q = null;
			else if (ch === '\\' && q === '"') i++;
		} else if (ch === "'" || ch === '"') q = ch;
		else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
	}
	return line;
}

function fromMarkdown(f: GeneratedFile, words: ReadonlySet<string>): Command[] {
	const out: Command[] = [];
	const lines = f.content.split('\n');
	let inBlock: string | null = null;
	let block: string[] = [];
	const prose: string[] = [];
	for (const line of lines) {
		const fence = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
		if (fence) {
			if (inBlock === null) {
				inBlock = fence[2].toLowerCase();
				block = [];
			} else {
				if (['sh', 'bash', 'shell', 'console', 'shell-session', 'zsh'].includes(inBlock))
					for (const t of shellLines(block.join('\n'))) out.push({ source: 'readme', file: f.path, text: t });
				inBlock = null;
			}
			continue;
		}
		if (inBlock !== null) block.push(line);
		else prose.push(line);
	}
	for (const m of prose.join('\n').matchAll(/(?<!`)`([^`\n]+)`(?!`)/g)) {
		const t = m[1].trim();
		const first = t.split(/\s+/)[0];
		if (/\s/.test(t) && (words.has(first) || /^\.venv\/bin\//.test(first))) out.push({ source: 'readme', file: f.path, text: t, where: 'inline' });
	}
	return out;
}

function fromWorkflow(f: GeneratedFile): Command[] {
	const doc = safeLoad(f.content);
	const out: Command[] = [];
	if (!isObj(doc) || !isObj(doc.jobs)) return out;
	for (const [job, j] of Object.entries(doc.jobs)) {
		if (!isObj(j) || !Array.isArray(j.steps)) continue;
		for (const s of j.steps) {
			if (isObj(s) && typeof s.run === 'string')
				for (const t of shellLines(s.run)) out.push({ source: 'workflow', file: f.path, text: t, where: `${job}: ${typeof s.name === 'string' ? s.name : ''}` });
		}
	}
	return out;
}

/** Dockerfile instructions that run something, one Command each (exec form shown as argv joined by spaces). */
function fromDockerfile(f: GeneratedFile): Command[] {
	const out: Command[] = [];
	const logical: string[] = [];
	let acc = '';
	for (const raw of f.content.split('\n')) {
		if (/^\s*#/.test(raw) && !acc) continue;
		if (/^\s*#/.test(raw)) continue;
		if (raw.trimEnd().endsWith('\\')) {
			acc += raw.trimEnd().slice(0, -1) + '\n';
			continue;
		}
		logical.push(acc + raw);
		acc = '';
	}
	let stage = '';
	for (const ins of logical) {
		const m = /^\s*(\w+)\s+([\s\S]*)$/.exec(ins);
		if (!m) continue;
		const kw = m[1].toUpperCase();
		let rest = m[2].trim();
		if (kw === 'FROM') stage = /\bAS\s+(\S+)/i.exec(rest)?.[1] ?? rest;
		if (kw === 'HEALTHCHECK') {
			const c = /\bCMD\s+([\s\S]*)$/.exec(rest);
			if (!c) continue;
			rest = c[1].trim();
		}
		if (!['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(kw)) continue;
		if (kw === 'RUN') rest = rest.replace(/^(--\w+(=\S+)?\s+)+/, '');
		const text = execForm(rest) ?? rest.replace(/\s*\n\s*/g, ' ');
		out.push({ source: 'dockerfile', file: f.path, text, where: `${stage} ${kw}` });
	}
	return out;
}

function execForm(s: string): string | null {
	if (!s.startsWith('[')) return null;
	try {
		const a = JSON.parse(s) as unknown;
		return Array.isArray(a) ? a.map(String).join(' ') : null;
	} catch {
		return null;
	}
}

const argvText = (v: unknown): string | null =>
	typeof v === 'string' ? v : Array.isArray(v) ? v.map(String).join(' ') : null;

function fromCompose(f: GeneratedFile): Command[] {
	const doc = safeLoad(f.content);
	const out: Command[] = [];
	if (!isObj(doc) || !isObj(doc.services)) return out;
	for (const [name, s] of Object.entries(doc.services)) {
		if (!isObj(s)) continue;
		for (const k of ['entrypoint', 'command'] as const) {
			const t = argvText(s[k]);
			if (t) out.push({ source: 'compose', file: f.path, text: t, where: `${name} ${k}` });
		}
		if (isObj(s.healthcheck)) {
			const test = s.healthcheck.test;
			const t = Array.isArray(test) ? (test[0] === 'CMD-SHELL' ? String(test[1]) : test[0] === 'CMD' ? test.slice(1).join(' ') : null) : argvText(test);
			if (t) out.push({ source: 'compose', file: f.path, text: t, where: `${name} healthcheck` });
		}
	}
	return out;
}

/** Containers of any workload kind (Deployment, Job, CronJob, Knative Service). */
function containersOf(doc: Record<string, unknown>): Record<string, unknown>[] {
	const found: Record<string, unknown>[] = [];
	const walk = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (isObj(v)) {
			for (const [k, x] of Object.entries(v)) {
				if ((k === 'containers' || k === 'initContainers') && Array.isArray(x)) found.push(...x.filter(isObj));
				else walk(x);
			}
		}
	};
	walk(doc);
	return found;
}

function fromManifest(f: GeneratedFile, source: 'kubernetes' | 'cloud-run'): Command[] {
	const out: Command[] = [];
	let docs: unknown[] = [];
	try {
		docs = loadAll(f.content);
	} catch {
		return out;
	}
	for (const d of docs) {
		if (!isObj(d)) continue;
		const kind = `${String(d.kind)}/${isObj(d.metadata) ? String(d.metadata.name) : ''}`;
		for (const c of containersOf(d)) {
			const cmd = [...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.args) ? c.args : [])].map(String);
			if (cmd.length) out.push({ source, file: f.path, text: cmd.join(' '), where: `${kind} ${String(c.name)}` });
			for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
				const probe = c[p];
				if (!isObj(probe)) continue;
				if (isObj(probe.exec) && Array.isArray(probe.exec.command))
					out.push({ source, file: f.path, text: probe.exec.command.map(String).join(' '), where: `${kind} ${p}` });
				if (isObj(probe.httpGet)) out.push({ source, file: f.path, text: `GET ${String(probe.httpGet.path ?? '/')} :${String(probe.httpGet.port ?? '')}`, where: `${kind} ${p}` });
			}
		}
	}
	return out;
}

function fromSam(f: GeneratedFile): Command[] {
	const out: Command[] = [];
	let doc: unknown;
	try {
		doc = load(f.content, { schema: CFN_SCHEMA });
	} catch {
		return out;
	}
	if (!isObj(doc)) return out;
	const globals = isObj(doc.Globals) && isObj(doc.Globals.Function) ? doc.Globals.Function : {};
	for (const [name, r] of Object.entries(isObj(doc.Resources) ? doc.Resources : {})) {
		if (!isObj(r) || r.Type !== 'AWS::Serverless::Function') continue;
		const h = (isObj(r.Properties) ? r.Properties.Handler : undefined) ?? globals.Handler;
		if (typeof h === 'string') out.push({ source: 'sam', file: f.path, text: `lambda handler ${h}`, where: name });
	}
	return out;
}

function fromSystemd(f: GeneratedFile): Command[] {
	const out: Command[] = [];
	for (const line of f.content.split('\n')) {
		const m = /^\s*(Exec\w+)\s*=\s*(.*)$/.exec(line);
		if (m) out.push({ source: 'systemd', file: f.path, text: m[2].replace(/^[-@:+!]+/, '').trim(), where: m[1] });
	}
	return out;
}

/** devcontainer.json's lifecycle commands: a string (run by a shell), an argv array, or an object of named ones. */
const LIFECYCLE = ['initializeCommand', 'onCreateCommand', 'updateContentCommand', 'postCreateCommand', 'postStartCommand', 'postAttachCommand'] as const;
function fromDevcontainer(f: GeneratedFile): Command[] {
	let doc: unknown;
	try {
		doc = JSON.parse(f.content);
	} catch {
		return []; // the devcontainer check reports it
	}
	const out: Command[] = [];
	if (!isObj(doc)) return out;
	for (const k of LIFECYCLE) {
		const v = doc[k];
		const named: [string, unknown][] = isObj(v) ? Object.entries(v) : [[k, v]];
		for (const [name, c] of named) {
			const t = typeof c === 'string' ? c : argvText(c);
			if (t) out.push({ source: 'devcontainer', file: f.path, text: t, where: name === k ? k : `${k} ${name}` });
		}
	}
	return out;
}

function fromPrecommit(f: GeneratedFile): Command[] {
	const doc = safeLoad(f.content);
	const out: Command[] = [];
	if (!isObj(doc) || !Array.isArray(doc.repos)) return out;
	for (const r of doc.repos) {
		if (!isObj(r) || r.repo !== 'local' || !Array.isArray(r.hooks)) continue;
		for (const h of r.hooks) if (isObj(h) && typeof h.entry === 'string') out.push({ source: 'precommit', file: f.path, text: h.entry, where: String(h.id) });
	}
	return out;
}

function safeLoad(text: string): unknown {
	try {
		return load(text);
	} catch {
		return null;
	}
}

const isKnative = (f: GeneratedFile) => /^\s*apiVersion:\s*serving\.knative\.dev\//m.test(f.content);
const isSamFile = (f: GeneratedFile) => /Transform:\s*['"]?AWS::Serverless/.test(f.content);

/** Every command of a file set, in file order. */
export function extractCommands(files: readonly GeneratedFile[]): Command[] {
	const out: Command[] = [];
	const words = new Set([...COMMAND_WORDS, ...consoleScripts(files).keys()]);
	for (const f of files) {
		const base = f.path.split('/').pop() ?? f.path;
		if (f.path.endsWith('.md')) out.push(...fromMarkdown(f, words));
		else if (/^\.github\/workflows\/.+\.ya?ml$/.test(f.path)) out.push(...fromWorkflow(f));
		else if (/(^|\/)(Dockerfile|Containerfile)(\.[\w-]+)?$/.test(f.path)) out.push(...fromDockerfile(f));
		else if (/^(compose|docker-compose)(\.[\w-]+)*\.ya?ml$/.test(base)) out.push(...fromCompose(f));
		else if (f.path === '.pre-commit-config.yaml') out.push(...fromPrecommit(f));
		else if (/(^|\/)\.?devcontainer\.json$/.test(f.path)) out.push(...fromDevcontainer(f));
		else if (/\.ya?ml$/.test(f.path) && isSamFile(f)) out.push(...fromSam(f));
		else if (/\.ya?ml$/.test(f.path) && isKnative(f)) out.push(...fromManifest(f, 'cloud-run'));
		else if (/\.ya?ml$/.test(f.path) && /^\s*kind:\s*(Deployment|Job|CronJob|StatefulSet|DaemonSet|Pod)\s*$/m.test(f.content)) out.push(...fromManifest(f, 'kubernetes'));
		else if (/\.service$/.test(f.path)) out.push(...fromSystemd(f));
		else if (/\.sh$/.test(f.path)) out.push({ source: 'script', file: f.path, text: `sh ${f.path}` });
	}
	return out;
}
