import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseRequirement } from '../model/pep.ts';
import { packagingCases } from '../../../tests/support/cases.ts';
import { pyproject } from './pyproject.ts';
import { requirements } from './requirements.ts';

/** Requirement lines of a requirements file (no comments, no options). */
const reqLines = (text: string) =>
	text
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !l.startsWith('#') && !l.startsWith('-'));
const options = (text: string) => text.split('\n').filter((l) => l.startsWith('-'));

describe('requirements files', () => {
	for (const { id, config } of packagingCases()) {
		it(`${id}: match the dependencies pyproject.toml declares`, () => {
			const files = requirements(config);
			if (config.packaging.manager !== 'pip') {
				expect(files).toEqual([]);
				return;
			}
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			const doc = parse(pyproject(config)[0].content) as any;
			const byPath = Object.fromEntries(files.map((f) => [f.path, f.content]));
			const [rt, dv] = config.packaging.pipWorkflow === 'pip-tools' ? ['requirements.in', 'requirements-dev.in'] : ['requirements.txt', 'requirements-dev.txt'];
			expect(Object.keys(byPath).sort()).toEqual([dv, rt].sort());
			expect(reqLines(byPath[rt])).toEqual(doc.project.dependencies);
			expect(reqLines(byPath[dv])).toEqual(doc['dependency-groups'].dev);
			expect(options(byPath[dv])).toEqual([config.packaging.pipWorkflow === 'pip-tools' ? '-c requirements.txt' : '-r requirements.txt']);
			for (const line of [...reqLines(byPath[rt]), ...reqLines(byPath[dv])]) expect(parseRequirement(line).ok).toBe(true);
			for (const f of files) expect(f.content.endsWith('\n')).toBe(true);
		});
	}
});

describe('requirements-dev lists the groups the dev group includes (issue 19.4)', () => {
	it('a requirements file cannot include a group: their requirements are listed, through nested includes, once', async () => {
		const { defaultConfig } = await import('../model/defaults.ts');
		const c = defaultConfig();
		c.packaging = { ...c.packaging, manager: 'pip', backend: 'setuptools', pipWorkflow: 'requirements' };
		c.project.dependencyGroups = [
			{ name: 'docs', includes: [], requirements: ['mkdocs>=1.6'] },
			{ name: 'lint', includes: ['docs'], requirements: ['codespell>=2.3', 'mkdocs>=1.6'] },
			{ name: 'bench', includes: [], requirements: ['pyperf'] }
		];
		c.project.devIncludes = ['lint'];
		const dev = requirements(c).find((f) => f.path === 'requirements-dev.txt')!.content.split('\n');
		expect(dev).toContain('mkdocs>=1.6');
		expect(dev).toContain('codespell>=2.3');
		expect(dev.filter((l) => l === 'mkdocs>=1.6')).toHaveLength(1);
		expect(dev).not.toContain('pyperf');
		c.packaging.pipWorkflow = 'pip-tools';
		expect(requirements(c).find((f) => f.path === 'requirements-dev.in')!.content).toContain('codespell>=2.3');
	});
});
