/**
 * GitHub Actions workflows:
 * - `.github/workflows/ci.yml`: install with the chosen manager through its
 *   official setup action, fail with a clear message when the lock file is
 *   missing, then lint (ruff check, ruff format --check), type-check (mypy)
 *   and test (pytest) on every supported Python version.
 *   ci.yml is also a reusable workflow (`workflow_call`).
 * - `.github/workflows/release.yml`: on a `v*` tag, first run ci.yml (a
 *   `uses:` job every other job needs, so only what passed is published),
 *   build sdist + wheel, check the tag matches the version, publish to PyPI
 *   with trusted publishing (no token), and for deployable kinds with a
 *   container target build and push the image with Docker's official
 *   actions: tags from metadata-action's `type=pep440` (every PEP 440
 *   version, which node-semver's `type=semver` rejects in part), a registry
 *   layer cache (`IMAGE:buildcache`: the Actions cache of one tag is never
 *   read by the next), and the registry's own login: GHCR with GITHUB_TOKEN,
 *   Artifact Registry (`*-docker.pkg.dev`) with Workload Identity Federation.
 *   BuildKit adds its provenance (mode=max) and an SBOM to the pushed image,
 *   and actions/attest signs a build-provenance attestation of its digest
 *   (stored by GitHub and pushed beside the image), which `gh attestation
 *   verify` checks; PyPI uploads carry the publish action's PEP 740
 *   attestations (on by default with trusted publishing).
 * Every action is pinned to a commit in versions.ts (ACTION_REFS), written
 * `uses: owner/repo@<sha> # vX.Y.Z` (USES).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts, imageRef, runsImage } from '../model/derive.ts';
import { isOpenSource } from '../model/licenses.ts';
import { normalizeName } from '../model/pep.ts';
import { supportedPythons } from '../model/runtime.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED } from './header.ts';
import { USES } from './versions.ts';
import { writeYaml } from './writers/yaml.ts';
import { buildSteps, installSteps, runPrefix, type Step } from './ci-steps.ts';

const HEADER = [GENERATED];

function ciWorkflow(config: ReadonlyConfig): GeneratedFile {
	const versions = supportedPythons(config);
	const r = runPrefix(config);
	const checkout = { uses: USES.checkout, with: { 'persist-credentials': false } };
	const doc = {
		name: 'CI',
		// workflow_call: release.yml runs these same checks before it publishes anything.
		on: { push: { branches: ['main'] }, pull_request: null, workflow_dispatch: null, workflow_call: null },
		permissions: { contents: 'read' },
		// A fixed prefix: called from release.yml, github.workflow is the caller's name, and a group equal
		// to one the caller holds would deadlock (GitHub cancels both).
		concurrency: { group: 'ci-${{ github.ref }}', 'cancel-in-progress': true },
		jobs: {
			lint: {
				name: 'Lint and type-check',
				'runs-on': 'ubuntu-latest',
				'timeout-minutes': 15,
				steps: [
					checkout,
					...installSteps(config, versions[0]),
					{ name: 'Lint (ruff check)', run: `${r}ruff check --output-format=github .` },
					{ name: 'Check formatting (ruff format)', run: `${r}ruff format --check .` },
					{ name: 'Type-check (mypy)', run: `${r}mypy` }
				]
			},
			test: {
				name: 'Test (Python ${{ matrix.python-version }})',
				'runs-on': 'ubuntu-latest',
				'timeout-minutes': 20,
				strategy: { 'fail-fast': false, matrix: { 'python-version': versions } },
				steps: [checkout, ...installSteps(config, '${{ matrix.python-version }}'), { name: 'Test (pytest)', run: `${r}pytest --cov` }]
			}
		}
	};
	return { path: '.github/workflows/ci.yml', content: writeYaml(doc, HEADER), language: 'yaml' };
}

/** The tag of the build cache release.yml keeps beside the image (`IMAGE:buildcache`). */
export const BUILD_CACHE_TAG = 'buildcache';

/** Registry host of an image reference (Docker's rule: a first part with "." or ":" or localhost). */
export function registryOf(image: string): string {
	const first = image.split('/')[0];
	return image.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : 'docker.io';
}


/**
 * An image name as actions/attest's `subject-name` wants it: fully qualified, Docker Hub's
 * as `docker.io/...` (its README: "When pushing to Docker Hub, please use docker.io as the
 * registry portion of the image name"), official images under `library/`.
 */
