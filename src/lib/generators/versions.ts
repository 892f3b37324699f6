/**
 * Every pinned version Slipway writes, in one place. Each line carries a
 * `bump:` marker naming where its releases are published, so one script (or
 * one person) can bump them together. Lower bounds of runtime dependencies are
 * chosen so that Debian 13's packages satisfy them: the proof harness installs
 * and runs generated projects against those offline.
 */
import { TrailingComment } from './writers/trailing-comment.ts';
import { CHECKED, DHI_PYTHON, LAMBDA_PYTHON_LIFECYCLE, LAMBDA_PYTHON_RUNTIMES, PYTHON_END_OF_LIFE, via } from '../model/platform-facts.ts';

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
	// flit's doc/pyproject_toml.rst at tag 4.0.0: "all packages should specify <5" and license expressions
	// need >=3.11; 3.12 is the first with AND/OR expressions (doc/history.rst "Version 3.12"), Debian 13 ships 3.12.0.
	'flit-core': 'flit_core>=3.12,<5' // bump: pypi flit-core (TOOL_VERSIONS.flitCore)
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
	// 5.2 is the LTS (4.2's ended April 2026); the proof root takes 5.2.19 from trixie-backports
	// (tests/validate/toolchain/packages.txt), Debian 13's main archive has only 4.2.
	django: 'django>=5.2', // bump: pypi django (TOOL_VERSIONS.django)
	gunicorn: 'gunicorn>=23', // bump: pypi gunicorn
	// Django's static files in production (middleware + CompressedManifestStaticFilesStorage via STORAGES).
	// docs/changelog.rst: 6.8.0 dropped Django < 4.2, 6.9.0 "Support Django 5.2"; `git diff 6.8.2 6.9.0`
	// touches nothing under src/ (classifiers, tox, CI only), so 6.8.2 (Debian 13) runs with
	// DEPS.django's 5.2 unchanged (the django journey runs both). TOOL_VERSIONS.whitenoise.
	whitenoise: 'whitenoise>=6.8', // bump: pypi whitenoise
	pydanticSettings: 'pydantic-settings>=2.6', // bump: pypi pydantic-settings
	psycopg: 'psycopg[binary]>=3.2', // bump: pypi psycopg
	redis: 'redis>=5.0', // bump: pypi redis
	// services.sqlalchemy (issue 20.1): 2.0 brought the typed DeclarativeBase/Mapped/mapped_column and the
	// postgresql+psycopg (psycopg 3) dialect db.py uses; Alembic 1.13 reads script_location's package-resource
	// form and prepend_sys_path (ALEMBIC below). Debian 13 has 2.0.40 and 1.13.2 (the proof root's).
	sqlalchemy: 'sqlalchemy>=2.0', // bump: pypi sqlalchemy
	alembic: 'alembic>=1.13', // bump: pypi alembic
	// Celery 5.5 (Debian 13 packages 5.5.2, the journey's; PyPI's latest is 5.7.0, Nov 2026): broker and result backend on Redis through redis-py.
	celery: 'celery>=5.5', // bump: pypi celery
	mangum: 'mangum>=0.19', // bump: pypi mangum (ASGI on AWS Lambda)
	a2wsgi: 'a2wsgi>=1.10' // bump: pypi a2wsgi (WSGI -> ASGI for Flask on Lambda)
} as const;

/** Development tooling Slipway adds to every project. */
export const DEV_DEPS = {
	pytest: 'pytest>=8.3', // bump: pypi pytest
	pytestCov: 'pytest-cov>=5', // bump: pypi pytest-cov
	ruff: 'ruff>=0.17', // bump: pypi ruff (0.17 = the line PRE_COMMIT_REFS.ruff and the matrix's ruff-wasm 0.17.4 check with; knows target-version py315)
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
 * `source` names its newest commit date, and a SHA is the commit the release
 * tag points to (peeled). Actions and frozen pre-commit revs are written as
 * that SHA with the tag as a comment, so the record keeps both.
 * tests/unit/versions.test.ts fails when a generated file names a ref or an
 * image that is not recorded here, or a `uses:` that is not SHA-pinned with
 * its recorded tag. `npm run pins` lists every record, oldest check first.
 * ---------------------------------------------------------------------------
 */

/** The day the look-ups below were made. */
export { CHECKED };

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
	/** The date of that commit (null when the SHA came from elsewhere than a fetched repository, or is unknown). */
	readonly date: string | null;
	readonly checked: string;
	/** Where it was checked. */
	readonly source: string;
	/** Neighbouring refs seen upstream: the tag-list evidence. */
	readonly seen: readonly string[];
	/** What else was established (release notes, why this ref and not another). */
	readonly evidence?: string;
}

// Generic, so a record keeps what it says (an action's `sha` is a string, never null: ACTION_REFS checks it).
const ref = <const R extends Omit<UpstreamRef, 'checked'>>(r: R): R & { readonly checked: string } => ({ ...r, checked: CHECKED });
export { DHI_PYTHON, PYTHON_END_OF_LIFE, LAMBDA_PYTHON_RUNTIMES, LAMBDA_PYTHON_LIFECYCLE };

/**
 * GitHub Actions the generated ci.yml / release.yml use, each pinned to the
 * commit of an exact release tag (`owner/repo@<sha> # vX.Y.Z`): a tag can be
 * moved, a commit cannot. `ref` is the release tag, `sha` the commit it
 * points to (peeled), `date` that commit's date; `evidence` says that the
 * inputs and outputs ci.ts uses exist in the action.yml at that tag.
 */
