import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { describe, expect, test } from 'vitest';
import type { Config } from '../../model/config.ts';
import { APP_PORT, facts } from '../../model/derive.ts';
import { presetById } from '../../model/presets.ts';
import { validateConfig } from '../../model/validate.ts';
import { deployMatrix } from '../kubernetes/deploy-matrix.ts';
import { bareMetal, execStart, hostPaths } from './index.ts';
import { nginxArg, raw, writeNginx } from './nginx.ts';
import { shQuote } from './shell.ts';
import { envLine, unitArg, unitCommand, unitValue } from './systemd.ts';

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
		expect(unitArg('100%')).toBe('100%%');
		expect(unitArg('$HOME')).toBe('"$$HOME"');
		expect(unitArg('a b')).toBe('"a b"');
		expect(unitArg('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
		expect(unitArg(';')).toBe('";"');
		expect(unitArg('')).toBe('""');
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
			if (config.packaging.manager === 'uv') expect(sh).toContain('uv sync --locked --no-dev --no-editable');
			if (config.packaging.manager === 'poetry') expect(sh).toContain('poetry sync --only main');
			if (config.packaging.manager === 'pip') expect(sh).toContain('pip" install --no-cache-dir -r "$APP_DIR/requirements.txt"');
			if (f.isWeb) {
				expect(execStart(config).join(' ')).toMatch(config.project.framework === 'fastapi' ? `--host 127.0.0.1 --port ${APP_PORT}` : `--bind 127.0.0.1:${APP_PORT}`);
				expect(execStart(config)).not.toContain('0.0.0.0');
				const site = out.get(`deploy/nginx/${p.nginxFile}`)!;
				expect(site).toContain(`server 127.0.0.1:${APP_PORT};`);
				expect(site).toContain(`server_name ${config.bareMetal.domain};`);
				expect(site).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
				expect(site).toContain('return 301 https://$host$request_uri;');
				expect(site).toContain(`ssl_certificate ${p.cert};`);
				if (config.project.framework === 'django') expect(site).toContain(`alias ${p.staticDir}/;`);
			} else {
				expect([...out.keys()].some((k) => k.includes('nginx'))).toBe(false);
			}
			const gconf = out.get('deploy/gunicorn.conf.py');
			expect(gconf !== undefined).toBe(['flask', 'django'].includes(config.project.framework));
			if (gconf) {
				expect(ruff(gconf)).toEqual([]);
				expect(execStart(config).slice(0, 3)).toEqual([`${p.venv}/bin/gunicorn`, '--config', p.gunicornConf]);
			}
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
	});

	test('names too long for a Linux user are refused; libraries get nothing', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'bare-metal';
		c.project.name = 'a-really-long-project-name-for-a-user';
		expect(validateConfig(c).map((e) => e.path)).toContain('project.name');
		const lib = presetById('library')!.config();
		lib.target = 'bare-metal';
		expect(bareMetal(lib)).toEqual([]);
	});
});
