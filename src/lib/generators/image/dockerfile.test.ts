import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { APP_PORT, APP_USER, CONTAINER_VENV, HEALTH_PATH, collectStatic, facts, serveArgv } from '../../model/derive.ts';
import { presetById } from '../../model/presets.ts';
import { validateConfig } from '../../model/validate.ts';
import { generate } from '../index.ts';
import { DHI_PYTHON, TOOLS } from '../versions.ts';
import { CONTAINER_STATIC_ROOT, builderCollectStatic, dockerfile, ociLabels } from './dockerfile.ts';
import { lockCommand } from './common.ts';
import { dockerCases } from '../../../../tests/support/cases.ts';

interface Ins {
	keyword: string;
	args: string;
}

function instructions(text: string): Ins[] {
	return DockerfileParser.parse(text)
		.getInstructions()
		.map((i) => {
			// Whole instruction on one line (flags included), continuations joined.
			const raw = i.getTextContent().replace(/\\\r?\n\s*/g, ' ');
			return { keyword: i.getKeyword(), args: raw.slice(raw.indexOf(' ') + 1).trim() };
		});
}

function stages(text: string): Ins[][] {
	const out: Ins[][] = [];
	for (const i of instructions(text)) {
		if (i.keyword === 'FROM') out.push([]);
		out.at(-1)?.push(i);
	}
	return out;
}

function text(config: Parameters<typeof dockerfile>[0]): string {
	const files = dockerfile(config);
	expect(files).toHaveLength(1);
	return files[0].content;
}

const cases = dockerCases();

