/**
 * Self-tests of the harness: every validator accepts a good sample and
 * rejects a deliberately broken one, so a validator that silently passes
 * everything (or rejects everything) is caught. A validator added to the
 * registry without samples here fails the suite.
 */
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/lib/generators/types.ts';
import { defaultConfig } from '../../src/lib/model/defaults.ts';
import { generate } from '../../src/lib/generators/index.ts';
import type { Config } from '../../src/lib/model/config.ts';
import { coveringSlice, fullMatrix, TARGET_VARIANTS } from './matrix.ts';
import { formatFindings, makeFileSet, runValidator, unclaimedFiles, validateFileSet, VALIDATORS } from './registry.ts';
import { rootStatus } from './root.ts';

interface Sample {
	/** The file under test. */
	file: GeneratedFile;
	/** Other files of the set it needs (e.g. the Dockerfile a .dockerignore serves). */
	with?: GeneratedFile[];
	config?: Config;
}
const f = (path: string, content: string, mode?: number): GeneratedFile => ({ path, content, ...(mode ? { mode } : {}) });

/** A dependabot.yml as Slipway writes one (github-actions and pip, cooldown and the minor/patch group). */
const DEPENDABOT = `version: 2
updates:
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
    groups:
      minor-and-patch:
        update-types: [minor, patch]
  - package-ecosystem: pip
    directory: /
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
    groups:
      minor-and-patch:
        update-types: [minor, patch]
`;

const PYPROJECT = `[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "demo-app"
version = "0.1.0"
description = "Demo."
readme = "README.md"
requires-python = ">=3.12"
license = "MIT"
license-files = ["LICENSE"]
dependencies = ["httpx>=0.27"]
`;
const POETRY = `[build-system]
requires = ["poetry-core>=2.0"]
build-backend = "poetry.core.masonry.api"

[project]
name = "demo-app"
version = "0.1.0"
description = "Demo."
readme = "README.md"
requires-python = ">=3.12"
license = "MIT"
authors = [{ name = "Jane Doe", email = "jane@example.com" }]
dependencies = []

[tool.poetry]
packages = [{ include = "demo_app", from = "src" }]
`;
const DOCKERFILE = `FROM python:3.12-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir .
USER 10001
CMD ["demo"]
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: demo
spec:
  replicas: 2
  selector:
    matchLabels:
      app: demo
  template:
    metadata:
      labels:
        app: demo
    spec:
      containers:
        - name: app
          image: ghcr.io/example/demo:1.0.0
          ports:
            - containerPort: 8000
          resources:
            limits:
              memory: 256Mi
`;
const SAM = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  AppFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: .
      Handler: demo.lambda_handler.handler
      Runtime: python3.12
      MemorySize: 512
      Timeout: 30
      Events:
        Api:
          Type: HttpApi
Outputs:
  Url:
    Value: !Sub "https://\${ServerlessHttpApi}.execute-api.\${AWS::Region}.amazonaws.com/"
  Fn:
    Value: !GetAtt AppFunction.Arn
`;
const KNATIVE = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: demo
spec:
  template:
    spec:
      containerConcurrency: 80
      timeoutSeconds: 30
      containers:
        - image: europe-docker.pkg.dev/p/r/demo:1.0.0
          ports:
            - name: http1
              containerPort: 8000
          resources:
            limits:
              memory: 512Mi
              cpu: "1"
`;
const UNIT = `[Unit]
Description=Demo
After=network-online.target
Wants=network-online.target

[Service]
Type=exec
User=demo
DynamicUser=no
WorkingDirectory=/opt/demo
ExecStart=/opt/demo/.venv/bin/demo
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;
const NGINX = `server {
    listen 443 ssl;
    server_name demo.example.com;
    ssl_certificate /etc/letsencrypt/live/demo.example.com/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/demo.example.com/privkey.pem;
    location / {
        proxy_pass http://127.0.0.1:8000;
        proxy_set_header Host $host;
    }
}
`;
const WORKFLOW = `name: CI
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: python -m pip install .
`;
const MIT = `MIT License

Copyright (c) 2026 Jane Doe

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction.
`;
const COMPOSE = `services:
  app:
    build: .
    image: demo:dev
    env_file: .env
    ports:
      - "8000:8000"