export const ACTION_REFS = {
	checkout: ref({
		repo: 'actions/checkout',
		ref: 'v7.0.1',
		kind: 'tag',
		sha: '3d3c42e5aac5ba805825da76410c181273ba90b1',
		date: '2026-07-17',
		source: via('actions/checkout', '2026-07-22'),
		seen: ['v6.1.0', 'v7', 'v7.0.0', 'v7.0.1'],
		evidence:
			'newest tag (the moving v7 points to the same commit); action.yml at v7.0.1 has input persist-credentials (default true, ci.ts sets false), runs node24. CHANGELOG v7.0.0: blocks checking out fork PRs under pull_request_target/workflow_run (the workflows run on push, pull_request, tags). astral-sh/ruff-pre-commit\'s own main.yml pins the same actions/checkout@3d3c42e5… # v7.0.1'
	}),
	setupPython: ref({
		repo: 'actions/setup-python',
		ref: 'v7.0.0',
		kind: 'tag',
		sha: '5fda3b95a4ea91299a34e894583c3862153e4b97',
		date: '2026-07-19',
		source: via('actions/setup-python', '2026-07-24'),
		seen: ['v6.3.0', 'v7', 'v7.0.0'],
		evidence: 'newest tag (v7 points to the same commit); action.yml at v7.0.0 has inputs python-version, cache, cache-dependency-path and output python-path (the Poetry job reads steps.python.outputs.python-path), runs node24'
	}),
	// setup-uv publishes no moving major tags since v8.0.0: the tags after v7.6 are
	// v8.0.0 v8.1.0 v8.2.0 v8.3.0 v8.3.1 v8.3.2 v9.0.0 v10.0.0 v10.0.1 and no v8, v9 or v10.
	setupUv: ref({
		repo: 'astral-sh/setup-uv',
		ref: 'v10.0.1',
		kind: 'tag',
		sha: '20cfd1bf945f4377ade1205e4dbc17946fc9a30d',
		date: '2026-08-14',
		source: via('astral-sh/setup-uv', '2026-08-20'),
		seen: ['v7', 'v7.6', 'v7.6.0', 'v8.0.0', 'v8.3.2', 'v9.0.0', 'v10.0.0', 'v10.0.1'],
		evidence:
			'newest tag, an exact release (v10.0.0 is ae62891fec2bb8e7d6c99fc78c9fec3a63790f8d); its action.yml has the inputs ci.ts sets (version, python-version, enable-cache), runs node24; its known checksums cover uv 0.12.4 (TOOLS.uv)'
	}),
	uploadArtifact: ref({
		repo: 'actions/upload-artifact',
		ref: 'v7.0.0',
		kind: 'tag',
		sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
		date: '2026-02-25',
		source: via('actions/upload-artifact', '2026-03-01'),
		seen: ['v6.0.0', 'v7', 'v7.0.0'],
		evidence: 'newest tag (v7 points to the same commit); action.yml at v7.0.0 has inputs name, path, if-no-files-found, runs node24'
	}),
	downloadArtifact: ref({
		repo: 'actions/download-artifact',
		ref: 'v8.0.1',
		kind: 'tag',
		sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
		date: '2026-03-11',
		source: via('actions/download-artifact', '2026-05-04'),
		seen: ['v7.0.0', 'v8', 'v8.0.0', 'v8.0.1'],
		evidence: 'newest tag (v8 points to the same commit); action.yml at v8.0.1 has inputs name, path, runs node24'
	}),
	pypiPublish: ref({
		repo: 'pypa/gh-action-pypi-publish',
		ref: 'v1.14.2',
		kind: 'tag',
		sha: 'dc37677b2e1c63e2034f94d8a5b11f265b73ba33',
		date: null,
		source: `${via('pypa/gh-action-pypi-publish', '2024-03-08')}: stale, its newest tag is v1.8.14 (81e9d935c883d0b210363ab89cf05f3894778450); the tag and SHA from the search tool (corpora code and issues)`,
		seen: ['v1.8.14', 'v1.13.0', 'v1.14.0', 'v1.14.1', 'v1.14.2'],
		evidence:
			'the fetched snapshot predates the action\'s attestations, so the tag was read from public material: many public workflows pin `pypa/gh-action-pypi-publish@dc37677b2e1c63e2034f94d8a5b11f265b73ba33 # v1.14.2` (one notes it is the tip of release/v1); packit/packit PR 2758 "Bump gh-action-pypi-publish to v1.14.2" (2026-08-14) and grafana/grafana-foundation-sdk PR 1319 (2026-09-09) move to it, and nothing newer was found. Earlier: v1.14.1 = ba38be9e461d3875417946c167d0b5f3d385a247 (beeware PRs, 2026-08-05), v1.14.0 (release notes in robert-koch-institut/mex-common PR 694: verbose and print-hash on by default), v1.13.0 = ed0c53931b1dc9bd32cbe73a98c7f6766f8a527e. The README documents SHA pinning ("use an exact tag, or opt-in to use a full Git commit SHA and Dependabot"). ci.ts sets no inputs: trusted publishing needs only `permissions: id-token: write`, and PEP 740 attestations are on by default with trusted publishing since v1.11.0 (PR 277 "action: enable attestations by default"; cycodehq/cycode-cli PR 261 cites releases/tag/v1.11.0). The action.yml at v1.14.2 is not stored here'
	}),
	setupBuildx: ref({
		repo: 'docker/setup-buildx-action',
		ref: 'v4.3.0',
		kind: 'tag',
		sha: '37fe631027851001ddb9b187196cc803df7f5f0e',
		date: '2026-08-17',
		source: via('docker/setup-buildx-action', '2026-08-18'),
		seen: ['v4', 'v4.2.0', 'v4.3.0'],
		evidence: 'newest tag; ci.ts sets no inputs; runs node24'
	}),
	dockerLogin: ref({
		repo: 'docker/login-action',
		ref: 'v4.1.0',
		kind: 'tag',
		sha: '4907a6ddec9925e35a0a9e82d7399ccc52663121',
		date: '2026-04-02',
		source: via('docker/login-action', '2026-04-30'),
		seen: ['v4', 'v4.0.0', 'v4.1.0'],
		evidence: 'newest tag; action.yml at v4.1.0 has inputs registry, username, password, runs node24'
	}),
	dockerMetadata: ref({
		repo: 'docker/metadata-action',
		ref: 'v6.2.0',
		kind: 'tag',
		sha: 'dc802804100637a589fabce1cb79ff13a1411302',
		date: '2026-07-02',
		source: via('docker/metadata-action', '2026-07-02'),
		seen: ['v6', 'v6.1.0', 'v6.2.0'],
		evidence: 'newest tag; action.yml at v6.2.0 has inputs images, tags and outputs tags, labels, runs node24'
	}),
	dockerBuildPush: ref({
		repo: 'docker/build-push-action',
		ref: 'v7.3.0',
		kind: 'tag',
		sha: '53b7df96c91f9c12dcc8a07bcb9ccacbed38856a',
		date: '2026-07-01',
		source: `${via('docker/build-push-action', '2026-07-23')}; docs.docker.com/build/ci/github-actions/attestations and /build/attestations/slsa-provenance (search corpus docs)`,
		seen: ['v7', 'v7.2.0', 'v7.3.0'],
		evidence:
			'newest tag (v7 points to the same commit); action.yml at v7.3.0 has inputs context, push, tags, labels, cache-from, cache-to, provenance ("shorthand for --attest=type=provenance"), sbom ("shorthand for --attest=type=sbom") and output digest, runs node24. Docker\'s docs: `--provenance=mode=max` is the shorthand for `--attest type=provenance,mode=max`; without the input a private repository gets mode=min'
	}),
	gcpAuth: ref({
		repo: 'google-github-actions/auth',
		ref: 'v3.0.0',
		kind: 'tag',
		sha: '7c6bc770dae815cd3e89ee6cdf493a5fab2cc093',
		date: '2025-08-28',
		source: via('google-github-actions/auth', '2025-09-03'),
		seen: ['v2', 'v2.1.13', 'v3', 'v3.0.0'],
		evidence:
			'newest tag in the snapshot (v3 points to the same commit; runs on node24); its action.yml has the inputs release.yml sets (workload_identity_provider, service_account, token_format, create_credentials_file) and the output access_token ("only available when token_format is access_token", README). The snapshot is older than CHECKED; public workflows of 2026 in the search index still pin google-github-actions/auth@7c6bc770… # v3.0.0, next to setup-uv v10.0.1, and no later v3.x was found'
	}),
	attest: ref({
		repo: 'actions/attest',
		ref: 'v4.2.2',
		kind: 'tag',
		sha: '1e69f48acb82d1966a394da916b4c1698aa569d6',
		date: '2026-08-04',
		source: `${via('actions/attest', '2026-08-04')}; ${via('actions/attest-build-provenance', '2026-03-04')}`,
		seen: ['v4', 'v4.1.0', 'v4.2.0', 'v4.2.1', 'v4.2.2'],
		evidence:
			'newest tag (v4 points to the same commit; v4.2.1 = 508db95dd578ae2727ebd6217d5ba78e4fbda05d); action.yml at v4.2.2 has inputs subject-name, subject-digest, push-to-registry (default false), create-storage-record (default true, "requires that push-to-registry is set to true"), runs node24. README: permissions id-token: write + attestations: write (artifact-metadata: write only for the storage record); for an image, subject-name is the fully qualified name without a tag ("docker.io" for Docker Hub) and subject-digest the build step\'s digest; its container example adds packages: write for GHCR. src/attest.ts creates the storage record only for organisation-owned repositories and only warns without artifact-metadata: write, so release.yml turns it off. actions/attest-build-provenance v4.1.0\'s README: "As of version 4, actions/attest-build-provenance is simply a wrapper on top of actions/attest ... new implementations should use actions/attest instead"'
	})
} as const satisfies Record<string, UpstreamRef & { sha: string }>;

export type ActionKey = keyof typeof ACTION_REFS;

