/**
 * The dependabot validator (validators/dependabot.ts) rejects each kind of break on
 * its own: the schema catches unknown keys, unknown ecosystems and a cooldown that is
 * not a number of days; the documented rules catch SemVer cooldown keys where the
 * ecosystem has none, a duplicate entry and an ecosystem whose files are not there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/generators/index.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import { makeFileSet } from './registry.ts';
import { checkDependabot, DEPENDABOT_SCHEMA_PATH } from './validators/dependabot.ts';
import { checkPoetryConfig } from './validators/poetry-config.ts';

const PATH = '.github/dependabot.yml';
const config = presetById('fastapi-service')!.config(); // uv, docker target: github-actions, docker, docker-compose, uv
const files = generate(config);
const set = makeFileSet(files, config);
const good = files.find((f) => f.path === PATH)!.content;
const check = (text: string) => checkDependabot(PATH, text, set);

describe('dependabot validator', () => {
	it('the vendored SchemaStore schema knows cooldown', () => {
		const schema = JSON.parse(readFileSync(DEPENDABOT_SCHEMA_PATH, 'utf8'));
		expect(Object.keys(schema.definitions.update.properties.cooldown.properties)).toEqual(
			expect.arrayContaining(['default-days', 'semver-major-days', 'semver-minor-days', 'semver-patch-days', 'include', 'exclude'])
		);
	});

	it('accepts what Slipway generates', () => {
		expect(check(good)).toEqual([]);
	});

	it.each([
		['an unknown key', good.replace('    directory: /\n', '    directory: /\n    reviewer: someone\n')],
		['a bad ecosystem', good.replace('package-ecosystem: uv', 'package-ecosystem: uvx')],
		['a cooldown given as a string', good.replace('default-days: 7', 'default-days: "7 days"')],
		['a cooldown above 90 days', good.replaceAll('default-days: 7', 'default-days: 91')],
		['no schedule', good.replace(/ {4}schedule:\n {6}interval: weekly\n/, '')],
		['a group update-type Dependabot does not know', good.replace('- minor', '- prerelease')]
	])('the schema rejects %s', (_what, text) => {
		expect(text).not.toBe(good);
		const findings = check(text);
		expect(findings.length).toBeGreaterThan(0);
		expect(findings.some((f) => f.tool === 'dependabot-2.0.json (ajv)')).toBe(true);
	});

	it('rejects SemVer cooldown keys on github-actions, docker and docker-compose, which the schema allows', () => {
		const text = good.replace(/( {6}default-days: 7\n)/, '$1      semver-major-days: 14\n');
		const findings = check(text);
		expect(findings.map((f) => f.tool)).toEqual(['dependabot options reference']);
		expect(findings[0].message).toMatch(/semver-major-days applies only to ecosystems with SemVer; github-actions/);
	});

	it('rejects an ecosystem whose files the project does not have, and a duplicate entry', () => {
		const noCompose = makeFileSet(files.filter((f) => !/^compose/.test(f.path)), config);
		expect(checkDependabot(PATH, good, noCompose).map((f) => f.message)).toEqual([expect.stringMatching(/no file the docker-compose ecosystem reads/)]);
		const doc = good.split('\n');
		const first = doc.findIndex((l) => l.startsWith('  - package-ecosystem: github-actions'));
		const next = doc.findIndex((l, i) => i > first && l.startsWith('  - '));
		const dup = [...doc.slice(0, next), ...doc.slice(first, next), ...doc.slice(next)].join('\n');
		expect(check(dup).some((f) => /a second entry/.test(f.message))).toBe(true);
	});

	it('checks each directory of an entry: the dev container\'s compose file in /.devcontainer, devcontainer.json for devcontainers', () => {
		expect(good).toMatch(/directories:\n {6}- \/\n {6}- \/\.devcontainer\n/);
		const noDevCompose = makeFileSet(files.filter((f) => f.path !== '.devcontainer/compose.yaml'), config);
		expect(checkDependabot(PATH, good, noDevCompose).map((f) => f.message)).toEqual([expect.stringMatching(/no file the docker-compose ecosystem reads in \/\.devcontainer$/)]);
		const noDevcontainer = makeFileSet(files.filter((f) => f.path !== '.devcontainer/devcontainer.json'), config);
		expect(checkDependabot(PATH, good, noDevcontainer).map((f) => f.message)).toEqual([expect.stringMatching(/no file the devcontainers ecosystem reads at the root/)]);
	});
});

describe('poetry.toml validator', () => {
	it('accepts solver.min-release-age as whole days, rejects a duration string, a negative value and an unknown setting', () => {
		expect(checkPoetryConfig('poetry.toml', '[solver]\nmin-release-age = 7\n')).toEqual([]);
		expect(checkPoetryConfig('poetry.toml', '[solver]\nmin-release-age = "7 days"\n')).toHaveLength(1);
		expect(checkPoetryConfig('poetry.toml', '[solver]\nmin-release-age = -1\n')).toHaveLength(1);
		expect(checkPoetryConfig('poetry.toml', '[solver]\nminimum-release-age = 7\n')[0].message).toMatch(/not a Poetry setting/);
		expect(checkPoetryConfig('poetry.toml', '[virtualenvs]\nin-project = true\n')).toEqual([]);
	});
});
