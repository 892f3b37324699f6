/**
 * The commands of the Django static-files / gunicorn-workers journey
 * (django.test.ts), defined once so the test runs exactly these.
 *
 *   build          the wheel, as tests/validate/proof.ts builds it
 *   venv, install  a venv on Debian's site packages (Django, gunicorn and
 *                  whitenoise come from Debian 13), the wheel with --no-deps
 *   collectstatic  derive.ts collectStatic(): the argv and env of the
 *                  Dockerfile's builder RUN (builderCollectStatic), with the
 *                  venv's python; no SECRET_KEY, no DATABASE_URL, no .env
 *   check --deploy python -m django check --deploy --fail-level WARNING in the
 *                  production environment
 *   serve          serveArgv(config, '127.0.0.1') with only the port changed
 *                  (a free one; APP_PORT may be busy), run as
 *                  `.venv/bin/python -m gunicorn` because Debian installs
 *                  gunicorn outside the venv (as proof.ts does)
 */
import type { ReadonlyConfig } from '../../../src/lib/model/config.ts';
import { APP_PORT, collectStatic, djangoSettingsModule, facts, serveArgv } from '../../../src/lib/model/derive.ts';
import { builderCollectStatic } from '../../../src/lib/generators/image/dockerfile.ts';
import { deployValue } from '../../../src/lib/model/deploy-env.ts';

export interface JourneyCommand {
	what: string;
	argv: string[];
	env: Record<string, string>;
}

/** A SECRET_KEY as production has one: 50+ characters, many distinct ones (Django's security.W009). */
export const TEST_SECRET_KEY = 'journey-' + 'k9Qx2Lm7Vb4Rt8Zp1Wc6Yn3Hd5Fg0Js'.repeat(2);
/** DATABASE_URL for configs with Postgres: check --deploy and the server's start connect to no database. */
export const DUMMY_DATABASE_URL = 'postgresql://app:not-a-secret@postgres.invalid:5432/app';
/** Workers the journey asks gunicorn for (not the default 2, so the count proves WEB_CONCURRENCY is read). */
export const JOURNEY_WORKERS = 3;

/**
 * The environment a deployment gives the app: every non-secret setting at its
 * deployment value (DEBUG=false, HTTPS_ONLY=true, ...), the secrets set, the
 * Dockerfile runtime's DJANGO_SETTINGS_MODULE, and ALLOWED_HOSTS naming the
 * host the test's client uses.
 */
export function productionEnv(config: ReadonlyConfig, allowedHost: string): Record<string, string> {
	const env: Record<string, string> = { DJANGO_SETTINGS_MODULE: djangoSettingsModule(config) };
	const place = { redisHost: 'redis.invalid', postgresHost: 'postgres.invalid', allowedHosts: allowedHost };
	for (const v of facts(config).env) {
		if (v.name === 'SECRET_KEY') env[v.name] = TEST_SECRET_KEY;
		else if (v.name === 'DATABASE_URL') env[v.name] = DUMMY_DATABASE_URL;
		else if (!v.secret) env[v.name] = deployValue(v, place);
	}
	return env;
}

/** serveArgv with the port replaced, run with the venv's interpreter. */
export function serveCommand(config: ReadonlyConfig, port: number | string): string[] {
	const argv = serveArgv(config, '127.0.0.1').map((a) => (a.endsWith(`:${APP_PORT}`) ? `${a.slice(0, -String(APP_PORT).length)}${port}` : a));
	return argv[0] === 'gunicorn' ? ['.venv/bin/python', '-m', ...argv] : argv;
}

/** Every command the journey runs for `config`, in order. */
export function djangoJourney(config: ReadonlyConfig, port: number | string, allowedHost = '127.0.0.1'): Record<'build' | 'venv' | 'install' | 'collectstatic' | 'checkDeploy' | 'serve' | 'serveNoSecret', JourneyCommand> {
	const cs = collectStatic(config);
	const docker = builderCollectStatic(config);
	if (!cs || !docker) throw new Error('not a Django project');
	const prod = productionEnv(config, allowedHost);
	const noSecret = { ...prod };
	delete noSecret.SECRET_KEY;
	return {
		build: { what: 'build the wheel', argv: ['python3', '-m', 'build', '--no-isolation', '--wheel', '--outdir', 'dist', '.'], env: {} },
		venv: { what: 'venv on the system site packages', argv: ['python3', '-m', 'venv', '--system-site-packages', '--without-pip', '.venv'], env: {} },
		install: {
			what: 'install the wheel',
			argv: ['/bin/sh', '-c', '.venv/bin/python -m pip install -q --no-index --no-deps --disable-pip-version-check --no-warn-script-location dist/*.whl'],
			env: {}
		},
		// The Dockerfile's argv with /app/.venv/bin/python -> .venv/bin/python (the work dir plays /app).
		collectstatic: { what: "collectstatic, as the Dockerfile's builder runs it", argv: ['.venv/bin/python', ...docker.argv.slice(1)], env: { ...docker.env } },
		checkDeploy: { what: 'check --deploy in the production environment', argv: ['.venv/bin/python', '-m', 'django', 'check', '--deploy', '--fail-level', 'WARNING'], env: prod },
		serve: { what: 'the production server', argv: serveCommand(config, port), env: { ...prod, WEB_CONCURRENCY: String(JOURNEY_WORKERS) } },
		serveNoSecret: { what: 'the production server without SECRET_KEY (must refuse to start)', argv: serveCommand(config, port), env: noSecret }
	};
}

/** A command as one line, `NAME=value ... argv` (values as they are; the port as <port>). */
export function commandLine(c: JourneyCommand): string {
	return [...Object.entries(c.env).map(([k, v]) => `${k}=${v}`), ...c.argv].join(' ');
}

/** Counts the worker processes of the gunicorn master listening on argv[1] (host:port), via /proc. Prints JSON. */
export const COUNT_WORKERS = String.raw`
import json, os, sys
bind = sys.argv[1].encode()
info = {}
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        continue
    info[int(pid)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmd)
me = {os.getpid(), os.getppid()}  # this census names the bind too
def is_gunicorn(pid):
    return pid in info and pid not in me and any(c.endswith(b"gunicorn") for c in info[pid][1])
masters = [p for p, (pp, cmd) in info.items() if is_gunicorn(p) and bind in cmd and not is_gunicorn(pp)]
workers = {m: sorted(p for p, (pp, _) in info.items() if pp == m) for m in masters}
print(json.dumps({"masters": masters, "workers": workers}))
`;

/** The /proc census as the test runs it in the root. */
export function countWorkersCommand(bind: string): JourneyCommand {
	return { what: 'count the master\'s worker processes in /proc', argv: ['python3', '-c', COUNT_WORKERS, bind], env: {} };
}

/** Reads the hashed name collectstatic's manifest gives admin/css/base.css. */
export const MANIFEST_LOOKUP: JourneyCommand = {
	what: "look up admin/css/base.css in collectstatic's manifest",
	argv: ['python3', '-c', 'import json,sys; print(json.load(open(sys.argv[1]))["paths"]["admin/css/base.css"])', 'staticfiles/staticfiles.json'],
	env: {}
};
