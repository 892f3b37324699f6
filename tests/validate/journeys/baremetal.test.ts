/**
 * The bare-metal journey, run as deploy/README.md tells a person to run it,
 * on a throw-away host (journeys/host.ts: the toolchain root under an overlay,
 * in private mount, network and PID namespaces; nothing in the shared root
 * changes, nothing on this machine's ports is touched: the host has its own
 * loopback, so nginx listens on the generated 80/443 and the app on 8000).
 *
 * What is real: install.sh itself (POSIX sh, as root), useradd, pip (offline:
 * see below), Django's collectstatic, nginx 1.26 (Debian 13, in the root) and
 * nginx 1.22 (Debian 12, this machine's own), openssl, gunicorn serving the
 * generated package, TLS verified by Python's ssl module.
 *
 * The one test double: systemd's clients. No systemd manager runs in a
 * namespace, so `systemctl` and `systemd-run` are replaced by a recorder that
 * logs its argv (baremetal-scripts.ts, RECORDER_SH); the test asserts the
 * calls. Where systemd would act, the test does what the unit or Debian's
 * nginx.service says: it starts nginx with `nginx -g 'daemon on; master_process
 * on;'`, reloads it with `nginx -s reload`, and starts the installed unit's
 * ExecStart= as its User= in its WorkingDirectory= with its Environment= and
 * EnvironmentFile= (RUN_UNIT_PY; the sandboxing settings are not applied).
 * certbot needs Let's Encrypt and a public name: the test does what
 * `certbot certonly --webroot` does on this host (a token file under the
 * webroot, then the certificate at the paths the site names, made with openssl).
 *
 * Offline pip: only Debian's packages exist here, so the venv is made with
 * --system-site-packages before install.sh runs (install.sh keeps an existing
 * venv), and pip is told PIP_NO_INDEX=1 (and no build isolation) through its
 * own environment variables; install.sh's pip commands then run unchanged.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../src/lib/model/config.ts';
import { presetById } from '../../../src/lib/model/presets.ts';
import { validateConfig } from '../../../src/lib/model/validate.ts';
import { generate } from '../../../src/lib/generators/index.ts';
import { bareMetal, dropIn, execStart, hostPaths } from '../../../src/lib/generators/targets/bare-metal/index.ts';
import { toolchainReady, runInRoot, makeWorkdir } from '../toolchain/index.ts';
import { bootHost, type Host } from './host.ts';
import { CONSOLE_SCRIPT_PY, GET_PY, RECORDER_SH, RUN_UNIT_PY } from './baremetal-scripts.ts';


/** sudo's default secure_path (Debian's /etc/sudoers): what PATH install.sh sees under `sudo sh deploy/install.sh`. */
const SUDO_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function config(preset: string, manager: 'pip' | 'uv' | 'poetry', services: Partial<Config['services']> = {}): Config {
	const c = presetById(preset)!.config();
	c.target = 'bare-metal';
	c.packaging.manager = manager;
	// A backend that fits the manager (validate.ts refuses the others).
	if (manager === 'poetry') c.packaging.backend = 'poetry-core';
	else if (manager === 'pip' || c.packaging.backend === 'poetry-core') c.packaging.backend = 'hatchling';
	Object.assign(c.services, services);
	const errors = validateConfig(c);
	if (errors.length) throw new Error(`invalid test config: ${JSON.stringify(errors)}`);
	return c;
}

function need(): void {
	const ready = toolchainReady();
	if (!ready.ok) throw new Error(`toolchain missing: ${ready.reason}`);
}

/** Writes the generated project into the host as a checkout in alice's home (she runs sudo). */
async function checkout(host: Host, c: Config, dir: string): Promise<void> {
	const u = await host.sh('id alice >/dev/null 2>&1 || useradd --create-home --shell /bin/bash alice');
	expect(u.code, u.stderr).toBe(0);
	for (const f of generate(c)) host.write(`${dir}/${f.path}`, f.content, f.mode ?? (f.path.endsWith('.sh') || f.path === 'manage.py' ? 0o755 : 0o644));
}

async function withHost<T>(name: string, body: (h: Host) => Promise<T>): Promise<T> {
	need();
	const h = await bootHost(name);
	try {
		return await body(h);
	} finally {
		await h.dispose();
	}
}

const calls = (h: Host) => (h.exists('/var/log/systemd-calls.log') ? h.read('/var/log/systemd-calls.log').trim().split('\n').filter(Boolean) : []);