`;
const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
`;
const GITIGNORE = `.venv/
__pycache__/
*.py[cod]
.env
dist/
build/
*.egg-info/
.pytest_cache/
.mypy_cache/
.ruff_cache/
.coverage
htmlcov/
`;

/** Good and broken sample per validator id. */
/** A FastAPI service with SQLAlchemy + Alembic, as generated: alembic.ini first, then the package and .env.example it reads. */
function alembicSample(edit: (ini: string) => string = (x) => x): Sample {
	const c = defaultConfig();
	c.services = { ...c.services, postgres: true, sqlalchemy: true };
	const files = generate(c).filter((x) => x.path.startsWith('src/') || x.path === '.env.example' || x.path === 'alembic.ini');
	const ini = files.find((x) => x.path === 'alembic.ini')!;
	return { file: { ...ini, content: edit(ini.content) }, with: files.filter((x) => x !== ini) };
}

/** The default project's dev container as generated (image form: no services), with `edit` applied to its JSON. */
function devcontainerSample(edit: (json: Record<string, unknown>) => Record<string, unknown> = (x) => x): Sample {
	const file = generate(defaultConfig()).find((x) => x.path === '.devcontainer/devcontainer.json')!;
	return { file: { ...file, content: `${JSON.stringify(edit(JSON.parse(file.content)), null, 2)}\n` } };
}

