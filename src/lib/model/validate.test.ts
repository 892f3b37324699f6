import { describe, expect, it } from 'vitest';
import { defaultConfig } from './defaults.ts';
import { PRESETS } from './presets.ts';
import { parseAndValidate, readConfig, validateConfig } from './validate.ts';
import type { Config } from './config.ts';

const paths = (c: Config) => validateConfig(c).map((e) => e.path);
const edit = (f: (c: Config) => void) => {
	const c = defaultConfig();
	f(c);
	return c;
};

describe('presets', () => {
	it.each(PRESETS.map((p) => [p.id, p]))('%s is a complete, valid config', (_id, p) => {
		const c = p.config();
		expect(validateConfig(c)).toEqual([]);
		expect(readConfig(JSON.parse(JSON.stringify(c)))).toEqual({ ok: true, config: c });
	});
	it('has the required presets', () => {
		expect(PRESETS.map((p) => p.id)).toEqual(
			expect.arrayContaining(['fastapi-service', 'django-app', 'flask-app', 'cli-tool', 'library', 'worker'])
		);
	});
	it('returns fresh objects', () => {
		const a = PRESETS[0].config();
		a.project.dependencies.push('x');
		expect(PRESETS[0].config().project.dependencies).toEqual([]);
	});
});

describe('validateConfig', () => {
	it('accepts the defaults', () => expect(validateConfig(defaultConfig())).toEqual([]));

	it.each([
		['My App!', 'not a valid Python distribution name'],
		['', 'required'],
		['-lead', 'not a valid'],
		['3d-tools', 'starts with a digit'],
		['class', 'keyword'],
		['json', 'standard-library'],
		['fastapi', 'shadow the "fastapi" package'],
		['acme orders', 'not a valid']
	])('rejects the name %j', (name, fragment) => {
		const errors = validateConfig(edit((c) => (c.project.name = name)));
		expect(errors.map((e) => e.path)).toContain('project.name');
		expect(errors.find((e) => e.path === 'project.name')!.message).toContain(fragment);
	});

	it.each(['acme-orders', 'Acme.Orders', 'a', 'acme_orders2'])('accepts the name %j', (name) => {
		expect(paths(edit((c) => (c.project.name = name)))).toEqual([]);
	});

	it.each(['1.0', '0.1.0', '2!1.0', '1.0.0rc1', '1.0.post1', '1.0.dev0', '1.0a1'])('accepts the version %j', (v) => {
		expect(paths(edit((c) => (c.project.version = v)))).toEqual([]);
	});
	it.each(['', 'one', '1.0-beta', 'v1.0', '1..0', '1.0 '])('rejects the version %j', (v) => {
		expect(paths(edit((c) => (c.project.version = v)))).toContain('project.version');
	});

	it('gives an example in every message', () => {
		const errors = validateConfig(
			edit((c) => {
				c.project.name = 'x y';
				c.project.version = 'bad';
				c.project.authorEmail = 'nope';
				c.project.dependencies = ['requests>>2'];
				c.docker.image = 'UPPER/Case';
			})
		);
		expect(errors).toHaveLength(5);
		for (const e of errors) expect(e.message).toMatch(/e\.g\.|Example/);
	});

	it('reports duplicate and self dependencies with their index', () => {
		const errors = validateConfig(
			edit((c) => {
				c.project.dependencies = ['httpx>=0.27', 'HTTPX'];
				c.project.devDependencies = ['my-service'];
			})
		);
		expect(errors.map((e) => e.path)).toEqual(['project.dependencies.1', 'project.devDependencies.0']);
	});

	it('rejects control characters and newlines in free text', () => {
		for (const bad of ['a\nb', 'tab\there', 'nul\u0000', 'line\u2028sep']) {
			expect(paths(edit((c) => (c.project.description = bad)))).toContain('project.description');
		}
	});

	it('checks kind / framework / target combinations', () => {
		expect(paths(edit((c) => (c.project.framework = 'none')))).toContain('project.framework');
		expect(
			paths(
				edit((c) => {
					c.project.kind = 'cli';
				})
			)
		).toContain('project.framework');
		expect(
			paths(
				edit((c) => {
					c.project.kind = 'cli';
					c.project.framework = 'none';
					c.target = 'serverless';
				})
			)
		).toContain('target');
	});

	it('checks the backend fits the manager', () => {
		expect(paths(edit((c) => (c.packaging.backend = 'poetry-core')))).toContain('packaging.backend');
		expect(paths(edit((c) => (c.packaging.backend = 'hatchling')))).toEqual([]);
	});

	it('never changes the input', () => {
		const c = edit((c) => (c.project.name = '  spaced  '));
		const before = JSON.stringify(c);
		validateConfig(c);
		expect(JSON.stringify(c)).toBe(before);
	});
});

describe('readConfig (untrusted JSON)', () => {
	it('names unknown keys, wrong types and out-of-range numbers', () => {
		const r = readConfig({ ...defaultConfig(), extra: 1, kubernetes: { ...defaultConfig().kubernetes, replicas: 0 }, services: { postgres: 'yes', redis: false, sqlalchemy: false, celery: false } });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => e.path).sort()).toEqual(['extra', 'kubernetes.replicas', 'services.postgres']);
	});
	it('reports missing fields without a base', () => {
		const r = readConfig({ project: {} });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.some((e) => e.path === 'project.name' && e.message === 'is missing')).toBe(true);
	});
	it('fills missing fields from a base', () => {
		const r = readConfig({ project: { name: 'acme' } }, defaultConfig());
		expect(r.ok && r.config.project.name).toBe('acme');
		expect(r.ok && r.config.target).toBe('docker');
	});
	it('rejects non-objects and oversized text', () => {
		expect(readConfig(null).ok).toBe(false);
		expect(readConfig([]).ok).toBe(false);
		const r = readConfig({ project: { description: 'x'.repeat(100_000) } }, defaultConfig());
		expect(!r.ok && r.errors[0].message).toContain('at most 300');
	});
	it('rejects enum values it does not know', () => {
		const r = parseAndValidate({ packaging: { manager: 'conda' } }, defaultConfig());
		expect(!r.ok && r.errors[0]).toEqual({ path: 'packaging.manager', message: 'the text "conda" is not one of: poetry, uv, pip' });
	});
});

describe('project name length (generated code stays within ruff line length)', () => {
	it('accepts 60 characters and rejects 61', () => {
		expect(paths(edit((c) => (c.project.name = 'a'.repeat(60))))).not.toContain('project.name');
		const long = edit((c) => (c.project.name = 'a'.repeat(61)));
		expect(validateConfig(long).find((e) => e.path === 'project.name')?.message).toContain('at most 60');
	});
});

describe('Django needs a database that outlives the container', () => {
	it('refuses SQLite on docker, kubernetes and serverless, keeps it on bare metal', () => {
		for (const target of ['docker', 'kubernetes', 'serverless', 'bare-metal'] as const) {
			const c = edit((x) => {
				x.project.framework = 'django';
				x.target = target;
				x.services.postgres = false;
			});
			const msg = validateConfig(c).find((e) => e.path === 'services.postgres')?.message;
			if (target === 'bare-metal') expect(msg, target).toBeUndefined();
			else expect(msg, target).toMatch(/turn PostgreSQL on/);
		}
		const pg = edit((x) => ((x.project.framework = 'django'), (x.target = 'kubernetes'), (x.services.postgres = true)));
		expect(paths(pg)).not.toContain('services.postgres');
	});
});
