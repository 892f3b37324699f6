import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../model/config.ts';
import { defaultConfig } from '../../model/defaults.ts';
import { appTargets, facts } from '../../model/derive.ts';
import { PRESETS } from '../../model/presets.ts';
import { validateConfig } from '../../model/validate.ts';
import { pyproject } from '../pyproject.ts';
import type { GeneratedFile } from '../types.ts';
import { skeleton } from './index.ts';

/** Ruff configured exactly as the generated pyproject.toml configures it. */
function ruffFor(config: Config): Workspace {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const ruff = (parse(pyproject(config)[0].content) as any).tool.ruff;
	return new Workspace(
		{ 'line-length': ruff['line-length'], 'target-version': ruff['target-version'], lint: { select: ruff.lint.select, isort: ruff.lint.isort }, format: ruff.format },
		PositionEncoding.Utf16
	);
}

function configs(): [string, Config][] {
	const out: [string, Config][] = PRESETS.map((p) => [p.id, p.config()]);
	// Variants the presets do not cover: no backing services, or both; worker without Redis; longest names.
	const fastapiBare = defaultConfig();
	out.push(['fastapi without services', fastapiBare]);
	const djangoSqlite = PRESETS.find((p) => p.id === 'django-app')!.config();
	djangoSqlite.services = { postgres: false, redis: false, sqlalchemy: false, celery: false };
	djangoSqlite.target = 'bare-metal'; // SQLite in the service's StateDirectory; containers need PostgreSQL
	out.push(['django with sqlite', djangoSqlite]);
	const periodic = PRESETS.find((p) => p.id === 'worker')!.config();
	periodic.services = { postgres: true, redis: false, sqlalchemy: false, celery: false };
	out.push(['periodic worker', periodic]);
	const longName = PRESETS.find((p) => p.id === 'flask-app')!.config();
	longName.project.name = 'a'.repeat(59) + 'z';
	out.push(['60-character name (flask)', longName]);
	const longCli = PRESETS.find((p) => p.id === 'cli-tool')!.config();
	longCli.project.name = 'c' + '-x'.repeat(29) + 'y';
	longCli.services = { postgres: true, redis: true, sqlalchemy: false, celery: false };
	out.push(['60-character name (cli)', longCli]);
	for (const fw of ['fastapi', 'django'] as const) {
		const c = defaultConfig();
		c.project.name = 'q'.repeat(60);
		c.project.framework = fw;
		c.services = { postgres: true, redis: true, sqlalchemy: false, celery: false };
		out.push([`60-character name (${fw})`, c]);
	}
	// Celery (issue 20.2): its modules with the longest names, for each kind/framework layout.
	for (const [preset, name] of [['fastapi-service', 'f'.repeat(60)], ['django-app', 'd'.repeat(60)], ['flask-app', 'l'.repeat(60)], ['worker', 'w'.repeat(60)]] as const) {
		const c = PRESETS.find((p) => p.id === preset)!.config();
		c.project.name = name;
		c.services = { postgres: true, redis: true, sqlalchemy: false, celery: true };
		out.push([`60-character name (${preset} with Celery)`, c]);
	}
	return out;
}

const pyFiles = (files: GeneratedFile[]) => files.filter((f) => f.path.endsWith('.py'));

describe('Python skeleton', () => {
	for (const [id, config] of configs()) {
		it(`${id}: passes ruff check and is already ruff-formatted`, { timeout: 60_000 }, () => {
			expect(validateConfig(config)).toEqual([]);
			const ws = ruffFor(config);
			const files = pyFiles(skeleton(config));
			expect(files.length).toBeGreaterThan(3);
			for (const file of files) {
				const diagnostics = (ws.check(file.content) as { code: string; message: string; start_location: { row: number } }[]).map(
					(d) => `${file.path}:${d.start_location.row} ${d.code} ${d.message}`
				);
				expect(diagnostics).toEqual([]);
				expect(ws.format(file.content), `${file.path} is not ruff-formatted`).toBe(file.content);
			}
		});
	}

	it('places the modules where derive.ts says they are', () => {
		for (const [, config] of configs()) {
			const f = facts(config);
			const paths = skeleton(config).map((x) => x.path);
			expect(paths).toContain(`${f.pkgDir}/__init__.py`);
			expect(paths).toContain(`${f.pkgDir}/py.typed`);
			expect(paths).toContain(`${f.pkgDir}/__main__.py`);
			expect(paths).toContain('tests/conftest.py');
			expect(paths.some((p) => /^tests\/test_\w+\.py$/.test(p))).toBe(true);
			const { asgi, wsgi } = appTargets(config);
			for (const target of [asgi, wsgi, f.scriptTarget]) {
				if (!target) continue;
				const [mod, attr] = target.split(':');
				const file = skeleton(config).find((x) => x.path === `src/${mod.replace(/\./g, '/')}.py`);
				expect(file, target).toBeDefined();
				const name = attr.replace(/\(\)$/, '');
				expect(file!.content).toMatch(new RegExp(`^(def ${name}\\(|${name} = )`, 'm'));
			}
			expect(paths.includes('src/' + f.pkg + '/config.py')).toBe(f.hasSettings);
		}
	});

	it('Django: manage.py at the root, executable, pointing at <pkg>.settings; health without trailing slash', () => {
		const config = PRESETS.find((p) => p.id === 'django-app')!.config();
		const files = skeleton(config);
		const manage = files.find((f) => f.path === 'manage.py')!;
		expect(manage.mode).toBe(0o755);
		expect(manage.content.startsWith('#!/usr/bin/env python\n')).toBe(true);
		expect(manage.content).toContain('SETTINGS_MODULE = "django_app.settings"');
		expect(files.find((f) => f.path === 'src/django_app/urls.py')!.content).toContain('path("health", views.health');
		expect(files.find((f) => f.path === 'src/django_app/settings.py')!.content).toContain('get_settings()');
	});

	it('config.py types every variable of facts().env', () => {
		const config = PRESETS.find((p) => p.id === 'django-app')!.config();
		config.services.redis = true;
		const py = skeleton(config).find((f) => f.path.endsWith('/config.py'))!.content;
		expect(py).toContain('model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")');
		expect(py).toContain('    log_level: LogLevel = "INFO"\n');
		expect(py).toContain('    debug: bool = False\n');
		expect(py).toContain('    secret_key: SecretStr\n');
		// config.py's own PostgresUrl, not PostgresDsn (which rejects libpq's Unix-socket form): cloud-run.test.ts.
		expect(py).toContain('    database_url: PostgresUrl\n');
		expect(py).toContain('    redis_url: RedisDsn\n');
		expect(py).toContain('@lru_cache\ndef get_settings() -> Settings:');
		for (const v of facts(config).env) expect(py).toMatch(new RegExp(`^    ${v.field}: `, 'm'));
	});

	it('the service entry point runs the same server command as the deployment files', () => {
		const config = defaultConfig();
		const main = skeleton(config).find((f) => f.path === 'src/my_service/__main__.py')!.content;
		expect(main).toContain('"uvicorn",\n    "my_service.main:app",');
		expect(main).toContain('os.execv(sys.executable, [sys.executable, "-m", *SERVER_ARGV])');
	});

	it('is deterministic', () => {
		for (const [, config] of configs()) expect(skeleton(config)).toEqual(skeleton(structuredClone(config)));
	});
});
