/**
 * What the journey run executes for one generated project, planned from the
 * files themselves (never from the Config, so a file that says something else
 * than the model is caught):
 *
 *   readme steps   the README's commands that can run offline, as written,
 *                  with the package manager's `uv run` / `poetry run` wrapper
 *                  replaced by the project's venv on PATH: the CLI's own
 *                  commands, dev servers until /health answers, the worker's
 *                  `--once` with a job pushed first, migrations, the
 *                  `curl` health checks, the secret-key one-liner.
 *   blocks         workflow `run:` blocks that need no network: the "lock
 *                  file committed?" guard (must fail without the lock and
 *                  pass with it) and release.yml's tag check (must pass for
 *                  the built wheel's version and fail for another).
 *   workloads      each deployed process started as its target starts it:
 *                  the image's ENTRYPOINT/CMD with its ENV, WORKDIR and USER,
 *                  a Kubernetes container's command/args with its ConfigMap
 *                  and Secret and runAsUser, Cloud Run's container, systemd's
 *                  ExecStart with its User, WorkingDirectory, Environment and
 *                  EnvironmentFile. A server must answer its probe (and the
 *                  image's HEALTHCHECK must pass against it), a job or a
 *                  oneshot unit must exit 0, a long-running worker must stay
 *                  up and stop cleanly on SIGTERM.
 */
import { load, loadAll } from 'js-yaml';
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import { isObj } from '../validators/util.ts';
import { consoleScripts, extractCommands, shellLines } from './extract.ts';
import { normalise } from './ledger.ts';

export interface Health {
	path: string;
	port: number;
	host?: string;
	/** A readiness path that must answer 200 too once the server is up (a readinessProbe other than the health path). */
	ready?: string;
}

/** One process to start, as written in a generated file. */
export interface Workload {
	id: string;
	/** The file and the exact command text it covers (as extract.ts reports it). */
	covers: string[];
	file: string;
	argv: string[];
	env: Record<string, string>;
	/** Where the project appears inside the root: the image's /app (only the venv) or /opt/<name> (the checkout). */
	mount: { at: string; what: 'image' | 'checkout' };
	cwd: string;
	/** uid:gid, or a user name; absent = root. */
	user?: string;
	/** The app may not write where it lives (image owned by root, readOnlyRootFilesystem, ProtectSystem=strict). */
	readOnly: boolean;
	mode: 'server' | 'job' | 'daemon';
	health?: Health;
	/** The image's HEALTHCHECK (exec form), run against the server. */
	healthcheck?: { text: string; argv: string[] };
	/** systemd's StateDirectory= (/var/lib/<name>): created writable for the user, and STATE_DIRECTORY set, as systemd does. */
	stateDir?: string;
	/** Extra note for the report (substitutions made). */
	notes: string[];
	/** A Celery process (issue 20.2): what the journey proves of it beyond "stays up, stops on SIGTERM" (celeryOf). */
	celery?: CeleryCheck;
}

/**
 * A Celery worker: its health command answers (ping) once it is up, the example task sent through
 * the journey's Redis comes back with its result, and SIGTERM's warm shutdown exits 0. Beat: it
 * says it started, and stops with 0.
 */
export interface CeleryCheck {
	role: 'worker' | 'beat';
	/** The health command: the workload's own probe / healthcheck, else the package's celery_ping. */
	ping: string[];
	/** Sends `add(2, 3)` and prints the result read back through the result backend. */
	send: string[];
	/** Texts the ping and the send cover (the probe, the README's lines). */
	pingCovers: string[];
	sendCovers: string[];
}

/** One README command run in the checkout, as a developer runs it. */
export interface ReadmeStep {
	id: string;
	covers: string[];
	/** Shell text to run (manager wrapper removed). */
	shell: string;
	mode: 'run' | 'server' | 'daemon';
	health?: Health;
	/** Shell run first (e.g. push a job for the worker). */
	before?: string;
	/** Output the command must print (regex source), if any. */
	expect?: string;
	/** Commands run while a daemon is up, each retried for up to 30 s until its output matches `expect` (Celery's ping and task). */
	after?: { id: string; covers: string[]; shell: string; expect: string }[];
}

export interface Block {
	id: string;
	covers: string[];
	file: string;
	script: string;
	kind: 'lock-guard' | 'tag-check';
	/** lock-guard: the file the block requires. */
	lockFile?: string;
}

export interface JourneyPlan {
	readme: ReadmeStep[];
	blocks: Block[];
	workloads: Workload[];
	/** `curl` health checks of the README, run against every README server. */
	curls: string[];
	/** The README's `cp .env.example .env` (run first when a README says it). */
	envCopy: boolean;
	/** Servers to start in the namespace first. */
	services: { postgres: { user: string; db: string }[]; redis: boolean; hosts: string[] };
}

const byPath = (files: readonly GeneratedFile[]) => new Map(files.map((f) => [f.path, f.content]));

/** KEY=VALUE lines of a dotenv / EnvironmentFile (quotes removed). */
export function parseDotenv(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
		if (!m) continue;
		let v = m[2].trim();
		if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
		out[m[1]] = v;
	}
	return out;
}

/** Placeholders a person replaces before the first start ("CHANGE-ME"): filled from .env.example's value for the same name. */
function fillPlaceholders(env: Record<string, string>, example: Record<string, string>, notes: string[]): Record<string, string> {
	const out = { ...env };
	for (const [k, v] of Object.entries(out)) {
		if (/change-?me/i.test(v) && example[k] !== undefined && example[k] !== v) {
			out[k] = example[k];
			notes.push(`${k}: placeholder replaced by .env.example's value, as the file tells the user to`);
		}
	}
	return out;
}