describe('Dockerfile, every preset x manager x services', () => {
	it.each(cases.filter((c) => facts(c.config).deploys).map((c) => [c.name, c.config] as const))('%s passes dockerfile-utils validate() and agrees with derive.ts', (_name, config) => {
		const df = text(config);
		expect(validate(df)).toEqual([]);
		expect(df.startsWith('# syntax=docker/dockerfile:1\n')).toBe(true);

		const [builder, runtime] = stages(df);
		expect(stages(df)).toHaveLength(2);
		// Same base image in both stages (the venv's interpreter link must resolve).
		// With the Debian release in the tag (-slim-trixie), as uv's Docker guide writes it.
		expect(builder[0].args).toBe('python:${PYTHON_VERSION}-slim-trixie AS builder');
		expect(runtime[0].args).toBe('python:${PYTHON_VERSION}-slim-trixie AS runtime');
		expect(df).toContain(`ARG PYTHON_VERSION=${config.project.pythonVersion}\n`);

		// Runtime: only the venv (and Django's collected static files), as the fixed non-root user.
		const copies = runtime.filter((i) => i.keyword === 'COPY').map((i) => i.args);
		const django = collectStatic(config);
		expect(copies).toEqual([`--from=builder ${CONTAINER_VENV} ${CONTAINER_VENV}`, ...(django ? [`--from=builder ${CONTAINER_STATIC_ROOT} ${CONTAINER_STATIC_ROOT}`] : [])]);
		// Issue 14.7: the builder runs derive.ts collectStatic() with the venv's python, after the
		// project is installed, with its env only (no secret), and the runtime copies its STATIC_ROOT.
		const runs = builder.filter((i) => i.keyword === 'RUN').map((i) => i.args);
		const cs = builderCollectStatic(config);
		if (cs) {
			expect(runs.at(-1)).toBe([...Object.entries(cs.env).map(([k, v]) => `${k}=${v}`), ...cs.argv].join(' '));
			expect(cs.argv).toEqual([`${CONTAINER_VENV}/bin/python`, ...django!.argv.slice(1)]);
			expect(Object.keys(cs.env)).toEqual(['DJANGO_SETTINGS_MODULE']);
		} else expect(df).not.toContain('collectstatic');
		expect(runtime.find((i) => i.keyword === 'USER')?.args).toBe(`${APP_USER.uid}:${APP_USER.gid}`);
		expect(df).toContain(`useradd --system --uid ${APP_USER.uid} --gid ${APP_USER.gid} --no-create-home`);
		expect(df).toContain(`PATH=${CONTAINER_VENV}/bin:$PATH`);
		expect(df).toMatch(/PYTHONDONTWRITEBYTECODE=1/);
		expect(df).toMatch(/PYTHONUNBUFFERED=1/);
		// The manager never reaches the runtime stage.
		const runtimeText = runtime.map((i) => `${i.keyword} ${i.args}`).join('\n');
		expect(runtimeText).not.toMatch(/\buv\b|poetry|pip install/);

		// Lock check before any install.
		const lock = config.packaging.manager === 'uv' ? 'uv.lock' : config.packaging.manager === 'poetry' ? 'poetry.lock' : 'requirements.txt';
		const b = builder.map((i) => `${i.keyword} ${i.args}`);
		const check = b.findIndex((l) => l.startsWith(`RUN test -f ${lock} ||`));
		const firstInstall = b.findIndex((l) => /uv sync|poetry install|pip install --requirement/.test(l));
		const copyAll = b.indexOf('COPY . .');
		expect(check).toBeGreaterThan(0);
		expect(b[check - 1]).toBe(`COPY pyproject.toml ${lock}* ./`);
		expect(b[check]).toContain(`${lock} is missing`);
		expect(check).toBeLessThan(firstInstall);
		// Dependencies before the source (layer caching), project after.
		expect(firstInstall).toBeLessThan(copyAll);
		expect(b.slice(copyAll + 1).join('\n')).toMatch(/uv sync --locked --no-editable|poetry build --format wheel|pip install --no-deps \./);

		// Serving: exec form from serveArgv; port and health path from derive.ts.
		const f = facts(config);
		const cmd = runtime.find((i) => i.keyword === 'CMD');
		const entry = runtime.find((i) => i.keyword === 'ENTRYPOINT');
		if (config.project.kind === 'cli') {
			expect(JSON.parse(entry!.args)).toEqual(serveArgv(config));
			expect(JSON.parse(cmd!.args)).toEqual(['--help']);
		} else {
			expect(entry).toBeUndefined();
			expect(JSON.parse(cmd!.args)).toEqual(serveArgv(config));
		}
		const expose = runtime.filter((i) => i.keyword === 'EXPOSE').map((i) => i.args);
		const health = runtime.find((i) => i.keyword === 'HEALTHCHECK');
		if (f.isWeb) {
			expect(expose).toEqual([String(APP_PORT)]);
			expect(serveArgv(config).join(' ')).toContain(String(APP_PORT));
			expect(health?.args).toContain(`http://127.0.0.1:${APP_PORT}${HEALTH_PATH}`);
			expect(health?.args).toMatch(/CMD \["python", "-c", /);
		} else {
			expect(expose).toEqual([]);
			expect(health).toBeUndefined();
		}

		// Never a secret in ARG or ENV (BuildKit check SecretsUsedInArgOrEnv).
		const secretNames = [...f.env, ...f.composeEnv].filter((v) => v.secret).map((v) => v.name);
		for (const i of instructions(df).filter((x) => x.keyword === 'ARG' || x.keyword === 'ENV'))
			for (const s of [...secretNames, 'SECRET', 'PASSWORD', 'TOKEN']) expect(i.args).not.toContain(s);
	});
});

describe('Dockerfile per manager', () => {
	const fastapi = () => presetById('fastapi-service')!.config();

	it('uv: pinned uv image, the guide\'s environment, two locked non-editable syncs with a cache mount', () => {
		const df = text(fastapi());
		expect(df).toContain(`COPY --from=ghcr.io/astral-sh/uv:${TOOLS.uv} /uv /uvx /bin/\n`);
		for (const v of ['UV_COMPILE_BYTECODE=1', 'UV_LINK_MODE=copy', 'UV_NO_DEV=1', 'UV_PYTHON_DOWNLOADS=0']) expect(df).toContain(v);
		expect(df).toContain('RUN --mount=type=cache,target=/root/.cache/uv \\\n    uv sync --locked --no-install-project --no-editable\n');
		expect(df).toContain('RUN --mount=type=cache,target=/root/.cache/uv \\\n    uv sync --locked --no-editable\n');
	});

	it('poetry: pinned Poetry in the builder, in-project venv, deps without the root, the project as a wheel', () => {
		const c = fastapi();
		c.packaging = { ...c.packaging, manager: 'poetry', backend: 'poetry-core', poetryLayout: 'poetry2', pipWorkflow: 'requirements' };
		const df = text(c);
		expect(df).toContain(`pip install poetry==${TOOLS.poetry}`);
		for (const v of ['POETRY_NO_INTERACTION=1', 'POETRY_VIRTUALENVS_IN_PROJECT=1', 'POETRY_VIRTUALENVS_CREATE=1']) expect(df).toContain(v);
		expect(df).toContain('poetry install --only main --no-root --no-directory --compile');
		// Never `poetry install` of the root (editable .pth into /app/src).
		expect(instructions(df).filter((i) => i.args.includes('poetry install'))).toHaveLength(1);
		expect(df).toContain(`poetry build --format wheel --output /tmp/dist \\\n    && ${CONTAINER_VENV}/bin/python -m pip install --no-deps --no-index /tmp/dist/*.whl`);
	});

	it('pip: a venv, requirements with a cache mount, the project without deps, then pip check', () => {
		const c = presetById('flask-app')!.config();
		const df = text(c);
		expect(df).toContain(`RUN python -m venv ${CONTAINER_VENV}`);
		expect(df).toContain('RUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install --requirement requirements.txt\n');
		expect(df).toContain('pip install --no-deps . \\\n    && pip check');
		expect(df).toContain("echo 'error: requirements.txt is missing: write it");
		c.packaging.pipWorkflow = 'pip-tools';
		expect(lockCommand(c)).toMatch(/^pip-compile .*requirements\.in$/);
		expect(text(c)).toContain(`requirements.txt is missing: run "${lockCommand(c)}"`);
	});

	it('Django sets DJANGO_SETTINGS_MODULE (django-admin migrate / runserver need it)', () => {
		expect(text(presetById('django-app')!.config())).toContain('DJANGO_SETTINGS_MODULE=django_app.settings');
		expect(text(fastapi())).not.toContain('DJANGO_SETTINGS_MODULE');
	});

	it('pins both stages by digest when one is set', () => {
		const c = fastapi();
		c.docker.baseImageDigest = `sha256:${'0123456789abcdef'.repeat(4)}`;
		const df = text(c);
		expect(validate(df)).toEqual([]);
		expect(df.match(/^FROM python:\$\{PYTHON_VERSION\}-slim-trixie@sha256:[0-9a-f]{64} AS (builder|runtime)$/gm)).toHaveLength(2);
	});
});

describe('Dockerfile on Docker Hardened Images (docker.baseImage dhi), every preset x manager x services', () => {
	const dhiCases = cases
		.filter((c) => facts(c.config).deploys)
		.map((c) => {
			const config = structuredClone(c.config);
			config.docker.baseImage = 'dhi';
			return [c.name, config] as const;
		});
	it.each(dhiCases)('%s: -dev builder, shell-less runtime with no RUN, the image\'s own nonroot, exec forms only', (_name, config) => {
		expect(validateConfig(config)).toEqual([]);
		const df = text(config);
		expect(validate(df)).toEqual([]);
		const [builder, runtime] = stages(df);
		expect(stages(df)).toHaveLength(2);
		expect(builder[0].args).toBe(`${DHI_PYTHON.repository}:\${PYTHON_VERSION}-debian13-dev AS builder`);
		expect(runtime[0].args).toBe(`${DHI_PYTHON.repository}:\${PYTHON_VERSION}-debian13 AS runtime`);
		// The runtime image has no shell: nothing may run there, and no user can be added.
		expect(runtime.filter((i) => i.keyword === 'RUN')).toEqual([]);
		expect(df).not.toMatch(/useradd|groupadd/);
		expect(runtime.find((i) => i.keyword === 'USER')?.args).toBe(`${DHI_PYTHON.user.uid}:${DHI_PYTHON.user.gid}`);
		// Every command of the runtime stage is a JSON exec-form array (no /bin/sh -c).
		for (const i of runtime.filter((x) => ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(x.keyword))) {
			const argv = i.keyword === 'HEALTHCHECK' ? i.args.slice(i.args.indexOf('CMD ') + 4) : i.args;
			expect(Array.isArray(JSON.parse(argv))).toBe(true);
		}
		const health = runtime.find((i) => i.keyword === 'HEALTHCHECK');
		if (facts(config).isWeb) expect(health?.args).toContain(`CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${APP_PORT}${HEALTH_PATH}', timeout=4)"]`);
		else expect(health).toBeUndefined();
		// Django's collectstatic runs in the builder; the runtime only copies its output.
		if (collectStatic(config)) {
			expect(builder.filter((i) => i.keyword === 'RUN').at(-1)?.args).toContain('collectstatic');
			expect(runtime.map((i) => i.args)).toContain(`--from=builder ${CONTAINER_STATIC_ROOT} ${CONTAINER_STATIC_ROOT}`);
		}
		// uv uses the interpreter both DHI stages have (/usr/bin/python3), never a downloaded one.
		if (config.packaging.manager === 'uv') expect(df).toContain(`UV_PYTHON=${DHI_PYTHON.python} \\\n`);
		expect(df).toContain('docker login dhi.io');
	});

	it('the same config on python-slim keeps its RUN useradd and /usr/local/bin/python3', () => {
		const c = presetById('fastapi-service')!.config();
		expect(text(c)).toContain('UV_PYTHON=/usr/local/bin/python3');
		expect(text(c)).toContain('useradd');
		c.docker.baseImage = 'dhi';
		expect(text(c)).not.toContain('/usr/local/bin/python3');
	});

	it('a digest pins the runtime image only (the -dev builder is another image)', () => {
		const c = presetById('fastapi-service')!.config();
		c.docker.baseImage = 'dhi';
		c.docker.baseImageDigest = `sha256:${'0123456789abcdef'.repeat(4)}`;
		const df = text(c);
		expect(validate(df)).toEqual([]);
		expect(df).toMatch(/^FROM dhi\.io\/python:\$\{PYTHON_VERSION\}-debian13@sha256:[0-9a-f]{64} AS runtime$/m);
		expect(df).toMatch(/^FROM dhi\.io\/python:\$\{PYTHON_VERSION\}-debian13-dev AS builder$/m);
	});
});

describe('Dockerfile: applicability and user text', () => {
	it('is written for docker, kubernetes and Cloud Run, never for AWS Lambda, bare metal or a library', () => {
		const c = presetById('fastapi-service')!.config();
		const paths = () => generate(c).map((f) => f.path);
		for (const t of ['docker', 'kubernetes'] as const) {
			c.target = t;
			expect(paths()).toContain('Dockerfile');
		}
		c.target = 'serverless';
		c.serverless.provider = 'cloud-run';
		expect(paths()).toContain('Dockerfile');
		expect(paths()).not.toContain('compose.yaml');
		c.serverless.provider = 'aws-lambda';
		expect(paths()).not.toContain('Dockerfile');
		c.target = 'bare-metal';
		expect(paths()).not.toContain('Dockerfile');
		const lib = presetById('library')!.config();
		lib.target = 'docker';
		expect(generate(lib).map((f) => f.path).filter((p) => /docker|compose/i.test(p))).toEqual([]);
	});

	it('escapes hostile metadata in LABELs and still validates', () => {
		const c = presetById('fastapi-service')!.config();
		c.project.description = 'Quotes " and \\ and $HOME and ${X} `id`';
		c.project.authorName = 'O\'Brien "Bob" $USER';
		c.project.url = 'https://example.com/a$b';
		expect(validateConfig(c)).toEqual([]);
		const df = text(c);
		expect(validate(df)).toEqual([]);
		expect(df).toContain('org.opencontainers.image.description="Quotes \\" and \\\\ and \\$HOME and \\${X} `id`"');
		expect(df).toContain('org.opencontainers.image.source="https://example.com/a\\$b"');
		const labels = DockerfileParser.parse(df)
			.getInstructions()
			.filter((i) => i.getKeyword() === 'LABEL') as unknown as { getProperties(): { getName(): string }[] }[];
		expect(labels.flatMap((l) => l.getProperties().map((p) => p.getName()))).toEqual(ociLabels(c).map(([k]) => k));
	});

	it('is deterministic', () => {
		const c = presetById('django-app')!.config();
		expect(text(c)).toBe(text(structuredClone(c)));
	});
});