const SAMPLES: Record<string, { good: Sample; bad: Sample }> = {
	// A port is a number or "host:port" text, never an object: the devcontainers/spec schema refuses it.
	devcontainer: { good: devcontainerSample(), bad: devcontainerSample((j) => ({ ...j, forwardPorts: [{ port: 8000 }] })) },
	alembic: {
		good: alembicSample(),
		// A second URL beside DATABASE_URL is what the check refuses.
		bad: alembicSample((ini) => ini.replace('[alembic]\n', '[alembic]\nsqlalchemy.url = postgresql://app:secret@db:5432/app\n'))
	},
	'validate-pyproject': {
		good: { file: f('pyproject.toml', PYPROJECT) },
		bad: { file: f('pyproject.toml', PYPROJECT.replace('requires-python = ">=3.12"', 'requires-python = 3.12')) }
	},
	'poetry-check': {
		good: { file: f('pyproject.toml', POETRY), with: [f('README.md', '# Demo\n'), f('src/demo_app/__init__.py', '')] },
		bad: { file: f('pyproject.toml', POETRY.replace('[tool.poetry]', '[tool.poetry]\nname = "demo-app"')), with: [f('src/demo_app/__init__.py', '')] }
	},
	toml: { good: { file: f('ruff.toml', 'line-length = 100\n') }, bad: { file: f('ruff.toml', 'line-length = = 100\n') } },
	requirements: {
		good: { file: f('requirements.txt', '# pinned\n-r requirements-base.txt\nhttpx>=0.27,<1\nuvicorn[standard]==0.32.0 ; python_version >= "3.10" \\\n    --hash=sha256:abc\n'), with: [f('requirements-base.txt', 'fastapi>=0.115\n')] },
		bad: { file: f('requirements.txt', 'httpx>=0.27,<1\nfastapi>=>0.1\n') }
	},
	python: {
		good: { file: f('src/demo/main.py', 'import os\n\n\ndef main() -> str:\n    return os.sep\n') },
		bad: { file: f('src/demo/main.py', 'def main(:\n    return 1\n') }
	},
	dotenv: { good: { file: f('.env.example', '# comment\nLOG_LEVEL=INFO\nDATABASE_URL="postgresql://a:b@h/db"\n') }, bad: { file: f('.env.example', 'LOG_LEVEL INFO\nDEBUG=false\n') } },
	dockerfile: { good: { file: f('Dockerfile', DOCKERFILE) }, bad: { file: f('Dockerfile', DOCKERFILE.replace('WORKDIR', 'WORKDIRR')) } },
	dockerignore: {
		good: { file: f('.dockerignore', '.git\n.venv\n.env\n**/__pycache__\n'), with: [f('Dockerfile', DOCKERFILE)] },
		bad: { file: f('.dockerignore', '.git\n.venv\n.env\n**/__pycache__\nsrc\n'), with: [f('Dockerfile', DOCKERFILE)] }
	},
	compose: {
		good: { file: f('compose.yaml', COMPOSE), with: [f('.env.example', 'LOG_LEVEL=INFO\n')] },
		bad: { file: f('compose.yaml', COMPOSE.replace('    ports:', '    portz:')), with: [f('.env.example', 'LOG_LEVEL=INFO\n')] }
	},
	kubernetes: {
		good: { file: f('deploy/kubernetes/deployment.yaml', DEPLOYMENT) },
		bad: { file: f('deploy/kubernetes/deployment.yaml', DEPLOYMENT.replace('          resources:', '          resource:')) }
	},
	kustomize: {
		good: { file: f('deploy/kubernetes/kustomization.yaml', KUSTOMIZATION), with: [f('deploy/kubernetes/deployment.yaml', DEPLOYMENT)] },
		bad: { file: f('deploy/kubernetes/kustomization.yaml', KUSTOMIZATION.replace('deployment.yaml', 'missing.yaml')), with: [f('deploy/kubernetes/deployment.yaml', DEPLOYMENT)] }
	},
	'github-actions': {
		good: { file: f('.github/workflows/ci.yml', WORKFLOW) },
		bad: { file: f('.github/workflows/ci.yml', WORKFLOW.replace('python-version:', 'python_version:')) }
	},
	yaml: { good: { file: f('deploy/kubernetes/deployment.yaml', DEPLOYMENT) }, bad: { file: f('deploy/kubernetes/deployment.yaml', DEPLOYMENT + 'spec:\n  x: 1\n') } },
	nginx: { good: { file: f('deploy/nginx/demo.conf', NGINX) }, bad: { file: f('deploy/nginx/demo.conf', NGINX.replace('proxy_pass', 'proxy_passs')) } },
	systemd: { good: { file: f('deploy/demo.service', UNIT) }, bad: { file: f('deploy/demo.service', UNIT.replace('Restart=', 'Restrat=')) } },
	shell: {
		good: { file: f('deploy/install.sh', '#!/bin/sh\nset -eu\nname="${1:-demo}"\nprintf "%s\\n" "$name"\n', 0o755) },
		bad: { file: f('deploy/install.sh', '#!/bin/sh\nset -eu\nname=$1\necho $name\n', 0o755) }
	},
	sam: { good: { file: f('deploy/aws-lambda/template.yaml', SAM) }, bad: { file: f('deploy/aws-lambda/template.yaml', SAM.replace('MemorySize: 512', 'MemorySize: 512\n      Memory: 512')) } },
	samconfig: {
		good: { file: f('deploy/aws-lambda/samconfig.toml', 'version = 0.1\n[default.deploy.parameters]\nstack_name = "demo"\nresolve_s3 = true\n') },
		bad: { file: f('deploy/aws-lambda/samconfig.toml', 'version = 0.1\n[default.deploy.parameters]\nstack = "demo"\n') }
	},
	'cloud-run': {
		good: { file: f('deploy/cloud-run/service.yaml', KNATIVE) },
		bad: { file: f('deploy/cloud-run/service.yaml', KNATIVE.replace('          ports:', '          livenesProbe: {}\n          ports:')) }
	},
	markdown: {
		good: { file: f('README.md', '<!-- Generated by Slipway -->\n# Demo\n\nSee [the license](LICENSE).\n\n## Run\n\n```sh\nmake run\n```\n'), with: [f('LICENSE', MIT)] },
		bad: { file: f('README.md', '# Demo\n\n#### Deep\n\n```sh\nmake run\n') }
	},
	license: {
		good: { file: f('LICENSE', MIT), config: defaultConfig() },
		bad: { file: f('LICENSE', MIT.replace('Jane Doe', '[fullname]')), config: defaultConfig() }
	},
	gitignore: {
		good: { file: f('.gitignore', GITIGNORE), with: [f('.env.example', 'A=1\n')] },
		bad: { file: f('.gitignore', GITIGNORE + '.env*\n'), with: [f('.env.example', 'A=1\n')] }
	},
	'pre-commit': {
		good: { file: f('.pre-commit-config.yaml', 'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.8.0\n    hooks:\n      - id: ruff\n') },
		bad: { file: f('.pre-commit-config.yaml', 'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    hooks:\n      - id: ruff\n') }
	},
	ini: { good: { file: f('setup.cfg', '[flake8]\nmax-line-length = 100\n') }, bad: { file: f('setup.cfg', '[flake8]\nmax-line-length = 100\nmax-line-length = 120\n') } },
	json: { good: { file: f('slipway.json', '{"a": 1}\n') }, bad: { file: f('slipway.json', '{"a": 1,}\n') } },
	'python-version': { good: { file: f('.python-version', '3.12\n'), config: defaultConfig() }, bad: { file: f('.python-version', '3.11\n'), config: defaultConfig() } },
	dependabot: {
		good: { file: f('.github/dependabot.yml', DEPENDABOT), with: [f('.github/workflows/ci.yml', WORKFLOW), f('requirements.in', 'httpx>=0.27\n')] },
		bad: {
			file: f('.github/dependabot.yml', DEPENDABOT.replace('package-ecosystem: pip', 'package-ecosystem: pipenv').replace('default-days: 7', 'default-days: "7"').replace('interval: weekly', 'interval: weekly\n      when: monday')),
			with: [f('.github/workflows/ci.yml', WORKFLOW), f('requirements.in', 'httpx>=0.27\n')]
		}
	},
	'poetry-config': {
		good: { file: f('poetry.toml', '[solver]\nmin-release-age = 7\n') },
		bad: { file: f('poetry.toml', '[solver]\nmin-release-age = "7 days"\n') }
	},
	'py.typed': {
		good: { file: f('src/demo/py.typed', ''), with: [f('src/demo/__init__.py', '')] },
		bad: { file: f('src/demo/py.typed', 'typed\n'), with: [f('src/demo/__init__.py', '')] }
	}
};

