/**
 * The devcontainer validator (validators/devcontainer.ts) accepts what Slipway
 * generates and rejects each kind of break: the vendored devcontainers/spec
 * schema catches an unknown property, a wrong type and a compose config without
 * its service; the cross-check catches a compose file, service or workspace
 * folder that is not there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/generators/index.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import { DEVCONTAINER } from '../../src/lib/generators/versions.ts';
import { makeFileSet } from './registry.ts';
import { VALIDATORS } from './validators/index.ts';
import { checkDevcontainer, DEVCONTAINER_SCHEMA_PATH, DEVCONTAINER_SCHEMA_SOURCE } from './validators/devcontainer.ts';

const PATH = '.devcontainer/devcontainer.json';
const SCHEMA_TOOL = 'devContainer.base.schema.json (ajv 2019-09)';

function project(withServices: boolean) {
	const config = presetById('fastapi-service')!.config();
	config.services.postgres = withServices;
	config.services.redis = withServices;
	const files = generate(config);
	return { set: makeFileSet(files, config), good: files.find((f) => f.path === PATH)!.content };
}

const image = project(false);
const compose = project(true);
const edit = (text: string, f: (d: Record<string, unknown>) => void) => {
	const d = JSON.parse(text) as Record<string, unknown>;
	f(d);
	return JSON.stringify(d, null, 2);
};

describe('devcontainer validator', () => {
	it('is registered, and vendors the schema the record names', () => {
		expect(VALIDATORS.map((v) => v.id)).toContain('devcontainer');
		const schema = JSON.parse(readFileSync(DEVCONTAINER_SCHEMA_PATH, 'utf8'));
		expect(schema.$schema).toBe('https://json-schema.org/draft/2019-09/schema');
		expect(schema.unevaluatedProperties).toBe(false);
		expect(DEVCONTAINER_SCHEMA_SOURCE).toBe(`${DEVCONTAINER.schema.repo} ${DEVCONTAINER.schema.path} @ ${DEVCONTAINER.schema.sha}`);
		expect(readFileSync(new URL('./schemas/README.md', import.meta.url), 'utf8')).toContain(DEVCONTAINER.schema.sha);
	});

	it('accepts what Slipway generates, with an image and with compose services', () => {
		expect(JSON.parse(image.good).image).toBeDefined();
		expect(JSON.parse(compose.good).dockerComposeFile).toBeDefined();
		expect(checkDevcontainer(PATH, image.good, image.set)).toEqual([]);
		expect(checkDevcontainer(PATH, compose.good, compose.set)).toEqual([]);
	});

	it('accepts the feature form (a Python without a published image) for each manager', () => {
		for (const [manager, backend] of [['uv', 'uv_build'], ['poetry', 'poetry-core'], ['pip', 'hatchling']] as const) {
			const config = presetById('cli-tool')!.config();
			config.project.pythonVersion = '3.15';
			config.packaging.manager = manager;
			config.packaging.backend = backend;
			const files = generate(config);
			const text = files.find((f) => f.path === PATH)!.content;
			expect(JSON.parse(text).features, manager).toBeDefined();
			expect(checkDevcontainer(PATH, text, makeFileSet(files, config)), manager).toEqual([]);
		}
	});

	it.each([
		['an unknown property', (d: Record<string, unknown>) => (d.postCreateCommnd = 'uv sync')],
		['forwardPorts of the wrong type', (d: Record<string, unknown>) => (d.forwardPorts = 'eight thousand')],
		['a lifecycle command of the wrong type', (d: Record<string, unknown>) => (d.postCreateCommand = 42)],
		['features as a list', (d: Record<string, unknown>) => (d.features = ['ghcr.io/devcontainers/features/python:1'])]
	])('the schema rejects %s', (_what, f) => {
		const text = edit(image.good, f);
		const findings = checkDevcontainer(PATH, text, image.set);
		expect(findings.some((x) => x.tool === SCHEMA_TOOL)).toBe(true);
	});

	it('the schema rejects a compose dev container without its service', () => {
		const text = edit(compose.good, (d) => delete d.service);
		expect(checkDevcontainer(PATH, text, compose.set).some((x) => x.tool === SCHEMA_TOOL)).toBe(true);
	});

	it('rejects a compose file, a service or a workspace folder that is not there (which the schema allows)', () => {
		const check = (f: (d: Record<string, unknown>) => void) => checkDevcontainer(PATH, edit(compose.good, f), compose.set).map((x) => x.message);
		expect(check((d) => (d.dockerComposeFile = ['docker-compose.dev.yml']))).toEqual(expect.arrayContaining([expect.stringMatching(/dockerComposeFile docker-compose\.dev\.yml: no such file/)]));
		expect(check((d) => (d.service = 'app'))).toEqual([expect.stringMatching(/service app is not a service/)]);
		expect(check((d) => (d.runServices = ['dev', 'postgres', 'mysql']))).toEqual([expect.stringMatching(/runServices: mysql/)]);
		expect(check((d) => (d.workspaceFolder = '/workspaces/elsewhere'))).toEqual([expect.stringMatching(/not mounted by service dev/)]);
	});

	it('rejects text that is not JSON', () => {
		expect(checkDevcontainer(PATH, image.good.replace('{', '{,'), image.set).map((x) => x.tool)).toEqual(['JSON.parse']);
	});
});