export function qualifiedImage(image: string): string {
	if (registryOf(image) !== 'docker.io' || image.startsWith('docker.io/')) return image;
	return `docker.io/${image.includes('/') ? image : `library/${image}`}`;
}

/** The id of release.yml's build-push step, whose `digest` output the attestation names. */
export const BUILD_STEP_ID = 'build';

/** What the image job needs beyond reading the repository and logging in to attest the image (actions/attest's README). */
export const IMAGE_ATTEST_PERMISSIONS = { 'id-token': 'write', attestations: 'write' } as const;

/** Artifact Registry's Docker hosts are `LOCATION-docker.pkg.dev`. */
export function isArtifactRegistry(registry: string): boolean {
	return /^[a-z0-9-]+-docker\.pkg\.dev$/.test(registry);
}

/** Repository variables release.yml reads to push to Artifact Registry (google-github-actions/auth inputs). */
export const GCP_VARS = { provider: 'GCP_WORKLOAD_IDENTITY_PROVIDER', serviceAccount: 'GCP_SERVICE_ACCOUNT' } as const;

/**
 * metadata-action's tags: the PEP 440 version (`{{version}}` is its normal form) for every
 * version, `MAJOR.MINOR` for final releases only (the action gives pre/post/dev releases the
 * version alone), and `sha-…`.
 */
export const IMAGE_TAG_RULES = 'type=pep440,pattern={{version}}\ntype=pep440,pattern={{major}}.{{minor}}\ntype=sha\n';

