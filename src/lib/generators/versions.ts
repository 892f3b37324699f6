/**
 * Every pinned version Slipway writes, in one place. Each line carries a
 * `bump:` marker naming where its releases are published, so one script (or
 * one person) can bump them together. Lower bounds of runtime dependencies are
 * chosen so that Debian 13's packages satisfy them: the proof harness installs
 * and runs generated projects against those offline.
 */

/** Build backends: `requires` entries of `[build-system]`. */
export const BACKEND_REQUIRES = {
	hatchling: 'hatchling>=1.26', // bump: pypi hatchling
	setuptools: 'setuptools>=77', // bump: pypi setuptools (77 = PEP 639 license expressions)
	'poetry-core': 'poetry-core>=2.0,<3.0.0', // bump: pypi poetry-core
	uv_build: 'uv_build>=0.12,<0.13', // bump: pypi uv-build (uv recommends an upper bound)
	'flit-core': 'flit_core>=3.12,<4' // bump: pypi flit-core (3.12 = PEP 639)
} as const;

export const BACKEND_MODULE = {
	hatchling: 'hatchling.build',
	setuptools: 'setuptools.build_meta',
	'poetry-core': 'poetry.core.masonry.api',
	uv_build: 'uv_build',
	'flit-core': 'flit_core.buildapi'
} as const;

/** Runtime dependencies a choice implies. */
export const DEPS = {
	fastapi: 'fastapi>=0.115', // bump: pypi fastapi
	uvicorn: 'uvicorn[standard]>=0.32', // bump: pypi uvicorn
	flask: 'flask>=3.1', // bump: pypi flask
	django: 'django>=4.2', // bump: pypi django (Debian 13 ships 4.2 LTS)
	gunicorn: 'gunicorn>=23', // bump: pypi gunicorn
	pydanticSettings: 'pydantic-settings>=2.6', // bump: pypi pydantic-settings
	psycopg: 'psycopg[binary]>=3.2', // bump: pypi psycopg
	redis: 'redis>=5.0', // bump: pypi redis
	mangum: 'mangum>=0.19', // bump: pypi mangum (ASGI on AWS Lambda)
	a2wsgi: 'a2wsgi>=1.10' // bump: pypi a2wsgi (WSGI -> ASGI for Flask on Lambda)
} as const;

/** Development tooling Slipway adds to every project. */
export const DEV_DEPS = {
	pytest: 'pytest>=8.3', // bump: pypi pytest
	pytestCov: 'pytest-cov>=5', // bump: pypi pytest-cov
	ruff: 'ruff>=0.8', // bump: pypi ruff
	mypy: 'mypy>=1.13', // bump: pypi mypy
	httpx: 'httpx>=0.27' // bump: pypi httpx (FastAPI's TestClient)
} as const;

/** Tool versions pinned in Dockerfiles, CI and pre-commit. */
export const TOOLS = {
	uv: '0.12.24', // bump: github astral-sh/uv releases (image ghcr.io/astral-sh/uv)
	poetry: '2.2.1' // bump: pypi poetry
} as const;

/** Python build frontend pinned where CI builds distributions with pip. */
export const PY_TOOLS = {
	build: '1.3.0', // bump: pypi build
	pipTools: '7.5.1' // bump: pypi pip-tools (README's pip-compile step)
} as const;

/** Build-system requirement of the Poetry 1.x ("classic") layout, which Poetry 2 still builds. */
export const POETRY_CLASSIC_CORE = 'poetry-core>=1.9,<3.0.0'; // bump: pypi poetry-core

/** GitHub Actions, pinned to their current major (generated ci.yml / release.yml). */
export const ACTIONS = {
	checkout: 'actions/checkout@v6', // bump: github actions/checkout
	setupPython: 'actions/setup-python@v7', // bump: github actions/setup-python
	setupUv: 'astral-sh/setup-uv@v10', // bump: github astral-sh/setup-uv
	uploadArtifact: 'actions/upload-artifact@v7', // bump: github actions/upload-artifact
	downloadArtifact: 'actions/download-artifact@v8', // bump: github actions/download-artifact
	pypiPublish: 'pypa/gh-action-pypi-publish@release/v1', // bump: github pypa/gh-action-pypi-publish (the maintainers' documented ref)
	setupBuildx: 'docker/setup-buildx-action@v4', // bump: github docker/setup-buildx-action
	dockerLogin: 'docker/login-action@v4', // bump: github docker/login-action
	dockerMetadata: 'docker/metadata-action@v6', // bump: github docker/metadata-action
	dockerBuildPush: 'docker/build-push-action@v7' // bump: github docker/build-push-action
} as const;

/** pre-commit hook repositories and their pinned revs. */
export const PRE_COMMIT = {
	hooks: { repo: 'https://github.com/pre-commit/pre-commit-hooks', rev: 'v6.0.0' }, // bump: github pre-commit/pre-commit-hooks
	ruff: { repo: 'https://github.com/astral-sh/ruff-pre-commit', rev: 'v0.17.4' }, // bump: github astral-sh/ruff-pre-commit
	mypy: { repo: 'https://github.com/pre-commit/mirrors-mypy', rev: 'v2.3.1' } // bump: github pre-commit/mirrors-mypy
} as const;