/** The `uses:` value of each action in the generated workflows: `owner/repo@<sha>` (what a YAML parser reads). */
export const ACTIONS = Object.fromEntries(Object.entries(ACTION_REFS).map(([k, r]) => [k, `${r.repo}@${r.sha}`])) as {
	readonly [K in ActionKey]: string;
};

/** What ci.ts writes for `uses:`: the SHA-pinned value with its release as the comment, `owner/repo@<sha> # vX.Y.Z`. */
export const USES = Object.fromEntries(
	Object.entries(ACTION_REFS).map(([k, r]) => [k, new TrailingComment(ACTIONS[k as ActionKey], r.ref)])
) as { readonly [K in ActionKey]: TrailingComment };

/**
 * pre-commit hook repositories and their pinned revs. A rev whose SHA is
 * recorded is written frozen, as `pre-commit autoupdate --freeze` writes it
 * (pre-commit v4.6.2 pre_commit/commands/autoupdate.py: `rev: <sha>  # frozen: <tag>`,
 * two spaces; autoupdate reads the comment back and keeps freezing); one
 * whose SHA could not be read is written as its tag.
 */
export const PRE_COMMIT_REFS = {
	hooks: ref({
		repo: 'pre-commit/pre-commit-hooks',
		ref: 'v6.0.0',
		kind: 'tag',
		sha: '3e8a8703264a2f4a69428a0aa4dcb512790b2c8c',
		date: '2025-08-09',
		source: `${via('pre-commit/pre-commit-hooks', '2026-05-14')}; /work/.library/env/packages/pypi.tsv (pre-commit-hooks 6.0.0, 2025-08)`,
		seen: ['v4.6.0', 'v5.0.0', 'v6.0.0'],
		evidence: 'newest tag, and the newest pre-commit-hooks on PyPI; its .pre-commit-hooks.yaml has every hook id repo-files.ts names'
	}),
	ruff: ref({
		repo: 'astral-sh/ruff-pre-commit',
		ref: 'v0.17.4',
		kind: 'tag',
		sha: null,
		date: null,
		source: `${via('astral-sh/ruff-pre-commit', '2026-08-22')}; npm registry: npm view @astral-sh/ruff-wasm-nodejs time; /work/.library/env/packages/pypi.tsv (ruff 0.17.5, 2026-11)`,
		seen: ['v0.16.0', 'v0.16.1', 'v0.16.2', 'v0.16.3', 'v0.16.4'],
		evidence:
			'the snapshot ends at v0.16.4 (aab412d509121cb5f7533134b7e67f9fab59c682, commit "Mirror: 0.16.4", the day ruff 0.16.4 reached npm); its main.yml runs mirror.py every 4 hours and tags every ruff release v<version>. Kept at the ruff Slipway checks generated code with: @astral-sh/ruff-wasm-nodejs 0.17.4 (npm, 2026-11-05; npm has no 0.17.5), so the hook formats and lints as the tests did. ruff 0.17.5 is on PyPI (pypi.tsv): bump both together. SHA not seen here: the stored snapshot predates the tag and no public config in the search index names it, so the rev is written as the tag'
	}),
	mypy: ref({
		repo: 'pre-commit/mirrors-mypy',
		ref: 'v2.4.1',
		kind: 'tag',
		sha: null,
		date: null,
		source: `${via('pre-commit/mirrors-mypy', '2025-12-15')}; ${via('python/mypy', '2026-08-23')}; /work/.library/env/packages/pypi.tsv (mypy 2.4.1, 2026-10)`,
		seen: ['v1.18.2', 'v1.19.0', 'v1.19.1', 'v2.3.1', 'v2.4.0'],
		evidence:
			'the mirrors-mypy snapshot is stale (ends at v1.19.1, a66e98df7b4aeeb3724184b332785976d062b92e); its main.yml runs pre-commit-mirror-maker daily and tags every mypy release on PyPI v<version> (each tag of the snapshot is one). mypy 2.4.1 is the newest on PyPI (pypi.tsv, 2026-10); python/mypy has tag v2.3.1 (d642c4478e9e3acbe9233edbe17ffc569a1a778c, 2026-08-14, the newest in its snapshot); public pre-commit configs in the search index pin mirrors-mypy v2.3.1 and v2.4.0. SHA not seen here: the rev is written as the tag'
	})
} as const satisfies Record<string, UpstreamRef>;

/** One `repos:` entry of the generated .pre-commit-config.yaml: `rev` is what a YAML parser reads (the SHA when frozen). */
export interface PreCommitPin {
	readonly repo: string;
	readonly rev: string;
	/** The release the rev is: the `# frozen:` comment when `rev` is a SHA. */
	readonly tag: string;
	/** What repo-files.ts writes for `rev:`. */
	readonly yaml: TrailingComment | string;
}

/** The `repo:` / `rev:` pairs the generated .pre-commit-config.yaml writes. */
export const PRE_COMMIT = Object.fromEntries(
	Object.entries(PRE_COMMIT_REFS).map(([k, r]) => {
		const sha: string | null = r.sha;
		return [k, { repo: `https://github.com/${r.repo}`, rev: sha ?? r.ref, tag: r.ref, yaml: sha ? new TrailingComment(sha, `frozen: ${r.ref}`, '  ') : r.ref }];
	})
) as { readonly [K in keyof typeof PRE_COMMIT_REFS]: PreCommitPin };

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
	poetry: '2.5.1' // bump: pypi poetry; see TOOL_VERSIONS.poetry
} as const;

