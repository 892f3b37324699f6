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
	// 2.2 = PEP 639: poetry-core 2.2.0 writes Metadata-Version 2.4 with License-Expression and
	// License-File (CHANGELOG 2.2.0, PR 870); 2.0/2.1 write Metadata 2.3 without them and ignore
	// [project] license-files, which the Poetry 2 layout sets. Keep REQUIRES_POETRY in step.
	'poetry-core': 'poetry-core>=2.2,<3.0.0', // bump: pypi poetry-core
	// uv_build's version tracks uv's (crates/uv-build/pyproject.toml at tag 0.12.4 says 0.12.4);
	// uv's build-backend guide at 0.12.4 writes `uv_build>=0.12.4,<0.13`: same minor as TOOLS.uv.
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
	// Django's static files in production (middleware + CompressedManifestStaticFilesStorage via STORAGES).
	// 6.8 supports Django 4.2-5.1 (docs/changelog.rst, checked 2026-12-01); Debian 13 ships 6.8.2.
	whitenoise: 'whitenoise>=6.8', // bump: pypi whitenoise
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

/*
 * ---------------------------------------------------------------------------
 * Outside references: facts, with where and when they were checked.
 *
 * Every action ref, image tag, pre-commit rev and tool version a generated
 * file names is recorded below with the evidence for it. The look-ups were
 * made on CHECKED with the search tool: `fetch github:owner/repo` brings the
 * newest stored snapshot of a repository, whose refs were read with
 * `git for-each-ref` / `git tag`; pypi.tsv is the environment's list of the
 * latest PyPI releases (November 2026). A snapshot can be older than CHECKED:
 * `source` names its newest commit date, and a SHA is what the ref pointed to
 * in that snapshot (a moving major tag or a branch may have moved since).
 * tests/unit/versions.test.ts fails when a generated file names a ref or an
 * image that is not recorded here.
 * ---------------------------------------------------------------------------
 */

/** The day the look-ups below were made. */
export const CHECKED = '2026-12-01';

/** A git ref of a public GitHub repository, as checked upstream. */
export interface UpstreamRef {
	/** `owner/name` on GitHub. */
	readonly repo: string;
	/** The ref a generated file names (`uses: repo@ref`, pre-commit `rev:`). */
	readonly ref: string;
	readonly kind: 'tag' | 'branch';
	/**
	 * The commit the ref pointed to in the snapshot read (peeled for annotated
	 * tags); null when the snapshot predates the ref, and `evidence` then says
	 * what shows that it exists.
	 */
	readonly sha: string | null;
	readonly checked: string;
	/** Where it was checked. */
	readonly source: string;
	/** Neighbouring refs seen upstream: the tag-list evidence. */
	readonly seen: readonly string[];
	/** What else was established (release notes, why this ref and not another). */
	readonly evidence?: string;
}

const ref = (r: Omit<UpstreamRef, 'checked'>): UpstreamRef => ({ ...r, checked: CHECKED });
const via = (repo: string, snapshot: string, what = 'tags') => `github:${repo} ${what} via fetch (snapshot's newest commit ${snapshot})`;

