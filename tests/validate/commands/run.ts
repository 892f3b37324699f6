/**
 * Runs a journey plan (plan.ts) in the toolchain root: one bash script, in a
 * private mount, PID and network namespace (runInRoot netns), so every port a
 * generated file names (8000, 5432, 6379) is used as written, whatever the
 * host has listening, and every process dies with the script.
 *
 * Inside it: PostgreSQL 17 and Redis, Debian's servers, on loopback when the
 * environment names them (host names such as `postgres` or `redis.invalid`
 * resolve to 127.0.0.1 through a private /etc/hosts); the project's wheel in
 * a venv that sees Debian's packages (installed --no-deps: PyPI is not
 * reachable), with Debian's console scripts (uvicorn, gunicorn, django-admin,
 * flask) given venv wrappers as pip would write them; then the README steps,
 * the workflow blocks and the workloads.
 *
 * Substitutions, each said in the result: the image's /app and bare metal's
 * /opt/<name> are bind mounts of the venv / the checkout; the systemd
 * service's user is added to a private /etc/passwd as install.sh would add it;
 * placeholders the files tell the user to replace come from .env.example.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import { run, withWorkdir, type PlainFile } from '../root.ts';
import { filesUnder } from '../../support/tree.ts';
import type { JourneyPlan, Workload } from './plan.ts';

export interface StepResult {
	id: string;
	status: 'pass' | 'fail' | 'na';
	detail: string;
	covers: string[];
}

export interface JourneyResult {
	steps: StepResult[];
	/** Exact command texts the journey ran (their outcome is in steps). */
	literal: Set<string>;
	ms: number;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const qa = (argv: readonly string[]) => argv.map(q).join(' ');
const envArgs = (env: Record<string, string>) =>
	Object.entries(env)
		.filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
		.map(([k, v]) => q(`${k}=${v}`))
		.join(' ');

const PRELUDE = String.raw`
set -u
W=$PWD
L=$W/.journey
mkdir -p "$L/log"
RES=$L/results
: > "$RES"
res() { printf '%s\t%s\t%s\n' "$1" "$2" "$(printf '%s' "$3" | tr '\t\n' '  ' | cut -c1-1500)" >> "$RES"; }
logtail() { tail -c 1200 "$1" 2>/dev/null | tr '\n' ' '; }
# wait_http URL HOST PID: 0 once the URL answers 200, 1 when PID died or 45 s passed.
wait_http() {
  local i code n=225
  [ $# -ge 4 ] && n=$4
  for i in $(seq 1 $n); do
    if [ -n "$2" ]; then code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $2" "$1" 2>/dev/null); else code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null); fi
    [ "$code" = 200 ] && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}
# stop PID: SIGTERM to its process group (a terminal's Ctrl-C, systemd's default KillMode=control-group),
# then wait up to 20 s; the exit status lands in STOP_RC.
stop() {
  local i
  kill -TERM -- "-$1" 2>/dev/null || kill -TERM "$1" 2>/dev/null
  for i in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$1" 2>/dev/null
  wait "$1" 2>/dev/null; STOP_RC=$?
}
# stop_main PID: SIGTERM to the main process only, as docker stop, Kubernetes and Cloud Run signal PID 1 and
# systemd's KillMode=mixed (the generated unit's) signals the main PID; whatever is left gets SIGKILL after
# it exits or 20 s passed, as both do. The server's own workers hear of the stop from it, not from us: a
# gunicorn worker signalled while it still boots exits 3 and takes the master down with it (HaltServer).
stop_main() {
  local i
  kill -TERM "$1" 2>/dev/null
  for i in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$1" 2>/dev/null
  wait "$1" 2>/dev/null; STOP_RC=$?
}
# wait_redis: 0 once redis-cli ping answers PONG, 1 after 15 s (a loaded machine may need more than a moment).
wait_redis() {
  local i
  for i in $(seq 1 75); do redis-cli ping 2>/dev/null | grep -q PONG && return 0; sleep 0.2; done
  return 1
}
chmod 755 "$W"
`;