/** Python build frontend pinned where CI builds distributions with pip, and the README's pip-tools. */
export const PY_TOOLS = {
	build: '1.6.1', // bump: pypi build; see TOOL_VERSIONS.build
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

/**
 * Poetry 2 layout's `[tool.poetry] requires-poetry`: the higher of the Poetry that bundles the
 * poetry-core floor above (2.2) and the Poetry that reads poetry.toml's solver.min-release-age,
 * the release cooldown (2.4.0: COOLDOWN.poetry). Keep TOOLS.poetry at or above it.
 */
export const REQUIRES_POETRY = '>=2.4';

/**
 * Build-system requirement of the Poetry 1.x ("classic") layout, which Poetry 2 still builds.
 * The 2.2 floor of the Poetry 2 layout does not apply: the classic layout has no [project]
 * table, so no PEP 639 fields (license is [tool.poetry] license, which every poetry-core
 * writes as the classic License field; poetry-core 2.2's factory reads it as raw_license), and
 * its floor stays where Poetry 1.8 users can build it.
 */
export const POETRY_CLASSIC_CORE = 'poetry-core>=1.9,<3.0.0'; // bump: pypi poetry-core

/**
 * `[tool.poetry.group.X] include-groups = [...]`, which the Poetry 2 layout writes for a group
 * that includes others (issue 19.4). REQUIRES_POETRY is above it; the classic layout, for
 * Poetry 1, cannot say it (validate.ts refuses includes there).
 */
export const POETRY_INCLUDE_GROUPS = {
	setting: '[tool.poetry.group.<name>] include-groups',
	introduced: '2.2.0',
	checked: CHECKED,
	source: 'github:python-poetry/poetry-core src/poetry/core/json/schemas/poetry-schema.json: absent at tag 2.1.3, present at 2.2.0 (f8c3684d3d1502ae653c1ef5abebc74e895ee8da) and 2.3.2 (23bf0ac6b8a50a0756ef4d657d8ff67aef88aa67, vendored in tests/validate/schemas); python-poetry.org/blog/announcing-poetry-2.2.0 ("Normalizing dependency group names and nesting dependency groups")',
	evidence: 'the 2.2.0 schema gives a group the properties optional, include-groups (array of group names) and dependencies; the announcement shows [tool.poetry.group.dev] include-groups = ["test", "lint"]'
} as const;

/**
 * How each manager's `add` puts a requirement into an extra or a named dependency group
 * (output/bootstrap.ts; its test holds the commands to this record). Neither has a command
 * for a group's includes (PEP 735 include-group / Poetry include-groups): the Review step's
 * commands leave those to pyproject.toml.
 */
export const ADD_TO_EXTRA_OR_GROUP = {
	uv: { extra: '--optional', group: '--group' },
	poetry: { extra: '--optional', group: '--group' },
	checked: CHECKED,
	source: 'github:astral-sh/uv crates/uv-cli/src/lib.rs AddArgs @ 26a9dd4b2125bc271b47855e1fa0c49af3365db5 (2026-08-21, after 0.12.5); github:python-poetry/poetry src/poetry/console/commands/add.py and docs/cli.md @ f46702336862f30050d5c641d5ed6f7568ded793 (2026-06-21, after 2.4.1)',
	evidence: 'uv: `optional: Option<ExtraName>` "Add the requirements to the package\'s optional dependencies for the specified extra", and `--group`; Poetry: option "optional" with flag=False (takes the extra\'s name) "Add as an optional dependency to an extra." (only to the main group), and "--group (-G): The group to add the dependency to."'
} as const;

/**
 * SQLAlchemy 2 + Alembic (issue 20.1, skeleton/database.ts) and the one-off
 * migration commands of the serverless targets: what the generated files rely on.
 */
export const SQLALCHEMY_ALEMBIC = {
	scriptLocationPackageResource: {
		fact: 'script_location "<pkg>:migrations" (non-absolute, with a colon) is a package resource: Alembic resolves it with importlib.resources.files(<pkg>) / "migrations", so the migrations are found wherever the package is installed',
		checked: CHECKED,
		source: 'github:sqlalchemy/alembic tag rel_1_13_2 (c57a5b7b4d88296bbfc73c1dd770a9122bc1002e): alembic/util/pyfiles.py coerce_resource_to_filename, alembic/script/base.py ScriptDirectory.from_config, docs/build/tutorial.rst; the proof root runs Debian 13 python3-alembic 1.13.2',
		evidence: '"Names that are non absolute paths and contain a colon are interpreted as resources and coerced to a file location" (compat.importlib_resources.files(tokens[0]) / tokens[1:]); from_config applies prepend_sys_path (sys.path[:0] = ...) before it resolves script_location; versions/ files matching (?!\\.\\#|__init__)(.*\\.py)$ are revisions, so versions/__init__.py is skipped'
	},
	pathSeparator: {
		fact: 'path_separator (os = os.pathsep) splits prepend_sys_path from Alembic 1.16; without it 1.16+ warns "No path_separator found in configuration"; 1.13 does not read the key',
		checked: CHECKED,
		source: 'github:sqlalchemy/alembic alembic/config.py at rel_1_16_0 (468019c355ceea8b2cc75fcebe157314a805ec89) and main (20e58db01cad3432c24734e11b893303cdb687a4, 2026-08-08, after rel_1_19_1); absent at rel_1_15_0 (fc34867efd14016a8363a933c061f049c880eed4)',
		evidence: '_get_file_separator_char: {"space": " ", "newline": "\\n", "os": os.pathsep, ...}; get_prepend_sys_paths_list warns_deprecated "Consider adding path_separator=os to Alembic config."'
	},
	declarativeBase: {
		fact: 'SQLAlchemy 2.0 maps with a DeclarativeBase subclass and Mapped[...] / mapped_column(); create_engine("postgresql+psycopg://...") is the psycopg 3 dialect',
		checked: CHECKED,
		source: 'docs.sqlalchemy.org/en/20/orm/declarative_styles.html ("Using a Declarative Base Class": class Base(DeclarativeBase)), /en/20/orm/declarative_tables.html (mapped_column derives type and nullability from Mapped); the proof root runs Debian 13 python3-sqlalchemy 2.0.40 with python3-psycopg 3.2.6 (tests/test_db.py passes against PostgreSQL 17 there)',
		evidence: 'SQLAlchemy 2.0 docs; pypi.tsv: sqlalchemy 2.1.9, alembic 1.20.1 (November 2026) satisfy the floors sqlalchemy>=2.0, alembic>=1.13'
	},
	cloudRunJob: {
		fact: 'gcloud run jobs deploy JOB creates or updates a job and takes --image, --command, --args, --service-account, --set-cloudsql-instances, --set-env-vars, --set-secrets KEY=SECRET:VERSION, --max-retries, --task-timeout, --execute-now with --wait',
		checked: CHECKED,
		source: 'cloud.google.com/sdk/gcloud/reference/run/jobs/deploy (SYNOPSIS)',
		evidence: '"gcloud run jobs deploy - create or update a Cloud Run job"; synopsis lists [--args=[ARG,...]] [--command=[COMMAND,...]] [--max-retries=MAX_RETRIES] [--service-account=SERVICE_ACCOUNT] [--set-cloudsql-instances=...] [--set-secrets=[KEY=SECRET_NAME:SECRET_VERSION,...]] [--task-timeout=TASK_TIMEOUT] [--async | --execute-now --wait] [--set-env-vars=[KEY=VALUE,...]] [--image=IMAGE]'
	},
	lambdaInvoke: {
		fact: 'aws lambda invoke --function-name F --cli-binary-format raw-in-base64-out --payload JSON response.json invokes synchronously with a literal JSON event (the flag is required with AWS CLI v2)',
		checked: CHECKED,
		source: 'docs.aws.amazon.com/lambda/latest/dg/invocation-sync ("Invoke a Lambda function synchronously")',
		evidence: '"aws lambda invoke --function-name my-function --cli-binary-format raw-in-base64-out --payload \'{ "key": "value" }\' response.json"; "The cli-binary-format option is required if you\'re using AWS CLI version 2"'
	}
} as const;

/**
 * Celery (issue 20.2: skeleton/celery.ts, model/runtime.ts celeryFacts, the targets' worker and beat)
 * and the Cloud Run worker pool its README names: what the generated files rely on.
 */
export const CELERY = {
	warmShutdown: {
		fact: "SIGTERM starts the worker's warm shutdown: it finishes the tasks it is running, then exits; so every platform's stop grace period is the task time limit (task_time_limit) plus a margin",
		checked: CHECKED,
		source: 'docs.celeryq.dev/en/v5.5.2/userguide/workers.html ("Stopping the worker"); celery/app/defaults.py (task time_limit) of Debian 13 python3-celery 5.5.2, the proof root',
		evidence: '"Shutdown should be accomplished using the TERM signal. When shutdown is initiated the worker will finish all currently executing tasks before it actually terminates"; the journey sees "worker: Warm shutdown (MainProcess)" and exit 0 after SIGTERM'
	},
	ping: {
		fact: "celery inspect ping takes -d/--destination (node names) and -t/--timeout; a worker started without -n is celery@<hostname> (celery.utils.nodenames default_nodename: NODENAME_DEFAULT 'celery' @ gethostname()); app.control.ping(destination=[...]) is the same broadcast and returns as soon as every named node answered",
		checked: CHECKED,
		source: 'manpages.ubuntu.com/manpages/noble/man1/celery-inspect.1.html (celery 5.3.6); docs.celeryq.dev/en/v5.5.2/userguide/workers.html (--hostname, %h); the proof root: celery/utils/nodenames.py 5.5.2, kombu/pidbox.py 5.5.3 (limit = destination and len(destination) or None)',
		evidence: 'journey: python -m <pkg>.celery_ping printed "celery@<host>: pong" against a worker started as generated'
	},
	django: {
		fact: "Celery's Django layout: <proj>/celery.py sets DJANGO_SETTINGS_MODULE, app.config_from_object('django.conf:settings', namespace='CELERY') and app.autodiscover_tasks(); <proj>/__init__.py imports the app so @shared_task uses it",
		checked: CHECKED,
		source: 'docs.celeryq.dev/en/v5.3.6/_sources/django/first-steps-with-django.rst.txt; the 5.5 page (mirror hellowac.github.io/celery-zh-cn/django/first-steps-with-django.html: "Celery 5.5.x supports Django 2.2 LTS or newer") has the same code',
		evidence: 'journey: the Django project\'s worker answers the ping and returns add(2, 3) = 5 through Redis'
	},
	retryOnStartup: {
		fact: 'broker_connection_retry_on_startup left unset makes the 5.x worker warn (CPendingDeprecationWarning) and fall back to broker_connection_retry; the app sets it to True',
		checked: CHECKED,
		source: 'celery/worker/consumer/consumer.py of Debian 13 python3-celery 5.5.2 ("Rely only on broker_connection_retry_on_startup ... We will make the switch in Celery 6.0")',
		evidence: 'celery/app/defaults.py: broker connection_retry_on_startup=Option(None, type="bool")'
	},
	cloudRunWorkerPools: {
		fact: 'Cloud Run worker pools run continuous background work, with no load-balanced URL and no autoscaling; gcloud beta run worker-pools deploy NAME takes --image, --command, --args, --region, --set-env-vars, --set-secrets',
		checked: CHECKED,
		source: 'cloud.google.com/run/docs/deploy-worker-pools; cloud.google.com/sdk/gcloud/reference/beta/run/worker-pools/deploy (SYNOPSIS)',
		evidence: '"Worker pools are a Cloud Run resource specifically designed for performing continuous background work. In contrast to Cloud Run services, worker pools do not have a load balanced endpoint/URL and do not support autoscaling."'
	},
	pypi: {
		fact: 'celery>=5.5 is satisfiable by Debian 13 (5.5.2, kombu 5.5.3, redis-py 6.1.0: the proof root) and by PyPI (celery 5.7.0, kombu 5.7.0, November 2026)',
		checked: CHECKED,
		source: '/work/.library/env/packages/pypi.tsv; chroot python3 -c "import celery, kombu, redis"',
		evidence: 'celery 5.7.0 (2026-11), kombu 5.7.0 (2026-11); celery ships no py.typed (mypy: ignore_missing_imports for celery.*)'
	}
} as const;

/**
 * The SPDX License List behind license validation (model/spdx.ts): the npm packages
 * spdx-expression-parse 5.0.0 (grammar), spdx-license-ids 3.0.24 and spdx-exceptions 2.5.0.
 */
export const SPDX_LICENSE_LIST = {
	packages: { 'spdx-expression-parse': '5.0.0', 'spdx-license-ids': '3.0.24', 'spdx-exceptions': '2.5.0' },
	listVersion: '3.28.0 or later',
	checked: CHECKED,
	source: 'npm view spdx-license-ids time (3.0.24 published 2026-09-17), spdx-expression-parse (5.0.0, 2026-07-23), spdx-exceptions (2.5.0); github:jslicense/spdx-license-ids commit 997aad6343a9f415ee5e805af9a108d9ae085b68 "update license list to v3.28.0 (2026-02-20T00:00:00Z)" released as 3.0.23 (a2a975daf48bbc2afdc8e7c304405b44c656fd53)',
	evidence: "the mirror's newest tag is 3.0.23 = SPDX License List 3.28.0; the installed 3.0.24 has the same ids plus 17 new ones (e.g. BSD-3-Clause-OpenWebUI, atc-game), a later list whose version number the mirror does not record: 708 identifiers in all"
} as const;

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
			'tag 0.12.4 = 77803aa225e651c4da37bb543f659f5dad905fbb (2026-08-13; newest in the snapshot: 0.12.5 = 210d1f6785e95a8c8c0d53e284408c9be1134700). The earlier pin 0.12.24 is in no source reachable here. 0.12.4 rather than 0.12.5: setup-uv v10.0.1 knows its checksums and verifies the download. ' +
			'Not 0.13 (re-checked 2026-12-01, issue 16.6): pypi.tsv lists uv 0.13.8 (2026-11) and uv-build 0.13.6, but no stored setup-uv knows a 0.13 checksum: src/download/checksum/known-checksums.ts at v10.0.1 ends at 0.12.4, the newest setup-uv file in the search index (known-checksums.json at b878e787c0487c19223786f9c7823935a6b2193d) at 0.12.9, and with an unknown version setup-uv downloads without verifying (checksum.ts: "No checksum found", return). A verified 0.12.4 is kept over an unverified 0.13.8; bump with ACTION_REFS.setupUv'
	}),
	poetry: tool({
		version: '2.5.1',
		source: `/work/.library/env/packages/pypi.tsv (poetry 2.5.1, 2026-09; poetry-core 2.5.0, 2026-09); ${via('python-poetry/poetry', '2026-06-21')}; issues: python-poetry/poetry#10995 "2.5.0 Release"`,
		evidence:
			'2.5.1 is the newest release (pypi.tsv). The snapshot ends at tag 2.4.1 = 811a12dae0fe81f199e3f1b88b8b8be9eed543c2 (2026-05-09; pyproject: requires-python >=3.10,<4.0, poetry-core ==2.4.0); the 2.5.0 release tracking issue (#10995, opened 2026-07-26) is the newest upstream trace. Tag and SHA of 2.5.1 not seen here. Satisfies REQUIRES_POETRY (>=2.4, the Poetry of the release-cooldown setting)'
	}),
	build: tool({
		version: '1.6.1',
		source: `/work/.library/env/packages/pypi.tsv (build 1.6.1, 2026-09); ${via('pypa/build', '2026-08-18')}`,
		evidence:
			'1.6.1 is the newest release (pypi.tsv, 2026-09), after the snapshot: its newest tags are 1.5.0 -> 615d04cfc52ac3c1592a463f0afe484fee1cc368 (2026-04-30) and 1.5.1 -> d08fcd723500a7d676867144e1e7a22b650aeb7d (2026-07-09; requires-python >= 3.10). Tag and SHA of 1.6.1 not seen here. Was 1.3.0 (60e8752f69178d2b2c3563e9c8fa17aa6e11b12c, 2025-08-01)'
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
		evidence: 'uv_build 0.12.x is released with uv 0.12.x (crates/uv-build/pyproject.toml version 0.12.0 at tag 0.12.0, 0.12.4 at 0.12.4); pypi.tsv lists uv-build 0.13.6 as latest. Stays on uv\'s minor line (TOOLS.uv, see TOOL_VERSIONS.uv for why not 0.13): uv\'s build-backend guide at 0.12.4 writes `uv_build>=0.12.4,<0.13`'
	}),
	flitCore: tool({
		version: '4.2.0',
		source: `/work/.library/env/packages/pypi.tsv (flit-core 4.2.0, 2026-10); ${via('pypa/flit', '2026-04-29')}`,
		evidence:
			'4.2.0 is the newest flit-core (pypi.tsv); the snapshot ends at tag 4.0.0 = ef7f31925305a50bd097f06b913717192490ad44 (2026-04-29), whose doc/pyproject_toml.rst writes `requires = ["flit_core >=3.11,<5"]` ("all packages should specify <5"; license expressions and license-files need >=3.11) and doc/history.rst says projects on the [project] table "can simply change the flit_core <4 constraint to <5". BACKEND_REQUIRES keeps the floor 3.12 (AND/OR license expressions, Version 3.12) with the upper bound <5'
	}),
	django: tool({
		version: '5.2',
		source: '/work/.library/env/packages/pypi.tsv (django 6.1.3, 2026-11); Debian trixie-backports main/binary-amd64 Packages (python3-django 3:5.2.19-1~bpo13+1), read with apt in the proof root',
		evidence:
			'the floor is the LTS line, not the latest (6.1): 4.2 LTS ended in April 2026 (issue 16), 5.2 is the LTS the proof root can run (trixie-backports 5.2.19; main has 4.2.28). tests/validate/journeys/django.test.ts runs collectstatic and check --deploy on it'
	}),
	whitenoise: tool({
		version: '6.8',
		source: via('evansd/whitenoise', '2026-08-18', 'tags and docs/changelog.rst'),
		evidence:
			'tags 6.8.2 (2024-10-29), 6.9.0 = 1d26ef0a24ccb3bd9ba63db278a388769e880c06 (2025-02-06, changelog "Support Django 5.2"), newest 6.12.0 (2026-02-27; pypi.tsv also 6.12.0). `git diff 6.8.2 6.9.0 -- src` is empty: 6.9.0 only declares and tests 5.2, so the floor stays where Debian 13 (6.8.2) satisfies it; unreleased main drops Django 4.2-5.1'
	}),
	poetryCore: tool({
		version: '2.2',
		source: via('python-poetry/poetry-core', '2026-04-19'),
		evidence:
			'tags 2.2.0 f8c3684d3d1502ae653c1ef5abebc74e895ee8da (2025-09-14), 2.2.1 548f5c215b535cae4b9dfc1ef7c828602471c181; CHANGELOG 2.2.0 "Add support for PEP 639 license clarity (#870)"; masonry/metadata.py metadata_version "2.4" at 2.2.0, "2.3" at 2.1.2'
	})
} as const satisfies Record<string, ToolVersion>;