/** GitHub Actions the generated ci.yml / release.yml use. */
export const ACTION_REFS = {
	checkout: ref({
		repo: 'actions/checkout',
		ref: 'v6',
		kind: 'tag',
		sha: 'd23441a48e516b6c34aea4fa41551a30e30af803',
		source: via('actions/checkout', '2026-07-20'),
		seen: ['v6', 'v6.1.0', 'v7.0.1'],
		evidence: 'moving major tag v6, at v6.1.0 in the snapshot; v7 exists too (issue 16 bumps)'
	}),
	setupPython: ref({
		repo: 'actions/setup-python',
		ref: 'v7',
		kind: 'tag',
		sha: '5fda3b95a4ea91299a34e894583c3862153e4b97',
		source: via('actions/setup-python', '2026-07-19'),
		seen: ['v7', 'v7.0.0'],
		evidence: 'moving major tag v7, at v7.0.0'
	}),
	// setup-uv publishes no moving major tags since v8.0.0: the tags after v7.6 are
	// v8.0.0 v8.1.0 v8.2.0 v8.3.0 v8.3.1 v8.3.2 v9.0.0 v10.0.0 v10.0.1 and no v8, v9 or v10.
	setupUv: ref({
		repo: 'astral-sh/setup-uv',
		ref: 'v10.0.1',
		kind: 'tag',
		sha: '20cfd1bf945f4377ade1205e4dbc17946fc9a30d',
		source: via('astral-sh/setup-uv', '2026-08-20'),
		seen: ['v7', 'v7.6', 'v7.6.0', 'v8.0.0', 'v8.3.2', 'v9.0.0', 'v10.0.0', 'v10.0.1'],
		evidence:
			'exact release (v10.0.0 is ae62891fec2bb8e7d6c99fc78c9fec3a63790f8d); its action.yml has the inputs ci.ts sets (version, python-version, enable-cache); its known checksums cover uv 0.12.4 (TOOLS.uv)'
	}),
	uploadArtifact: ref({
		repo: 'actions/upload-artifact',
		ref: 'v7',
		kind: 'tag',
		sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
		source: via('actions/upload-artifact', '2026-02-25'),
		seen: ['v7', 'v7.0.0'],
		evidence: 'moving major tag v7, at v7.0.0'
	}),
	downloadArtifact: ref({
		repo: 'actions/download-artifact',
		ref: 'v8',
		kind: 'tag',
		sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
		source: via('actions/download-artifact', '2026-03-12'),
		seen: ['v8', 'v8.0.1'],
		evidence: 'moving major tag v8, at v8.0.1'
	}),
	pypiPublish: ref({
		repo: 'pypa/gh-action-pypi-publish',
		ref: 'release/v1',
		kind: 'branch',
		sha: '81e9d935c883d0b210363ab89cf05f3894778450',
		source: via('pypa/gh-action-pypi-publish', '2024-03-08', 'branches'),
		seen: ['release/v1', 'v1.8.14'],
		evidence:
			"branch release/v1 is the ref the action's README documents (`uses: pypa/gh-action-pypi-publish@release/v1`); the stored snapshot is old (the branch was at v1.8.14 there and has moved since): issue 16 must re-read the SHA"
	}),
	setupBuildx: ref({
		repo: 'docker/setup-buildx-action',
		ref: 'v4',
		kind: 'tag',
		sha: '37fe631027851001ddb9b187196cc803df7f5f0e',
		source: via('docker/setup-buildx-action', '2026-08-17'),
		seen: ['v4', 'v4.3.0'],
		evidence: 'moving major tag v4, at v4.3.0'
	}),
	dockerLogin: ref({
		repo: 'docker/login-action',
		ref: 'v4',
		kind: 'tag',
		sha: '4907a6ddec9925e35a0a9e82d7399ccc52663121',
		source: via('docker/login-action', '2026-04-27'),
		seen: ['v4', 'v4.1.0'],
		evidence: 'moving major tag v4, at v4.1.0'
	}),
	dockerMetadata: ref({
		repo: 'docker/metadata-action',
		ref: 'v6',
		kind: 'tag',
		sha: 'dc802804100637a589fabce1cb79ff13a1411302',
		source: via('docker/metadata-action', '2026-07-02'),
		seen: ['v6', 'v6.2.0'],
		evidence: 'moving major tag v6, at v6.2.0'
	}),
	dockerBuildPush: ref({
		repo: 'docker/build-push-action',
		ref: 'v7',
		kind: 'tag',
		sha: '53b7df96c91f9c12dcc8a07bcb9ccacbed38856a',
		source: via('docker/build-push-action', '2026-07-09'),
		seen: ['v7', 'v7.3.0'],
		evidence: 'moving major tag v7, at v7.3.0'
	}),
	gcpAuth: ref({
		repo: 'google-github-actions/auth',
		ref: 'v3',
		kind: 'tag',
		sha: '7c6bc770dae815cd3e89ee6cdf493a5fab2cc093',
		source: via('google-github-actions/auth', '2025-09-03'),
		seen: ['v2', 'v2.1.13', 'v3', 'v3.0.0'],
		evidence:
			'moving major tag v3, at v3.0.0 (2025-08-28, runs on node24); its action.yml at v3 has the inputs release.yml sets (workload_identity_provider, service_account, token_format, create_credentials_file) and the output access_token ("only available when token_format is access_token", README). The snapshot is older than CHECKED: a later v3.x may exist'
	})
} as const satisfies Record<string, UpstreamRef>;

