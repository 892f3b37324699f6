/**
 * docker.baseImage `dhi` (Docker Hardened Images, issue 16.5) outside the Dockerfile itself:
 * where it applies (validation), that older links and files without the field still open as
 * python-slim, and the release workflow's login to dhi.io.
 */
import { deflateSync } from 'fflate';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PYTHON_VERSIONS, type Config } from '../../model/config.ts';
import { defaultConfig } from '../../model/defaults.ts';
import { presetById } from '../../model/presets.ts';
import { parseAndValidate, validateConfig } from '../../model/validate.ts';
import { decodeConfig, encodeConfig, unwrapConfigFile } from '../../share/codec.ts';
import { ciWorkflows } from '../ci.ts';
import { generate } from '../index.ts';
import { ACTIONS, DHI_PYTHON, IMAGE_TAGS } from '../versions.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dhi = (id = 'fastapi-service'): Config => {
	const c = presetById(id)!.config();
	c.docker.baseImage = 'dhi';
	return c;
};
const messages = (c: Config) => validateConfig(c).filter((e) => e.path === 'docker.baseImage').map((e) => e.message);

describe('docker.baseImage: where Docker Hardened Images apply', () => {
	it('defaults to python-slim', () => {
		expect(defaultConfig().docker.baseImage).toBe('python-slim');
	});

	it('is valid on every target that builds an image: docker, kubernetes, Cloud Run', () => {
		const c = dhi();
		for (const t of ['docker', 'kubernetes'] as const) {
			c.target = t;
			expect(validateConfig(c)).toEqual([]);
		}
		c.target = 'serverless';
		c.serverless.provider = 'cloud-run';
		expect(validateConfig(c)).toEqual([]);
	});

	it('is refused, saying why, where no image is built: AWS Lambda (a zip), bare metal, a library', () => {
		const c = dhi();
		c.target = 'serverless';
		c.serverless.provider = 'aws-lambda';
		expect(messages(c)).toEqual([expect.stringContaining('AWS Lambda deploys a zip')]);
		c.target = 'bare-metal';
		expect(messages(c)).toEqual([expect.stringContaining('bare metal runs the checkout under systemd')]);
		const lib = dhi('library');
		expect(messages(lib)).toEqual([expect.stringContaining('a library is published to PyPI')]);
		// python-slim is never refused for that (it is simply unused there).
		c.docker.baseImage = 'python-slim';
		expect(messages(c)).toEqual([]);
	});

	it('is refused for a Python whose DHI definition is not recorded, and accepted for each recorded one', () => {
		const c = dhi();
		for (const v of PYTHON_VERSIONS) {
			c.project.pythonVersion = v;
			if ((DHI_PYTHON.versions as readonly string[]).includes(v)) expect(messages(c)).toEqual([]);
			else expect(messages(c)).toEqual([expect.stringContaining(`Docker Hardened Images for Python ${v} are not in Slipway's record`)]);
		}
		// Every recorded version has both tags in IMAGE_TAGS.
		const tags = new Set(IMAGE_TAGS.map((t) => t.image));
		for (const v of DHI_PYTHON.versions) {
			expect(tags).toContain(`dhi.io/python:${v}-debian13`);
			expect(tags).toContain(`dhi.io/python:${v}-debian13-dev`);
		}
	});

	it('an unknown value is refused by the reader, with the choices', () => {
		const c = structuredClone(defaultConfig()) as unknown as Doc;
		c.docker.baseImage = 'alpine';
		const r = parseAndValidate(c);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('docker.baseImage');
	});
});

describe('older links and configs without docker.baseImage open as python-slim', () => {
	const old = (): Doc => {
		const c = structuredClone(presetById('fastapi-service')!.config()) as unknown as Doc;
		delete c.docker.baseImage;
		return c;
	};

	it('a share link made before the field existed', () => {
		const json = new TextEncoder().encode(JSON.stringify(old()));
		const b64 = Buffer.from(deflateSync(json, { level: 9 })).toString('base64url');
		const r = decodeConfig(`1.${b64}`);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.config.docker.baseImage).toBe('python-slim');
	});

	it("a slipway.json (what the CLI's --config and the import read) without it", () => {
		const file = unwrapConfigFile({ slipway: 1, config: old() });
		if ('error' in file) throw new Error(file.error);
		const r = parseAndValidate(file.config);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.config.docker.baseImage).toBe('python-slim');
	});

	it('a link made with dhi round-trips', () => {
		const r = decodeConfig(encodeConfig(dhi()));
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.config.docker.baseImage).toBe('dhi');
	});
});

describe('Kubernetes runs the image as the image\'s own user', () => {
	const deployment = (c: Config): Doc => {
		const f = generate(c).find((x) => x.path === 'deploy/kubernetes/deployment.yaml')!;
		return load(f.content) as Doc;
	};
	it('uid/gid 65532 (DHI nonroot) with dhi, 10001 (app) with python-slim, pod and container alike', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'kubernetes';
		const slim = deployment(c).spec.template.spec;
		expect(slim.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001 });
		expect(slim.containers[0].securityContext).toMatchObject({ runAsUser: 10001, runAsGroup: 10001 });
		c.docker.baseImage = 'dhi';
		const hardened = deployment(c).spec.template.spec;
		const u = DHI_PYTHON.user;
		expect(hardened.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: u.uid, runAsGroup: u.gid, fsGroup: u.gid });
		expect(hardened.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: u.uid, runAsGroup: u.gid, readOnlyRootFilesystem: true });
		expect(generate(c).find((x) => x.path === 'deploy/kubernetes/README.md')!.content).toContain(`non-root (uid ${u.uid})`);
	});
});

describe('release.yml logs in to dhi.io before building a DHI image', () => {
	const imageSteps = (c: Config): Doc[] => {
		const release = load(ciWorkflows(c).find((f) => f.path === '.github/workflows/release.yml')!.content) as Doc;
		return release.jobs.image.steps as Doc[];
	};

	it('with the Docker Hub secrets, before the build step; not for python-slim', () => {
		for (const target of ['docker', 'kubernetes'] as const) {
			const c = dhi();
			c.target = target;
			const steps = imageSteps(c);
			const login = steps.findIndex((s) => s.uses === ACTIONS.dockerLogin && s.with?.registry === DHI_PYTHON.registry);
			expect(login).toBeGreaterThan(0);
			expect(steps[login].with).toEqual({ registry: 'dhi.io', username: '${{ secrets.DOCKERHUB_USERNAME }}', password: '${{ secrets.DOCKERHUB_TOKEN }}' });
			expect(login).toBeLessThan(steps.findIndex((s) => s.uses === ACTIONS.dockerBuildPush));
		}
		const slim = presetById('fastapi-service')!.config();
		expect(imageSteps(slim).some((s) => s.with?.registry === 'dhi.io')).toBe(false);
		const header = ciWorkflows(dhi()).find((f) => f.path === '.github/workflows/release.yml')!.content;
		expect(header).toContain('DOCKERHUB_USERNAME and DOCKERHUB_TOKEN');
	});

	it('no Dockerfile, README section or login where the project builds no image', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'bare-metal';
		const files = generate(c);
		expect(files.some((f) => f.content.includes('dhi.io'))).toBe(false);
	});
});