/**
 * ---------------------------------------------------------------------------
 * Release cooldown ("wait N days before taking a new release", issue 16.2):
 * where each tool takes it, in which syntax, and the release that introduced
 * it. packaging.releaseCooldownDays drives all of them (generators/cooldown.ts).
 * ---------------------------------------------------------------------------
 */
export interface CooldownFact {
	/** The tool's own name for the setting, and where it is written. */
	readonly setting: string;
	/** The first release that accepts what Slipway writes (null: not versioned, a hosted service). */
	readonly introduced: string | null;
	/** The syntax Slipway writes, as the tool documents it. */
	readonly syntax: string;
	readonly checked: string;
	readonly source: string;
	readonly evidence: string;
}
const cooldownFact = (c: Omit<CooldownFact, 'checked'>): CooldownFact => ({ ...c, checked: CHECKED });

/**
 * Dependabot keeps the dev container current (issue 20.3, dependabot.ts): the `devcontainers`
 * ecosystem at directory "/" reads .devcontainer/devcontainer.json (its features, and since the
 * image parser its `image`), and the `docker-compose` fetcher reads the compose files of each
 * directory it is given, so `/.devcontainer` covers .devcontainer/compose.yaml. Cooldown applies
 * to every ecosystem but NuGet.
 */
export const DEPENDABOT_DEVCONTAINER = {
	setting: '.github/dependabot.yml package-ecosystem devcontainers (directory /) and docker-compose directories [/, /.devcontainer]',
	introduced: null,
	checked: CHECKED,
	source:
		'github:dependabot/dependabot-core devcontainers/lib/dependabot/devcontainers/file_fetcher.rb @ c94a15b7328cd9862a7b6362d66017f5db155307 and file_parser/image_dependency_parser.rb @ 07f8441fc3b5c55271b79cfacb72e8482b390052; docker_compose/lib/dependabot/docker_compose/file_fetcher.rb @ 6e00d43a3328828e1c984230d17971b0143b706e (via read_file, 2026-12-02); github.blog/changelog/2025-07-01-dependabot-supports-configuration-of-a-minimum-package-age',
	evidence:
		'devcontainers FileFetcher fetches ".devcontainer.json", ".devcontainer/devcontainer.json" and ".devcontainer/<dir>/devcontainer.json" relative to the directory; ImageDependencyParser runs `devcontainer outdated --only-images`; the docker-compose fetcher selects the files of repo_contents (the entry\'s directory) matching FILENAME_REGEX; changelog: cooldown "available for all supported package ecosystems today except for NuGet"'
} as const;