/** `uses:` strings of the generated workflows (ci.ts), one per ACTION_REFS entry. */
export const ACTIONS = Object.fromEntries(Object.entries(ACTION_REFS).map(([k, r]) => [k, `${r.repo}@${r.ref}`])) as {
	readonly [K in keyof typeof ACTION_REFS]: string;
};

/** pre-commit hook repositories and their pinned revs. */
export const PRE_COMMIT_REFS = {
	hooks: ref({
		repo: 'pre-commit/pre-commit-hooks',
		ref: 'v6.0.0',
		kind: 'tag',
		sha: '3e8a8703264a2f4a69428a0aa4dcb512790b2c8c',
		source: via('pre-commit/pre-commit-hooks', '2026-05-12'),
		seen: ['v4.6.0', 'v5.0.0', 'v6.0.0'],
		evidence: "newest tag; its .pre-commit-hooks.yaml has every hook id repo-files.ts names"
	}),
	ruff: ref({
		repo: 'astral-sh/ruff-pre-commit',
		ref: 'v0.17.4',
		kind: 'tag',
		sha: null,
		source: `${via('astral-sh/ruff-pre-commit', '2026-08-21')}; npm registry: npm view @astral-sh/ruff-wasm-nodejs time`,
		seen: ['v0.16.0', 'v0.16.1', 'v0.16.2', 'v0.16.3', 'v0.16.4'],
		evidence:
			'the snapshot ends at v0.16.4 (aab412d509121cb5f7533134b7e67f9fab59c682, commit "Mirror: 0.16.4", the day ruff 0.16.4 reached npm): the mirror tags every ruff release as v<version>. ruff 0.17.4 was published on 2026-11-05 (npm @astral-sh/ruff-wasm-nodejs 0.17.4, the ruff Slipway itself checks generated code with). SHA not seen here: issue 16 must fetch it'
	}),
	mypy: ref({
		repo: 'pre-commit/mirrors-mypy',
		ref: 'v2.3.1',
		kind: 'tag',
		sha: null,
		source: `${via('pre-commit/mirrors-mypy', '2025-12-15')}; ${via('python/mypy', '2026-08-21')}`,
		seen: ['v1.18.2', 'v1.19.0', 'v1.19.1'],
		evidence:
			'the mirrors-mypy snapshot is stale (ends at v1.19.1, a66e98df7b4aeeb3724184b332785976d062b92e); mypy itself has tag v2.3.1 (d642c4478e9e3acbe9233edbe17ffc569a1a778c, 2026-08-14), and public pre-commit configs in the search index pin mirrors-mypy rev v2.3.1. SHA not seen here: issue 16 must fetch it'
	})
} as const satisfies Record<string, UpstreamRef>;

/** The `repo:` / `rev:` pairs the generated .pre-commit-config.yaml writes. */
export const PRE_COMMIT = Object.fromEntries(
	Object.entries(PRE_COMMIT_REFS).map(([k, r]) => [k, { repo: `https://github.com/${r.repo}`, rev: r.ref }])
) as { readonly [K in keyof typeof PRE_COMMIT_REFS]: { readonly repo: string; readonly rev: string } };

/** An image reference a generated file names (Dockerfile FROM / COPY --from, compose, syntax directive). */
export interface ImageTag {
	/** `name:tag` exactly as written (without a digest). */
	readonly image: string;
	readonly checked: string;
	readonly source: string;
	readonly evidence: string;
}
const image = (i: Omit<ImageTag, 'checked'>): ImageTag => ({ ...i, checked: CHECKED });
const OFFICIAL = (lib: string, snapshot: string) =>
	`github:docker-library/official-images library/${lib} via fetch (the file's last commit ${snapshot})`;
