/**
 * Issue 15, point 6, proved in the Debian 13 toolchain root with the real
 * pydantic 2, pydantic-settings, Django 4.2, psycopg 3 and PostgreSQL (no doubles):
 * Cloud Run gives a service with the `run.googleapis.com/cloudsql-instances`
 * annotation the instance's Unix socket in `/cloudsql/PROJECT:REGION:INSTANCE`
 * (Cloud Run Admin API, CloudSqlInstance: "Each one will be available under
 * /cloudsql/[instance]"; Cloud SQL "Connect from Cloud Run"), and libpq names a
 * socket directory in a URI by leaving the host empty and giving `host=` as a
 * parameter, or by percent-encoding it as the host (PostgreSQL docs, libpq
 * "Connection URIs": `postgresql:///dbname?host=/var/lib/postgresql`,
 * `postgresql://%2Fvar%2Flib%2Fpostgresql/dbname`). Django takes a HOST that is
 * a path as the socket directory (Django settings, HOST).
 *
 *   - config.py (the one every framework gets: FastAPI, Flask, Django) accepts both
 *     socket forms and still rejects a URL naming no server or another scheme;
 *     pydantic's PostgresDsn, the type before, rejects the `?host=` form ("empty host");
 *   - settings.py turns the Cloud Run URL README.md stores into HOST
 *     "/cloudsql/my-project:europe-west1:django-app", with user, password and name;
 *   - a PostgreSQL listening on NO TCP address, only a Unix socket in a directory
 *     named as Cloud Run names it (the Cloud SQL connection's contract), is reached
 *     by `python -m django migrate` with DATABASE_URL in that form, as user `app`
 *     with a password that needs percent-encoding (scram-sha-256, so it is checked).
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generators/index.ts';
import type { Config } from '../../../src/lib/model/config.ts';
import { cloudSqlConnectionName, cloudSqlDatabaseUrl, djangoSettingsModule } from '../../../src/lib/model/derive.ts';
import { presetById } from '../../../src/lib/model/presets.ts';
import { ROOT_PATH, runInRoot, toolchainReady } from '../toolchain/index.ts';
import { withWorkdir } from '../root.ts';
import { TEST_SECRET_KEY } from './django.ts';

function cloudRunConfig(preset: string): Config {
	const c = presetById(preset)!.config();
	c.target = 'serverless';
	c.serverless.provider = 'cloud-run';
	c.services.postgres = true;
	return c;
}

const tail = (s: string) => (s.length > 3000 ? '…' + s.slice(-3000) : s);
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Reads each URL of argv[1] (JSON list) with config.py's Settings: "ok" or "rejected". */
const SETTINGS_PROBE = (pkg: string) => `
import json, os, sys
from pydantic import PostgresDsn, TypeAdapter, ValidationError
from ${pkg}.config import Settings
out = {}
for url in json.loads(sys.argv[1]):
    os.environ["DATABASE_URL"] = url
    try:
        Settings()
        ours = "ok"
    except ValidationError as e:
        # Only DATABASE_URL's verdict counts (a preset may require other settings).
        ours = "rejected" if any(err["loc"][:1] == ("database_url",) for err in e.errors()) else "ok"
    try:
        TypeAdapter(PostgresDsn).validate_python(url)
        dsn = "ok"
    except ValidationError:
        dsn = "rejected"
    out[url] = [ours, dsn]
print(json.dumps(out))
`;

