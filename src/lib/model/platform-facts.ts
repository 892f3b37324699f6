/**
 * Outside facts the model's validation reads (which Python versions a platform offers,
 * what is past its end of life), with where and when they were checked. They are part of
 * the versions record (generators/versions.ts re-exports them; tests/unit/versions.test.ts
 * and `npm run pins` read them there) but live here, without the rest of that record,
 * because validation runs in the page's first-load bundle (budget: 60 KB gzip).
 */

/** The day the look-ups of the versions record were made. */
export const CHECKED = '2026-12-01';

/** Where a fact was read: a repository snapshot brought with the search tool's `fetch`. */
export const via = (repo: string, snapshot: string, what = 'tags') => `github:${repo} ${what} via fetch (snapshot's newest commit ${snapshot})`;

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

/**
 * End of life of the Python versions Slipway still offers past it (model/config.ts
 * PYTHON_VERSIONS): validate.ts warns on them, presets and defaults never use them.
 * Source: github:python/peps via fetch (snapshot 2026-08-22), release_management/python-releases.toml
 * `[metadata."3.10"] end-of-life = 2026-10-01` and peps/pep-0619.rst ("security updates ... until
 * approximately October 2026"); the devguide's versions page renders the same file.
 */
export const PYTHON_END_OF_LIFE: Readonly<Record<string, { date: string; source: string }>> = {
	'3.10': { date: '2026-10-01', source: 'PEP 619; python/peps release_management/python-releases.toml end-of-life = 2026-10-01' }
};

/**
 * Python versions AWS Lambda offers as supported managed runtimes today (python3.X): the
 * ones not deprecated. From AWS's runtime lifecycle as cfn-lint carries it
 * (github:aws-cloudformation/cfn-lint via fetch, snapshot 2026-08-19,
 * src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json, updated "from AWS docs" by
 * afd7953b0c15ff362086946fb6417f6ec65539ac, 2026-06-02, in v1.51.3+) and
 * docs.aws.amazon.com/lambda/latest/dg/lambda-python.html (search corpus docs):
 * - python3.10: deprecated 2026-10-31, function create blocked 2027-02-01, update 2027-03-03;
 * - python3.11: deprecated 2027-06-30 (extended a year by that commit; create blocked 2027-07-31);
 * - python3.12: deprecated 2028-10-31; python3.13 and python3.14: 2029-06-30;
 * - python3.15: public preview only ("not for production use", no SLA:
 *   aws/aws-lambda-python-runtime-interface-client#216, 2026-07-24; aws/aws-lambda-roadmap#55
 *   still open); not in the lifecycle file.
 * cfn-lint 1.51.0 (this machine's pyenv) predates that commit and still says python3.11 was
 * update-blocked on 2026-08-31: it reports E2533 for python3.11 until it is upgraded.
 */
export const LAMBDA_PYTHON_RUNTIMES = ['3.11', '3.12', '3.13', '3.14'] as const; // bump: AWS Lambda supported runtimes
export const LAMBDA_PYTHON_LIFECYCLE = {
	checked: CHECKED,
	source: `${via('aws-cloudformation/cfn-lint', '2026-08-19', 'src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json')}; docs.aws.amazon.com/lambda/latest/dg/lambda-python.html`,
	deprecated: { '3.10': { deprecated: '2026-10-31', createBlocked: '2027-02-01' } } as Readonly<Record<string, { deprecated: string; createBlocked: string }>>,
	preview: ['3.15'] as readonly string[]
} as const;