// The Debian release is part of the tag (`-slim-trixie`), as uv's Docker guide writes it since
// uv 0.8.11 (docs/guides/integration/docker.md, "Installing uv": `FROM python:3.12-slim-trixie`;
// added by d8d4f02e5e "Add Debian 13 trixie to published Docker images (#15269)", 2025-08-14;
// still so at tag 0.12.5, the newest in the snapshot): `X-slim` moves to the next Debian release
// the day it ships, `X-slim-trixie` stays on Debian 13 with the proof root.
const pythonSlim = (v: string, patch: string) =>
	image({
		image: `python:${v}-slim-trixie`,
		source: `${OFFICIAL('python', '2026-08-13')}; ${via('astral-sh/uv', '2026-08-21')}: docs/guides/integration/docker.md at tag 0.12.5`,
		evidence: `Tags: ${patch}-slim-trixie, ${v}-slim-trixie, ${patch}-slim, ${v}-slim`
	});

/**
 * Docker Hardened Images' Python (DockerConfig.baseImage `dhi`), as the image definitions in
 * github:docker-hardened-images/catalog say (image/python/debian-13/<v>.yaml and <v>-dev.yaml,
 * last changed 2026-08-15 in the snapshot of 2026-08-22) and Docker's guide beside them
 * (image/python/guides.md; docs.docker.com/dhi/how-to/use). Facts the Dockerfile relies on:
 * - builder `dhi.io/python:<v>-debian13-dev`: runs as root, has bash, apt and pip ("use the
 *   -dev version of the image as the build stage"); the guide's own build stage runs shell-form RUN;
 * - runtime `dhi.io/python:<v>-debian13`: runs as `nonroot` (uid/gid 65532, `accounts.run-as`),
 *   its package list has no shell (no bash, dash or busybox), no package manager: "image
 *   variants intended for runtime don't contain a shell"; `cmd: [python3]`, no entrypoint;
 * - Python is /usr/bin/python3 in both (package/deb/main/python/debian-13/debian/rules:
 *   `./configure --prefix=/usr`; guides.md: "moved from /opt to /usr"), so a venv made in the
 *   builder links to an interpreter the runtime has at the same path;
 * - its environment sets SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt and PYTHON_VERSION,
 *   no PATH (BuildKit then gives a stage the default PATH: moby/buildkit
 *   frontend/dockerfile/dockerfile2llb/convert.go "make sure that PATH is always set",
 *   util/system/path.go DefaultPathEnvUnix);
 * - pulling needs `docker login dhi.io` with a Docker ID or access token (guides.md: "you must
 *   first use docker login dhi.io"; docs.docker.com/dhi/how-to/use: "You must authenticate to
 *   the Docker Hardened Images registry (dhi.io) to pull DHI Community images");
 * - free, definitions under Apache-2.0 (catalog LICENSE.txt; DHI Community released under
 *   Apache 2.0 on 2025-12-17, per platformengineeringplaybook.com episode 063 and Docker's
 *   "One Year" post). uv publishes DHI-based images too (ghcr.io/astral-sh/uv:python3.14-dhi,
 *   built FROM dhi.io/python:3.14, the runtime variant: no shell, so no builder; uv's
 *   build-docker.yml at 0.12.5, added by 33ae43d341 on 2026-03-03, first in 0.10.8), and logs in with
 *   docker/login-action `registry: dhi.io` and a Docker Hub token.
 * No Python 3.15 definition is in the snapshot: validate.ts refuses `dhi` for a version not here.
 */
export const DHI_PYTHON = {
	registry: 'dhi.io',
	repository: 'dhi.io/python',
	/** Tag suffix of the Debian 13 variants (`3.14-debian13`, `3.14-debian13-dev`). */
	debian: 'debian13',
	versions: ['3.10', '3.11', '3.12', '3.13', '3.14'],
	user: { name: 'nonroot', uid: 65532, gid: 65532 },
	python: '/usr/bin/python3',
	checked: CHECKED,
	source: `${via('docker-hardened-images/catalog', '2026-08-22')}: image/python/debian-13/*.yaml, image/python/guides.md`
} as const;
const dhiPython = (v: string, patch: string) => [
	image({
		image: `${DHI_PYTHON.repository}:${v}-${DHI_PYTHON.debian}-dev`,
		source: DHI_PYTHON.source,
		evidence: `image/python/debian-13/${v}-dev.yaml: variant dev, run-as root, packages bash apt python-${v}=${patch}-0 python3-pip; tags ${v}-dev, ${v}-debian13-dev, ${patch}-debian13-dev`
	}),
	image({
		image: `${DHI_PYTHON.repository}:${v}-${DHI_PYTHON.debian}`,
		source: DHI_PYTHON.source,
		evidence: `image/python/debian-13/${v}.yaml: variant runtime, run-as nonroot (uid 65532), no shell package, python-${v}=${patch}-0; tags ${v}, ${v}-debian13, ${patch}-debian13`
	})
];