export const COOLDOWN = {
	dependabot: cooldownFact({
		setting: '.github/dependabot.yml updates[].cooldown.default-days',
		introduced: null,
		syntax: 'integer days, 1..90 (no cooldown block for 0); semver-*-days only where the ecosystem has SemVer, which github-actions, docker and docker-compose do not',
		source: 'github:github/docs content/code-security/reference/supply-chain-security/dependabot-options-reference.md (commit 00605c1bc2961fa76d1f1110ab7dea62f7401d4b, via read_file); github:SchemaStore/schemastore src/schemas/json/dependabot-2.0.json (snapshot 3b6446ad8a077bac56f4a4796c0b7fd88927fc8e, 2026-08-07)',
		evidence:
			'options reference, `cooldown`: "only available for version updates, not security updates", parameters default-days, semver-major-days, semver-minor-days, semver-patch-days, include, exclude; its SemVer table marks Docker, Docker Compose and GitHub Actions "Not supported", Pip and UV "Supported". package-ecosystem table: pip-compile -> `pip`, poetry -> `pip` (v2), uv -> `uv`, Docker Compose -> `docker-compose`. dependabot-2.0.json: default-days integer minimum 1 maximum 90, cooldown additionalProperties false'
	}),
	dockerCompose: cooldownFact({
		setting: 'package-ecosystem docker-compose: the compose files Dependabot reads',
		introduced: null,
		syntax: 'FILENAME_REGEX /(docker-)?compose(-[\\w]+)?(?>\\.[\\w-]+)?\\.ya?ml/i: compose.yaml and compose.override.yaml match',
		source: 'github:dependabot/dependabot-core docker_compose/lib/dependabot/docker_compose/file_fetcher.rb (commit 6e00d43a3328828e1c984230d17971b0143b706e, via read_file)',
		evidence: 'the fetcher selects every file of the directory whose name matches FILENAME_REGEX; the docs table lists Docker Compose v2 and v3'
	}),
	uv: cooldownFact({
		setting: '[tool.uv] exclude-newer in pyproject.toml',
		introduced: '0.9.17',
		syntax: '"7 days" (a "friendly" duration; also ISO 8601 P7D); "1 day" for one',
		source: `${via('astral-sh/uv', '2026-08-21')}: changelogs/0.9.x.md, changelogs/0.11.x.md, docs/concepts/resolution.md, uv.schema.json`,
		evidence:
			'0.9.17 (tag 2b5d65e61d829bc81ce116388f849174d56a84ca): "Add support for relative durations in `exclude-newer` (a.k.a., dependency cooldowns) (#16814)"; 0.11.8: "Use a sentinel timestamp for relative `exclude-newer` ... in lockfiles" (uv sync --locked stays satisfied as time passes); resolution.md "Dependency cooldowns": "Either a \\"friendly\\" duration (e.g., `24 hours`, `1 week`, `30 days`) or an ISO 8601 duration (e.g., `PT24H`, `P7D`, `P30D`)", [tool.uv] exclude-newer = "1 week"; exclude-newer-package = { NAME = false } opts one package out (documented 0.11.3). The pyproject\'s required-version (>= TOOLS.uv\'s minor) is above 0.9.17'
	}),
	poetry: cooldownFact({
		setting: 'solver.min-release-age, a Poetry config setting: poetry.toml (the project\'s local config, `poetry config --local`) [solver] min-release-age; not a pyproject.toml key',
		introduced: '2.4.0',
		syntax: 'integer days: [solver]\\nmin-release-age = 7 (0 = off); solver.min-release-age-exclude "NAME,OTHER" exempts packages',
		source: `${via('python-poetry/poetry', '2026-06-21')}: CHANGELOG.md, docs/configuration.md, src/poetry/factory.py at tag 2.4.0 (3fc8b33d8c46bf3fbbf06255f1688a2a7bfdfc6b)`,
		evidence:
			'CHANGELOG [2.4.0] - 2026-05-03: "Add `solver.min-release-age` setting to require package releases to be a certain number of days old before they are considered during dependency resolution (#10824)"; configuration.md: Type int, Default 0, "Introduced in 2.4.0", "Minimum age of a package release in **days**"; "Your local configuration ... is stored in the `poetry.toml` file, which is separate from `pyproject.toml`"; factory.py merges TOMLFile(poetry_file.parent / "poetry.toml") into the config. Run here: Poetry 2.4.0\'s source (tag above; poetry-core from its snapshot, dulwich from Debian sid) in the trixie root read [solver] min-release-age = 7 from poetry.toml (`poetry config solver.min-release-age` printed 7) and `poetry lock` against a local PEP 691 index locked the release uploaded 10 days ago instead of the one uploaded 2 days ago (without poetry.toml: the newer one); trixie\'s Poetry 2.1.2 ignores the file'
	}),
	pip: cooldownFact({
		setting: 'pip install --uploaded-prior-to (a command-line option; not allowed inside a requirements file)',
		introduced: '26.1',
		syntax: 'P7D (ISO 8601 days, "PnD" only); P0D overrides a configured duration',
		source: `${via('pypa/pip', '2026-08-20')}: NEWS.rst, docs/html/user_guide.rst, src/pip/_internal/cli/cmdoptions.py, src/pip/_internal/req/req_file.py`,
		evidence:
			'NEWS 26.0 (2026-01-30): "Add ``--uploaded-prior-to`` option to only consider packages uploaded prior to a given datetime" (#13625); NEWS 26.1 (2026-04-26): "Allow ``--uploaded-prior-to`` to accept a duration in days (e.g., ``P3D`` for 3 days ago)" (#13674); cmdoptions.py matches r"^P(\\d+)D$"; user_guide "To override a duration set in configuration, pass ``P0D``"; req_file.py SUPPORTED_OPTIONS does not list it. Run here: pip 26.2.2 (Debian sid python3-pip 26.2.2+dfsg-1) against a local PEP 691 index took the release uploaded 10 days ago and skipped the one uploaded 2 days ago with P7D'
	}),
	pipTools: cooldownFact({
		setting: 'pip-compile --uploaded-prior-to (passed through to pip)',
		introduced: '7.6.0',
		syntax: 'pip-compile --strip-extras --uploaded-prior-to P7D requirements.in (pip-tools hands the value to pip unchanged, so P7D needs pip >= 26.1, which the README\'s pip upgrade gives)',
		source: `${via('jazzband/pip-tools', '2026-08-22')}: CHANGELOG.md, piptools/scripts/compile.py`,
		evidence:
			'CHANGELOG v7.6.0: "Added `--uploaded-prior-to` as a passthrough option for `pip-compile`"; compile.py: pip_args.extend(["--uploaded-prior-to", uploaded_prior_to]) after refusing pip < 26.0; the option first appears in tags v7.6.0 and v7.6.1; PY_TOOLS.pipTools is 7.6.2'
	})
} as const satisfies Record<string, CooldownFact>;

