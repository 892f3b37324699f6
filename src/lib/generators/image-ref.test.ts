import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Config } from '../model/config.ts';
import { defaultConfig } from '../model/defaults.ts';
import { imageRef } from '../model/derive.ts';
import { presetById } from '../model/presets.ts';
import { validateConfig } from '../model/validate.ts';
import { decodeConfig } from '../share/codec.ts';
import { generate } from './index.ts';

/** Every file that names `image`, except slipway.json (which records the config itself). */
function naming(config: Config, image: string): string[] {
	return generate(config)
		.filter((f) => f.path !== 'slipway.json' && f.content.includes(image))
		.map((f) => f.path);
}

/**
 * Each target, and the image derived for a project named `name` there. Cloud Run's is in
 * Artifact Registry: Cloud Run deploys images stored in Artifact Registry or Docker Hub, and
 * other registries (GHCR included) through an Artifact Registry remote repository
 * (https://cloud.google.com/run/docs/deploying, "Supported container registries and images").
 */
const targets: [string, (c: Config) => void, (name: string) => string][] = [
	['docker', (c) => (c.target = 'docker'), (n) => `ghcr.io/example/${n}`],
	['kubernetes', (c) => (c.target = 'kubernetes'), (n) => `ghcr.io/example/${n}`],
	['cloud-run', (c) => ((c.target = 'serverless'), (c.serverless.provider = 'cloud-run')), (n) => `europe-west1-docker.pkg.dev/my-project/containers/${n}`]
];

describe('the image follows the project name until the user writes one', () => {
	it.each(targets)('%s: renaming the FastAPI preset to orders-api renames the image in every file that names it', (_t, edit, derived) => {
		const before = presetById('fastapi-service')!.config();
		edit(before);
		const old = derived('fastapi-service');
		expect(imageRef(before)).toBe(old);
		const named = naming(before, old);
		// The files that push or pull the image: release.yml, README(s), manifests.
		expect(named).toContain('.github/workflows/release.yml');
		expect(named.some((p) => /README/.test(p))).toBe(true);
		if (before.target === 'kubernetes') expect(named).toEqual(expect.arrayContaining(['deploy/kubernetes/kustomization.yaml', 'deploy/kubernetes/deployment.yaml']));

		const after = structuredClone(before);
		after.project.name = 'orders-api';
		expect(validateConfig(after)).toEqual([]);
		expect(naming(after, old)).toEqual([]);
		expect(generate(after).some((f) => f.content.includes(old))).toBe(false);
		expect(naming(after, derived('orders-api'))).toEqual(named);
	});

	it('an image the user wrote stays when the project is renamed', () => {
		const c = presetById('fastapi-service')!.config();
		c.target = 'kubernetes';
		c.docker.image = 'registry.example.com/acme/shop';
		const named = naming(c, 'registry.example.com/acme/shop');
		expect(named).toEqual(expect.arrayContaining(['.github/workflows/release.yml', 'deploy/kubernetes/kustomization.yaml', 'deploy/kubernetes/deployment.yaml']));
		c.project.name = 'orders-api';
		expect(validateConfig(c)).toEqual([]);
		expect(naming(c, 'registry.example.com/acme/shop')).toEqual(named);
		expect(generate(c).some((f) => f.content.includes('ghcr.io/example/orders-api'))).toBe(false);
	});

	it('the owner comes from a github.com project URL, lowercased as image names must be', () => {
		const c = presetById('fastapi-service')!.config();
		c.project.name = 'Orders_API';
		c.project.url = 'https://github.com/Acme-Corp/orders';
		expect(imageRef(c)).toBe('ghcr.io/acme-corp/orders-api');
		for (const url of ['', 'https://gitlab.com/acme/orders', 'https://github.com/', 'https://github.com/-bad/x'])
			expect(imageRef({ ...c, project: { ...c.project, url } }), url).toBe('ghcr.io/example/orders-api');
		expect(validateConfig(c)).toEqual([]);
	});

	it('validation still rejects a bad explicit image, and accepts the empty (derived) one', () => {
		for (const bad of ['UPPER/Case', 'ghcr.io/acme/orders:1.0', 'ghcr.io/acme/orders@sha256:abc', ' ghcr.io/acme/orders', 'a//b']) {
			const c = presetById('fastapi-service')!.config();
			c.docker.image = bad;
			expect(validateConfig(c).map((e) => e.path), bad).toEqual(['docker.image']);
		}
		const c = presetById('fastapi-service')!.config();
		expect(c.docker.image).toBe('');
		expect(validateConfig(c)).toEqual([]);
	});

	it('an old link with the image and region it was made with keeps both', () => {
		// The defaults before images were derived: an explicit image and the AWS region.
		const old = defaultConfig();
		old.docker.image = 'ghcr.io/example/my-service';
		old.serverless.region = 'eu-west-1';
		old.project.name = 'renamed-service';
		const link = '1.' + Buffer.from(deflateRawSync(Buffer.from(JSON.stringify(old)))).toString('base64url');
		const r = decodeConfig(link);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.config.docker.image).toBe('ghcr.io/example/my-service');
		expect(imageRef(r.config)).toBe('ghcr.io/example/my-service');
		expect(naming(r.config, 'ghcr.io/example/my-service')).toContain('.github/workflows/release.yml');
	});
});