const needsRoot = (id: string) => VALIDATORS.find((v) => v.id === id)?.chroot === true;

describe('validator self-tests', () => {
	it('every registered validator has a good and a broken sample', () => {
		expect(VALIDATORS.map((v) => v.id).filter((id) => !SAMPLES[id])).toEqual([]);
	});

	for (const v of VALIDATORS) {
		const s = SAMPLES[v.id];
		if (!s) continue;
		describe(v.id, () => {
			const check = async (sample: Sample) => {
				const files = [sample.file, ...(sample.with ?? [])];
				expect(v.match(sample.file.path, sample.file.content), `${v.id} must claim ${sample.file.path}`).toBe(true);
				return runValidator(v, makeFileSet(files, sample.config));
			};
			it('accepts the good sample', async () => {
				const r = await check(s.good);
				expect(formatFindings(r.findings)).toBe('');
			});
			it('rejects the broken sample', async () => {
				const r = await check(s.bad);
				expect(r.findings.length).toBeGreaterThan(0);
				// A broken sample must be rejected by the tool itself, not because the toolchain is missing.
				if (needsRoot(v.id)) expect(r.findings.some((x) => x.toolchainMissing), rootStatus().ok ? '' : 'toolchain missing').toBe(false);
			});
		});
	}
});

describe('sam runs cfn-lint, not only the structural check', () => {
	it('a Tracing mode Lambda does not have passes the SAM property whitelist and is caught by cfn-lint', async () => {
		const v = VALIDATORS.find((x) => x.id === 'sam')!;
		const r = await runValidator(v, makeFileSet([f('deploy/aws-lambda/template.yaml', SAM.replace('Timeout: 30', 'Timeout: 30\n      Tracing: Sometimes'))]));
		expect(r.findings.length).toBeGreaterThan(0);
		expect(r.findings.every((x) => x.tool === 'cfn-lint'), formatFindings(r.findings)).toBe(true);
	});
});

describe('registry', () => {
	it('fails a file that no validator claims', async () => {
		const files = [f('pyproject.toml', PYPROJECT), f('deploy/mystery.xyz', 'hello\n')];
		expect(unclaimedFiles(files)).toEqual(['deploy/mystery.xyz']);
		const r = await validateFileSet([f('deploy/mystery.xyz', 'hello\n')]);
		expect(r.ok).toBe(false);
		expect(r.findings.map((x) => x.tool)).toEqual(['registry']);
	});

	it('does not let a secondary (syntax-only) validator cover an unknown YAML file', () => {
		expect(unclaimedFiles([f('deploy/something.yaml', 'a: 1\n')])).toEqual(['deploy/something.yaml']);
	});
});

