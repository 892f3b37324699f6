/**
 * Self-test of the dockerfile validator's structure checks (dockerfile-structure), on the
 * Dockerfiles Slipway generates: the Docker Hardened Images variant passes; the same file
 * with a RUN, a SHELL or a shell-form command in its shell-less runtime stage, or running as
 * root, or a server without a HEALTHCHECK, fails. No toolchain root needed.
 */
import { describe, expect, it } from 'vitest';
import { presetById } from '../../../src/lib/model/presets.ts';
import { dockerfile as generateDockerfile } from '../../../src/lib/generators/image/dockerfile.ts';
import type { Config } from '../../../src/lib/model/config.ts';
import { dockerfile, dockerfileStructure, shellLessImage } from './dockerfile.ts';

const text = (c: Config) => generateDockerfile(c)[0].content;
const dhi = (id: string): string => {
	const c = presetById(id)!.config();
	c.docker.baseImage = 'dhi';
	return text(c);
};
const structure = (content: string) => dockerfileStructure('Dockerfile', content).map((f) => f.message);
const check = async (content: string) => (await dockerfile.check([{ path: 'Dockerfile', content }], undefined as never)).map((f) => `${f.tool}: ${f.message}`);

describe('dockerfile validator: shell-less stages (Docker Hardened Images runtime)', () => {
	it('knows which bases have no shell', () => {
		expect(shellLessImage('dhi.io/python:${PYTHON_VERSION}-debian13')).toBe(true);
		expect(shellLessImage('dhi.io/python:3.13-debian13@sha256:' + '0'.repeat(64))).toBe(true);
		expect(shellLessImage('dhi.io/python:3.13')).toBe(true);
		expect(shellLessImage('dhi.io/python:${PYTHON_VERSION}-debian13-dev')).toBe(false);
		expect(shellLessImage('dhi.io/python:3.13-sfw-dev')).toBe(false);
		expect(shellLessImage('python:3.13-slim-trixie')).toBe(false);
		expect(shellLessImage('gcr.io/distroless/python3-debian12')).toBe(true);
		expect(shellLessImage('gcr.io/distroless/python3-debian12:debug')).toBe(false);
	});

	it.each(['fastapi-service', 'django-app', 'flask-app', 'cli-tool', 'worker'])('the generated %s DHI Dockerfile passes dockerfile-utils and the structure checks', async (id) => {
		expect(await check(dhi(id))).toEqual([]);
	});

	it('the python-slim Dockerfiles pass too (their runtime has a shell: RUN useradd is fine there)', async () => {
		for (const id of ['fastapi-service', 'django-app', 'cli-tool']) expect(await check(text(presetById(id)!.config()))).toEqual([]);
	});

	it('a RUN in the shell-less runtime stage fails, in the builder it does not', () => {
		const df = dhi('fastapi-service');
		const bad = df.replace('WORKDIR /app\n# Only the virtualenv', 'RUN mkdir -p /app/data\nWORKDIR /app\n# Only the virtualenv');
		expect(bad).not.toBe(df);
		expect(structure(bad)).toEqual([expect.stringMatching(/^RUN in stage runtime \(FROM dhi\.io\/python:\$\{PYTHON_VERSION\}-debian13\) has no shell/)]);
		// Exec-form RUN is refused too: nothing runs while a shell-less stage builds.
		expect(structure(df.replace('WORKDIR /app\n# Only the virtualenv', 'RUN ["python", "-V"]\nWORKDIR /app\n# Only the virtualenv'))).toHaveLength(1);
		// The python-slim runtime's RUN (useradd) is no finding.
		expect(structure(text(presetById('fastapi-service')!.config()))).toEqual([]);
	});

	it('a shell-form HEALTHCHECK, CMD or ENTRYPOINT in the shell-less stage fails', () => {
		const df = dhi('fastapi-service');
		const health = df.replace(/CMD \["python", "-c", .*\]\n/, 'CMD python -c "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"\n');
		expect(health).not.toBe(df);
		expect(structure(health)).toEqual([expect.stringMatching(/^HEALTHCHECK CMD in shell form in stage runtime/)]);
		const cmd = df.replace(/^CMD \[.*\]$/m, 'CMD uvicorn fastapi_service.main:app --host 0.0.0.0 --port 8000');
		expect(cmd).not.toBe(df);
		expect(structure(cmd)).toEqual([expect.stringMatching(/^CMD in shell form in stage runtime/)]);
		// Single quotes are not JSON: Docker runs that as shell form.
		const cli = dhi('cli-tool');
		const entry = cli.replace(/^ENTRYPOINT \["(.*)"\]$/m, "ENTRYPOINT ['$1']");
		expect(entry).not.toBe(cli);
		expect(structure(entry)).toEqual([expect.stringMatching(/^ENTRYPOINT in shell form in stage runtime/)]);
		expect(structure(df.replace('WORKDIR /app\n# Only', 'SHELL ["/bin/sh", "-c"]\nWORKDIR /app\n# Only'))).toEqual([expect.stringMatching(/^SHELL in stage runtime/)]);
	});

	it('a final stage that runs as root, sets no USER, or serves without a HEALTHCHECK fails', () => {
		const df = dhi('fastapi-service');
		expect(structure(df.replace('USER 65532:65532', 'USER root'))).toEqual(['USER root: the final stage runs as root']);
		expect(structure(df.replace('USER 65532:65532', 'USER 0:0'))).toEqual(['USER 0:0: the final stage runs as root']);
		// A USER only in the builder does not make the image non-root.
		const builderOnly = df.replace('USER 65532:65532\n', '').replace('WORKDIR /app\n\n# Dependencies', 'WORKDIR /app\nUSER 65532\n\n# Dependencies');
		expect(builderOnly).toContain('USER 65532\n');
		expect(structure(builderOnly)).toEqual([expect.stringMatching(/^the final stage sets no USER/)]);
		const noHealth = df.replace(/HEALTHCHECK [^\n]*\\\n[^\n]*\n/, '');
		expect(noHealth).not.toContain('HEALTHCHECK');
		expect(structure(noHealth)).toEqual([expect.stringMatching(/EXPOSEs a port but has no HEALTHCHECK/)]);
	});
});