/** Tool versions pinned in Dockerfiles and CI. */
export const TOOLS = {
	uv: '0.12.4', // bump: github astral-sh/uv releases (image ghcr.io/astral-sh/uv); see TOOL_VERSIONS.uv
	poetry: '2.2.1' // bump: pypi poetry; see TOOL_VERSIONS.poetry
} as const;

/** Python build frontend pinned where CI builds distributions with pip, and the README's pip-tools. */
export const PY_TOOLS = {
	build: '1.3.0', // bump: pypi build
	pipTools: '7.6.2' // bump: pypi pip-tools (README's pip-compile step); never below PIP_TOOLS_FIXED
} as const;

/**
 * The first pip-tools that works with pip >= 25.3: pip-tools 7.5.1 crashes
 * with pip 25.3 (pip-tools issue 2252); 7.5.2's changelog says "pip-tools is
 * now compatible with pip 25.3" (issues 2252, 2253). The README upgrades pip
 * before it installs pip-tools, so the pin must follow pip: every pip minor
 * since needed a pip-tools release (changelog: 7.5.3 pip 26.0, 7.6.0 pip
 * 26.1, 7.6.1 pip 26.2).
 */
export const PIP_TOOLS_FIXED = { version: '7.5.2', reason: 'pip-tools 7.5.1 crashes with pip >= 25.3 (pip-tools issue 2252, fixed in 7.5.2)' } as const;

/** Poetry 2 layout's `[tool.poetry] requires-poetry`: the Poetry that bundles the poetry-core floor above. */
export const REQUIRES_POETRY = '>=2.2';

/**
 * Build-system requirement of the Poetry 1.x ("classic") layout, which Poetry 2 still builds.
 * The 2.2 floor of the Poetry 2 layout does not apply: the classic layout has no [project]
 * table, so no PEP 639 fields (license is [tool.poetry] license, which every poetry-core
 * writes as the classic License field; poetry-core 2.2's factory reads it as raw_license), and
 * its floor stays where Poetry 1.8 users can build it.
 */
export const POETRY_CLASSIC_CORE = 'poetry-core>=1.9,<3.0.0'; // bump: pypi poetry-core

/**
 * A release of a tool a generated file pins, and the evidence that it exists.
 * The versions are written out (not read from TOOLS / PY_TOOLS) so that a bump of
 * a pin without a new look-up fails tests/unit/versions.test.ts.
 */
export interface ToolVersion {
	readonly version: string;
	readonly checked: string;
	readonly source: string;
	readonly evidence: string;
}
const tool = (t: Omit<ToolVersion, 'checked'>): ToolVersion => ({ ...t, checked: CHECKED });