function servicesScript(plan: JourneyPlan): string {
	const s: string[] = [];
	const names = ['postgres', 'redis', ...plan.services.hosts];
	s.push(`cp /etc/hosts "$L/hosts"; echo ${q(`127.0.0.1 ${names.join(' ')}`)} >> "$L/hosts"; mount --bind "$L/hosts" /etc/hosts`);
	if (plan.services.postgres.length) {
		s.push(String.raw`PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$L/pg" && chown postgres "$L/pg"
if runuser -u postgres -- "$PG/initdb" -D "$L/pg/data" -A trust -U postgres > "$L/log/pg-init" 2>&1 \
  && runuser -u postgres -- "$PG/pg_ctl" -D "$L/pg/data" -l "$L/pg/log" -o "-c listen_addresses=127.0.0.1 -c port=5432 -c unix_socket_directories=$L/pg -c fsync=off" -w start > /dev/null 2>&1; then
  res services:postgres pass "PostgreSQL $("$PG/postgres" --version | awk '{print $3}') on 127.0.0.1:5432"
else
  res services:postgres fail "PostgreSQL did not start: $(logtail "$L/log/pg-init") $(logtail "$L/pg/log")"
fi`);
		for (const t of plan.services.postgres)
			s.push(
				`psql -q -h 127.0.0.1 -U postgres -d postgres -c ${q(`DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${t.user.replace(/'/g, "''")}') THEN CREATE ROLE "${t.user.replace(/"/g, '""')}" LOGIN; END IF; END$$;`)} >> "$L/log/pg-setup" 2>&1; ` +
					`psql -q -h 127.0.0.1 -U postgres -d postgres -tc ${q(`SELECT 1 FROM pg_database WHERE datname = '${t.db.replace(/'/g, "''")}'`)} | grep -q 1 || createdb -h 127.0.0.1 -U postgres -O ${q(t.user)} ${q(t.db)} >> "$L/log/pg-setup" 2>&1`
			);
	}
	if (plan.services.redis)
		s.push(String.raw`if redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no --dir "$L" --logfile "$L/log/redis" && wait_redis; then
  res services:redis pass "Redis $(redis-server --version | awk '{print $3}') on 127.0.0.1:6379"
else res services:redis fail "Redis did not start: $(logtail "$L/log/redis")"; fi`);
	return s.join('\n');
}

// Debian installs uvicorn, gunicorn, django-admin, flask system-wide; the wheel went into the venv with --no-deps.
// pip writes console scripts as `#!<venv>/bin/python` wrappers: write the same for every Debian console script the venv lacks.
const VENV = String.raw`
python3 -m venv --system-site-packages --without-pip .venv
if ! .venv/bin/python -m pip install -q --no-index --no-deps --disable-pip-version-check --no-warn-script-location dist/*.whl > "$L/log/venv" 2>&1; then
  res venv fail "pip install of the wheel failed: $(logtail "$L/log/venv")"
fi
.venv/bin/python - <<'PY'
import importlib.metadata as md, os, sys
bindir = os.path.join(sys.prefix, "bin")
for ep in md.entry_points(group="console_scripts"):
    path = os.path.join(bindir, ep.name)
    if os.path.exists(path) or ep.name.startswith("_"):
        continue
    mod, _, attr = ep.value.partition(":")
    with open(path, "w") as f:
        f.write(f"#!{sys.executable}\nimport sys\nfrom {mod} import {attr.split('.')[0]} as _e\n")
        f.write(f"if __name__ == '__main__':\n    sys.exit(_e{('.' + attr.split('.', 1)[1]) if '.' in attr else ''}())\n")
    os.chmod(path, 0o755)
PY
chmod -R a+rX "$W/.venv"
DEVENV="PATH=$W/.venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin VIRTUAL_ENV=$W/.venv HOME=/root LANG=C.UTF-8"
`;

