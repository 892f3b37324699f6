/**
 * .devcontainer/devcontainer.json (issue 20.3): written for every configuration,
 * with the devcontainers image of the config's Python (or the newest one and the
 * Python feature where none is published), the manager installed, the README's
 * set-up as postCreateCommand, and the compose services when the project has
 * PostgreSQL or Redis. The file is checked against the spec's schema by the
 * devcontainer validator (tests/validate/devcontainer.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { generate } from './index.ts';
import { presetById } from '../model/presets.ts';
import { PYTHON_VERSIONS, type Config } from '../model/config.ts';
import { APP_PORT, facts } from '../model/derive.ts';
import { fullMatrix } from '../../../tests/validate/matrix.ts';
import { DEVCONTAINER_COMPOSE_PATH, DEVCONTAINER_PATH, devImage } from './devcontainer.ts';
import { setupSteps } from './setup-steps.ts';
import { CHECKED, DEVCONTAINER, IMAGE_TAGS, TOOLS } from './versions.ts';
import { POSTGRES_IMAGE, REDIS_IMAGE } from './targets/docker/compose.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fileOf = (config: Config, path: string) => generate(config).find((f) => f.path === path);
const docOf = (config: Config): Doc => JSON.parse(fileOf(config, DEVCONTAINER_PATH)!.content);
const preset = (id: string) => presetById(id)!.config();

describe('devcontainer.json', () => {
	const valid = fullMatrix().filter((e) => !e.invalid.length);

	it('is written for every matrix configuration (library and CLI included), as JSON', () => {
		expect(valid.length).toBeGreaterThan(100);
		const kinds = new Set<string>();
		for (const e of valid) {
			const f = fileOf(e.config, DEVCONTAINER_PATH);
			expect(f, e.id).toBeDefined();
			expect(f!.content.endsWith('}\n')).toBe(true);
			expect(JSON.parse(f!.content).name).toBe(e.config.project.name);
			kinds.add(e.config.project.kind);
		}
		expect([...kinds].sort()).toEqual(['cli', 'library', 'service', 'worker']);
	});

	it('names the recorded devcontainers image of the config\'s Python; 3.15 (none published) gets the newest image and the Python feature', () => {
		const images = new Set(IMAGE_TAGS.map((i) => i.image));
		for (const py of PYTHON_VERSIONS) {
			const c = preset('library');
			c.project.pythonVersion = py;
			const d = docOf(c);
			expect(images.has(d.image), d.image).toBe(true);
			if (DEVCONTAINER.pythons.includes(py)) {
				expect(d.image).toBe(`mcr.microsoft.com/devcontainers/python:${py}-trixie`);
				expect(d.features).toBeUndefined();
			} else {
				expect(py).toBe('3.15');
				expect(d.image).toBe('mcr.microsoft.com/devcontainers/python:3.14-trixie');
				expect(d.features).toEqual({ 'ghcr.io/devcontainers/features/python:1': { version: '3.15', installTools: false } });
			}
		}
	});

	it('installs the pinned manager with pipx, then runs the README\'s set-up steps', () => {
		for (const [manager, backend, install] of [
			['uv', 'uv_build', `pipx install uv==${TOOLS.uv}`],
			['poetry', 'poetry-core', `pipx install poetry==${TOOLS.poetry}`],
			['pip', 'hatchling', undefined]
		] as const) {
			const c = preset('cli-tool');
			c.packaging.manager = manager;
			c.packaging.backend = backend;
			const d = docOf(c);
			expect(d.onCreateCommand, manager).toBe(install);
			const steps = setupSteps(c).map((s) => s.cmd);
			expect(d.postCreateCommand).toBe(steps.join(' && '));
			const readme = fileOf(c, 'README.md')!.content;
			for (const s of steps) expect(readme, s).toContain(s);
		}
		const uv = preset('library');
		expect(docOf(uv).postCreateCommand).toBe('uv lock && uv sync');
	});

	it('forwards the app port for a service only, and adds the Python extension', () => {
		expect(docOf(preset('fastapi-service')).forwardPorts).toEqual([APP_PORT]);
		expect(docOf(preset('cli-tool')).forwardPorts).toBeUndefined();
		expect(docOf(preset('library')).customizations).toEqual({ vscode: { extensions: ['ms-python.python'] } });
	});

	it('without PostgreSQL or Redis: an image, no compose file', () => {
		const c = preset('fastapi-service');
		c.services.postgres = false;
		c.services.redis = false;
		const d = docOf(c);
		expect(d.image).toBe(devImage(c).image);
		expect(d.dockerComposeFile).toBeUndefined();
		expect(fileOf(c, DEVCONTAINER_COMPOSE_PATH)).toBeUndefined();
	});

	it.each(['docker', 'kubernetes', 'bare-metal'] as const)('with PostgreSQL and Redis (%s): joins its compose file\'s dev service, which reaches them with .env.example\'s credentials', (target) => {
		const c = preset('fastapi-service');
		c.target = target;
		c.services.postgres = true;
		c.services.redis = true;
		const d = docOf(c);
		expect(d.image).toBeUndefined();
		expect(d).toMatchObject({ dockerComposeFile: ['compose.yaml'], service: 'dev', runServices: ['dev', 'postgres', 'redis'], workspaceFolder: '/workspace' });
		const y = load(fileOf(c, DEVCONTAINER_COMPOSE_PATH)!.content) as Doc;
		expect(Object.keys(y.services)).toEqual(['dev', 'postgres', 'redis']);
		expect(y.services.dev.image).toBe(devImage(c).image);
		expect(y.services.dev.volumes).toEqual([{ type: 'bind', source: '..', target: '/workspace' }]);
		expect(y.services.postgres.image).toBe(POSTGRES_IMAGE);
		expect(y.services.redis.image).toBe(REDIS_IMAGE);
		const example = new URL(facts(c).env.find((v) => v.name === 'DATABASE_URL')!.example);
		const url = new URL(y.services.dev.environment.DATABASE_URL);
		expect(url.hostname).toBe('postgres');
		expect([url.username, url.password, url.pathname, url.port]).toEqual([example.username, example.password, example.pathname, example.port]);
		expect(y.services.postgres.environment).toEqual({ POSTGRES_USER: example.username, POSTGRES_PASSWORD: example.password, POSTGRES_DB: example.pathname.slice(1) });
		expect(new URL(y.services.dev.environment.REDIS_URL).hostname).toBe('redis');
	});

	it('a library with PostgreSQL and Redis chosen gets no compose file: nothing of it reads their URLs', () => {
		const c = preset('library');
		c.services.postgres = true;
		c.services.redis = true;
		expect(facts(c).env).toEqual([]);
		expect(docOf(c).image).toBe(devImage(c).image);
		expect(fileOf(c, DEVCONTAINER_COMPOSE_PATH)).toBeUndefined();
	});

	it('the README mentions it in one line, and among what Dependabot updates', () => {
		const lines = fileOf(preset('library'), 'README.md')!.content.split('\n').filter((l) => l.includes(DEVCONTAINER_PATH));
		expect(lines.filter((l) => !l.startsWith('Dependabot '))).toHaveLength(1);
		expect(lines.filter((l) => l.startsWith('Dependabot '))).toEqual([expect.stringContaining("the dev container's image and features (`.devcontainer/devcontainer.json`)")]);
	});
});

describe('the DEVCONTAINER record (versions.ts)', () => {
	it('names the commits it was read at, and the published Pythons it found', () => {
		expect(DEVCONTAINER.checked).toBe(CHECKED);
		expect(DEVCONTAINER.source).toMatch(/devcontainers\/images src\/python\/manifest\.json .*via fetch.* [0-9a-f]{40} \(2026-07-01/);
		for (const py of DEVCONTAINER.pythons) {
			expect(PYTHON_VERSIONS as readonly string[]).toContain(py);
			expect(DEVCONTAINER.evidence).toContain(`${py}-trixie`);
		}
		expect(DEVCONTAINER.evidence).toContain('no 3.15');
		expect(DEVCONTAINER.pythonFeature.source).toMatch(/devcontainers\/features .*via fetch.* [0-9a-f]{40}/);
		expect(DEVCONTAINER.pythonFeature.evidence).toMatch(/no uv or Poetry feature/);
		expect(DEVCONTAINER.vscodeEvidence).toContain('"ms-python.python"');
		expect(DEVCONTAINER.schema.sha).toMatch(/^[0-9a-f]{40}$/);
	});
});