export const TOOL_VERSIONS = {
	uv: tool({
		version: '0.12.4',
		source: via('astral-sh/uv', '2026-08-21'),
		evidence:
			'tag 0.12.4 = 77803aa225e651c4da37bb543f659f5dad905fbb (2026-08-13; newest in the snapshot: 0.12.5 = 210d1f6785e95a8c8c0d53e284408c9be1134700). The earlier pin 0.12.24 is in no source reachable here (pypi.tsv lists uv 0.13.8 as latest). 0.12.4 rather than 0.12.5: setup-uv v10.0.1 knows its checksums and verifies the download'
	}),
	poetry: tool({
		version: '2.2.1',
		source: via('python-poetry/poetry', '2026-06-21'),
		evidence: 'tag 2.2.1 = b9e5d79fc57de2f2e60973019d56662b7398440b (2025-09-21), depends on poetry-core ==2.2.1; pypi.tsv latest 2.5.1'
	}),
	build: tool({
		version: '1.3.0',
		source: via('pypa/build', '2026-08-18'),
		evidence: 'tag 1.3.0 -> 60e8752f69178d2b2c3563e9c8fa17aa6e11b12c (2025-08-01); pypi.tsv latest 1.6.1'
	}),
	pipTools: tool({
		version: '7.6.2',
		source: `/work/.library/env/packages/pypi.tsv (pip-tools 7.6.2, 2026-10); ${via('jazzband/pip-tools', '2026-08-22')}`,
		evidence:
			'tags v7.5.1 1c2692b7f45a94d93e3f4bb252da3fd711ad08a9, v7.5.2 eb9606f414a3d5feac521face32822ab69775d44, v7.5.3, v7.6.0, v7.6.1 5bc5ded0b685637d6dffb926c00829220b4c6834 (changelog: compatible with pip 26.2, the newest pip the stored material shows); 7.6.2 is the newest release (after the snapshot, its notes not seen here)'
	}),
	uvBuild: tool({
		version: '0.12',
		source: via('astral-sh/uv', '2026-08-21'),
		evidence: 'uv_build 0.12.x is released with uv 0.12.x (crates/uv-build/pyproject.toml version 0.12.0 at tag 0.12.0, 0.12.4 at 0.12.4); pypi.tsv lists uv-build 0.13.6 as latest'
	}),
	poetryCore: tool({
		version: '2.2',
		source: via('python-poetry/poetry-core', '2026-04-19'),
		evidence:
			'tags 2.2.0 f8c3684d3d1502ae653c1ef5abebc74e895ee8da (2025-09-14), 2.2.1 548f5c215b535cae4b9dfc1ef7c828602471c181; CHANGELOG 2.2.0 "Add support for PEP 639 license clarity (#870)"; masonry/metadata.py metadata_version "2.4" at 2.2.0, "2.3" at 2.1.2'
	})
} as const satisfies Record<string, ToolVersion>;

/** Every image tag a generated file may name, each checked upstream. */
export const IMAGE_TAGS: readonly ImageTag[] = [
	pythonSlim('3.10', '3.10.21'),
	pythonSlim('3.11', '3.11.16'),
	pythonSlim('3.12', '3.12.14'),
	pythonSlim('3.13', '3.13.15'),
	pythonSlim('3.14', '3.14.7'),
	...dhiPython('3.10', '3.10.21'),
	...dhiPython('3.11', '3.11.16'),
	...dhiPython('3.12', '3.12.14'),
	...dhiPython('3.13', '3.13.15'),
	...dhiPython('3.14', '3.14.7'),
	image({ image: 'postgres:17', source: OFFICIAL('postgres', '2026-08-13'), evidence: 'Tags: 17.11, 17, 17.11-trixie, 17-trixie' }),
	image({ image: 'redis:7-alpine', source: OFFICIAL('redis', '2026-08-18'), evidence: 'Tags: 7.4.11-alpine, 7.4-alpine, 7-alpine, 7.4.11-alpine3.21, 7.4-alpine3.21, 7-alpine3.21' }),
	image({
		image: 'ghcr.io/astral-sh/uv:0.12.4',
		source: `${via('astral-sh/uv', '2026-08-21')}: docs/guides/integration/docker.md at tag 0.12.4`,
		evidence:
			'uv\'s Docker guide at tag 0.12.4: "ghcr.io/astral-sh/uv:{major}.{minor}.{patch}, e.g., ghcr.io/astral-sh/uv:0.12.4" and "COPY --from=ghcr.io/astral-sh/uv:0.12.4 /uv /uvx /bin/"; its release.yml runs build-docker.yml for each release'
	}),
	image({
		image: 'docker/dockerfile:1',
		source: `${via('moby/buildkit', '2026-08-21')}: frontend/dockerfile/docs/reference.md`,
		evidence: 'reference.md: "Most users will want to set this parser directive to docker/dockerfile:1" (the moving tag of the stable 1.x frontend; newest release tag dockerfile/1.26.0)'
	})
];
