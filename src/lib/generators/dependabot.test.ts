import { load } from 'js-yaml';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../model/config.ts';
import { defaultConfig } from '../model/defaults.ts';
import { presetById } from '../model/presets.ts';
import { validateConfig } from '../model/validate.ts';
import { fullMatrix } from '../../../tests/validate/matrix.ts';
import { makeFileSet } from '../../../tests/validate/registry.ts';
import { checkDependabot } from '../../../tests/validate/validators/dependabot.ts';
import { pipCompile, pipUploadedPriorTo, uvExcludeNewer } from './cooldown.ts';
import { DEPENDABOT_PATH, composeDirectories, dependabot, ecosystems } from './dependabot.ts';
import { generate } from './index.ts';
import { DEPENDABOT_DEVCONTAINER } from './versions.ts';

type Doc = { version: number; updates: Record<string, any>[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

function config(preset: string, edit: (c: Config) => void = () => {}): Config {
	const c = presetById(preset)!.config();
	edit(c);
	expect(validateConfig(c)).toEqual([]);
	return c;
}
const doc = (c: Config): Doc => load(dependabot(c)[0].content) as Doc;
const file = (c: Config, path: string) => generate(c).find((f) => f.path === path);

describe('dependabot.yml (issue 16.2)', () => {
	it('is generated for every matrix configuration and passes the schema and the documented rules', () => {
		const entries = fullMatrix().filter((e) => e.invalid.length === 0);
		expect(entries.length).toBeGreaterThan(100);
		for (const e of entries) {
			const files = generate(e.config);
			const f = files.find((x) => x.path === DEPENDABOT_PATH);
			expect(f, e.id).toBeDefined();
			expect(checkDependabot(f!.path, f!.content, makeFileSet(files, e.config)), e.id).toEqual([]);
		}
	});

	it('names github-actions, docker where a Dockerfile ships, docker-compose where compose.yaml does, devcontainers, and the manager\'s ecosystem', () => {
		const svc = config('fastapi-service'); // uv, docker target
		expect(ecosystems(svc)).toEqual(['github-actions', 'docker', 'docker-compose', 'devcontainers', 'uv']);
		const k8s = config('fastapi-service', (c) => (c.target = 'kubernetes'));
		// Kubernetes has no compose.yaml, but the dev container's PostgreSQL/Redis compose file is there.
		expect(ecosystems(k8s)).toEqual(['github-actions', 'docker', 'docker-compose', 'devcontainers', 'uv']);
		expect(composeDirectories(k8s)).toEqual(['/.devcontainer']);
		expect(ecosystems(config('fastapi-service', (c) => {
			c.target = 'kubernetes';
			c.services.postgres = false;
			c.services.redis = false;
		}))).toEqual(['github-actions', 'docker', 'devcontainers', 'uv']);
		const lambda = config('fastapi-service', (c) => {
			c.target = 'serverless';
			c.serverless.provider = 'aws-lambda';
		});
		expect(ecosystems(lambda)).toEqual(['github-actions', 'docker-compose', 'devcontainers', 'uv']);
		expect(file(lambda, 'Dockerfile')).toBeUndefined();
		expect(ecosystems(config('library'))).toEqual(['github-actions', 'devcontainers', 'uv']);
		// Poetry and pip / pip-tools all go through Dependabot's pip ecosystem (poetry.lock, requirements.txt / .in).
		expect(ecosystems(config('django-app', (c) => (c.target = 'bare-metal'))).at(-1)).toBe('pip');
		expect(ecosystems(config('flask-app', (c) => (c.packaging.pipWorkflow = 'pip-tools'))).at(-1)).toBe('pip');
		// Each ecosystem's files are in the generated set.
		const files = generate(svc).map((f) => f.path);
		expect(files).toEqual(expect.arrayContaining(['Dockerfile', 'compose.yaml', '.devcontainer/compose.yaml', '.devcontainer/devcontainer.json', 'pyproject.toml', '.github/workflows/ci.yml']));
		expect(composeDirectories(svc)).toEqual(['/', '/.devcontainer']);
	});

	it('writes the dev container entries as versions.ts DEPENDABOT_DEVCONTAINER records them (dependabot-core fetchers)', () => {
		const d = doc(config('fastapi-service'));
		const dev = d.updates.find((u) => u['package-ecosystem'] === 'devcontainers')!;
		const compose = d.updates.find((u) => u['package-ecosystem'] === 'docker-compose')!;
		expect(DEPENDABOT_DEVCONTAINER.setting).toContain(`devcontainers (directory ${dev.directory})`);
		expect(DEPENDABOT_DEVCONTAINER.setting).toContain(`docker-compose directories [${compose.directories.join(', ')}]`);
		expect(DEPENDABOT_DEVCONTAINER.source).toMatch(/devcontainers\/file_fetcher\.rb @ [0-9a-f]{40}/);
	});

	it('gives every entry a weekly schedule, the cooldown in days and one minor+patch group', () => {
		const d = doc(config('fastapi-service'));
		expect(d.version).toBe(2);
		for (const u of d.updates) {
			if (u['package-ecosystem'] === 'docker-compose') expect(u.directories).toEqual(['/', '/.devcontainer']);
			else expect(u.directory).toBe('/');
			expect(u.schedule).toEqual({ interval: 'weekly' });
			expect(u.cooldown).toEqual({ 'default-days': 7 });
			expect(u.groups).toEqual({ 'minor-and-patch': { 'update-types': ['minor', 'patch'] } });
		}
		const d30 = doc(config('fastapi-service', (c) => (c.packaging.releaseCooldownDays = 30)));
		expect(d30.updates.map((u) => u.cooldown['default-days'])).toEqual([30, 30, 30, 30, 30]);
	});

	it('writes no cooldown block at 0 (Dependabot\'s default-days starts at 1)', () => {
		const c = config('fastapi-service', (x) => (x.packaging.releaseCooldownDays = 0));
		for (const u of doc(c).updates) expect(u).not.toHaveProperty('cooldown');
		expect(dependabot(c)[0].content).toMatch(/^# No cooldown/m);
		expect(checkDependabot(DEPENDABOT_PATH, dependabot(c)[0].content)).toEqual([]);
	});
});

describe('release cooldown in each manager\'s own syntax (issue 16.2)', () => {
	it('uv: [tool.uv] exclude-newer is a relative duration; required-version stays at the pinned minor', () => {
		const toml = (days: number) => parse(file(config('fastapi-service', (c) => (c.packaging.releaseCooldownDays = days)), 'pyproject.toml')!.content) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
		expect(toml(7).tool.uv['exclude-newer']).toBe('7 days');
		expect(toml(1).tool.uv['exclude-newer']).toBe('1 day');
		expect(toml(0).tool.uv).not.toHaveProperty('exclude-newer');
		// uv's documented friendly duration: "<n> day(s)" (docs/concepts/resolution.md, Dependency cooldowns).
		expect(toml(90).tool.uv['exclude-newer']).toMatch(/^[1-9]\d* days?$/);
		expect(toml(7).tool.uv['required-version']).toMatch(/^>=0\.(1[2-9]|[2-9]\d)/);
	});

	it('Poetry: poetry.toml [solver] min-release-age (a Poetry setting, not pyproject), requires-poetry >= 2.4 in the Poetry 2 layout', () => {
		const c = config('django-app');
		expect(parse(file(c, 'poetry.toml')!.content)).toEqual({ solver: { 'min-release-age': 7 } });
		expect(file(c, 'pyproject.toml')!.content).toMatch(/^requires-poetry = ">=2\.4"$/m);
		expect(file(c, 'pyproject.toml')!.content).not.toMatch(/min-release-age/);
		const classic = config('django-app', (x) => (x.packaging.poetryLayout = 'classic'));
		expect(parse(file(classic, 'poetry.toml')!.content)).toEqual({ solver: { 'min-release-age': 7 } });
		expect(file(config('django-app', (x) => (x.packaging.releaseCooldownDays = 0)), 'poetry.toml')).toBeUndefined();
		expect(file(config('fastapi-service'), 'poetry.toml')).toBeUndefined();
	});

	it('pip-tools: pip-compile gets --uploaded-prior-to PnD wherever the README, the .in files and CI name it', () => {
		const c = config('flask-app', (x) => (x.packaging.pipWorkflow = 'pip-tools'));
		expect(pipCompile(c, 'requirements.in')).toBe('pip-compile --strip-extras --uploaded-prior-to P7D requirements.in');
		const files = generate(c);
		const all = files.map((f) => f.content).join('\n');
		const compiles = all.match(/pip-compile [^\n`'"]*/g) ?? [];
		expect(compiles.length).toBeGreaterThan(3);
		for (const cmd of compiles) expect(cmd, cmd).toMatch(/--uploaded-prior-to P7D /);
	});

	it('hand-kept requirements: the installs that resolve (README setup, CI) pass --uploaded-prior-to', () => {
		const c = config('flask-app');
		const readme = file(c, 'README.md')!.content;
		expect(readme).toContain('python -m pip install --uploaded-prior-to P7D -r requirements-dev.txt -e .');
		expect(file(c, '.github/workflows/ci.yml')!.content).toContain('python -m pip install --uploaded-prior-to P7D -r requirements-dev.txt -e .');
		// pip >= 26.1 reads PnD; both upgrade pip first.
		expect(readme.indexOf('python -m pip install --upgrade pip')).toBeLessThan(readme.indexOf('--uploaded-prior-to'));
		const off = config('flask-app', (x) => (x.packaging.releaseCooldownDays = 0));
		expect(generate(off).some((f) => f.content.includes('--uploaded-prior-to'))).toBe(false);
	});

	it('formats each syntax from the one number', () => {
		const c = defaultConfig();
		c.packaging.releaseCooldownDays = 14;
		expect(uvExcludeNewer(c)).toBe('14 days');
		expect(pipUploadedPriorTo(c)).toBe('--uploaded-prior-to P14D ');
		c.packaging.releaseCooldownDays = 0;
		expect(uvExcludeNewer(c)).toBeNull();
		expect(pipUploadedPriorTo(c)).toBe('');
	});

	it('the README says what the cooldown does and how to take a release sooner, for the chosen manager', () => {
		const uv = file(config('fastapi-service'), 'README.md')!.content;
		expect(uv).toMatch(/## Dependency updates/);
		expect(uv).toMatch(/7 days/);
		expect(uv).toContain('exclude-newer-package');
		const poetry = file(config('django-app'), 'README.md')!.content;
		expect(poetry).toContain('min-release-age-exclude = "NAME"');
		const pip = file(config('flask-app'), 'README.md')!.content;
		expect(pip).toContain('P0D');
		// Docker Hardened Images: Dependabot needs credentials for dhi.io, and the README says how to give them.
		expect(uv).not.toContain('dhi.io');
		const dhi = file(config('fastapi-service', (c) => (c.docker.baseImage = 'dhi')), 'README.md')!.content;
		expect(dhi).toMatch(/Dependabot reads `dhi\.io` only with credentials/);
	});
});