describe('Cloud SQL on Cloud Run: DATABASE_URL through the /cloudsql Unix socket', () => {
	it('the toolchain root is ready', () => {
		expect(toolchainReady()).toEqual({ ok: true });
	});

	for (const preset of ['fastapi-service', 'flask-app', 'django-app']) {
		it(`${preset}: config.py accepts both socket forms of libpq's URI (PostgresDsn rejects the ?host= one) and still rejects nonsense`, async () => {
			const config = cloudRunConfig(preset);
			const files = generate(config);
			const pkg = config.project.name.replace(/-/g, '_');
			const conn = cloudSqlConnectionName(config);
			const socketUrl = cloudSqlDatabaseUrl(config, 'CHANGE-ME');
			const cases: Record<string, [string, string]> = {
				[socketUrl]: ['ok', 'rejected'],
				[`postgresql://app:pw@${encodeURIComponent(`/cloudsql/${conn}`)}/app`]: ['ok', 'ok'],
				[`postgresql:///app?host=/cloudsql/${conn}`]: ['ok', 'rejected'],
				'postgresql://app:pw@db.internal:5432/app': ['ok', 'ok'],
				'postgresql+psycopg://app:pw@db.internal/app': ['ok', 'ok'],
				'postgresql://app:pw@/app': ['rejected', 'rejected'],
				'postgresql://app:pw@/app?host=relative/dir': ['rejected', 'rejected'],
				'mysql://app:pw@db.internal/app': ['rejected', 'rejected'],
				'postgresql://app:pw@db.internal:port/app': ['rejected', 'rejected']
			};
			await withWorkdir(`csql-${preset}`, files, async (w) => {
				const r = await runInRoot(['python3', '-c', SETTINGS_PROBE(pkg), JSON.stringify(Object.keys(cases))], {
					cwd: w.inRoot,
					env: { PATH: ROOT_PATH, PYTHONPATH: 'src', PYTHONDONTWRITEBYTECODE: '1', SECRET_KEY: TEST_SECRET_KEY },
					timeoutMs: 120_000
				});
				expect(r.code, tail(r.stdout + r.stderr)).toBe(0);
				expect(JSON.parse(r.stdout)).toEqual(cases);
			});
		});
	}

	it('django-app: settings.py gives Django HOST /cloudsql/PROJECT:REGION:INSTANCE, and migrate runs over a socket-only PostgreSQL', async () => {
		const config = cloudRunConfig('django-app');
		const files = generate(config);
		const conn = cloudSqlConnectionName(config);
		expect(conn).toBe('my-project:europe-west1:django-app');
		// The URL the README stores in Secret Manager, and the annotation that makes Cloud Run mount the socket.
		const readme = files.find((f) => f.path === 'deploy/cloud-run/README.md')!.content;
		expect(readme).toContain(cloudSqlDatabaseUrl(config, 'CHANGE-ME'));
		expect(files.find((f) => f.path === 'deploy/cloud-run/service.yaml')!.content).toContain(`run.googleapis.com/cloudsql-instances: ${conn}\n`);

		const base = { PATH: ROOT_PATH, PYTHONPATH: 'src', PYTHONDONTWRITEBYTECODE: '1', SECRET_KEY: TEST_SECRET_KEY, DJANGO_SETTINGS_MODULE: djangoSettingsModule(config) };
		const show = `import json, importlib; s = importlib.import_module(${JSON.stringify(djangoSettingsModule(config))}); d = s.DATABASES["default"]; print(json.dumps({k: d[k] for k in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT")}))`;
		await withWorkdir('csql-django', files, async (w) => {
			const settingsFor = async (url: string) => {
				const r = await runInRoot(['python3', '-c', show], { cwd: w.inRoot, env: { ...base, DATABASE_URL: url }, timeoutMs: 120_000 });
				expect(r.code, tail(r.stdout + r.stderr)).toBe(0);
				return JSON.parse(r.stdout);
			};
			const expected = { ENGINE: 'django.db.backends.postgresql', NAME: 'app', USER: 'app', PASSWORD: 'p@ss:w/rd', HOST: `/cloudsql/${conn}`, PORT: '' };
			expect(await settingsFor(`postgresql://app:p%40ss%3Aw%2Frd@/app?host=/cloudsql/${conn}`)).toEqual(expected);
			expect(await settingsFor(`postgresql://app:p%40ss%3Aw%2Frd@${encodeURIComponent(`/cloudsql/${conn}`)}/app`)).toEqual(expected);
			// Plain TCP URLs are read as before; the host keeps its case (hostname would lowercase it).
			expect(await settingsFor('postgresql://app:pw@DB.internal:6543/app')).toMatchObject({ HOST: 'DB.internal', PORT: '6543', PASSWORD: 'pw' });
			expect(await settingsFor('postgresql://app:pw@[::1]:5432/app')).toMatchObject({ HOST: '::1', PORT: '5432' });

			// A server reachable only through a Unix socket in a directory named as Cloud Run names it.
			const sock = `${w.inRoot}/cloudsql/${conn}`;
			expect(`${sock}/.s.PGSQL.5432`.length).toBeLessThan(108); // sun_path
			const url = `postgresql://app:p%40ss%3Aw%2Frd@/app?host=${sock}`;
			const script = String.raw`set -eu
W=$PWD
PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
SOCK=${q(sock)}
mkdir -p "$W/pg" "$SOCK"
chown postgres "$W/pg" "$SOCK"
runuser -u postgres -- "$PG/initdb" -D "$W/pg/data" -A trust -U postgres > "$W/pg/init.log" 2>&1 || { cat "$W/pg/init.log"; exit 1; }
printf 'local all postgres trust\nlocal all all scram-sha-256\n' > "$W/pg/data/pg_hba.conf"
runuser -u postgres -- "$PG/pg_ctl" -D "$W/pg/data" -l "$W/pg/log" -o "-c listen_addresses='' -c unix_socket_directories='$SOCK' -c fsync=off" -w start > /dev/null || { cat "$W/pg/log"; exit 1; }
trap 'runuser -u postgres -- "$PG/pg_ctl" -D "$W/pg/data" -m fast -w stop > /dev/null' EXIT
psql -q -h "$SOCK" -U postgres -d postgres -c "CREATE ROLE app LOGIN PASSWORD 'p@ss:w/rd'" -c "CREATE DATABASE app OWNER app"
python3 -m django migrate --noinput
python3 -c 'import django, json; django.setup(); from django.db import connection; c = connection.cursor(); c.execute("SELECT current_user, inet_server_addr() IS NULL, current_setting($$listen_addresses$$), (SELECT count(*) FROM django_migrations)"); print("RESULT " + json.dumps(c.fetchone()))'
`;
			const r = await runInRoot(['/bin/bash', '-c', script], { cwd: w.inRoot, env: { ...base, DATABASE_URL: url }, timeoutMs: 300_000, netns: true });
			const outText = r.stdout + r.stderr;
			expect(r.code, tail(outText)).toBe(0);
			expect(outText).toMatch(/Applying auth\.0001_initial\.\.\. OK/);
			const row = JSON.parse(/RESULT (.*)/.exec(r.stdout)![1]);
			// As app (password checked), over a Unix socket (no server address), to a server with no TCP listener.
			expect(row.slice(0, 3)).toEqual(['app', true, '']);
			expect(row[3]).toBeGreaterThan(10);
		});
	});
});
