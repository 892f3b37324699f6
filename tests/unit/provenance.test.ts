/**
 * Release provenance (issue 16.3), on every configuration of the full matrix
 * and on the registries the matrix does not reach (Docker Hub, another host):
 *
 * - the image job builds with BuildKit's provenance (mode=max) and an SBOM,
 *   then attests the pushed digest with actions/attest (the build step's
 *   `digest` output), pushes the attestation beside the image, and asks for
 *   exactly the permissions that needs (least privilege per job);
 * - the PyPI job keeps the publish action's default PEP 740 attestations
 *   (no `attestations` input) with `id-token: write` and nothing else;
 * - the README says so and how to verify the image (`gh attestation verify`,
 *   the image and tag release.yml pushes, the repository of the project URL).
 */
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/lib/model/config.ts';
import { githubRepository, imageRef, runsImage } from '../../src/lib/model/derive.ts';
import { isOpenSource } from '../../src/lib/model/licenses.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import { BUILD_STEP_ID, qualifiedImage, registryOf } from '../../src/lib/generators/ci.ts';
import { generate } from '../../src/lib/generators/index.ts';
import { imageTag } from '../../src/lib/model/deployment.ts';
import { ACTIONS } from '../../src/lib/generators/versions.ts';
import { fullMatrix } from '../validate/matrix.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function project(config: Config): { release: Doc; readme: string } {
	const files = generate(config);
	const text = (p: string) => files.find((f) => f.path === p)!.content;
	return { release: load(text('.github/workflows/release.yml')) as Doc, readme: text('README.md') };
}

/** The permissions the image job may have: read the repository, log in to its registry, attest. */
function expectedImagePermissions(image: string): Record<string, string> {
	const registry = registryOf(image);
	return {
		contents: 'read',
		// GHCR: GITHUB_TOKEN pushes the image and the attestation.
		...(registry === 'ghcr.io' ? { packages: 'write' } : {}),
		// Sigstore's certificate (and Workload Identity Federation for Artifact Registry).
		'id-token': 'write',
		attestations: 'write'
	};
}

function checkImageJob(config: Config, release: Doc): void {
	const job = release.jobs.image;
	const image = imageRef(config);
	expect(job.permissions).toEqual(expectedImagePermissions(image));
	const steps = job.steps as Doc[];
	const build = steps.findIndex((s) => s.uses === ACTIONS.dockerBuildPush);
	const attest = steps.findIndex((s) => s.uses === ACTIONS.attest);
	expect(build).toBeGreaterThan(-1);
	// The attestation follows the push and names the digest it pushed.
	expect(attest).toBe(build + 1);
	expect(steps[build].id).toBe(BUILD_STEP_ID);
	expect(steps[build].with).toMatchObject({ push: true, provenance: 'mode=max', sbom: true });
	expect(steps[attest].with).toEqual({
		'subject-name': qualifiedImage(image),
		'subject-digest': `\${{ steps.${BUILD_STEP_ID}.outputs.digest }}`,
		'push-to-registry': true,
		'create-storage-record': false
	});
	// No tag in the subject name: the digest names the image.
	expect(steps[attest].with['subject-name']).not.toMatch(/:[^/]+$/);
}

function checkOtherJobs(config: Config, release: Doc): void {
	// The workflow grants read only; each job asks for what it needs.
	expect(release.permissions).toEqual({ contents: 'read' });
	expect(release.jobs.ci.permissions).toEqual({ contents: 'read' });
	expect(release.jobs.build.permissions).toBeUndefined();
	const pypi = release.jobs['publish-pypi'];
	if (isOpenSource(config.project.license)) {
		expect(pypi.permissions).toEqual({ 'id-token': 'write' });
		const publish = (pypi.steps as Doc[]).find((s) => s.uses === ACTIONS.pypiPublish)!;
		// attestations stays at the action's default (on with trusted publishing): no input turns it off.
		expect(publish.with?.attestations).toBeUndefined();
	} else expect(pypi).toBeUndefined();
	if (!runsImage(config)) {
		expect(release.jobs.image).toBeUndefined();
		expect(JSON.stringify(release)).not.toContain('attestations');
	}
}

function checkReadme(config: Config, readme: string): void {
	const verify = readme.split('\n').filter((l) => l.startsWith('gh attestation verify'));
	if (runsImage(config)) {
		const repo = githubRepository(config.project.url) ?? 'OWNER/REPO';
		expect(verify).toEqual([`gh attestation verify oci://${imageRef(config)}:${imageTag(config.project.version)} --repo ${repo}`]);
		expect(readme).toContain("BuildKit's provenance (`mode=max`) and an SBOM");
	} else expect(verify).toEqual([]);
	if (isOpenSource(config.project.license)) {
		expect(readme).toContain('PEP 740 attestations');
		expect(readme).toContain('leave its `attestations` input unset');
	} else expect(readme).not.toContain('PEP 740');
}

describe('release provenance on every matrix configuration (issue 16.3)', () => {
	const entries = fullMatrix().filter((e) => !e.invalid.length);
	let images = 0;
	let pypi = 0;
	for (const e of entries) {
		const { release, readme } = project(e.config);
		if (runsImage(e.config)) images++;
		if (release.jobs['publish-pypi']) pypi++;
		it(e.id, () => {
			if (runsImage(e.config)) checkImageJob(e.config, release);
			checkOtherJobs(e.config, release);
			checkReadme(e.config, readme);
		});
	}
	it('reaches image jobs and PyPI jobs', () => {
		expect(images).toBeGreaterThan(20);
		expect(pypi).toBeGreaterThan(20);
	});
});

describe('registries the matrix does not name', () => {
	const withImage = (image: string, url = 'https://github.com/Acme/Orders.git'): Config => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'docker';
		c.docker.image = image;
		c.project.url = url;
		expect(validateConfig(c)).toEqual([]);
		return c;
	};

	it.each([
		['ghcr.io/acme/orders', 'ghcr.io/acme/orders'],
		['acme/orders', 'docker.io/acme/orders'],
		['docker.io/acme/orders', 'docker.io/acme/orders'],
		['registry.example.com/team/orders', 'registry.example.com/team/orders'],
		['europe-west1-docker.pkg.dev/p/containers/orders', 'europe-west1-docker.pkg.dev/p/containers/orders']
	])('%s: least privilege, attestation subject %s', (image, subject) => {
		const c = withImage(image);
		const { release, readme } = project(c);
		checkImageJob(c, release);
		checkOtherJobs(c, release);
		checkReadme(c, readme);
		expect(qualifiedImage(image)).toBe(subject);
		// The project URL's repository, as written: gh compares it with the attestation's source repository.
		expect(readme).toContain(`--repo Acme/Orders\n`);
	});

	it('qualifies Docker Hub names as actions/attest asks (docker.io, library/ for official images)', () => {
		expect(qualifiedImage('orders')).toBe('docker.io/library/orders');
		expect(qualifiedImage('localhost:5000/orders')).toBe('localhost:5000/orders');
	});

	it('reads the GitHub repository from the project URL, or none', () => {
		expect(githubRepository('https://github.com/Acme/orders')).toBe('Acme/orders');
		expect(githubRepository('https://github.com/Acme/orders.git')).toBe('Acme/orders');
		expect(githubRepository('https://www.github.com/acme/my.repo/tree/main')).toBe('acme/my.repo');
		expect(githubRepository('https://github.com/acme')).toBeNull();
		expect(githubRepository('https://gitlab.com/acme/orders')).toBeNull();
		expect(githubRepository('')).toBeNull();
	});
});