/**
 * The dev container (.devcontainer/devcontainer.json, issue 20.3): the official devcontainers
 * Python image of the config's Python on Debian 13 (the proof root's release), the official
 * Python feature where no image exists (3.15: the newest image + the feature builds that
 * Python), the manager installed with the image's pipx, VS Code's Python extension, and the
 * JSON schema the validator checks the file against.
 */
export const DEVCONTAINER = {
	repository: 'mcr.microsoft.com/devcontainers/python',
	debian: 'trixie',
	/** The Pythons the image is published for (manifest.json variants `<py>-trixie`). */
	pythons: ['3.10', '3.11', '3.12', '3.13', '3.14'] as readonly string[],
	checked: CHECKED,
	source: 'github:devcontainers/images src/python/manifest.json and src/python/README.md via fetch, at the snapshot\'s newest commit bed3eb260c3c0d78a95ba6a5c27af3601a44b3c8 (2026-07-01, "[Monthly Release] v0.4.29")',
	evidence:
		'manifest.json version 3.1.5, variants 3.14-trixie, 3.13-trixie, 3.12-trixie, 3.11-trixie, 3.10-trixie, 3.14-bookworm ... 3.10-bookworm (no 3.15, no 3.9), tags "python:${VERSION}-${VARIANT}", linux/amd64 and linux/arm64; README "Using this image": "mcr.microsoft.com/devcontainers/python:3.12 (or 3.12-trixie, 3.12-bookworm to pin to an OS version)" for 3.10 to 3.14; "this image includes a number of Python tools" installed with pipx ("You can use this same utility to add additional utilities ... pipx install prospector"); its .devcontainer/devcontainer.json adds ghcr.io/devcontainers/features/python:1 "none" (pipx, PIPX_BIN_DIR on PATH) and remoteUser vscode',
	/** The official Python feature: installs a Python the image lacks (builds it from source). */
	pythonFeature: {
		id: 'ghcr.io/devcontainers/features/python:1',
		version: '1.8.0',
		source: 'github:devcontainers/features src/python/devcontainer-feature.json and install.sh via fetch, at the snapshot\'s newest commit 765e8ebd8f8012fb740cd7b41483a745bcedd212 (2026-07-14; src/python last changed 6e508935b0251b24d971ced4154f959599561ade, 2025-10-27)',
		evidence:
			'"version": "1.8.0"; option version (string, proposals latest/os-provided/none/3.12.., default os-provided), installTools (boolean, default true); install.sh finds the newest tag of the requested minor in python/cpython and builds it into /usr/local/python/<version>, linked as /usr/local/python/current; containerEnv PATH "/usr/local/python/current/bin:/usr/local/py-utils/bin:..." puts it before the image\'s /usr/local/bin/python. The features repository has no uv or Poetry feature (src/: anaconda ... python, ruby, rust, sshd, terraform), so the managers come from pipx'
	},
	/** The compose form (.devcontainer/compose.yaml), as the official PostgreSQL template writes it. */
	composeTemplate: {
		source: 'github:devcontainers/templates src/postgres/.devcontainer/docker-compose.yml and devcontainer.json via fetch, at the snapshot\'s newest commit c1ca13c3ecd61ece026017bfababc041ed4d0440 (2026-04-09)',
		evidence:
			'the app service mounts the repository ("../..:/workspaces:cached") and runs "command: sleep infinity" ("Overrides default command so things don\'t shut down after the process ends"); db: image postgres with POSTGRES_USER/POSTGRES_DB/POSTGRES_PASSWORD and a named volume; devcontainer.json: "dockerComposeFile": "docker-compose.yml", "service": "app", "workspaceFolder". Slipway puts the services on the compose network by name (postgres, redis) instead of the template\'s network_mode: service:db, which can share one service\'s network only'
	},
	/** VS Code's Python extension: the one the Python feature and image themselves install. */
	vscodeExtensions: ['ms-python.python'] as readonly string[],
	vscodeEvidence: 'devcontainers/features src/python/devcontainer-feature.json customizations.vscode.extensions: ["ms-python.python", "ms-python.vscode-pylance", "ms-python.autopep8"] (same commit as pythonFeature)',
	/** The JSON schema of devcontainer.json vendored for the validator (tests/validate/schemas). */
	schema: {
		repo: 'devcontainers/spec',
		path: 'schemas/devContainer.base.schema.json',
		sha: 'd424cc157e9a110f3bf67d311b46c7306d5a465d',
		date: '2024-01-17',
		source: 'github:devcontainers/spec via fetch (snapshot\'s newest commit c95ffeed1d059abfe9ffbe79762dc2fa4e7c2421, 2026-03-20)',
		evidence: 'git log -- schemas/devContainer.base.schema.json: last changed by d424cc1 "Add build options (#324)" (2024-01-17); "$schema": "https://json-schema.org/draft/2019-09/schema"'
	}
} as const;

