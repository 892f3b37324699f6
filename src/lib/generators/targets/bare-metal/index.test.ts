import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { describe, expect, test } from 'vitest';
import type { Config } from '../../../model/config.ts';
import { APP_PORT, collectStatic, facts, serveArgv, scheduledArgs } from '../../../model/derive.ts';
import { presetById } from '../../../model/presets.ts';
import { validateConfig } from '../../../model/validate.ts';
import { deployMatrix, presetOn } from '../../../../../tests/support/cases.ts';
import { TOOL_INSTALL, bareMetal, dropIn, execStart, hostPaths } from './index.ts';
import { nginxArg, raw, writeNginx } from '../../writers/nginx.ts';
import { shQuote, shWord } from '../../writers/shell.ts';
import { envLine, unitArg, unitCommand, unitValue } from '../../writers/systemd.ts';

function files(config: Config): Map<string, string> {
	return new Map(bareMetal(config).map((f) => [f.path, f.content]));
}

let workspace: Workspace | undefined;
function ruff(src: string): string[] {
	const ws = (workspace ??= new Workspace({ 'line-length': 100, 'target-version': 'py312', lint: { select: ['E', 'W', 'F', 'I', 'B', 'UP', 'SIM', 'RUF'] } }, PositionEncoding.Utf16));
	return (ws.check(src) as { code: string; message: string }[]).map((d) => `${d.code}: ${d.message}`);
}