function readmeScript(plan: JourneyPlan): string {
	const s: string[] = plan.envCopy ? ['cp .env.example .env && res "readme:cp .env.example .env" pass "" || res "readme:cp .env.example .env" fail "cp failed"'] : [];
	// --fail: an answer other than 2xx (a readiness 503) fails the check, as written it would exit 0.
	const curls = plan.curls.map((c, i) => `if (eval ${q(c)} --fail) > "$L/log/curl-${i}" 2>&1; then res ${q(`curl:${c}`)} pass "$(head -c 200 "$L/log/curl-${i}")"; else res ${q(`curl:${c}`)} fail "exit $?: $(head -c 300 "$L/log/curl-${i}")"; fi`).join('\n');
	plan.readme.forEach((st, i) => {
		const log = `"$L/log/readme-${i}"`;
		const id = q(st.id);
		const before = st.before ? `env -i $DEVENV bash -c ${q(st.before)} >> ${log} 2>&1; ` : '';
		if (st.mode === 'run') {
			const check = st.expect ? ` && grep -Eq ${q(st.expect)} ${log}` : '';
			s.push(`${before}if (env -i $DEVENV timeout 120 bash -c ${q(st.shell)}) > ${log} 2>&1${check}; then res ${id} pass "$(tail -c 200 ${log} | tr '\\n' ' ')"; else res ${id} fail "exit $?: $(logtail ${log})"; fi`);
		} else if (st.mode === 'server') {
			const h = st.health!;
			s.push(`setsid env -i $DEVENV bash -c ${q(st.shell)} > ${log} 2>&1 & P=$!
if wait_http ${q(`http://127.0.0.1:${h.port}${h.path}`)} '' $P; then res ${id} pass "GET ${h.path} on :${h.port} answered 200"; ${curls ? `\n${curls}\n` : ''} else res ${id} fail "no 200 on :${h.port}${h.path}: $(logtail ${log})"; fi
stop $P`);
		} else {
			// While the daemon runs: each `after` command until its output matches (Celery's ping, then its task).
			const after = (st.after ?? [])
				.map((a, j) => {
					const alog = `"$L/log/readme-${i}-after-${j}"`;
					return `ok=; for t in $(seq 1 30); do kill -0 $P 2>/dev/null || break; if (env -i $DEVENV timeout 40 bash -c ${q(a.shell)}) > ${alog} 2>&1 && grep -Eq ${q(a.expect)} ${alog}; then ok=1; break; fi; sleep 1; done
if [ -n "$ok" ]; then res ${q(a.id)} pass "$(tail -c 200 ${alog} | tr '\n' ' ')"; else res ${q(a.id)} fail "no match for ${a.expect.replace(/[$"`\\]/g, '')}: $(logtail ${alog}) $(logtail ${log})"; fi`;
				})
				.join('\n');
			s.push(`${before}setsid env -i $DEVENV bash -c ${q(st.shell)} > ${log} 2>&1 & P=$!
sleep 3${after ? `\n${after}` : ''}
if kill -0 $P 2>/dev/null; then stop $P; rc=$STOP_RC; if [ "$rc" = 0 ]; then res ${id} pass "ran 3 s, stopped on SIGTERM with exit 0"; else res ${id} fail "did not stop cleanly on SIGTERM (exit $rc): $(logtail ${log})"; fi
else wait $P; res ${id} fail "exited early ($?): $(logtail ${log})"; fi`);
		}
	});
	return s.join('\n');
}

function blocksScript(plan: JourneyPlan, files: readonly GeneratedFile[]): string {
	const s: string[] = [];
	const paths = new Set(files.map((f) => f.path));
	plan.blocks.forEach((b, i) => {
		const id = q(b.id);
		const log = `"$L/log/block-${i}"`;
		if (b.kind === 'lock-guard') {
			const lock = q(b.lockFile!);
			if (paths.has(b.lockFile!)) s.push(`if (bash -e -c ${q(b.script)}) > ${log} 2>&1; then res ${id} pass "${b.lockFile} is generated: the guard passes"; else res ${id} fail "guard failed although ${b.lockFile} exists: $(logtail ${log})"; fi`);
			else
				s.push(`(bash -e -c ${q(b.script)}) > ${log} 2>&1; rc=$?
if [ $rc -ne 0 ] && grep -q '::error' ${log}; then touch ${lock}; if (bash -e -c ${q(b.script)}) >> ${log} 2>&1; then res ${id} pass "fails with ::error without ${b.lockFile}, passes once it exists"; else res ${id} fail "still fails with ${b.lockFile} present: $(logtail ${log})"; fi; rm -f ${lock}
else res ${id} fail "did not fail without ${b.lockFile} (exit $rc): $(logtail ${log})"; fi`);
		} else {
			s.push(`if (TAG=v$VERSION bash -e -c ${q(b.script)}) > ${log} 2>&1; then
  if (TAG=v999.0.0 bash -e -c ${q(b.script)}) >> ${log} 2>&1; then res ${id} fail "accepted tag v999.0.0 for version $VERSION"; else res ${id} pass "accepts v$VERSION for $(ls dist), refuses v999.0.0"; fi
else res ${id} fail "refused its own tag v$VERSION: $(logtail ${log})"; fi`);
		}
	});
	return s.join('\n');
}