/** The login steps (and the job's extra permissions) for the registry the image names. */
function registryLogin(registry: string): { permissions: Record<string, string>; steps: Step[] } {
	if (registry === 'ghcr.io')
		return {
			permissions: { packages: 'write' },
			steps: [{ name: `Log in to ${registry}`, uses: USES.dockerLogin, with: { registry, username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' } }]
		};
	if (isArtifactRegistry(registry))
		return {
			// id-token: write lets the job request GitHub's OIDC token, which Workload Identity Federation exchanges.
			permissions: { 'id-token': 'write' },
			steps: [
				{
					name: 'Authenticate to Google Cloud (Workload Identity Federation)',
					id: 'auth',
					uses: USES.gcpAuth,
					with: {
						workload_identity_provider: `\${{ vars.${GCP_VARS.provider} }}`,
						service_account: `\${{ vars.${GCP_VARS.serviceAccount} }}`,
						token_format: 'access_token',
						// Only the token is needed: no credentials file in the workspace, so none in the build context.
						create_credentials_file: false
					}
				},
				{ name: `Log in to ${registry}`, uses: USES.dockerLogin, with: { registry, username: 'oauth2accesstoken', password: '${{ steps.auth.outputs.access_token }}' } }
			]
		};
	return {
		permissions: {},
		steps: [{ name: `Log in to ${registry}`, uses: USES.dockerLogin, with: { registry, username: '${{ secrets.REGISTRY_USERNAME }}', password: '${{ secrets.REGISTRY_PASSWORD }}' } }]
	};
}

function releaseWorkflow(config: ReadonlyConfig): GeneratedFile {
	const f = facts(config);
	const wheelName = normalizeName(f.distName).replace(/-/g, '_');
	const container = runsImage(config);
	const jobs: Record<string, unknown> = {
		// The same checks as every push (ci.yml, called as a reusable workflow): every other job needs it.
		ci: { name: 'CI', uses: './.github/workflows/ci.yml', permissions: { contents: 'read' } },
		build: {
			name: 'Build distributions',
			needs: 'ci',
			'runs-on': 'ubuntu-latest',
			'timeout-minutes': 15,
			steps: [
				{ uses: USES.checkout, with: { 'persist-credentials': false } },
				...buildSteps(config),
				{
					name: 'Check that the tag matches the version',
					env: { TAG: '${{ github.ref_name }}' },
					run: `version="\${TAG#v}"\nif ! ls "dist/${wheelName}-\${version}-"*.whl >/dev/null 2>&1; then\n  echo "::error::Tag $TAG does not match the version in pyproject.toml (built: $(ls dist))."\n  exit 1\nfi\n`
				},
				{ name: 'Upload the distributions', uses: USES.uploadArtifact, with: { name: 'dist', path: 'dist/', 'if-no-files-found': 'error' } }
			]
		}
	};
	if (isOpenSource(config.project.license))
		jobs['publish-pypi'] = {
			name: 'Publish to PyPI',
			needs: 'build',
			'runs-on': 'ubuntu-latest',
			'timeout-minutes': 10,
			environment: { name: 'pypi', url: `https://pypi.org/p/${normalizeName(f.distName)}` },
			permissions: { 'id-token': 'write' },
			steps: [
				{ name: 'Download the distributions', uses: USES.downloadArtifact, with: { name: 'dist', path: 'dist/' } },
				{ name: 'Publish with trusted publishing', uses: USES.pypiPublish }
			]
		};
	const image = imageRef(config);
	const registry = registryOf(image);
	if (container) {
		const login = registryLogin(registry);
		jobs.image = {
			name: 'Build and push the image',
			needs: 'build',
			'runs-on': 'ubuntu-latest',
			'timeout-minutes': 30,
			// id-token: write signs the attestation with a Sigstore certificate, attestations: write stores it
			// (actions/attest's README); GHCR's packages: write also lets it push the attestation beside the image.
			permissions: { contents: 'read', ...login.permissions, ...IMAGE_ATTEST_PERMISSIONS },
			steps: [
				{ uses: USES.checkout, with: { 'persist-credentials': false } },
				{ name: 'Set up Docker Buildx', uses: USES.setupBuildx },
				...login.steps,
				// Docker Hardened Images are pulled only by a signed-in client (versions.ts DHI_PYTHON): the build's FROM needs it.
				...(config.docker.baseImage === 'dhi'
					? [{ name: 'Log in to dhi.io (Docker Hardened Images)', uses: USES.dockerLogin, with: { registry: 'dhi.io', username: '${{ secrets.DOCKERHUB_USERNAME }}', password: '${{ secrets.DOCKERHUB_TOKEN }}' } }]
					: []),
				{
					name: 'Image tags and labels',
					id: 'meta',
					uses: USES.dockerMetadata,
					with: { images: image, tags: IMAGE_TAG_RULES }
				},
				{
					name: 'Build and push',
					id: BUILD_STEP_ID,
					uses: USES.dockerBuildPush,
					with: {
						context: '.',
						push: true,
						tags: '${{ steps.meta.outputs.tags }}',
						labels: '${{ steps.meta.outputs.labels }}',
						// The layer cache lives in the registry, beside the image: each tag's run reads the last one's.
						'cache-from': `type=registry,ref=${image}:${BUILD_CACHE_TAG}`,
						'cache-to': `type=registry,ref=${image}:${BUILD_CACHE_TAG},mode=max`,
						// BuildKit's own attestations in the pushed index: full provenance (a private repository
						// would get mode=min by default) and an SBOM of the image.
						provenance: 'mode=max',
						sbom: true
					}
				},
				{
					name: 'Attest the image (build provenance)',
					uses: USES.attest,
					with: {
						// The fully qualified name without a tag: the digest names the image.
						'subject-name': qualifiedImage(image),
						'subject-digest': `\${{ steps.${BUILD_STEP_ID}.outputs.digest }}`,
						'push-to-registry': true,
						// A storage record is made only for organisation repositories and needs artifact-metadata: write.
						'create-storage-record': false
					}
				}
			]
		};
	}
	const doc = {
		name: 'Release',
		on: { push: { tags: ['v*'] } },
		permissions: { contents: 'read' },
		jobs
	};
	const header = [...HEADER, 'Runs ci.yml first: nothing is published unless its checks pass.'];
	if (container && isArtifactRegistry(registry))
		header.push(
			`Artifact Registry (${registry}) with Workload Identity Federation: set the repository variables`,
			`${GCP_VARS.provider} (projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER)`,
			`and ${GCP_VARS.serviceAccount} (an account allowed to push to the repository), as google-github-actions/auth's README sets up.`
		);
	else if (container && registry !== 'ghcr.io') header.push('Set the repository secrets REGISTRY_USERNAME and REGISTRY_PASSWORD for the image registry.');
	if (container && config.docker.baseImage === 'dhi')
		header.push('The image builds on Docker Hardened Images: set the repository secrets DOCKERHUB_USERNAME and DOCKERHUB_TOKEN (a Docker Hub access token) so the build can pull from dhi.io.');
	return { path: '.github/workflows/release.yml', content: writeYaml(doc, header), language: 'yaml' };
}

export function ciWorkflows(config: ReadonlyConfig): GeneratedFile[] {
	return [ciWorkflow(config), releaseWorkflow(config)];
}