/** `mcr.microsoft.com/devcontainers/python:<py>-trixie`, recorded for each published Python. */
const devcontainerPython = (v: string) =>
	image({ image: `${DEVCONTAINER.repository}:${v}-${DEVCONTAINER.debian}`, source: DEVCONTAINER.source, evidence: `manifest.json variant ${v}-trixie (tags python:\${VERSION}-${v}-trixie; README: "mcr.microsoft.com/devcontainers/python:${v} (or ${v}-trixie ...)")` });

/** Every image tag a generated file may name, each checked upstream. */
export const IMAGE_TAGS: readonly ImageTag[] = [
	...DEVCONTAINER.pythons.map(devcontainerPython),
	pythonSlim('3.10', '3.10.21'),
	pythonSlim('3.11', '3.11.16'),
	pythonSlim('3.12', '3.12.14'),
	pythonSlim('3.13', '3.13.15'),
	pythonSlim('3.14', '3.14.7'),
	// The name as pythonSlim writes it; the evidence is not the snapshot's (it predates 3.15.0 final).
	{
		...pythonSlim('3.15', '3.15.0'),
		source: `${OFFICIAL('python', '2026-08-13')}; github:python/peps via fetch (snapshot 2026-08-22): peps/pep-0790.rst, release_management/python-releases.toml; issues: python/peps#5112`,
		evidence:
			'3.15.0 final was scheduled for 2026-10-01 (PEP 790 "Expected: 3.15.0 final: Thursday, 2026-10-01"; python-releases.toml first-release = 2026-10-01); the stored material reaches 3.15.0rc2 (2026-09-01, python/peps#5112). official-images library/python at 2026-08-13 has "Tags: 3.15.0rc1-slim-trixie, 3.15-rc-slim-trixie, 3.15.0rc1-slim, 3.15-rc-slim"; at 3.14.0 final the same file turned 3.14-rc-slim-trixie into "3.14.0-slim-trixie, 3.14-slim-trixie, ..., 3.14-slim" the day it shipped (commit 92b80e388d572bee1679101186127d9feb4d785b, 2025-10-07). That 3.15 shipped: uv 0.13.0\'s release notes (github.com/astral-sh/uv/releases/tag/0.13.0, 2026-10-09, search corpus docs) say "uv 0.13.0 makes Python 3.15 the default stable Python version", and public Dockerfiles in the search index write FROM python:3.15-slim (find_string, 2026-12-01). The 3.15 final tag\'s patch number was not seen here: re-check when a newer snapshot exists'
	},
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

/**
 * Kubernetes APIs beyond the core that the manifests use, and the facts the Kubernetes README
 * states about them (issue 16.4), each with where it was checked.
 */
export interface ApiFact {
	readonly fact: string;
	readonly checked: string;
	readonly source: string;
	readonly evidence: string;
}
const apiFact = (f: Omit<ApiFact, 'checked'>): ApiFact => ({ ...f, checked: CHECKED });

export const K8S_API_FACTS = {
	/** The apiVersion httproute.yaml is written with. */
	httpRoute: {
		apiVersion: 'gateway.networking.k8s.io/v1',
		...apiFact({
			fact: 'HTTPRoute is served (and stored) as gateway.networking.k8s.io/v1 in the standard channel',
			source: `${via('kubernetes-sigs/gateway-api', '2026-08-21')}: config/crd/standard/gateway.networking.k8s.io_httproutes.yaml`,
			evidence:
				'tag v1.6.1 = 8bb74df00e56ec8f944d48c25e6c1c9c2f6848e3 (newest release tag; bundle-version v1.6.1): version v1 served: true, storage: true; v1 is served since v1.0.0 (a0684982eddeb0360e215e0de322c3210ac49bb9, 2023-10-31)'
		})
	},
	defaultGateway: apiFact({
		fact: 'the default parentRef: a shared Gateway run by the infrastructure team in its own namespace, shared-gateway in infra-ns; routes of other namespaces attach only if its listener allows them',
		source: `${via('kubernetes-sigs/gateway-api', '2026-08-21')}: examples/standard/cross-namespace-routing/gateway.yaml, store-route.yaml; site/content/en/guides/user-guides/multiple-ns.md; apis/v1/gateway_types.go, shared_types.go`,
		evidence:
			'gateway.yaml: Gateway shared-gateway, namespace infra-ns, listener allowedRoutes.namespaces from: Selector; store-route.yaml: parentRefs name shared-gateway, namespace infra-ns; gateway_types.go AllowedRoutes.Namespaces "+kubebuilder:default={from: Same}" ("restricted to the namespace of this Gateway by default"); shared_types.go route conditions Accepted, ResolvedRefs and reasons NotAllowedByListeners, NoMatchingListenerHostname; ObjectName 1..253 characters, Namespace ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ at most 63'
	}),
	ingressNginxRetired: apiFact({
		fact: 'ingress-nginx is retired: best-effort maintenance until March 2026, then no releases, bug fixes or security fixes; Gateway API is the recommended successor',
		source: `${via('kubernetes/ingress-nginx', '2026-03-20')}: README.md`,
		evidence:
			'README at dbb11b92ddb77bee9c35e462479129354c84f939 (2026-03-20, "Release controller v1.15.1/v1.14.5/v1.13.9"): "# Ingress NGINX Retirement", links kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/, "Best-effort maintenance will continue until March 2026. Afterward, there will be no further releases, no bugfixes, and no updates to resolve any security vulnerabilities"; "you should identify a Gateway API implementation and use it"'
	}),
	defaultIngressClass: apiFact({
		fact: 'an Ingress without ingressClassName gets the IngressClass annotated ingressclass.kubernetes.io/is-default-class: "true"',
		source: 'npm @kubernetes/client-node 1.4.0 (the project\'s devDependency) dist/gen/models/V1IngressClass.d.ts, generated from the Kubernetes API reference; kubernetes.io/docs/concepts/services-networking/ingress/#default-ingress-class (quoted by the search tool\'s pages corpus)',
		evidence:
			'V1IngressClass: "When a single IngressClass resource has this annotation set to true, new Ingress resources without a class specified will be assigned this default class"; the Ingress concept page: "Setting the ingressclass.kubernetes.io/is-default-class annotation to true on an IngressClass resource will ensure that new Ingresses without an ingressClassName field specified will be assigned this default IngressClass"'
	}),
	gatewayApiModels: apiFact({
		fact: 'the kubernetes check validates Gateway API kinds with npm @kubernetes-models/gateway-api 0.5.1 (a devDependency, not written into any project)',
		source: 'npm view @kubernetes-models/gateway-api (registry, 2026-12-01); /work/.library/env/packages/npm.tsv; github:tommy351/kubernetes-models-ts third-party/gateway-api/CHANGELOG.md via fetch (snapshot\'s newest commit 2026-05-14)',
		evidence:
			'versions 0.5.0, 0.5.1 (2026-03-24), 2.0.0 (2026-08-20, latest; npm.tsv lists 2.0.0). 0.5.1: engines node >=14, crd-generate inputs gateway-api v0.6.2 standard, v1.0.0 standard and experimental install.yaml, gateway.networking.k8s.io/v1 HTTPRoute with validate(). 2.0.0: gateway-api v1.5.1, but "Require Node.js 22+" (CHANGELOG 1.0.0; engines node >=22), which npm\'s engine-strict (.npmrc) refuses on this project\'s Node 20: move to it with Node 22'
	})
} as const;
