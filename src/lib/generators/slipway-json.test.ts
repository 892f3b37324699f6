import { describe, expect, it } from 'vitest';
import { presetById } from '../model/presets.ts';
import { PACKAGE_MANAGERS, PIP_WORKFLOWS, POETRY_LAYOUTS, SERVERLESS_PROVIDERS, TARGETS, type Config } from '../model/config.ts';
import { BACKENDS_FOR } from '../model/defaults.ts';
import { deployTarget } from '../model/derive.ts';
import { validateConfig } from '../model/validate.ts';
import { decodeConfig } from '../share/codec.ts';
import { linkFromHash } from '../share/fragment.ts';
import { generate } from './index.ts';
import { shareLink, slipwayJson } from './slipway-json.ts';
import { DEVCONTAINER_PATH } from './devcontainer.ts';

/** Every library config: each manager with each backend, workflow and layout, each target and provider, services on and off. */
function libraries(): { label: string; config: Config }[] {
	const out: { label: string; config: Config }[] = [];
	for (const manager of PACKAGE_MANAGERS)
		for (const backend of BACKENDS_FOR[manager])
			for (const variant of manager === 'pip' ? PIP_WORKFLOWS : manager === 'poetry' ? POETRY_LAYOUTS : ['-'])
				for (const target of TARGETS)
					for (const provider of target === 'serverless' ? SERVERLESS_PROVIDERS : (['aws-lambda'] as const))
						for (const services of [false, true]) {
							const c = presetById('library')!.config();
							c.packaging = { ...c.packaging, manager, backend };
							if (manager === 'pip') c.packaging.pipWorkflow = variant as Config['packaging']['pipWorkflow'];
							if (manager === 'poetry') c.packaging.poetryLayout = variant as Config['packaging']['poetryLayout'];
							c.target = target;
							c.serverless.provider = provider;
							c.services = { postgres: services, redis: services, sqlalchemy: false, celery: false };
							out.push({ label: `${manager}/${backend}/${variant}/${target}/${provider}/services=${services}`, config: c });
						}
	return out;
}

/** Words that name a deployment target, or what only a deployed project has. */
const TARGET_WORDS = /docker|kubernetes|k8s|kustomiz|serverless|lambda|cloud[ -]?run|bare[ -]?metal|systemd|nginx|compose|container|ingress|\bimage\b|\bdeploy/i;

describe('issue 14.12: a library has no deployment target', () => {
	const all = libraries();

	it('deployTarget is null for a library and the target for any other kind', () => {
		expect(deployTarget(all[0].config)).toBeNull();
		const worker = presetById('worker')!.config();
		worker.target = 'bare-metal';
		expect(deployTarget(worker)).toBe('bare-metal');
	});

	it('slipway.json names no target for a library, and the target for any other kind', () => {
		for (const { label, config } of all) expect(JSON.parse(slipwayJson(config, [])[0].content).config, label).not.toHaveProperty('target');
		const service = presetById('fastapi-service')!.config();
		service.target = 'kubernetes';
		expect(JSON.parse(slipwayJson(service, [])[0].content).config.target).toBe('kubernetes');
	});

	it(`no generated file of ${all.length} library configs (all managers) names a deployment target`, () => {
		for (const { label, config } of all) {
			expect(validateConfig(config), label).toEqual([]);
			for (const f of generate(config)) {
				// The dev container (issue 20.3) is every project's development environment, not a deployment: its files, and the README line that names it, may say "container" and "image".
				if (f.path.startsWith('.devcontainer/')) continue;
				expect(f.path, label).not.toMatch(TARGET_WORDS);
				// slipway.json keeps the settings of every target (unused; they apply again if the kind changes), never a target.
				const text = f.path === 'slipway.json' ? '' : f.content;
				// Dependabot's `devcontainers` ecosystem keeps that dev container current.
				const hit = text.split('\n').find((l) => TARGET_WORDS.test(l) && !l.includes(DEVCONTAINER_PATH) && l !== '  - package-ecosystem: devcontainers');
				expect(hit, `${label}: ${f.path}`).toBeUndefined();
			}
		}
	});

	it('the files of a library do not depend on its target', () => {
		// (The serverless provider is one of the kept settings, so slipway.json and the link do change with it.)
		const byVariant = new Map<string, string>();
		for (const { label, config } of all) {
			if (config.serverless.provider !== 'aws-lambda') continue;
			const key = label.replace(/\/[^/]+\/aws-lambda\//, '/');
			const files = JSON.stringify(generate(config));
			const seen = byVariant.get(key);
			if (seen === undefined) byVariant.set(key, files);
			else expect(files === seen, label).toBe(true);
		}
		expect(byVariant.size).toBeGreaterThan(1);
	});

	it("the README's reopen link holds no target for a library", () => {
		const c = all.find((x) => x.config.target === 'kubernetes')!.config;
		const readme = generate(c).find((f) => f.path === 'README.md')!.content;
		expect(readme).toContain(shareLink(c));
		const back = decodeConfig(linkFromHash(shareLink(c).slice(shareLink(c).indexOf('#')))!);
		expect(back.ok && back.config.target).toBe('docker');
	});
});