interface DockerImage {
	/** The final stage's FROM image, as written. */
	from: string;
	env: Record<string, string>;
	workdir: string;
	user?: string;
	entrypoint: string[];
	cmd: string[];
	covers: string[];
	healthcheck?: { text: string; argv: string[] };
}

/** The final stage of the Dockerfile: what `docker run IMAGE` starts. */
export function dockerImage(dockerfile: string): DockerImage | null {
	const logical: string[] = [];
	let acc = '';
	for (const raw of dockerfile.split('\n')) {
		if (/^\s*#/.test(raw)) continue;
		if (raw.trimEnd().endsWith('\\')) {
			acc += raw.trimEnd().slice(0, -1) + ' ';
			continue;
		}
		logical.push((acc + raw).trim());
		acc = '';
	}
	let img: DockerImage | null = null;
	const args: Record<string, string> = {};
	for (const ins of logical) {
		const m = /^(\w+)\s+(.*)$/.exec(ins);
		if (!m) continue;
		const kw = m[1].toUpperCase();
		const rest = m[2].trim();
		if (kw === 'ARG') {
			const a = /^(\w+)(?:=(.*))?$/.exec(rest);
			if (a) args[a[1]] = a[2] ?? '';
		} else if (kw === 'FROM') img = { from: (rest.split(/\s+/)[0] ?? '').replace(/\$\{?(\w+)\}?/g, (_m, n: string) => args[n] ?? ''), env: {}, workdir: '/', entrypoint: [], cmd: [], covers: [] };
		else if (!img) continue;
		else if (kw === 'ENV') {
			for (const e of rest.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) img.env[e[1]] = e[2].replace(/^"|"$/g, '');
		} else if (kw === 'WORKDIR') img.workdir = rest;
		else if (kw === 'USER') img.user = rest;
		else if (kw === 'ENTRYPOINT' || kw === 'CMD') {
			const argv = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : ['/bin/sh', '-c', rest];
			if (kw === 'ENTRYPOINT') {
				img.entrypoint = argv;
				img.cmd = [];
			} else img.cmd = argv;
			img.covers.push(argv.join(' '));
		} else if (kw === 'HEALTHCHECK') {
			const c = /\bCMD\s+(.*)$/.exec(rest);
			if (c) {
				const argv = c[1].startsWith('[') ? (JSON.parse(c[1]) as string[]) : ['/bin/sh', '-c', c[1]];
				img.healthcheck = { text: argv.join(' '), argv };
			}
		}
	}
	return img;
}

/** `$PATH`-style references in an ENV value, expanded against what came before (Docker's rules, simplified). */
function expandEnv(env: Record<string, string>, base: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(env)) out[k] = v.replace(/\$\{?(\w+)\}?/g, (_m, n: string) => out[n] ?? base[n] ?? '');
	return out;
}

/**
 * The environment python:X-slim starts from, as the image defines it: Debian's PATH with
 * `ENV PATH /usr/local/bin:$PATH` in front, and no LANG (docker-library/python,
 * 3.13/slim-trixie/Dockerfile at 4f07059 of 2026-06-23, read with the search tool's fetch on
 * 2026-12-01; PYTHON_VERSION and GPG_KEY it sets too are not read by the app).
 */
