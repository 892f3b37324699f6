/**
 * The SQLAlchemy + Alembic layer (issue 20.1): present only with
 * services.sqlalchemy, ruff-clean under the project's own settings, one URL
 * (DATABASE_URL through the settings), migrations inside the package, and the
 * model facts (migrate command, readiness path) every target reads.
 */
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../model/config.ts';
import { facts } from '../../model/derive.ts';
import { PRESETS } from '../../model/presets.ts';
import { migrateCommand, readinessPath, READY_PATH } from '../../model/runtime.ts';
import { validateConfig } from '../../model/validate.ts';
import { generate } from '../index.ts';
import { pyproject } from '../pyproject.ts';
import { DEPS } from '../versions.ts';

function preset(id: string, sqlalchemy: boolean): Config {
	const c = PRESETS.find((p) => p.id === id)!.config();
	c.services = { ...c.services, postgres: true, sqlalchemy };
	return c;
}

function ruffFor(config: Config): Workspace {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const ruff = (parse(pyproject(config)[0].content) as any).tool.ruff;
	return new Workspace({ 'line-length': ruff['line-length'], 'target-version': ruff['target-version'], lint: { select: ruff.lint.select, isort: ruff.lint.isort }, format: ruff.format }, PositionEncoding.Utf16);
}

