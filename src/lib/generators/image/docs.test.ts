import { describe, expect, it } from 'vitest';
import { APP_PORT, HEALTH_PATH } from '../../model/derive.ts';
import { presetById } from '../../model/presets.ts';
import { dockerDocs, dockerReadme } from './docs.ts';

describe('README.Docker.md', () => {
	it('puts the lock first, then build/run, compose and the end-to-end script', () => {
		const md = dockerReadme(presetById('fastapi-service')!.config());
		const order = ['## 1. Lock the dependencies first', 'uv lock', '## 2. Build and run the image', 'docker build -t ghcr.io/example/fastapi-service .', '## 3. Run the stack with Docker Compose', 'docker compose up --build   # development', 'docker compose -f compose.yaml up -d --build', 'tests/docker/run.sh'];
		const at = order.map((s) => md.indexOf(s));
		for (const [i, pos] of at.entries()) expect(pos, order[i]).toBeGreaterThanOrEqual(0);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(md).toContain(`-p 127.0.0.1:${APP_PORT}:${APP_PORT}`);
		expect(md).toContain(`curl http://127.0.0.1:${APP_PORT}${HEALTH_PATH}`);
	});

	it('tells each manager how to lock, and Django how to migrate', () => {
		const django = dockerReadme(presetById('django-app')!.config());
		expect(django).toContain('poetry lock');
		expect(django).toContain('docker compose --profile migrate run --rm migrate');
		expect(django).toContain('collectstatic');
		const flask = dockerReadme(presetById('flask-app')!.config());
		expect(flask).toContain('`requirements.txt`');
		expect(flask).toContain('pip check');
		expect(flask).not.toContain('migrate');
	});

	it('leaves out compose for other container targets, and the whole file for non-container ones', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'kubernetes';
		expect(dockerReadme(c)).not.toContain('docker compose');
		c.target = 'bare-metal';
		expect(dockerDocs(c)).toEqual([]);
	});

	it('says the Docker Hardened Images variant needs docker login dhi.io before the build, and why; python-slim does not', () => {
		const c = presetById('fastapi-service')!.config();
		const slim = dockerReadme(c);
		expect(slim).not.toContain('dhi.io');
		expect(slim).toContain(`\`python:${c.project.pythonVersion}-slim-trixie\``);
		c.docker.baseImage = 'dhi';
		const md = dockerReadme(c);
		const login = md.indexOf('```sh\ndocker login dhi.io\n```');
		expect(login).toBeGreaterThan(0);
		expect(login).toBeLessThan(md.indexOf('docker build -t'));
		expect(md).toContain('dhi.io serves them only to a signed-in client');
		expect(md).toContain(`\`dhi.io/python:${c.project.pythonVersion}-debian13-dev\``);
		expect(md).toContain('`nonroot` (UID 65532)');
		expect(md).toContain('`DOCKERHUB_USERNAME` and `DOCKERHUB_TOKEN`');
		expect(md).not.toContain('UID 10001');
	});

	it('keeps backticks in names from breaking out of code spans', () => {
		const c = presetById('cli-tool')!.config();
		expect(dockerReadme(c)).toContain('docker run --rm --env-file .env ghcr.io/example/cli-tool --help');
		c.project.name = 'a`b';
		expect(dockerReadme(c)).toContain('`a b`');
	});
});