const IMAGE_BASE_ENV = { PATH: '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };

/**
 * The environment a Docker Hardened Images Python runtime (dhi.io/python:X-debian13) starts
 * from: its definition sets SSL_CERT_FILE and PYTHON_VERSION and no PATH
 * (docker-hardened-images/catalog image/python/debian-13/3.14.yaml `environment:`, snapshot of
 * 2026-08-22), so BuildKit gives the stage its default PATH (moby/buildkit
 * frontend/dockerfile/dockerfile2llb/convert.go "make sure that PATH is always set",
 * util/system/path.go DefaultPathEnvUnix; snapshot of 2026-08-21); both read with the search
 * tool's fetch on 2026-12-01. Its Python is /usr/bin/python3 (versions.ts DHI_PYTHON), where the
 * root's Debian 13 Python is too, so the CMD runs against that, as the image's nonroot uid.
 */
const DHI_IMAGE_BASE_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt' };

/** What the report says about the stand-in for the image's own files. */
function imageNotes(img: DockerImage | null): string[] {
	return img && /^dhi\.io\/python:/.test(img.from) ? [`${img.from}: the root's Debian 13 /usr/bin/python3 stands in for the hardened image's (same path; dhi.io cannot be pulled here)`] : [];
}

/** The base environment of the image a Dockerfile's final stage starts from. */
function imageBaseEnv(img: DockerImage | null): Record<string, string> {
	return img && /^dhi\.io\/python:/.test(img.from) ? DHI_IMAGE_BASE_ENV : IMAGE_BASE_ENV;
}

function containerPort(c: Record<string, unknown>, port: unknown): number {
	if (typeof port === 'number') return port;
	const ports = Array.isArray(c.ports) ? c.ports.filter(isObj) : [];
	const named = ports.find((p) => p.name === port);
	return Number((named ?? ports[0])?.containerPort ?? 8000);
}

function probeHealth(c: Record<string, unknown>): Health | undefined {
	for (const p of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
		const probe = c[p];
		if (isObj(probe) && isObj(probe.httpGet)) {
			const headers = Array.isArray(probe.httpGet.httpHeaders) ? probe.httpGet.httpHeaders.filter(isObj) : [];
			const host = headers.find((h) => String(h.name).toLowerCase() === 'host')?.value;
			const path = String(probe.httpGet.path ?? '/');
			const rp = isObj(c.readinessProbe) && isObj(c.readinessProbe.httpGet) ? String(c.readinessProbe.httpGet.path ?? '/') : path;
			return { path, port: containerPort(c, probe.httpGet.port), host: host ? String(host) : undefined, ...(rp !== path ? { ready: rp } : {}) };
		}
	}
	return undefined;
}

function loadDocs(text: string): Record<string, unknown>[] {
	try {
		return loadAll(text).filter(isObj);
	} catch {
		return [];
	}
}

function podSpecOf(doc: Record<string, unknown>): Record<string, unknown> | null {
	const spec = isObj(doc.spec) ? doc.spec : null;
	if (!spec) return null;
	if (doc.kind === 'CronJob') {
		const jt = isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : null;
		return jt && isObj(jt.template) && isObj(jt.template.spec) ? jt.template.spec : null;
	}
	return isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec : null;
}

/** ConfigMaps and Secrets by name, from every manifest of the folder (secret.example.yaml as the README tells the user to fill it). */
function kubeConfig(files: readonly GeneratedFile[], dir: string): Map<string, Record<string, string>> {
	const out = new Map<string, Record<string, string>>();
	for (const f of files.filter((x) => x.path.startsWith(dir) && /\.ya?ml$/.test(x.path))) {
		for (const d of loadDocs(f.content)) {
			if (d.kind !== 'ConfigMap' && d.kind !== 'Secret') continue;
			const name = isObj(d.metadata) ? String(d.metadata.name) : '';
			const data: Record<string, string> = {};
			for (const k of ['data', 'stringData']) {
				const v = d[k];
				if (isObj(v)) for (const [a, b] of Object.entries(v)) data[a] = k === 'data' && d.kind === 'Secret' ? Buffer.from(String(b), 'base64').toString() : String(b);
			}
			out.set(name, { ...(out.get(name) ?? {}), ...data });
		}
	}
	return out;
}

function containerEnv(c: Record<string, unknown>, cfg: Map<string, Record<string, string>>, example: Record<string, string>, notes: string[]): Record<string, string> {
	const env: Record<string, string> = {};
	for (const ef of Array.isArray(c.envFrom) ? c.envFrom.filter(isObj) : []) {
		const ref = isObj(ef.configMapRef) ? ef.configMapRef : isObj(ef.secretRef) ? ef.secretRef : null;
		if (ref) Object.assign(env, cfg.get(String(ref.name)) ?? {});
	}
	for (const e of Array.isArray(c.env) ? c.env.filter(isObj) : []) {
		const name = String(e.name);
		if (typeof e.value === 'string') env[name] = e.value;
		else if (isObj(e.valueFrom)) {
			const ref = isObj(e.valueFrom.secretKeyRef) ? e.valueFrom.secretKeyRef : isObj(e.valueFrom.configMapKeyRef) ? e.valueFrom.configMapKeyRef : null;
			const fromCfg = ref ? cfg.get(String(ref.name))?.[String(ref.key)] : undefined;
			if (fromCfg !== undefined) env[name] = fromCfg;
			else if (example[name] !== undefined) {
				env[name] = example[name];
				notes.push(`${name}: a secret the platform stores (Secret Manager); .env.example's value stands in`);
			}
		}
	}
	return env;
}

/** Kubernetes and Cloud Run workloads: every container of every Deployment, Job, CronJob and Knative Service. */
function manifestWorkloads(files: readonly GeneratedFile[], img: DockerImage | null, example: Record<string, string>): Workload[] {
	const out: Workload[] = [];
	const dirs = [...new Set(files.filter((f) => /^deploy\/(kubernetes|cloud-run)\//.test(f.path)).map((f) => f.path.split('/').slice(0, 2).join('/') + '/'))];
	for (const dir of dirs) {
		const cfg = kubeConfig(files, dir);
		for (const f of files.filter((x) => x.path.startsWith(dir) && /\.ya?ml$/.test(x.path))) {
			for (const d of loadDocs(f.content)) {
				const kind = String(d.kind);
				if (!['Deployment', 'Job', 'CronJob', 'Service', 'StatefulSet'].includes(kind)) continue;
				if (kind === 'Service' && !String(d.apiVersion).startsWith('serving.knative.dev/')) continue;
				const pod = podSpecOf(d);
				if (!pod) continue;
				const name = isObj(d.metadata) ? String(d.metadata.name) : kind;
				const podSec = isObj(pod.securityContext) ? pod.securityContext : {};
				for (const c of Array.isArray(pod.containers) ? pod.containers.filter(isObj) : []) {
					const notes: string[] = imageNotes(img);
					const own = [...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.args) ? c.args : [])].map(String);
					let argv: string[];
					if (Array.isArray(c.command)) argv = own;
					else if (Array.isArray(c.args)) argv = [...(img?.entrypoint ?? []), ...own];
					else argv = [...(img?.entrypoint ?? []), ...(img?.cmd ?? [])];
					if (!argv.length) continue;
					const sec = isObj(c.securityContext) ? c.securityContext : {};
					const uid = sec.runAsUser ?? podSec.runAsUser;
					const gid = sec.runAsGroup ?? podSec.runAsGroup ?? uid;
					const baseEnv = imageBaseEnv(img);
					const env = { ...baseEnv, ...expandEnv(img?.env ?? {}, baseEnv), ...containerEnv(c, cfg, example, notes) };
					const health = probeHealth(c);
					const mode = kind === 'Job' || kind === 'CronJob' ? 'job' : health ? 'server' : 'daemon';
					const covers = own.length ? [own.join(' ')] : img?.covers ?? [];
					if (health) covers.push(`GET ${health.path} :${String(isObj(c.startupProbe) && isObj(c.startupProbe.httpGet) ? c.startupProbe.httpGet.port : health.port)}`);
					if (health?.ready && isObj(c.readinessProbe) && isObj(c.readinessProbe.httpGet)) covers.push(`GET ${health.ready} :${String(c.readinessProbe.httpGet.port)}`);
					out.push({
						id: `${dir.slice(7, -1)}:${kind}/${name}`,
						covers,
						file: f.path,
						argv,
						env: fillPlaceholders(env, example, notes),
						mount: { at: '/app', what: 'image' },
						cwd: typeof c.workingDir === 'string' ? c.workingDir : img?.workdir ?? '/app',
						user: uid !== undefined ? `${String(uid)}:${String(gid)}` : img?.user,
						readOnly: sec.readOnlyRootFilesystem === true || img?.user !== undefined,
						mode,
						health,
						notes
					});
				}
			}
		}
	}
	return out;
}

/**
 * What systemd's system manager gives every service before Environment= and
 * EnvironmentFile=: only $PATH and $LANG (systemd.exec(5), "Environment
 * Variables in Spawned Processes"); LANG is the host's /etc/locale.conf, C.UTF-8 here.
 */
const SYSTEMD_BASE_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' };

/** systemd service units of deploy/: ExecStart with the unit's own User, WorkingDirectory and environment. */
function systemdWorkloads(files: readonly GeneratedFile[], example: Record<string, string>): Workload[] {
	const out: Workload[] = [];
	const m = byPath(files);
	for (const f of files.filter((x) => /^deploy\/.*\.service$/.test(x.path))) {
		const kv: [string, string][] = [];
		for (const line of f.content.split('\n')) {
			const x = /^\s*([A-Za-z]+)\s*=\s*(.*)$/.exec(line);
			if (x) kv.push([x[1], x[2].trim()]);
		}
		const get = (k: string) => kv.filter(([a]) => a === k).map(([, b]) => b);
		const exec = get('ExecStart')[0];
		if (!exec) continue;
		const notes: string[] = [];
		const envFileText = (() => {
			const ef = get('EnvironmentFile')[0]?.replace(/^-/, '');
			if (!ef) return '';
			// install.sh installs deploy/env.template as the EnvironmentFile.
			notes.push(`EnvironmentFile ${ef}: deploy/env.template, as install.sh installs it`);
			return m.get('deploy/env.template') ?? '';
		})();
		const env: Record<string, string> = { ...SYSTEMD_BASE_ENV };
		for (const e of get('Environment')) for (const p of e.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[p[1]] = p[2].replace(/^"|"$/g, '');
		Object.assign(env, parseDotenv(envFileText));
		const wd = get('WorkingDirectory')[0] ?? '/';
		const optDir = /^(\/opt\/[^/]+)/.exec(exec)?.[1] ?? /^(\/opt\/[^/]+)/.exec(wd)?.[1] ?? '/opt/app';
		const type = get('Type')[0] ?? 'simple';
		const user = get('User')[0];
		const argv = splitSystemd(exec.replace(/^[-@:+!]+/, ''));
		const state = get('StateDirectory')[0];
		const stateDir = state ? `/var/lib/${state}` : undefined;
		if (stateDir) env.STATE_DIRECTORY = stateDir;
		const migrate = installShJob(m.get('deploy/install.sh') ?? '', { venv: /^(\S+\/\.venv)\//.exec(argv[0])?.[1] ?? `${optDir}/.venv`, appDir: wd, user: user ?? 'root' });
		if (migrate) {
			const jobEnv = fillPlaceholders({ ...migrate.env, ...parseDotenv(envFileText) }, example, migrate.notes);
			out.push({ ...migrate, env: jobEnv, file: 'deploy/install.sh', mount: { at: optDir, what: 'checkout' }, user, readOnly: false });
		}
		out.push({
			stateDir,
			id: `systemd:${f.path.split('/').pop()}`,
			covers: [exec.replace(/^[-@:+!]+/, '').trim(), ...get('ExecStartPre').map((x) => x.replace(/^[-@:+!]+/, '').trim())],
			file: f.path,
			argv,
			env: fillPlaceholders(env, example, notes),
			mount: { at: optDir, what: 'checkout' },
			cwd: wd,
			user,
			readOnly: get('ProtectSystem')[0] === 'strict',
			mode: type === 'oneshot' ? 'job' : /gunicorn|uvicorn/.test(exec) ? 'server' : 'daemon',
			health: /gunicorn|uvicorn/.test(exec) ? { path: '/health', port: Number(/127\.0\.0\.1:(\d+)|--port (\d+)/.exec(exec)?.slice(1).find(Boolean) ?? 8000) } : undefined,
			notes
		});
	}
	return out;
}

/**
 * install.sh's one-off `systemd-run ... COMMAND` (Django's migrate): run as
 * systemd-run would, with its --uid, --working-directory, EnvironmentFile,
 * StateDirectory and --setenv, and nothing of the service unit's own
 * Environment= lines (a transient unit does not have them).
 */
function installShJob(sh: string, vars: { venv: string; appDir: string; user: string }): Omit<Workload, 'file' | 'mount' | 'user' | 'readOnly'> | null {
	const lines: string[] = [];
	let acc = '';
	for (const raw of sh.split('\n')) {
		if (raw.trimEnd().endsWith('\\')) {
			acc += raw.trimEnd().slice(0, -1) + ' ';
			continue;
		}
		lines.push((acc + raw).trim());
		acc = '';
	}
	const line = lines.find((l) => l.startsWith('systemd-run '));
	if (!line) return null;
	const sub = (t: string) => t.replace(/^"(.*)"$/, '$1').replace(/\$\{?VENV\}?/g, vars.venv).replace(/\$\{?APP_DIR\}?/g, vars.appDir).replace(/\$\{?APP_USER\}?/g, vars.user).replace(/^'(.*)'$/, '$1');
	const tokens = splitSystemd(line).slice(1);
	const env: Record<string, string> = { ...SYSTEMD_BASE_ENV };
	const notes: string[] = ['deploy/install.sh\'s systemd-run, as its transient unit runs it'];
	let cwd = '/';
	let stateDir: string | undefined;
	let i = 0;
	for (; i < tokens.length && tokens[i].startsWith('-'); i++) {
		const t = tokens[i];
		const prop = t === '-p' ? sub(tokens[++i] ?? '') : t.startsWith('--property=') ? sub(t.slice(11)) : null;
		const kv = (s: string) => s.split(/=(.*)/s).slice(0, 2);
		if (prop) {
			const [k, v] = kv(prop);
			if (k === 'StateDirectory') stateDir = `/var/lib/${v.replace(/^["']|["']$/g, '')}`;
			if (k === 'EnvironmentFile') notes.push(`EnvironmentFile ${v}: deploy/env.template, as install.sh installs it`);
		} else if (t.startsWith('--setenv=')) {
			const [k, v] = kv(sub(t.slice(9)));
			env[k] = v.replace(/^'(.*)'$/, '$1');
		} else if (t.startsWith('--working-directory=')) cwd = sub(t.slice(20));
	}
	const argv = tokens.slice(i).map(sub);
	if (!argv.length) return null;
	if (stateDir) env.STATE_DIRECTORY = stateDir;
	return { id: `install.sh:systemd-run ${argv.slice(1).join(' ')}`, covers: [], argv, env, cwd, mode: 'job', stateDir, notes };
}

/** systemd's own word splitting, enough for the lines Slipway writes: "double quotes" and 'single quotes'. */
function splitSystemd(s: string): string[] {
	const out: string[] = [];
	for (const m of s.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
	return out;
}

/** A README command rewritten to run in the checkout: the run wrapper dropped (the venv is on PATH). */
function devShell(text: string): string {
	return text.replace(/(^|&&\s*|;\s*)(uv run(\s+--locked)?|poetry run)\s+/g, '$1');
}

function readmePlan(files: readonly GeneratedFile[]): { steps: ReadmeStep[]; curls: string[] } {
	const cmds = extractCommands(files).filter((c) => c.source === 'readme');
	const steps: ReadmeStep[] = [];
	const curls: string[] = [];
	const scripts = scriptsOf(files);
	const seen = new Set<string>();
	// Celery (issue 20.2): the README's ping and example task run against the README's worker, once it is up.
	const celeryAfter = cmds
		.filter((c, i, all) => all.findIndex((x) => x.text === c.text) === i)
		.flatMap((c) => {
			const n = normalise(c.text);
			if (/^python -m \w+\.celery_ping$/.test(n)) return [{ id: `readme:${c.text}`, covers: [c.text], shell: devShell(c.text), expect: ': pong$' }];
			if (/^python -c "from \w+\.tasks import add; print\(add\.delay\(2, 3\)\.get\(timeout=\d+\)\)"$/.test(n)) return [{ id: `readme:${c.text}`, covers: [c.text], shell: devShell(c.text), expect: '^5$' }];
			return [];
		});
	const celeryApp = files.some((f) => /^src\/\w+\/celery_ping\.py$/.test(f.path));
	for (const c of cmds) {
		if (seen.has(c.text)) continue;
		seen.add(c.text);
		const n = normalise(c.text);
		const first = n.split(/\s+/)[0];
		const id = `readme:${c.text}`;
		if (/^curl (-fsS )?http:\/\/(localhost|127\.0\.0\.1):\d+\/(health|ready)$/.test(n)) curls.push(c.text);
		else if (/^systemd-analyze calendar /.test(c.text)) steps.push({ id, covers: [c.text], shell: c.text, mode: 'run', expect: 'Next elapse:' });
		else if (/^python3 -c "import secrets; print\(secrets\.token_urlsafe\(\d+\)\)"$/.test(c.text))
			steps.push({ id, covers: [c.text], shell: c.text, mode: 'run', expect: '^[A-Za-z0-9_-]{40,}\\s*$' });
		else if (/^(uvicorn|flask --app|gunicorn) .*--port (\d+)/.test(n) || /runserver (\d+)/.test(n))
			steps.push({ id, covers: [c.text], shell: devShell(c.text), mode: 'server', health: { path: '/health', port: Number(/(?:--port |runserver )(\d+)/.exec(n)![1]) } });
		else if (scripts.service.has(first) || /^python -m \w+$/.test(n) && scripts.serviceModules.has(n.slice(10)))
			steps.push({ id, covers: [c.text], shell: devShell(c.text), mode: 'server', health: { path: '/health', port: 8000 } });
		else if (/^celery --app \S+ (worker|beat)\b/.test(n))
			steps.push({ id, covers: [c.text], shell: devShell(c.text), mode: 'daemon', after: / worker( |$)/.test(n) && celeryAfter.length ? celeryAfter : undefined });
		else if (scripts.worker.has(first) || (/^python -m \w+$/.test(n) && scripts.workerModules.has(n.slice(10)))) {
			const once = /\s--once$/.test(n);
			steps.push({
				...(celeryApp && !once && celeryAfter.length ? { after: celeryAfter } : {}),
				id,
				covers: [c.text],
				shell: devShell(c.text),
				mode: once ? 'run' : 'daemon',
				before: once && scripts.queue ? `redis-cli -u "\${REDIS_URL:-redis://localhost:6379/0}" rpush ${shq(scripts.queue)} '{"id": "journey-1"}' >/dev/null` : undefined,
				expect: once && scripts.queue ? 'processing job journey-1' : undefined
			});
		} else if (scripts.cli.has(first) || (/^python -m \w+$/.test(n) && scripts.cliModules.has(n.slice(10))))
			steps.push({ id, covers: [c.text], shell: devShell(c.text), mode: 'run' });
		else if (c.where !== 'inline' && /^python (manage\.py|-m django) migrate( --noinput)?$/.test(n)) steps.push({ id, covers: [c.text], shell: devShell(c.text), mode: 'run' });
		// Alembic in the checkout, against the journey's PostgreSQL (before the servers: it is listed first).
		else if (c.where !== 'inline' && /^alembic upgrade head$/.test(n)) steps.push({ id, covers: [c.text], shell: devShell(c.text), mode: 'run', expect: 'Running upgrade|Context impl' });
		// The README's regenerate command runs on the host (run.ts regenerate()); anything else is the ledger's.
	}
	// The database tests run against the journey's PostgreSQL, and must run, not skip: "N passed in" with no
	// "skipped" (the tests check runs them without a database, where they skip with the reason).
	if (files.some((f) => f.path === 'tests/test_db.py'))
		steps.push({ id: 'db-tests:tests/test_db.py', covers: [], shell: 'python -m pytest -q -rs -p no:cacheprovider tests/test_db.py', mode: 'run', expect: '^[0-9]+ passed in ' });
	return { steps, curls };
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Console scripts and their modules, by kind (the target's module names it: `pkg.cli`, `pkg.worker`, else the service). */
function scriptsOf(files: readonly GeneratedFile[]) {
	const kinds = { service: new Set<string>(), worker: new Set<string>(), cli: new Set<string>() };
	const modules = { service: new Set<string>(), worker: new Set<string>(), cli: new Set<string>() };
	for (const [name, target] of consoleScripts(files)) {
		const mod = target.split(':')[0];
		const kind = mod.endsWith('.worker') ? 'worker' : mod.endsWith('.cli') ? 'cli' : 'service';
		kinds[kind].add(name);
		modules[kind].add(mod.split('.')[0]);
	}
	const worker = files.find((f) => f.path.endsWith('/worker.py'));
	const queue = worker ? (/^QUEUE = "([^"]+)"/m.exec(worker.content)?.[1] ?? null) : null;
	return { ...kinds, serviceModules: modules.service, workerModules: modules.worker, cliModules: modules.cli, queue };
}

function workflowBlocks(files: readonly GeneratedFile[]): Block[] {
	const out: Block[] = [];
	for (const f of files.filter((x) => /^\.github\/workflows\/.+\.ya?ml$/.test(x.path))) {
		let doc: unknown;
		try {
			doc = load(f.content);
		} catch {
			continue;
		}
		if (!isObj(doc) || !isObj(doc.jobs)) continue;
		for (const [job, j] of Object.entries(doc.jobs)) {
			if (!isObj(j) || !Array.isArray(j.steps)) continue;
			for (const s of j.steps.filter(isObj)) {
				if (typeof s.run !== 'string' || s.run.includes('${{')) continue;
				const covers = shellLines(s.run);
				const lock = /if \[ ! -f ([\w.-]+) \]; then/.exec(s.run);
				if (lock)
					out.push({ id: `${f.path}:${job}:${String(s.name ?? '')}`, covers, file: f.path, script: s.run, kind: 'lock-guard', lockFile: lock[1] });
				else if (/\$\{TAG#v\}/.test(s.run)) out.push({ id: `${f.path}:${job}:${String(s.name ?? '')}`, covers, file: f.path, script: s.run, kind: 'tag-check' });
			}
		}
	}
	return out;
}

/** Host names the deployed environment points at (compose service names, placeholders like redis.invalid): resolved to 127.0.0.1 in the journey's own /etc/hosts. */
function hostsOf(envs: Record<string, string>[]): string[] {
	const hosts = new Set<string>();
	for (const env of envs)
		for (const v of Object.values(env)) {
			const u = /^(?:postgres(?:ql)?|redis|rediss):\/\/(?:[^@/]*@)?([^:/?]+)/.exec(v);
			if (u && !['localhost', '127.0.0.1'].includes(u[1])) hosts.add(u[1]);
		}
	return [...hosts].sort();
}

function pgTargets(envs: Record<string, string>[]): { user: string; db: string }[] {
	const out = new Map<string, { user: string; db: string }>();
	for (const env of envs)
		for (const v of Object.values(env)) {
			const u = /^postgres(?:ql)?(?:\+\w+)?:\/\/([^:@/]+)(?::[^@]*)?@[^/]+\/([\w-]+)/.exec(v);
			if (u) out.set(`${u[1]}/${u[2]}`, { user: decodeURIComponent(u[1]), db: u[2] });
		}
	return [...out.values()];
}

/**
 * compose.yaml's one-off `migrate` service (`docker compose --profile migrate run --rm migrate`):
 * its command in the image, with the image's ENV, `env_file: .env` (.env.example's values, as
 * the README copies it) and its own `environment:` with compose's `${VAR:?message}` /
 * `${VAR:-default}` / `${VAR}` interpolated from the same file.
 */
function composeMigrate(compose: string | undefined, img: DockerImage, example: Record<string, string>): Workload | null {
	if (!compose) return null;
	let doc: unknown;
	try {
		doc = load(compose);
	} catch {
		return null;
	}
	const svc = isObj(doc) && isObj(doc.services) && isObj(doc.services.migrate) ? doc.services.migrate : null;
	if (!svc || !Array.isArray(svc.command) || !svc.command.length) return null;
	const argv = svc.command.map(String);
	// Django's `django-admin migrate` here stays with the ledger's compose-dev rule (static, as before issue 20).
	if (argv[0] === 'django-admin') return null;
	return composeServiceWorkload('migrate', svc, argv, img, example, 'job', false);
}

/** A compose service of the app image as a workload: its command in the image, env_file .env = .env.example, its environment interpolated from it. */
function composeServiceWorkload(name: string, svc: Record<string, unknown>, argv: string[], img: DockerImage, example: Record<string, string>, mode: 'job' | 'daemon', readOnly: boolean): Workload {
	const interpolate = (v: string) => v.replace(/\$\{(\w+)(?::?[?-]([^}]*))?\}/g, (_m, n: string, fallback?: string) => example[n] ?? (/:-/.test(_m) ? (fallback ?? '') : ''));
	const own = isObj(svc.environment) ? Object.fromEntries(Object.entries(svc.environment).map(([k, v]) => [k, interpolate(String(v))])) : {};
	return {
		id: `compose:${name}`,
		covers: [argv.join(' ')],
		file: 'compose.yaml',
		argv,
		env: { ...imageBaseEnv(img), ...expandEnv(img.env, imageBaseEnv(img)), ...example, ...own },
		mount: { at: '/app', what: 'image' },
		cwd: img.workdir,
		user: img.user,
		readOnly: readOnly || img.user !== undefined,
		mode,
		notes: [...imageNotes(img), `compose.yaml's ${name} service: env_file .env = .env.example, its environment interpolated from it`]
	};
}

/**
 * compose.yaml's long-running services of the app image other than `app` (Celery's worker and
 * beat, issue 20.2): their command in the image, as composeMigrate reads a service, mode daemon;
 * a service's healthcheck test (exec form) is its health command (into `probes`, by workload id).
 */
function composeProcesses(compose: string | undefined, img: DockerImage, example: Record<string, string>, probes: Map<string, string[]>): Workload[] {
	if (!compose) return [];
	let doc: unknown;
	try {
		doc = load(compose);
	} catch {
		return [];
	}
	if (!isObj(doc) || !isObj(doc.services)) return [];
	const out: Workload[] = [];
	for (const [name, svc] of Object.entries(doc.services)) {
		if (name === 'app' || !isObj(svc) || !svc.build || svc.profiles || !Array.isArray(svc.command) || !svc.command.length) continue;
		const argv = svc.command.map(String);
		const test = isObj(svc.healthcheck) && Array.isArray(svc.healthcheck.test) && svc.healthcheck.test[0] === 'CMD' ? svc.healthcheck.test.slice(1).map(String) : undefined;
		if (test) probes.set(`compose:${name}`, test);
		out.push(composeServiceWorkload(name, svc, argv, img, example, 'daemon', svc.read_only === true));
	}
	return out;
}

/** The Celery check of a workload, or undefined: `celery ... worker|beat`, or the worker kind's console script when the package has a Celery app. */
function celeryOf(w: Workload, files: readonly GeneratedFile[], probes: Map<string, string[]>): CeleryCheck | undefined {
	const ping = files.find((f) => /^src\/\w+\/celery_ping\.py$/.test(f.path));
	const tasks = files.find((f) => /^src\/\w+\/tasks\.py$/.test(f.path));
	if (!ping || !tasks) return undefined;
	const pkg = ping.path.split('/')[1];
	const bin = w.argv[0] ?? '';
	const base = bin.split('/').pop() ?? '';
	const scripts = scriptsOf(files);
	const role = base === 'celery' ? (w.argv.includes('worker') ? 'worker' : w.argv.includes('beat') ? 'beat' : null) : scripts.worker.has(base) ? 'worker' : null;
	if (!role) return undefined;
	// The venv's python where the command names the venv's binary (systemd's ExecStart), else PATH's.
	const py = bin.includes('/') ? `${bin.slice(0, bin.lastIndexOf('/'))}/python` : 'python';
	const at = (argv: string[]) => (argv[0] === 'python' ? [py, ...argv.slice(1)] : argv);
	const own = w.healthcheck?.argv ?? probes.get(w.id);
	const readme = extractCommands(files).filter((c) => c.source === 'readme').map((c) => c.text);
	const sendText = `python -c "from ${pkg}.tasks import add; print(add.delay(2, 3).get(timeout=30))"`;
	const pingText = `python -m ${pkg}.celery_ping`;
	return {
		role,
		ping: at(own ?? ['python', '-m', `${pkg}.celery_ping`]),
		send: [py, '-c', `from ${pkg}.tasks import add; print(add.delay(2, 3).get(timeout=30))`],
		pingCovers: [...new Set([own ? own.join(' ') : pingText, ...readme.filter((t) => normalise(t) === pingText)])],
		sendCovers: readme.filter((t) => normalise(t) === sendText)
	};
}

/** compose.yaml's app service healthcheck test (exec form), or null. */
function composeAppTest(compose: string | undefined): string[] | null {
	try {
		const doc = compose ? load(compose) : null;
		const app = isObj(doc) && isObj(doc.services) && isObj(doc.services.app) ? doc.services.app : null;
		const test = app && isObj(app.healthcheck) ? app.healthcheck.test : null;
		return Array.isArray(test) && test[0] === 'CMD' ? test.slice(1).map(String) : null;
	} catch {
		return null;
	}
}

/** Kubernetes exec probes by workload id (kubernetes:Deployment/NAME): the worker's health command. */
function execProbes(files: readonly GeneratedFile[]): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const f of files.filter((x) => /^deploy\/kubernetes\/.*\.ya?ml$/.test(x.path)))
		for (const d of loadDocs(f.content)) {
			const pod = podSpecOf(d);
			const c = pod && Array.isArray(pod.containers) ? pod.containers.filter(isObj)[0] : null;
			const probe = c && [c.livenessProbe, c.startupProbe].find((p) => isObj(p) && isObj(p.exec) && Array.isArray(p.exec.command));
			if (probe && isObj(probe) && isObj(probe.exec)) out.set(`kubernetes:${String(d.kind)}/${isObj(d.metadata) ? String(d.metadata.name) : ''}`, (probe.exec.command as unknown[]).map(String));
		}
	return out;
}

export function planJourney(files: readonly GeneratedFile[]): JourneyPlan {
	const m = byPath(files);
	const example = parseDotenv(m.get('.env.example') ?? '');
	const dockerfile = m.get('Dockerfile');
	const img = dockerfile ? dockerImage(dockerfile) : null;
	const workloads: Workload[] = [];
	// Health commands of daemons that are not in the workload (compose healthcheck, Kubernetes exec probes).
	const probes = new Map<string, string[]>();
	const hasManifests = files.some((f) => /^deploy\/(kubernetes|cloud-run)\//.test(f.path));
	if (img && !hasManifests) {
		// docker target: `docker run --env-file .env IMAGE` (README.Docker.md), i.e. the image's ENV plus .env.
		const notes: string[] = imageNotes(img);
		const argv = [...img.entrypoint, ...img.cmd];
		const cmdIsServer = /\b(uvicorn|gunicorn)\b/.test(argv.join(' '));
		if (argv.length)
			workloads.push({
				id: 'docker:image',
				covers: img.covers,
				file: 'Dockerfile',
				argv,
				env: { ...imageBaseEnv(img), ...expandEnv(img.env, imageBaseEnv(img)), ...example },
				mount: { at: '/app', what: 'image' },
				cwd: img.workdir,
				user: img.user,
				readOnly: img.user !== undefined,
				mode: cmdIsServer ? 'server' : img.cmd.includes('--help') ? 'job' : 'daemon',
				health: cmdIsServer ? { path: '/health', port: 8000 } : undefined,
				healthcheck: img.healthcheck,
				notes
			});
		const migrate = composeMigrate(m.get('compose.yaml'), img, example);
		if (migrate) workloads.push(migrate);
		workloads.push(...composeProcesses(m.get('compose.yaml'), img, example, probes));
		// The worker kind's app service in compose runs the image's CMD; its healthcheck is the image workload's.
		const appTest = composeAppTest(m.get('compose.yaml'));
		if (appTest) probes.set('docker:image', appTest);
	}
	const manifest = manifestWorkloads(files, img, example);
	for (const w of manifest) if (w.mode === 'server' && img?.healthcheck) w.healthcheck = img.healthcheck;
	workloads.push(...manifest, ...systemdWorkloads(files, example));
	for (const [k, v] of execProbes(files)) probes.set(k, v);
	for (const w of workloads) if (w.mode === 'daemon') w.celery = celeryOf(w, files, probes);
	// Jobs first (migrations run before the rollout), then servers and daemons.
	workloads.sort((a, b) => Number(b.mode === 'job') - Number(a.mode === 'job'));
	const r = readmePlan(files);
	const envs = [example, ...workloads.map((w) => w.env)];
	const pg = pgTargets(envs);
	const redis = envs.some((e) => Object.values(e).some((v) => /^rediss?:\/\//.test(v)));
	const envCopy = extractCommands(files).some((c) => c.source === 'readme' && c.text === 'cp .env.example .env');
	return { envCopy, readme: r.steps, blocks: workflowBlocks(files), workloads, curls: r.curls, services: { postgres: pg, redis, hosts: hostsOf(envs) } };
}
