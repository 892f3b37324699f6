/**
 * Issue 16.6: today's Python and tools. Python 3.11-3.15 are offered; 3.10 (end of
 * life October 2026) only with a warning that does not block generation, and never
 * as a default or a preset's choice; classifiers and CI follow requires-python; AWS
 * Lambda takes only the runtimes AWS supports; every bumped pin is recorded with
 * its source in versions.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { ciWorkflows } from '../../src/lib/generators/ci.ts';
import { generate } from '../../src/lib/generators/index.ts';
import { pyproject } from '../../src/lib/generators/pyproject.ts';
import { supportedPythons } from '../../src/lib/model/runtime.ts';
import {
	BACKEND_REQUIRES,
	DEPS,
	DEV_DEPS,
	IMAGE_TAGS,
	LAMBDA_PYTHON_LIFECYCLE,
	LAMBDA_PYTHON_RUNTIMES,
	PY_TOOLS,
	PYTHON_END_OF_LIFE,
	TOOLS,
	TOOL_VERSIONS
} from '../../src/lib/generators/versions.ts';
import type { Config } from '../../src/lib/model/config.ts';
import { PYTHON_VERSIONS } from '../../src/lib/model/config.ts';
import { defaultConfig } from '../../src/lib/model/defaults.ts';
import { PRESETS, presetById } from '../../src/lib/model/presets.ts';
import { validateConfig, validationWarnings } from '../../src/lib/model/validate.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const withPython = (v: string, id = 'library'): Config => {
	const c = presetById(id)!.config();
	c.project.pythonVersion = v as Config['project']['pythonVersion'];
	return c;
};

describe('Python versions offered (issue 16.6)', () => {
	it('offers 3.11-3.15, and 3.10 only as an end-of-life version', () => {
		expect(PYTHON_VERSIONS).toEqual(expect.arrayContaining(['3.11', '3.12', '3.13', '3.14', '3.15']));
		for (const v of PYTHON_VERSIONS) if (!['3.11', '3.12', '3.13', '3.14', '3.15'].includes(v)) expect(PYTHON_END_OF_LIFE[v], v).toBeDefined();
		expect(PYTHON_END_OF_LIFE['3.10'].date).toBe('2026-10-01');
	});

	it('no default and no preset uses an end-of-life Python (the library preset was 3.10)', () => {
		expect(PYTHON_END_OF_LIFE[defaultConfig().project.pythonVersion]).toBeUndefined();
		for (const p of PRESETS) expect(PYTHON_END_OF_LIFE[p.config().project.pythonVersion], p.id).toBeUndefined();
		expect(presetById('library')!.config().project.pythonVersion).toBe('3.11');
	});

	it('3.10 gets a warning on project.pythonVersion, not an error: the config stays valid and generates', () => {
		const c = withPython('3.10');
		expect(validateConfig(c)).toEqual([]);
		const w = validationWarnings(c);
		expect(w.map((x) => x.path)).toEqual(['project.pythonVersion']);
		expect(w[0].message).toMatch(/end of life on 2026-10-01/);
		expect(w[0].message).toMatch(/"3\.11" or later/);
		expect(generate(c).length).toBeGreaterThan(5);
		for (const v of ['3.11', '3.12', '3.13', '3.14', '3.15']) expect(validationWarnings(withPython(v)), v).toEqual([]);
	});

	it('classifiers and the CI matrix run from requires-python up to 3.15', () => {
		for (const [lowest, want] of [
			['3.11', ['3.11', '3.12', '3.13', '3.14', '3.15']],
			['3.13', ['3.13', '3.14', '3.15']],
			['3.10', ['3.10', '3.11', '3.12', '3.13', '3.14', '3.15']]
		] as const) {
			const c = withPython(lowest);
			expect(supportedPythons(c)).toEqual(want);
			const toml = parse(pyproject(c).find((f) => f.path === 'pyproject.toml')!.content) as Doc;
			expect(toml.project['requires-python']).toBe(`>=${lowest}`);
			const versions = (toml.project.classifiers as string[]).filter((k) => /^Programming Language :: Python :: 3\.\d+$/.test(k)).map((k) => k.split(':: ').at(-1));
			expect(versions).toEqual(want);
			const wf = load(ciWorkflows(c).find((f) => f.path === '.github/workflows/ci.yml')!.content) as Doc;
			expect(wf.jobs.test.strategy.matrix['python-version']).toEqual(want);
		}
	});

	it('every offered Python has a recorded base image, 3.15 included', () => {
		const images = IMAGE_TAGS.map((i) => i.image);
		for (const v of PYTHON_VERSIONS) expect(images.some((i) => i.startsWith(`python:${v}-slim`)), v).toBe(true);
		const py315 = IMAGE_TAGS.find((i) => i.image.startsWith('python:3.15-slim'))!;
		expect(py315.evidence).toMatch(/PEP 790/);
		expect(py315.evidence).toMatch(/not seen here/);
	});

	it('the CLI prints the warning and still writes the files', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'slipway-py310-'));
		try {
			writeFileSync(join(dir, 'part.json'), JSON.stringify({ project: { pythonVersion: '3.10' } }));
			let stderr = '';
			const code = await run(['generate', '--preset', 'library', '--config', 'part.json', '--out', 'out'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir });
			expect(code).toBe(0);
			expect(stderr).toMatch(/^slipway: warning: project\.pythonVersion: Python 3\.10 reached its end of life/m);
			expect(readFileSync(join(dir, 'out', 'pyproject.toml'), 'utf8')).toContain('requires-python = ">=3.10"');
			stderr = '';
			expect(await run(['generate', '--preset', 'library', '--out', 'out2'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir })).toBe(0);
			expect(stderr).toBe('');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('AWS Lambda takes the Python runtimes AWS supports (versions.ts LAMBDA_PYTHON_RUNTIMES)', () => {
	const lambda = (v: string): Config => {
		const c = withPython(v, 'fastapi-service');
		c.target = 'serverless';
		c.serverless.provider = 'aws-lambda';
		return c;
	};
	const messages = (c: Config) => validateConfig(c).filter((e) => e.path === 'project.pythonVersion').map((e) => e.message);

	it('records python3.11-3.14 with its source; 3.10 deprecated, 3.15 preview', () => {
		expect(LAMBDA_PYTHON_RUNTIMES).toEqual(['3.11', '3.12', '3.13', '3.14']);
		expect(LAMBDA_PYTHON_LIFECYCLE.source).toMatch(/github:aws-cloudformation\/cfn-lint .*via fetch/);
		expect(LAMBDA_PYTHON_LIFECYCLE.deprecated['3.10']).toEqual({ deprecated: '2026-10-31', createBlocked: '2027-02-01' });
		expect(LAMBDA_PYTHON_LIFECYCLE.preview).toContain('3.15');
	});

	it('accepts each supported runtime (3.11 was refused before: AWS extended it to 2027-06-30)', () => {
		for (const v of LAMBDA_PYTHON_RUNTIMES) {
			expect(messages(lambda(v)), v).toEqual([]);
			const sam = generate(lambda(v)).find((f) => f.path.endsWith('template.yaml'))!;
			expect(sam.content).toContain(`python${v}`);
		}
	});

	it('refuses 3.10 (deprecated) and 3.15 (preview only) with a message saying why and what to pick', () => {
		const m310 = messages(lambda('3.10'));
		expect(m310).toHaveLength(1);
		expect(m310[0]).toMatch(/deprecated the python3\.10 runtime on 2026-10-31/);
		expect(m310[0]).toMatch(/3\.11, 3\.12, 3\.13, 3\.14/);
		const m315 = messages(lambda('3.15'));
		expect(m315).toHaveLength(1);
		expect(m315[0]).toMatch(/python3\.15 only as a public preview, not for production/);
	});

	it('Cloud Run runs the image: 3.15 is fine there', () => {
		const c = lambda('3.15');
		c.serverless.provider = 'cloud-run';
		expect(messages(c)).toEqual([]);
	});
});

describe('tool pins of issue 16.6 carry their record', () => {
	it('Poetry 2.5.1 and build 1.6.1, each recorded with pypi.tsv and the upstream snapshot', () => {
		expect(TOOLS.poetry).toBe('2.5.1');
		expect(TOOL_VERSIONS.poetry.version).toBe(TOOLS.poetry);
		expect(TOOL_VERSIONS.poetry.source).toMatch(/pypi\.tsv .*github:python-poetry\/poetry/);
		expect(PY_TOOLS.build).toBe('1.6.1');
		expect(TOOL_VERSIONS.build.version).toBe(PY_TOOLS.build);
		expect(TOOL_VERSIONS.build.source).toMatch(/pypi\.tsv .*github:pypa\/build/);
	});

	it('flit_core: the floor keeps AND/OR license expressions, the bound is flit 4 docs\' <5', () => {
		expect(BACKEND_REQUIRES['flit-core']).toBe('flit_core>=3.12,<5');
		expect(TOOL_VERSIONS.flitCore.version.split('.')[0]).toBe('4');
		expect(TOOL_VERSIONS.flitCore.evidence).toMatch(/<5/);
	});

	it('Django >=5.2 (the LTS the proof root takes from trixie-backports); whitenoise floor as recorded', () => {
		expect(DEPS.django).toBe(`django>=${TOOL_VERSIONS.django.version}`);
		expect(TOOL_VERSIONS.django.version).toBe('5.2');
		expect(readFileSync(join(import.meta.dirname, '../validate/toolchain/packages.txt'), 'utf8')).toMatch(/^python3-django\/trixie-backports$/m);
		expect(DEPS.whitenoise).toBe(`whitenoise>=${TOOL_VERSIONS.whitenoise.version}`);
		expect(TOOL_VERSIONS.whitenoise.evidence).toMatch(/Support Django 5\.2/);
	});

	it('ruff floor is the 0.17 line the matrix checks with (knows py315)', () => {
		expect(DEV_DEPS.ruff).toBe('ruff>=0.17');
	});

	it('uv stays where the pinned setup-uv verifies its checksum, and says why not 0.13', () => {
		expect(TOOL_VERSIONS.uv.version).toBe(TOOLS.uv);
		expect(TOOL_VERSIONS.uv.evidence).toMatch(/Not 0\.13/);
		expect(TOOL_VERSIONS.uv.evidence).toMatch(/known-checksums/);
	});
});