/** stat of a path inside the host: "mode user group type". */
async function stat(h: Host, path: string): Promise<string> {
	const r = await h.sh(`stat -c '%a %U %G %F' ${JSON.stringify(path)}`);
	return r.code === 0 ? r.stdout.trim() : `missing (${r.stderr.trim()})`;
}

async function get(h: Host, url: string, hostHeader = '', cafile = '', waitS = 0): Promise<{ status: number; location: string | null; body: string }> {
	const r = await h.sh(`python3 /tmp/get.py ${[url, hostHeader, cafile, String(waitS)].map((a) => `'${a}'`).join(' ')}`);
	expect(r.code, r.stderr).toBe(0);
	return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------------------------------------
// Point 6: the sites pass `nginx -t` on nginx 1.22 (Debian 12, this machine) and 1.26 (Debian 13, the root).
// ---------------------------------------------------------------------------------------------

/** A main config around the two sites, with a test certificate substituted for the paths they name (textual, in a copy). */
function nginxTestTree(hostDir: string, sites: { name: string; content: string }[], extraTls = '', dir = hostDir): string {
	mkdirSync(join(hostDir, 'tmp'), { recursive: true });
	const includes: string[] = [];
	for (const s of sites) {
		const text = s.content
			.replace(/^(\s*ssl_certificate_key\s+)[^;\s]+;/m, `$1${dir}/key.pem;`)
			.replace(/^(\s*ssl_certificate\s+)[^;\s]+;/m, `$1${dir}/cert.pem;`)
			.replace(/^(\s*server_name[^;]*;)/m, `$1${extraTls && /ssl_certificate/.test(s.content) ? `\n    ${extraTls}` : ''}`);
		writeFileSync(join(hostDir, s.name), text);
		includes.push(`    include ${dir}/${s.name};`);
	}
	writeFileSync(
		join(hostDir, 'nginx.conf'),
		[`pid ${dir}/nginx.pid;`, 'error_log stderr;', 'events {}', 'http {', '    include /etc/nginx/mime.types;', ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${dir}/tmp/${t};`), ...includes, '}', ''].join('\n')
	);
	return join(dir, 'nginx.conf');
}

const OPENSSL = (dir: string) => `openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout ${dir}/key.pem -out ${dir}/cert.pem 2>/dev/null`;

/** nginx 1.22 of this machine (Debian 12's nginx-light; setup.sh installs it). */
function hostNginxT(sites: { name: string; content: string }[], extraTls = ''): { code: number; out: string; version: string } {
	const dir = mkdtempSync('/tmp/slipway-nginx122-');
	try {
		const conf = nginxTestTree(dir, sites, extraTls);
		const ssl = spawnSync('/bin/sh', ['-c', OPENSSL(dir)]);
		if (ssl.status !== 0) throw new Error(`openssl failed on the host: ${ssl.stderr}`);
		const v = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
		if (v.error) throw new Error('nginx is not installed on this machine: run tests/validate/toolchain/setup.sh (it installs Debian 12\'s nginx-light)');
		const r = spawnSync('nginx', ['-t', '-e', 'stderr', '-p', `${dir}/`, '-c', conf], { encoding: 'utf8' });
		return { code: r.status ?? 1, out: (r.stdout + r.stderr).trim(), version: v.stderr.trim() };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** nginx 1.26 of the toolchain root. */
async function rootNginxT(sites: { name: string; content: string }[], extraTls = ''): Promise<{ code: number; out: string; version: string }> {
	const w = makeWorkdir('nginx126');
	try {
		const conf = nginxTestTree(w.host, sites, extraTls, w.inRoot);
		const r = await runInRoot(`${OPENSSL(w.inRoot)} && nginx -v && exec nginx -t -e stderr -p ${w.inRoot}/ -c ${conf}`, { cwd: w.inRoot });
		const version = /nginx version: \S+/.exec(r.stderr)?.[0] ?? '';
		return { code: r.code, out: r.stderr.replace(/^nginx version: .*\n/m, '').trim(), version };
	} finally {
		w.cleanup();
	}
}

describe('bare metal: nginx -t on Debian 12 (1.22) and Debian 13 (1.26)', { timeout: 120_000 }, () => {
	for (const preset of ['fastapi-service', 'django-app', 'flask-app']) {
		test(`${preset}: both sites pass nginx -t with no warning on either version`, async () => {
			need();
			const c = config(preset, 'pip');
			const p = hostPaths(c);
			const files = bareMetal(c);
			const sites = [p.nginxFile, p.nginxTlsFile].map((n) => ({ name: n, content: files.find((f) => f.path === `deploy/nginx/${n}`)!.content }));
			const old = hostNginxT(sites);
			expect(old.version).toMatch(/nginx\/1\.22\./);
			expect(old.out, old.out).not.toMatch(/\[(warn|emerg|alert|crit|error)\]/);
			expect(old.code, old.out).toBe(0);
			const cur = await rootNginxT(sites);
			expect(cur.version).toMatch(/nginx\/1\.26\./);
			expect(cur.out, cur.out).not.toMatch(/\[(warn|emerg|alert|crit|error)\]/);
			expect(cur.code, cur.out).toBe(0);
		});
	}

	test('the check is not vacuous: `http2 on;` (the old site) fails on 1.22, and `listen ... http2` warns on 1.26', async () => {
		need();
		const c = config('fastapi-service', 'pip');
		const p = hostPaths(c);
		const tls = bareMetal(c).find((f) => f.path === `deploy/nginx/${p.nginxTlsFile}`)!.content;
		const old = hostNginxT([{ name: 'tls.conf', content: tls }], 'http2 on;');
		expect(old.code).not.toBe(0);
		expect(old.out).toMatch(/unknown directive "http2"/);
		const warned = await rootNginxT([{ name: 'tls.conf', content: tls.replace('listen 443 ssl;', 'listen 443 ssl http2;') }]);
		expect(warned.code).toBe(0);
		expect(warned.out).toMatch(/\[warn\].*"listen \.\.\. http2" directive is deprecated/);
	});
});

// ---------------------------------------------------------------------------------------------
// Points 5, 7, 14 and section 2: install, ACME over HTTP, TLS, the app, upgrade keeping edits.
// ---------------------------------------------------------------------------------------------

describe('bare metal: install.sh, ACME then TLS, upgrade (Django, pip)', { timeout: 900_000 }, () => {
	test('install -> HTTP-01 challenge served -> certificate -> HTTPS to the app -> upgrade keeps local edits', async () => {
		const c = config('django-app', 'pip', { postgres: false, redis: false });
		const p = hostPaths(c);
		const domain = c.bareMetal.domain;
		const src = `/home/alice/${p.name}`;
		const env = { SUDO_USER: 'alice', PATH: SUDO_PATH, PIP_NO_INDEX: '1', PIP_NO_BUILD_ISOLATION: '0', PIP_DISABLE_PIP_VERSION_CHECK: '1' };
		await withHost('baremetal-django', async (h) => {
			await checkout(h, c, src);
			h.write('/tmp/get.py', GET_PY);
			h.write('/tmp/run-unit.py', RUN_UNIT_PY);
			// The test double: systemctl and systemd-run record their argv (see the file comment).
			for (const bin of ['/usr/bin/systemctl', '/usr/bin/systemd-run']) h.write(bin, RECORDER_SH, 0o755);
			h.write('/etc/hosts', `127.0.0.1\tlocalhost ${domain}\n::1\tlocalhost\n`);
			// Offline pip (see the file comment): Debian's packages stand in for PyPI.
			const venv = await h.sh(`install -d -m 0755 ${p.appDir} && python3 -m venv --system-site-packages ${p.venv}`);
			expect(venv.code, venv.stderr).toBe(0);
			// pip would write the app server's console script into the venv when it installs it; Debian's copy lives
			// outside the venv, so the test writes the same wrapper pip writes, from the distribution's entry point.
			const server = execStart(c)[0].split('/').pop()!;
			h.write('/tmp/console-script.py', CONSOLE_SCRIPT_PY);
			const script = await h.sh(`${p.venv}/bin/python /tmp/console-script.py ${server} ${p.venv}/bin`);
			expect(script.code, script.stderr).toBe(0);

			// --- 1. first install (README step 2) -------------------------------------------------
			const run1 = await h.sh('sh deploy/install.sh', { cwd: src, env });
			expect(run1.code, run1.stdout + run1.stderr).toBe(0);
			expect(run1.stdout).toContain('==> first install: edit /etc/django-app/env');
			expect(run1.stdout).toContain(`HTTPS not enabled yet: no certificate at ${p.cert} / ${p.key}.`);
			const user = (await h.sh(`getent passwd ${p.user}`)).stdout.trim().split(':');
			expect(user[5]).toBe(p.appDir);
			expect(user[6]).toBe('/usr/sbin/nologin');
			expect(Number(user[2])).toBeLessThan(1000); // a system user
			expect(await stat(h, p.confDir)).toBe(`750 root ${p.user} directory`);
			expect(await stat(h, p.envFile)).toBe(`640 root ${p.user} regular file`);
			expect(await stat(h, p.recordDir)).toBe('700 root root directory');
			expect(await stat(h, `/etc/systemd/system/${p.unit}`)).toBe('644 root root regular file');
			expect(h.read(`/etc/systemd/system/${p.unit}`)).toBe(h.read(`${src}/deploy/${p.unit}`));
			expect(await stat(h, `${p.recordDir}/${p.unit}`)).toBe('600 root root regular file');
			for (const site of [p.nginxFile, p.nginxTlsFile]) expect(await stat(h, `/etc/nginx/sites-available/${site}`)).toBe('644 root root regular file');
			expect((await h.sh(`readlink /etc/nginx/sites-enabled/${p.nginxFile}`)).stdout.trim()).toBe(`../sites-available/${p.nginxFile}`);
			expect(h.exists(`/etc/nginx/sites-enabled/${p.nginxTlsFile}`)).toBe(false);
			expect(await stat(h, p.acmeRoot)).toBe('755 root root directory');
			expect(await stat(h, `${p.appDir}/src/django_app/settings.py`)).toBe('644 root root regular file');
			expect(calls(h)).toEqual(['systemctl daemon-reload', 'systemctl reload-or-restart nginx']);

			// --- 2. HTTP-01: what Let's Encrypt asks once certbot --webroot wrote its token ---------
			// nginx starts as Debian's nginx.service starts it; the Debian default site stays enabled.
			const ng = await h.sh("nginx -g 'daemon on; master_process on;'");
			expect(ng.code, ng.stderr).toBe(0);
			const token = 'Zk3v9Yc0-test_token';
			h.write(`${p.acmeRoot}/.well-known/acme-challenge/${token}`, `${token}.thumbprint`);
			const acme = await get(h, `http://127.0.0.1/.well-known/acme-challenge/${token}`, domain, '', 10);
			expect(acme).toMatchObject({ status: 200, body: `${token}.thumbprint` });
			const other = await get(h, 'http://127.0.0.1/admin/login/?next=/admin/', domain);
			expect(other.status).toBe(301);
			expect(other.location).toBe(`https://${domain}/admin/login/?next=/admin/`);
			expect((await get(h, `https://${domain}/health`, '', '/nonexistent')).status).toBe(0); // nothing on 443 yet

			// --- 3. README steps 3 and 4: the env file, then the certificate (as certbot writes it) ---
			const secret = randomBytes(32).toString('hex');
			const fill = await h.sh(`sed -i 's/^SECRET_KEY=.*/SECRET_KEY="${secret}"/' ${p.envFile} && ! grep -q '^[^#]*CHANGE-ME' ${p.envFile}`);
			expect(fill.code, fill.stdout + fill.stderr).toBe(0);
			const live = p.cert.slice(0, p.cert.lastIndexOf('/'));
			const cert = await h.sh(
				`install -d -m 0755 ${live} && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=${domain} -addext subjectAltName=DNS:${domain} -keyout ${p.key} -out ${p.cert} 2>&1`
			);
			expect(cert.code, cert.stdout).toBe(0);

			// --- 4. README step 5: install.sh again --------------------------------------------------
			const run2 = await h.sh('sh deploy/install.sh', { cwd: src, env });
			expect(run2.code, run2.stdout + run2.stderr).toBe(0);
			expect(run2.stdout).toContain(`HTTPS enabled: ${p.cert}`);
			expect((await h.sh(`readlink /etc/nginx/sites-enabled/${p.nginxTlsFile}`)).stdout.trim()).toBe(`../sites-available/${p.nginxTlsFile}`);
			// collectstatic ran for real, as the app user, into the folder the site serves.
			expect(await stat(h, `${p.staticDir}/admin/css/base.css`)).toBe(`644 ${p.user} ${p.user} regular file`);
			const after2 = calls(h).slice(2);
			expect(after2[0]).toBe('systemctl daemon-reload');
			expect(after2[1]).toBe('systemctl reload-or-restart nginx');
			expect(after2[2]).toMatch(new RegExp(`^systemd-run --quiet --wait --pipe --collect --uid=${p.user} --gid=${p.user} --working-directory=${p.appDir} -p EnvironmentFile=${p.envFile} -p StateDirectory=${p.name} --setenv=DJANGO_SETTINGS_MODULE=django_app.settings ${p.venv}/bin/python -m django migrate --noinput$`));
			expect(after2.slice(3)).toEqual([`systemctl enable ${p.unit}`, `systemctl restart ${p.unit}`, `systemctl --no-pager --lines=5 status ${p.unit}`]);

			// --- 5. what systemd and nginx.service would now do: start the unit, reload nginx ------
			const app = await h.sh(`setsid python3 /tmp/run-unit.py ${p.unit} >/var/log/app.log 2>&1 < /dev/null & echo started`);
			expect(app.code).toBe(0);
			const direct = await get(h, 'http://127.0.0.1:8000/health', 'localhost', '', 30);
			expect(direct.status, `${JSON.stringify(direct)}\n${h.exists('/var/log/app.log') ? h.read('/var/log/app.log') : ''}`).toBe(200);
			const reload = await h.sh('nginx -s reload');
			expect(reload.code, reload.stderr).toBe(0);
			const health = await get(h, `https://${domain}/health`, '', p.cert, 10);
			expect(health.status, JSON.stringify(health)).toBe(200);
			const css = await get(h, `https://${domain}/static/admin/css/base.css`, '', p.cert, 5);
			expect(css.status).toBe(200);
			expect(css.body).toMatch(/\{|\/\*/);
			const plain = await get(h, `http://127.0.0.1/health`, domain);
			expect([plain.status, plain.location]).toEqual([301, `https://${domain}/health`]);

			// --- 6. local edits (README "Upgrade and local changes"), then an upgrade ---------------
			const override = '[Service]\nEnvironment=WEB_CONCURRENCY=5\n';
			h.write(dropIn(p.unit), override); // what `systemctl edit` writes
			const editedSite = h.read(`/etc/nginx/sites-available/${p.nginxTlsFile}`).replace('client_max_body_size 10m;', 'client_max_body_size 50m;');
			h.write(`/etc/nginx/sites-available/${p.nginxTlsFile}`, editedSite);
			// The new version of the project (as `git pull` brings it): both the unit and the HTTPS site changed upstream.
			const newUnit = h.read(`${src}/deploy/${p.unit}`) + '# upstream change 2\n';
			const newSite = h.read(`${src}/deploy/nginx/${p.nginxTlsFile}`) + '# upstream change 2\n';
			h.write(`${src}/deploy/${p.unit}`, newUnit);
			h.write(`${src}/deploy/nginx/${p.nginxTlsFile}`, newSite);
			const httpSite = h.read(`/etc/nginx/sites-available/${p.nginxFile}`);
			const envBefore = h.read(p.envFile);
			const run3 = await h.sh('sh deploy/install.sh', { cwd: src, env });
			expect(run3.code, run3.stdout + run3.stderr).toBe(0);
			// The drop-in and the env file are untouched; the unit (not edited here) is the new version.
			expect(h.read(dropIn(p.unit))).toBe(override);
			expect(h.read(p.envFile)).toBe(envBefore);
			expect(h.read(`/etc/systemd/system/${p.unit}`)).toBe(newUnit);
			expect(h.exists(`/etc/systemd/system/${p.unit}.new`)).toBe(false);
			// The edited site stays; the new version waits beside it, and install.sh says so.
			expect(h.read(`/etc/nginx/sites-available/${p.nginxTlsFile}`)).toBe(editedSite);
			expect(h.read(`/etc/nginx/sites-available/${p.nginxTlsFile}.new`)).toBe(newSite);
			expect(run3.stderr).toContain(`WARNING: /etc/nginx/sites-available/${p.nginxTlsFile} has local changes: kept it. The new version is /etc/nginx/sites-available/${p.nginxTlsFile}.new:`);
			expect(h.read(`/etc/nginx/sites-available/${p.nginxFile}`)).toBe(httpSite);
			// A fourth run with nothing new upstream: no warning, the edit still there, the .new still flagged.
			const run4 = await h.sh('sh deploy/install.sh', { cwd: src, env });
			expect(run4.code, run4.stdout + run4.stderr).toBe(0);
			expect(run4.stderr).not.toContain('WARNING');
			expect(run4.stdout).toContain(`note: /etc/nginx/sites-available/${p.nginxTlsFile}.new is waiting to be merged`);
			expect(h.read(`/etc/nginx/sites-available/${p.nginxTlsFile}`)).toBe(editedSite);
			// The edited site is live after nginx reloads (what systemctl reload-or-restart nginx does).
			expect((await h.sh('nginx -s reload && sleep 0.5 && nginx -T 2>/dev/null | grep -c "client_max_body_size 50m;"')).stdout.trim()).toBe('1');
			expect((await get(h, `https://${domain}/health`, '', p.cert, 10)).status).toBe(200);
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Point 13: uv and Poetry are found where their installers put them, or the message says how.
// ---------------------------------------------------------------------------------------------

describe('bare metal: install.sh finds uv / Poetry where their installers put them', { timeout: 300_000 }, () => {
	test('uv absent: exit 1 with a message naming where install.sh looked and how to install it', async () => {
		const c = config('fastapi-service', 'uv');
		const p = hostPaths(c);
		await withHost('baremetal-uv', async (h) => {
			await checkout(h, c, `/home/alice/${p.name}`);
			h.write('/usr/bin/systemctl', RECORDER_SH, 0o755);
			const r = await h.sh('sh deploy/install.sh', { cwd: `/home/alice/${p.name}`, env: { SUDO_USER: 'alice', PATH: SUDO_PATH } });
			expect(r.code).toBe(1);
			expect(r.stderr.trim()).toBe(
				`install.sh: uv is not installed where install.sh looks (PATH=${SUDO_PATH}, /root/.local/bin, /home/alice/.local/bin). ` +
					'Install it with its official installer (https://docs.astral.sh/uv/getting-started/installation/), as root or as the user who runs sudo: ' +
					'it puts uv in ~/.local/bin, which install.sh searches. Then run install.sh again: curl -LsSf https://astral.sh/uv/install.sh | sh'
			);
		});
	});

	test('Poetry: absent -> the message; in the sudo user\'s ~/.local/bin or root\'s -> found and run', async () => {
		const c = config('fastapi-service', 'poetry');
		const p = hostPaths(c);
		const src = `/home/alice/${p.name}`;
		await withHost('baremetal-poetry', async (h) => {
			await checkout(h, c, src);
			h.write('/usr/bin/systemctl', RECORDER_SH, 0o755);
			// Debian's poetry stands in for the official installer's: the same program, moved off PATH.
			const hide = await h.sh('mv /usr/bin/poetry /tmp/poetry && ! command -v poetry');
			expect(hide.code, hide.stderr).toBe(0);
			const absent = await h.sh('sh deploy/install.sh', { cwd: src, env: { SUDO_USER: 'alice', PATH: SUDO_PATH } });
			expect(absent.code).toBe(1);
			expect(absent.stderr.trim()).toBe(
				`install.sh: poetry is not installed where install.sh looks (PATH=${SUDO_PATH}, /root/.local/bin, /home/alice/.local/bin). ` +
					'Install it with its official installer (https://python-poetry.org/docs/#installation), as root or as the user who runs sudo: ' +
					'it puts poetry in ~/.local/bin, which install.sh searches. Then run install.sh again: curl -sSL https://install.python-poetry.org | python3 -'
			);
			for (const [where, sudoUser] of [
				['/home/alice/.local/bin', 'alice'],
				['/root/.local/bin', '']
			] as const) {
				const put = await h.sh(`rm -f /home/alice/.local/bin/poetry /root/.local/bin/poetry; install -d ${where} && cp /tmp/poetry ${where}/poetry && chmod 755 ${where}/poetry`);
				expect(put.code, put.stderr).toBe(0);
				const r = await h.sh('sh deploy/install.sh', { cwd: src, env: { PATH: SUDO_PATH, ...(sudoUser ? { SUDO_USER: sudoUser } : {}) } });
				// Found and run (its version line), then stopped by the missing lock file: no lock can be made offline.
				expect(r.stdout).toMatch(new RegExp(`^    Poetry \\(version [0-9.]+\\) \\(${where.replace(/\./g, '\\.')}/poetry\\)$`, 'm'));
				expect(r.stderr.trim()).toBe("install.sh: poetry.lock is missing: run 'poetry lock' and commit it");
				expect(r.code).toBe(1);
			}
		});
	});
});