function workloadScript(plan: JourneyPlan): string {
	const s: string[] = [];
	const users = new Map<string, number>();
	let nextUid = 20001;
	for (const w of plan.workloads) if (w.user && !/^\d+(:\d+)?$/.test(w.user) && !users.has(w.user)) users.set(w.user, nextUid++);
	if (users.size) {
		s.push('cp /etc/passwd "$L/passwd"; cp /etc/group "$L/group"');
		for (const [name, uid] of users) s.push(`echo ${q(`${name}:x:${uid}:${uid}::/nonexistent:/usr/sbin/nologin`)} >> "$L/passwd"; echo ${q(`${name}:x:${uid}:`)} >> "$L/group"`);
		s.push('mount --bind "$L/passwd" /etc/passwd; mount --bind "$L/group" /etc/group');
	}
	const mounted = new Set<string>();
	plan.workloads.forEach((w, i) => {
		const id = q(`workload:${w.id}`);
		const log = `"$L/log/workload-${i}"`;
		if (!mounted.has(w.mount.at)) {
			mounted.add(w.mount.at);
			// --rbind: the venv is a submount of the image folder, and must come along.
			if (w.mount.what === 'image')
				s.push(`mkdir -p "$L/image/.venv" ${q(w.mount.at)}; mount --bind "$W/.venv" "$L/image/.venv"; mount --rbind "$L/image" ${q(w.mount.at)}${w.readOnly ? `; mount -o remount,bind,ro ${q(w.mount.at)}; mount -o remount,bind,ro ${q(`${w.mount.at}/.venv`)}` : ''}`);
			else s.push(`mkdir -p ${q(w.mount.at)}; mount --bind "$W" ${q(w.mount.at)}${w.readOnly ? `; mount -o remount,bind,ro ${q(w.mount.at)}` : ''}`);
		}
		const uid = w.user ? (/^\d+/.test(w.user) ? w.user.split(':') : [String(users.get(w.user)), String(users.get(w.user))]) : null;
		if (w.stateDir && !mounted.has(w.stateDir)) {
			// systemd creates StateDirectory= owned by the unit's user; here a private folder takes its place.
			mounted.add(w.stateDir);
			const dir = `"$L/state${w.stateDir}"`;
			s.push(`mkdir -p ${dir} ${q(w.stateDir)}; chown ${uid ? `${uid[0]}:${uid[1] ?? uid[0]}` : '0:0'} ${dir}; chmod 0750 ${dir}; mount --bind ${dir} ${q(w.stateDir)}`);
		}
		const priv = uid ? `setpriv --reuid=${uid[0]} --regid=${uid[1] ?? uid[0]} --clear-groups ` : '';
		const env = { HOME: uid ? '/nonexistent' : '/root', ...w.env };
		// A container has its own /tmp (Celery beat keeps its schedule there): a container workload gets a
		// private folder on /tmp in a mount namespace of its own, not the root's /tmp that parallel journeys
		// share. The journey's own folder (the venv's editable install points into it; toolchain WORK_BASE_IN_ROOT
		// puts it under /tmp) stays where it is, bound into the private /tmp. unshare execs (no fork), so the workload is still the process the harness signals.
		const own = w.mount.what === 'image';
		if (own) s.push(`mkdir -p "$L/tmp-${i}"; chmod 1777 "$L/tmp-${i}"; export PRIVATE_TMP="$L/tmp-${i}" W`);
		const start = own
			? `exec unshare --mount --propagation unchanged bash -c ${q(`case "$W" in /tmp/*) mkdir -p "$PRIVATE_TMP\${W#/tmp}" && mount --bind "$W" "$PRIVATE_TMP\${W#/tmp}" || exit 125;; esac; mount --rbind "$PRIVATE_TMP" /tmp && cd ${q(w.cwd)} && exec env -i ${envArgs(env)} ${priv}${qa(w.argv)}`)}`
			: `cd ${q(w.cwd)} && exec env -i ${envArgs(env)} ${priv}${qa(w.argv)}`;
		const notes = w.notes.length ? ` (${w.notes.join('; ')})` : '';
		if (w.mode === 'job')
			s.push(`if (timeout 180 bash -c ${q(start)}) > ${log} 2>&1; then res ${id} pass ${q(`exited 0 as ${w.user ?? 'root'}${notes}`)}; else res ${id} fail "exit $?: $(logtail ${log})"; fi`);
		else if (w.mode === 'server') {
			const h = w.health!;
			const hc = w.healthcheck ? `if (cd ${q(w.cwd)} && env -i ${envArgs(env)} ${priv}${qa(w.healthcheck.argv)}) >> ${log} 2>&1; then res ${q(`healthcheck:${w.id}`)} pass "HEALTHCHECK exit 0"; else res ${q(`healthcheck:${w.id}`)} fail "HEALTHCHECK failed: $(logtail ${log})"; fi` : '';
			// The readiness probe's path (the database up): 200 within 10 s, else the code it answered.
			const ready = h.ready
				? `\nif wait_http ${q(`http://127.0.0.1:${h.port}${h.ready}`)} ${q(h.host ?? '')} $P 50; then res ${q(`ready:${w.id}`)} pass ${q(`GET ${h.ready} on :${h.port} 200 (readiness, the database up)`)}; else res ${q(`ready:${w.id}`)} fail "GET ${h.ready} on :${h.port}: $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 ${q(`http://127.0.0.1:${h.port}${h.ready}`)}) $(logtail ${log})"; fi`
				: '';
			s.push(`setsid bash -c ${q(start)} > ${log} 2>&1 & P=$!
if wait_http ${q(`http://127.0.0.1:${h.port}${h.path}`)} ${q(h.host ?? '')} $P; then res ${id} pass ${q(`GET ${h.path} on :${h.port} 200, running as ${w.user ?? 'root'}${w.readOnly ? ', app directory read-only' : ''}${notes}`)}${ready}
${hc}
stop_main $P; rc=$STOP_RC; [ "$rc" = 0 ] || [ "$rc" = 143 ] || res ${q(`stop:${w.id}`)} fail "exit $rc on SIGTERM: $(logtail ${log})"
else stop_main $P; res ${id} fail "no 200 on :${h.port}${h.path}: $(logtail ${log})"; fi`);
		} else if (w.celery?.role === 'worker') {
			// A Celery worker (issue 20.2): its health command answers within 30 s, the example task sent
			// through the journey's Redis comes back with 5, and SIGTERM's warm shutdown exits 0.
			const c = w.celery;
			const inEnv = (argv: string[]) => `(cd ${q(w.cwd)} && exec env -i ${envArgs(env)} timeout 60 ${priv}${qa(argv)})`;
			s.push(`setsid bash -c ${q(start)} > ${log} 2>&1 & P=$!
ok=; for i in $(seq 1 30); do kill -0 $P 2>/dev/null || break; if ${inEnv(c.ping)} >> "$L/log/workload-${i}-ping" 2>&1; then ok=1; break; fi; sleep 1; done
if [ -n "$ok" ]; then res ${q(`celery-ping:${w.id}`)} pass "$(tail -n 1 "$L/log/workload-${i}-ping") (${c.ping.join(' ')})"; else res ${q(`celery-ping:${w.id}`)} fail "no pong: $(logtail "$L/log/workload-${i}-ping") $(logtail ${log})"; fi
got=$(${inEnv(c.send)} 2>> "$L/log/workload-${i}-send" | tail -n 1)
if [ "$got" = 5 ]; then res ${q(`celery-task:${w.id}`)} pass "add.delay(2, 3).get() returned 5 through Redis (broker and result backend)"; else res ${q(`celery-task:${w.id}`)} fail "got '$got': $(logtail "$L/log/workload-${i}-send") $(logtail ${log})"; fi
if kill -0 $P 2>/dev/null; then stop_main $P; rc=$STOP_RC; if [ "$rc" = 0 ] && grep -q 'Warm shutdown' ${log}; then res ${id} pass ${q(`Celery worker as ${w.user ?? 'root'}; SIGTERM: warm shutdown, exit 0${notes}`)}; else res ${id} fail "exit $rc on SIGTERM: $(logtail ${log})"; fi
else wait $P; res ${id} fail "exited early ($?): $(logtail ${log})"; fi`);
		} else if (w.celery?.role === 'beat') {
			// Beat logs "beat: Starting..." before it opens its schedule (shelve, dbm.sqlite3 on Python 3.13): a SIGTERM
			// in between interrupts that import and beat exits 1 (seen in CI, "module 'dbm.sqlite3' has no attribute
			// 'open'"). It is stopped once the schedule file is there (a container's own /tmp), else a second after the line.
			const beatOpened = own ? `ls "$L/tmp-${i}" 2>/dev/null | grep -q '^celerybeat-schedule'` : 'true';
			s.push(`setsid bash -c ${q(start)} > ${log} 2>&1 & P=$!
for i in $(seq 1 40); do grep -q 'beat: Starting' ${log} && ${beatOpened} && break; kill -0 $P 2>/dev/null || break; sleep 0.5; done
if kill -0 $P 2>/dev/null && grep -q 'beat: Starting' ${log}; then ${own ? '' : 'sleep 1; '}stop_main $P; rc=$STOP_RC; if [ "$rc" = 0 ]; then res ${id} pass ${q(`Celery beat started as ${w.user ?? 'root'} (beat: Starting...), stopped on SIGTERM with exit 0${notes}`)}; else res ${id} fail "exit $rc on SIGTERM: $(logtail ${log})"; fi
else stop_main $P; res ${id} fail "beat did not start: $(logtail ${log})"; fi${own ? `
if ls "$L/tmp-${i}" 2>/dev/null | grep -q '^celerybeat-schedule'; then res ${q(`beat-schedule:${w.id}`)} pass "the schedule file is in the container's own /tmp: $(ls "$L/tmp-${i}" | grep '^celerybeat-schedule' | tr '\\n' ' ')"; else res ${q(`beat-schedule:${w.id}`)} fail "no celerybeat-schedule in the container's /tmp: $(ls -A "$L/tmp-${i}" 2>&1 | tr '\\n' ' ')"; fi` : ''}`);
		} else
			s.push(`setsid bash -c ${q(start)} > ${log} 2>&1 & P=$!
sleep 3
if kill -0 $P 2>/dev/null; then stop_main $P; rc=$STOP_RC; if [ "$rc" = 0 ]; then res ${id} pass ${q(`ran 3 s as ${w.user ?? 'root'}, stopped on SIGTERM with exit 0${notes}`)}; else res ${id} fail "exit $rc on SIGTERM: $(logtail ${log})"; fi
else wait $P; res ${id} fail "exited early ($?): $(logtail ${log})"; fi`);
	});
	return s.join('\n');
}

function projectVersion(files: readonly GeneratedFile[]): string {
	const pp = files.find((f) => f.path === 'pyproject.toml');
	try {
		const doc = parseToml(pp?.content ?? '') as { project?: { version?: string }; tool?: { poetry?: { version?: string } } };
		return doc.project?.version ?? doc.tool?.poetry?.version ?? '';
	} catch {
		return '';
	}
}

/** Run the plan against the files and the built wheel (host path of a .whl). */
export async function runJourney(plan: JourneyPlan, files: readonly GeneratedFile[], wheel: string, projectName: string): Promise<JourneyResult> {
	const t0 = Date.now();
	const script = [
		PRELUDE,
		`VERSION=${q(projectVersion(files))}`,
		servicesScript(plan),
		VENV,
		readmeScript(plan),
		blocksScript(plan, files),
		workloadScript(plan)
	].join('\n');
	return withWorkdir(`journey-${projectName}`, files as readonly PlainFile[], async (w) => {
		mkdirSync(join(w.host, 'dist'), { recursive: true });
		copyFileSync(wheel, join(w.host, 'dist', basename(wheel)));
		const r = await run(['/bin/bash', '-c', script], { cwd: w.inRoot, timeoutMs: 900_000, netns: true });
		const resFile = join(w.host, '.journey/results');
		const lines = existsSync(resFile) ? readFileSync(resFile, 'utf8').split('\n').filter(Boolean) : [];
		const byId = new Map<string, { status: string; detail: string }>();
		for (const l of lines) {
			const [id, status, detail] = l.split('\t');
			if (status === 'fail' || !byId.has(id)) byId.set(id, { status, detail: detail ?? '' });
		}
		const steps: StepResult[] = [];
		const literal = new Set<string>();
		const add = (id: string, covers: string[]) => {
			const got = byId.get(id);
			const st: StepResult = got ? { id, status: got.status as StepResult['status'], detail: got.detail, covers } : { id, status: 'fail', detail: `did not report (script exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${r.stderr.slice(-600)}`, covers };
			steps.push(st);
			// Run, whatever the outcome: a failure fails the journey check, not the accounting.
			if (st.status !== 'na') for (const c of covers) literal.add(c);
		};
		for (const [id, v] of byId) if (id.startsWith('services:') || id === 'venv') steps.push({ id, status: v.status as StepResult['status'], detail: v.detail, covers: [] });
		if (plan.envCopy) add('readme:cp .env.example .env', ['cp .env.example .env']);
		for (const st of plan.readme) {
			add(st.id, st.covers);
			for (const a of st.after ?? []) add(a.id, a.covers);
		}
		for (const c of plan.curls) if (byId.has(`curl:${c}`)) add(`curl:${c}`, [c]);
		for (const b of plan.blocks) add(b.id, b.covers);
		for (const wl of plan.workloads) {
			add(`workload:${wl.id}`, wl.covers);
			if (wl.healthcheck && byId.has(`workload:${wl.id}`) && byId.get(`workload:${wl.id}`)!.status === 'pass') add(`healthcheck:${wl.id}`, [wl.healthcheck.text]);
			if (wl.health?.ready && byId.get(`workload:${wl.id}`)?.status === 'pass') add(`ready:${wl.id}`, []);
			if (wl.celery?.role === 'worker') {
				add(`celery-ping:${wl.id}`, wl.celery.pingCovers);
				add(`celery-task:${wl.id}`, wl.celery.sendCovers);
			}
			if (wl.celery?.role === 'beat' && wl.mount.what === 'image') add(`beat-schedule:${wl.id}`, []);
			const stopFail = byId.get(`stop:${wl.id}`);
			if (stopFail) steps.push({ id: `stop:${wl.id}`, status: 'fail', detail: stopFail.detail, covers: [] });
		}
		return { steps, literal, ms: Date.now() - t0 };
	});
}

/**
 * The README's `node "$SLIPWAY/dist/cli/slipway.js" generate --config slipway.json --out . --force`
 * ("with a checkout of Slipway's source, built"), run as written by sh with
 * SLIPWAY = this checkout (so it is the CLI this checkout builds, dist/cli/slipway.js,
 * with the README's arguments) and `node` = the node running the tests: in an
 * empty folder holding only slipway.json, it must write the same files.
 */
export function regenerate(files: readonly GeneratedFile[]): StepResult | null {
	const cmd = 'node "$SLIPWAY/dist/cli/slipway.js" generate --config slipway.json --out . --force';
	if (!files.some((f) => f.path === 'README.md' && f.content.includes(cmd))) return null;
	const cli = join(process.cwd(), 'dist/cli/slipway.js');
	const id = `readme:${cmd}`;
	if (!existsSync(cli)) return { id, status: 'fail', detail: `${relative(process.cwd(), cli)} is not built (npm run build)`, covers: [cmd] };
	const json = files.find((f) => f.path === 'slipway.json');
	if (!json) return { id, status: 'fail', detail: 'no slipway.json', covers: [cmd] };
	const dir = mkdtempSync(join(tmpdir(), 'slipway-regen-'));
	try {
		writeFileSync(join(dir, 'slipway.json'), json.content);
		const env = { ...process.env, SLIPWAY: process.cwd(), PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` };
		const r = spawnSync('sh', ['-c', cmd], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
		if (r.status !== 0) return { id, status: 'fail', detail: `exit ${r.status}: ${(r.stderr || r.stdout).slice(-800)}`, covers: [cmd] };
		const got = filesUnder(dir);
		const diff = files.filter((f) => got.get(f.path) !== f.content).map((f) => f.path);
		const extra = [...got.keys()].filter((p) => !files.some((f) => f.path === p));
		if (diff.length || extra.length) return { id, status: 'fail', detail: `regenerated files differ: ${[...diff, ...extra.map((p) => `+${p}`)].join(', ')}`, covers: [cmd] };
		return { id, status: 'pass', detail: `${got.size} files regenerated identically from slipway.json`, covers: [cmd] };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The README's update lines (repo-files.ts, issue 19), as written. */
export const UPDATE_COMMANDS = ['node "$SLIPWAY/dist/cli/slipway.js" update --dry-run', 'node "$SLIPWAY/dist/cli/slipway.js" update'] as const;

/**
 * The README's `update --dry-run` and `update`, run as written by sh with SLIPWAY =
 * this checkout, in a git repository holding exactly the generated files, committed
 * (the README says to commit first): each must exit 0 and say the project is up to
 * date, and leave every file as it was and the work tree clean.
 */
export function updateInPlace(files: readonly GeneratedFile[]): StepResult | null {
	const readme = files.find((f) => f.path === 'README.md')?.content ?? '';
	if (!UPDATE_COMMANDS.every((c) => readme.includes(c))) return null;
	const id = 'readme:slipway update';
	const covers = [...UPDATE_COMMANDS];
	const cli = join(process.cwd(), 'dist/cli/slipway.js');
	if (!existsSync(cli)) return { id, status: 'fail', detail: `${relative(process.cwd(), cli)} is not built (npm run build)`, covers };
	const dir = mkdtempSync(join(tmpdir(), 'slipway-update-'));
	try {
		for (const f of files) {
			mkdirSync(join(dir, f.path, '..'), { recursive: true });
			writeFileSync(join(dir, f.path), f.content, { mode: f.mode ?? 0o644 });
		}
		const env = { ...process.env, SLIPWAY: process.cwd(), PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}`, GIT_AUTHOR_NAME: 'journey', GIT_AUTHOR_EMAIL: 'journey@example.com', GIT_COMMITTER_NAME: 'journey', GIT_COMMITTER_EMAIL: 'journey@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
		const sh = (cmd: string) => spawnSync('sh', ['-c', cmd], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
		const init = sh('git init -q && git add -A && git commit -q -m generated');
		if (init.status !== 0) return { id, status: 'fail', detail: `git: ${init.stderr.slice(-400)}`, covers };
		for (const cmd of UPDATE_COMMANDS) {
			const r = sh(cmd);
			if (r.status !== 0) return { id, status: 'fail', detail: `${cmd}: exit ${r.status}: ${(r.stderr || r.stdout).slice(-800)}`, covers };
			if (!/is up to date: nothing to change/.test(r.stdout)) return { id, status: 'fail', detail: `${cmd}: ${r.stdout.slice(0, 800)}`, covers };
		}
		const got = filesUnder(dir);
		const diff = files.filter((f) => got.get(f.path) !== f.content).map((f) => f.path);
		const status = sh('git status --porcelain');
		if (diff.length || status.stdout.trim()) return { id, status: 'fail', detail: `update changed files: ${diff.join(', ')} ${status.stdout}`, covers };
		return { id, status: 'pass', detail: `update --dry-run and update: up to date, ${files.length} files unchanged`, covers };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