describe('matrix', () => {
	it('the slice covers every preset, packaging variant, target and services variant', () => {
		const all = fullMatrix();
		const slice = coveringSlice(all).filter((e) => !e.invalid.length);
		for (const k of ['preset', 'packaging', 'target', 'services'] as const) {
			const want = new Set(all.filter((e) => !e.invalid.length).map((e) => e[k]));
			expect([...new Set(slice.map((e) => e[k]))].sort(), k).toEqual([...want].sort());
		}
		expect(new Set(slice.map((e) => e.target))).toEqual(new Set(TARGET_VARIANTS));
		expect(slice.length).toBeLessThan(all.length / 10);
	});

	it('marks combinations validateConfig rejects as not applicable, with its message', () => {
		const cliServerless = fullMatrix().find((e) => e.preset === 'cli-tool' && e.target.startsWith('serverless/'));
		expect(cliServerless?.invalid.join(' ')).toMatch(/command-line tool cannot run serverless/);
	});
});

describe('run proof', () => {
	const config = (): Config => {
		const c = defaultConfig();
		c.project.name = 'demo-cli';
		c.project.kind = 'cli';
		c.project.framework = 'none';
		c.packaging = { ...c.packaging, manager: 'pip', backend: 'hatchling', poetryLayout: 'poetry2', pipWorkflow: 'requirements' };
		return c;
	};
	const project = (): GeneratedFile[] => [
		f(
			'pyproject.toml',
			`[build-system]\nrequires = ["hatchling>=1.27"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "demo-cli"\nversion = "0.1.0"\nreadme = "README.md"\nrequires-python = ">=3.12"\nlicense = "MIT"\nlicense-files = ["LICENSE"]\ndependencies = ["pydantic-settings>=2.8"]\n\n[project.scripts]\ndemo-cli = "demo_cli.cli:main"\n\n[tool.mypy]\nfiles = ["src", "tests"]\n`
		),
		f('README.md', '# demo-cli\n'),
		f('LICENSE', MIT),
		f('.env.example', 'LOG_LEVEL=INFO\nDEBUG=false\n'),
		f('src/demo_cli/__init__.py', ''),
		f('src/demo_cli/py.typed', ''),
		f('src/demo_cli/cli.py', 'def main() -> None:\n    print("hi")\n'),
		f(
			'src/demo_cli/config.py',
			'from functools import lru_cache\n\nfrom pydantic_settings import BaseSettings, SettingsConfigDict\n\n\nclass Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_file=".env")\n    log_level: str = "INFO"\n    debug: bool = False\n\n\n@lru_cache\ndef get_settings() -> Settings:\n    return Settings()\n'
		),
		f('tests/test_cli.py', 'from demo_cli.cli import main\n\n\ndef test_main(capsys):\n    main()\n    assert capsys.readouterr().out == "hi\\n"\n')
	];

	it('proves a correct project and rejects a broken one (or fails when the toolchain is missing)', async () => {
		const { proveProject } = await import('./proof.ts');
		if (!rootStatus().ok) {
			const r = await proveProject(config(), project());
			expect(r.wheel.status).toBe('fail');
			expect(r.wheel.toolchainMissing).toBe(true);
			return;
		}
		const good = await proveProject(config(), project());
		expect(Object.fromEntries(Object.entries(good).map(([k, v]) => [k, v.status]))).toEqual({
			wheel: 'pass',
			install: 'pass',
			tests: 'pass',
			types: 'pass',
			settings: 'pass',
			serve: 'na',
			handler: 'na'
		});
		const broken = await proveProject(
			config(),
			project()
				.filter((x) => x.path !== 'src/demo_cli/py.typed')
				.map((x) => (x.path === '.env.example' ? f(x.path, 'LOG_LEVEL=DEBUG\nDEBUG=true\n') : x))
				.map((x) => (x.path === 'src/demo_cli/cli.py' ? f(x.path, 'def main() -> None:\n    count: int = "one"\n    print("hi", count)\n') : x))
		);
		// A type error: the mypy step notices.
		expect(broken.types.status).toBe('fail');
		expect(broken.wheel.status).toBe('fail');
		expect(broken.wheel.detail).toMatch(/py\.typed/);
		// .env.example values differ from the model's examples: the settings proof notices.
		expect(broken.settings.status).toBe('fail');
	});
});