/** `Key=value` pairs of one unit section. */
function section(unit: string, name: string): [string, string][] {
	const body = unit.split(/^\[/m).find((s) => s.startsWith(`${name}]`)) ?? '';
	return body
		.split('\n')
		.slice(1)
		.filter((l) => l && !l.startsWith('#'))
		.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
}

const cases = deployMatrix().filter((c) => c.config.target === 'bare-metal');

describe('escaping writers', { timeout: 30_000 }, () => {
	test('systemd: specifiers, variables and quotes stay data; line breaks are refused', () => {
		const quoted = [
			['100%', '100%%'],
			['$HOME', '"$$HOME"'],
			['a b', '"a b"'],
			['say "hi"\\', '"say \\"hi\\"\\\\"'],
			[';', '";"'],
			['', '""']
		] as const;
		for (const [text, want] of quoted) expect(unitArg(text), text).toBe(want);
		expect(() => unitArg('a\nExecStartPre=/bin/evil')).toThrow();
		expect(() => unitValue('x\rY=1')).toThrow();
		expect(() => unitCommand(['uvicorn'])).toThrow(/absolute/);
		expect(envLine('A', 'x "y" \\ # z')).toBe('A="x \\"y\\" \\\\ # z"');
		expect(() => envLine('A', 'x\nB=1')).toThrow();
		expect(() => envLine('A B', 'x')).toThrow();
	});

	test('nginx: user-derived arguments cannot end a directive or expand a variable', () => {
		for (const bad of ['a;b', 'a b', 'a{', '}', '"x"', "'x'", '$host', 'a#b', 'x\ny']) expect(() => nginxArg(bad), bad).toThrow();
		expect(nginxArg('api.example.com')).toBe('api.example.com');
		expect(writeNginx([{ block: 'server', body: [{ d: 'return', args: ['301', raw('https://$host')] }] }])).toBe('server {\n    return 301 https://$host;\n}\n');
	});

	test('shell: one single-quoted word, whatever the text', () => {
		expect(shQuote("it's $(x) `y`")).toBe("'it'\\''s $(x) `y`'");
		expect(() => shQuote('a\nb')).toThrow();
		expect(shWord('django_app.settings')).toBe('django_app.settings');
		expect(shWord('a b')).toBe("'a b'");
	});

	test('ruff sees problems (the checks below are not vacuous)', () => {
		expect(ruff('import os\n')).not.toEqual([]);
	});
});

describe('bare metal', { timeout: 30_000 }, () => {
	test('the matrix covers every framework, the worker and the CLI', () => {
		expect(new Set(cases.map((c) => `${c.config.project.kind}/${c.config.project.framework}`))).toEqual(
			new Set(['service/fastapi', 'service/flask', 'service/django', 'worker/none', 'cli/none'])
		);
	});

	for (const { id, config } of cases) {
		test(`${id}: unit, site, env file and installer agree with the model`, () => {
			const p = hostPaths(config);
			const f = facts(config);
			const out = files(config);
			const unit = out.get(`deploy/${p.unit}`)!;
			const svc = section(unit, 'Service');
			const get = (k: string) => svc.filter(([key]) => key === k).map(([, v]) => v);
			expect(get('User')).toEqual([p.user]);
			expect(get('EnvironmentFile')).toEqual([p.envFile]);
			expect(get('WorkingDirectory')).toEqual([p.appDir]);
			const exec = get('ExecStart')[0];
			expect(exec.startsWith(`${p.venv}/bin/`)).toBe(true);
			expect(exec).toBe(unitCommand(execStart(config)));
			for (const [k, v] of [
				['NoNewPrivileges', 'yes'], ['ProtectSystem', 'strict'], ['ProtectHome', 'yes'], ['PrivateTmp', 'yes'], ['PrivateDevices', 'yes'],
				['ProtectKernelTunables', 'yes'], ['ProtectKernelModules', 'yes'], ['ProtectKernelLogs', 'yes'], ['ProtectControlGroups', 'yes'],
				['RestrictNamespaces', 'yes'], ['LockPersonality', 'yes'], ['MemoryDenyWriteExecute', 'yes'], ['CapabilityBoundingSet', ''], ['UMask', '0027']
			])
				expect(get(k), k).toEqual([v]);
			expect(get('SystemCallFilter')).toContain('@system-service');
			const env = out.get('deploy/env.template')!;
			for (const v of f.env) expect(env).toMatch(new RegExp(`^${v.name}="`, 'm'));
			const sh = out.get('deploy/install.sh')!;
			expect(sh.startsWith('#!/bin/sh\n')).toBe(true);
			expect(sh).toContain('set -eu');
			expect(bareMetal(config).find((x) => x.path === 'deploy/install.sh')!.mode).toBe(0o755);
			if (config.packaging.manager === 'uv') expect(sh).toContain('"$UV" sync --locked --no-dev --no-editable');
			if (config.packaging.manager === 'poetry') expect(sh).toContain('"$POETRY" sync --only main');
			if (config.packaging.manager === 'pip') expect(sh).toContain('pip" install --no-cache-dir -r "$APP_DIR/requirements.txt"');
			if (f.isWeb) {
				expect(execStart(config).join(' ')).toMatch(config.project.framework === 'fastapi' ? `--host 127.0.0.1 --port ${APP_PORT}` : `--bind 127.0.0.1:${APP_PORT}`);
				expect(execStart(config)).not.toContain('0.0.0.0');
				const http = out.get(`deploy/nginx/${p.nginxFile}`)!;
				const site = out.get(`deploy/nginx/${p.nginxTlsFile}`)!;
				expect(http).toContain(`server_name ${config.bareMetal.domain};`);
				expect(http).toContain('return 301 https://$host$request_uri;');
				expect(http).not.toContain('ssl');
				expect(site).toContain(`server 127.0.0.1:${APP_PORT};`);
				expect(site).toContain(`server_name ${config.bareMetal.domain};`);
				expect(site).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
				expect(site).toContain(`ssl_certificate ${p.cert};`);
				if (config.project.framework === 'django') expect(site).toContain(`alias ${p.staticDir}/;`);
			} else {
				expect([...out.keys()].some((k) => k.includes('nginx'))).toBe(false);
			}
			// Every target runs the same app-server command (gunicorn reads the package's own config): no bare-metal copy.
			expect(out.has('deploy/gunicorn.conf.py')).toBe(false);
			expect(execStart(config).slice(1)).toEqual([
				...serveArgv(config, '127.0.0.1').slice(1).map((a, i, all) => (all[i - 1] === '--forwarded-allow-ips' ? '127.0.0.1' : a)),
				...scheduledArgs(config)
			]);
		});
	}

	test('FastAPI runs uvicorn on loopback, trusting only the local proxy', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'bare-metal';
		expect(execStart(c)).toEqual([
			'/opt/fastapi-service/.venv/bin/uvicorn', 'fastapi_service.main:app', '--host', '127.0.0.1', '--port', String(APP_PORT), '--proxy-headers', '--forwarded-allow-ips', '127.0.0.1'
		]);
	});

	test('a CLI gets a oneshot unit and a timer, nothing enabled', () => {
		const c = presetById('cli-tool')!.config();
		c.target = 'bare-metal';
		const out = files(c);
		expect(out.get('deploy/cli-tool.service')).toContain('Type=oneshot');
		expect(out.get('deploy/cli-tool.service')).not.toContain('[Install]');
		expect(out.get('deploy/cli-tool.timer')).toContain('OnCalendar=');
		expect(out.get('deploy/install.sh')).not.toMatch(/^\s*systemctl enable/m);
		// The CLI needs a COMMAND: the timer's run must not fail as generated (the journey harness runs ExecStart).
		expect(out.get('deploy/cli-tool.service')).toMatch(/^ExecStart=\/opt\/cli-tool\/\.venv\/bin\/cli-tool --version$/m);
	});

	test('names too long for a Linux user are refused; libraries get nothing', () => {
		const c = presetOn('fastapi-service', 'bare-metal', (c) => void (c.project.name = 'a-really-long-project-name-for-a-user'));
		expect(validateConfig(c).map((e) => e.path)).toContain('project.name');
		expect(bareMetal(presetOn('library', 'bare-metal'))).toEqual([]);
	});

	// --- issue 14 regressions -------------------------------------------------------------------

	const web = (preset: string, manager: 'pip' | 'uv' | 'poetry' = 'pip') => {
		const c = presetById(preset)!.config();
		c.target = 'bare-metal';
		c.packaging.manager = manager;
		if (manager === 'poetry') c.packaging.backend = 'poetry-core';
		else if (manager === 'pip' || c.packaging.backend === 'poetry-core') c.packaging.backend = 'hatchling';
		expect(validateConfig(c)).toEqual([]);
		return c;
	};

	test('5: the HTTP site (ACME webroot + redirect) is enabled whatever the certificate; HTTPS only once the files it names exist', () => {
		const c = web('fastapi-service');
		const p = hostPaths(c);
		const out = files(c);
		const http = out.get(`deploy/nginx/${p.nginxFile}`)!;
		expect(http).toMatch(new RegExp(`location /\\.well-known/acme-challenge/ \\{\\n\\s+root ${p.acmeRoot};`));
		const sh = out.get('deploy/install.sh')!;
		const enableHttp = sh.indexOf('ln -sfn "$link_to/$NGINX_SITE" "$enabled/$NGINX_SITE"');
		const certCheck = sh.indexOf('if [ -n "$tls_cert" ] && [ -f "$tls_cert" ]');
		expect(enableHttp).toBeGreaterThan(0);
		expect(certCheck).toBeGreaterThan(enableHttp); // the HTTP site is linked before, and outside, the certificate test
		expect(sh.slice(certCheck, sh.indexOf('\tfi', certCheck))).toContain('ln -sfn "$link_to/$NGINX_TLS_SITE" "$enabled/$NGINX_TLS_SITE"');
		// The certificate paths come from the installed site, so an edited site is honoured.
		expect(sh).toContain('tls_cert=$(site_path ssl_certificate)');
		// README's certbot command writes exactly the files the HTTPS site names, through the webroot the HTTP site serves.
		const readme = out.get('deploy/README.md')!;
		const certbot = /`(sudo certbot certonly [^`]+)`/.exec(readme)![1];
		expect(certbot).toBe(`sudo certbot certonly --webroot -w ${p.acmeRoot} -d ${c.bareMetal.domain} --deploy-hook "systemctl reload nginx"`);
		expect(p.cert).toBe(`/etc/letsencrypt/live/${c.bareMetal.domain}/fullchain.pem`);
		expect(p.key).toBe(`/etc/letsencrypt/live/${c.bareMetal.domain}/privkey.pem`);
	});

	test('one HSTS header: nginx adds it and hides the one Django sends with HTTPS_ONLY', () => {
		for (const preset of ['fastapi-service', 'flask-app', 'django-app']) {
			const c = web(preset);
			const tls = files(c).get(`deploy/nginx/${hostPaths(c).nginxFile.replace(/\.conf$/, '-https.conf')}`)!;
			expect(tls.match(/add_header Strict-Transport-Security/g)?.length, preset).toBe(1);
			expect(tls, preset).toMatch(/location \/ \{[^}]*proxy_hide_header Strict-Transport-Security;/);
		}
	});

	test('6: no site uses http2 (`http2 on;` needs nginx >= 1.25.1; `listen ... http2` is deprecated there)', () => {
		for (const preset of ['fastapi-service', 'flask-app', 'django-app']) {
			const out = files(web(preset));
			for (const [path, text] of out) {
				if (!path.startsWith('deploy/nginx/')) continue;
				const directives = text.split('\n').filter((l) => !/^\s*#/.test(l));
				expect(directives.filter((l) => /\bhttp2\b/.test(l)), path).toEqual([]);
			}
			expect(out.get('deploy/README.md')).not.toMatch(/nginx >= 1\.25/);
		}
	});

	test('7: Django runs collectStatic() as the app user with the venv python in APP_DIR, and a failure stops install.sh', () => {
		const c = web('django-app');
		const cs = collectStatic(c)!;
		const sh = files(c).get('deploy/install.sh')!;
		const line = sh.slice(sh.indexOf('(cd "$APP_DIR" && setpriv'), sh.indexOf('collectstatic --noinput)') + 'collectstatic --noinput)'.length);
		expect(line).toContain('--reuid="$APP_USER" --regid="$APP_USER"');
		for (const [k, v] of Object.entries(cs.env)) expect(line).toContain(`${k}=${v}`);
		expect(line).toContain(`"$VENV/bin/python" ${cs.argv.slice(1).join(' ')})`);
		expect(sh).not.toMatch(/collectstatic[^\n]*\|\|/);
		expect(files(web('flask-app')).get('deploy/install.sh')).not.toContain('collectstatic');
	});

	test('13: uv and Poetry are looked up where their installers put them (sudo does not search ~/.local/bin)', () => {
		for (const m of ['uv', 'poetry'] as const) {
			const sh = files(web('fastapi-service', m)).get('deploy/install.sh')!;
			expect(sh).toMatch(new RegExp(`^find_tool ${m} .*/root/\\.local/bin "\\$\\{user_home:\\+\\$user_home/\\.local/bin\\}" \\|\\|$`, 'm'));
			expect(sh).toContain('user_home=$(getent passwd "$SUDO_USER" | cut -d: -f6)');
			expect(sh).toContain(TOOL_INSTALL[m].command.replace(/"/g, '\\"'));
			expect(sh).not.toMatch(new RegExp(`^\\s*(\\(cd [^)]*&& )?(\\S+=\\S+ )*${m} `, 'm')); // never the bare name: the found path
			expect(sh).not.toMatch(new RegExp(`^need ${m} `, 'm'));
		}
		expect(files(web('fastapi-service', 'uv')).get('deploy/install.sh')).toContain('"${UV_INSTALL_DIR:-}" "${XDG_BIN_HOME:-}"');
		expect(files(web('fastapi-service', 'poetry')).get('deploy/install.sh')).toContain('"${POETRY_HOME:+$POETRY_HOME/bin}"');
	});

	test('14: install.sh never copies over an installed file blindly, never touches drop-ins; the README sends settings there', () => {
		for (const preset of ['fastapi-service', 'cli-tool']) {
			const c = web(preset);
			const p = hostPaths(c);
			const out = files(c);
			const sh = out.get('deploy/install.sh')!;
			// Unit, timer and sites go through install_file (keeps an edited file, writes <file>.new); the env file is written once.
			expect(sh.match(/^\s*install -m 0644 "\$SRC_DIR/gm)).toBeNull();
			expect(sh).toContain('install_file "$SRC_DIR/deploy/$UNIT" "/etc/systemd/system/$UNIT"');
			if (preset === 'cli-tool') expect(sh).toContain('install_file "$SRC_DIR/deploy/$TIMER" "/etc/systemd/system/$TIMER"');
			expect(sh).toContain('install -m 0644 "$src" "$dest.new"');
			expect(sh).not.toMatch(/\.d\/|override\.conf/);
			const readme = out.get('deploy/README.md')!;
			expect(readme).toContain(`\`sudo systemctl edit ${p.unit}\` writes \`${dropIn(p.unit)}\``);
			expect(readme).toContain(p.recordDir);
			if (preset === 'cli-tool') {
				expect(readme).toContain(`sudo systemctl edit ${p.timer}`);
				expect(readme).toMatch(/\[Timer\]\nOnCalendar=\nOnCalendar=/);
				expect(out.get(`deploy/${p.timer}`)).toContain(`systemctl edit ${p.timer}`);
			}
			expect(out.get(`deploy/${p.unit}`)).toContain(`systemctl edit ${p.unit}`);
		}
	});
});