describe('SQLAlchemy + Alembic', () => {
	for (const id of ['fastapi-service', 'flask-app']) {
		it(`${id}: db.py, models, migrations, alembic.ini and the db test, ruff-clean`, { timeout: 60_000 }, () => {
			const c = preset(id, true);
			expect(validateConfig(c)).toEqual([]);
			const f = facts(c);
			const files = generate(c);
			const paths = files.map((x) => x.path);
			for (const p of ['alembic.ini', `${f.pkgDir}/db.py`, `${f.pkgDir}/models.py`, `${f.pkgDir}/migrate.py`, `${f.pkgDir}/migrations/env.py`, `${f.pkgDir}/migrations/script.py.mako`, `${f.pkgDir}/migrations/versions/0001_create_items.py`, 'tests/test_db.py'])
				expect(paths, p).toContain(p);
			const ws = ruffFor(c);
			for (const file of files.filter((x) => x.path.endsWith('.py'))) {
				const diagnostics = (ws.check(file.content) as { code: string; message: string; start_location: { row: number } }[]).map((d) => `${file.path}:${d.start_location.row} ${d.code} ${d.message}`);
				expect(diagnostics).toEqual([]);
				expect(ws.format(file.content), `${file.path} is not ruff-formatted`).toBe(file.content);
			}
			const ini = files.find((x) => x.path === 'alembic.ini')!.content;
			// One URL: no sqlalchemy.url in alembic.ini; env.py takes the app's engine (built from the settings).
			expect(ini).not.toMatch(/sqlalchemy\.url|postgres(ql)?:\/\//);
			expect(ini).toMatch(new RegExp(`^script_location = ${f.pkg}:migrations$`, 'm'));
			const env = files.find((x) => x.path === `${f.pkgDir}/migrations/env.py`)!.content;
			expect(env).toContain(`from ${f.pkg}.db import get_engine`);
			const db = files.find((x) => x.path === `${f.pkgDir}/db.py`)!.content;
			expect(db).toContain('get_settings().database_url');
			expect(db).toContain('drivername="postgresql+psycopg"');
			const app = files.find((x) => x.path === `${f.pkgDir}/${id === 'flask-app' ? 'app' : 'main'}.py`)!.content;
			expect(app).toContain(`"${READY_PATH}"`);
			expect(app).toContain('503');
			const toml = files.find((x) => x.path === 'pyproject.toml')!.content;
			expect(toml).toContain(DEPS.sqlalchemy);
			expect(toml).toContain(DEPS.alembic);
		});

		it(`${id}: nothing of it when services.sqlalchemy is off`, () => {
			const c = preset(id, false);
			const paths = generate(c).map((x) => x.path);
			expect(paths.filter((p) => /alembic|migrat|db\.py|models\.py/.test(p))).toEqual([]);
			expect(readinessPath(c)).toBeNull();
			expect(migrateCommand(c)).toBeNull();
		});
	}

	it('the migrate command: Django migrate, the package migrate module for Alembic, none otherwise', () => {
		expect(migrateCommand(PRESETS.find((p) => p.id === 'django-app')!.config())?.argv).toEqual(['python', '-m', 'django', 'migrate', '--noinput']);
		const c = preset('fastapi-service', true);
		expect(migrateCommand(c)).toMatchObject({ tool: 'alembic', argv: ['python', '-m', `${facts(c).pkg}.migrate`] });
		expect(readinessPath(c)).toBe(READY_PATH);
	});

	it('every target runs the one migrate command once per deploy, never at start; readiness is the Kubernetes readinessProbe', { timeout: 60_000 }, async () => {
		const { load } = await import('js-yaml');
		const c = preset('fastapi-service', true);
		const argv = ['python', '-m', `${facts(c).pkg}.migrate`];
		const on = (target: Config['target'], provider?: 'aws-lambda' | 'cloud-run') => {
			const x = structuredClone(c);
			x.target = target;
			if (provider) x.serverless.provider = provider;
			expect(validateConfig(x)).toEqual([]);
			return new Map(generate(x).map((f) => [f.path, f.content]));
		};
		const k8s = on('kubernetes');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const job = load(k8s.get('deploy/kubernetes/migrate/migrate-job.yaml')!) as any;
		expect(job.spec.template.spec.containers[0].command).toEqual(argv);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const app = load(k8s.get('deploy/kubernetes/deployment.yaml')!) as any;
		const container = app.spec.template.spec.containers[0];
		expect(container.readinessProbe.httpGet.path).toBe(READY_PATH);
		expect(container.livenessProbe.httpGet.path).toBe('/health');
		expect(container.command ?? []).not.toContain(argv[2]);
		expect(on('bare-metal').get('deploy/install.sh')).toContain(`"$VENV/bin/python" -m ${facts(c).pkg}.migrate`);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const compose = load(on('docker').get('compose.yaml')!) as any;
		expect(compose.services.migrate).toMatchObject({ profiles: ['migrate'], command: argv });
		expect(compose.services.app.command ?? []).not.toContain(argv[2]);
		const lambda = on('serverless', 'aws-lambda');
		expect(lambda.get(`${facts(c).pkgDir}/lambda_handler.py`)).toContain('if event.get("migrate") is True:');
		// Both frameworks' handlers with the migrate event stay ruff-clean (Flask's first was 103 columns).
		for (const id of ['fastapi-service', 'flask-app']) {
			const x = preset(id, true);
			x.target = 'serverless';
			x.serverless.provider = 'aws-lambda';
			const handler = generate(x).find((f) => f.path === `${facts(x).pkgDir}/lambda_handler.py`)!.content;
			const ws = ruffFor(x);
			expect((ws.check(handler) as { code: string }[]).map((d) => d.code), id).toEqual([]);
			expect(ws.format(handler), id).toBe(handler);
		}
		expect(lambda.get('deploy/aws-lambda/README.md')).toContain(`--payload '{"migrate": true}'`);
		const run = on('serverless', 'cloud-run').get('deploy/cloud-run/README.md')!;
		expect(run).toContain(`gcloud run jobs deploy ${c.project.name}-migrate`);
		expect(run).toContain(`--args=-m,${facts(c).pkg}.migrate`);
	});

	it('setuptools ships script.py.mako (package-data); the other backends take the package folder whole', () => {
		const c = preset('flask-app', true);
		c.packaging = { ...c.packaging, manager: 'pip', backend: 'setuptools' };
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const doc = parse(pyproject(c)[0].content) as any;
		expect(doc.tool.setuptools['package-data'][facts(c).pkg]).toContain('migrations/script.py.mako');
	});
});
