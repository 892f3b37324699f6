import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/defaults.ts';
import { PRESETS } from '../model/presets.ts';
import { validateConfig } from '../model/validate.ts';
import { configFileContent } from '../share/codec.ts';
import { detectKind, importText, mapPythonRequirement, poetryConstraint, readRequirementsTxt } from './index.ts';
import { poetryDependency } from './pyproject.ts';

const POETRY1 = `[tool.poetry]
name = "acme-orders"
version = "1.4.0"
description = "Orders service"
authors = ["Jane Doe <jane@acme.test>", "Bob <bob@acme.test>"]
license = "Apache-2.0"
homepage = "https://acme.test/orders"
readme = "README.md"

[tool.poetry.dependencies]
python = "^3.9"
fastapi = "^0.110"
httpx = { version = "~0.27.0", extras = ["http2"] }
psycopg = { version = "^3.1", extras = ["binary"], markers = "sys_platform != 'win32'" }
mylib = { git = "https://github.com/acme/mylib.git" }
boto3 = "*"
pendulum = "2.1.2"
weird = "^1.0 || ^2.0"

[tool.poetry.dev-dependencies]
pytest = "^7.4"

[tool.poetry.group.lint.dependencies]
ruff = ">=0.4"

[tool.poetry.scripts]
orders = "acme_orders.cli:main"

[tool.black]
line-length = 100

[build-system]
requires = ["poetry-core>=1.0.0"]
build-backend = "poetry.core.masonry.api"
`;

const UV = `[project]
name = "tiny-cli"
version = "0.3.0"
description = "A tiny CLI"
requires-python = ">=3.12"
authors = [{ name = "Ann", email = "ann@example.com" }]
license = "MIT"
dependencies = ["click>=8.1", "rich>=13"]

[project.scripts]
tiny = "tiny_cli:main"

[dependency-groups]
dev = ["pytest>=8", { include-group = "lint" }]
lint = ["ruff>=0.6"]

[tool.uv]
package = true

[build-system]
requires = ["uv_build>=0.9,<0.10"]
build-backend = "uv_build"
`;

const PEP621 = `[project]
name = "plain-lib"
version = "2.0.0"
requires-python = ">=3.11"
license = { text = "BSD-3-Clause" }
dependencies = ["attrs>=23", "not a requirement!!"]

[project.optional-dependencies]
dev = ["pytest>=8", "attrs>=22"]
postgres = ["psycopg>=3"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;

describe('poetryConstraint', () => {
	it.each([
		['^1.2.3', '>=1.2.3,<2.0.0'],
		['^1.2', '>=1.2,<2.0'],
		['^1', '>=1,<2'],
		['^0.2.3', '>=0.2.3,<0.3.0'],
		['^0.0.3', '>=0.0.3,<0.0.4'],
		['^0.0', '>=0.0,<0.1'],
		['^0', '>=0,<1'],
		['~1.2.3', '>=1.2.3,<1.3.0'],
		['~1.2', '>=1.2,<1.3'],
		['~1', '>=1,<2'],
		['*', ''],
		['', ''],
		['1.2.3', '==1.2.3'],
		['>=1.2, <2', '>=1.2,<2'],
		['>= 1.2 < 2', '>=1.2,<2'],
		['~=3.1', '~=3.1'],
		['1.2.*', '==1.2.*'],
		['!=1.5', '!=1.5']
	])('%s -> %s', (input, out) => {
		expect(poetryConstraint(input)).toEqual({ ok: true, specifier: out });
	});
	it('refuses unions', () => {
		expect(poetryConstraint('^1.0 || ^2.0').ok).toBe(false);
	});
});

describe('mapPythonRequirement', () => {
	it.each([
		['>=3.11', '3.11'],
		['^3.9', '3.10'],
		['>=3.8,<4', '3.10'],
		['~=3.12', '3.12'],
		['>3.12', '3.13'],
		['>=3.16', '3.15'],
		['==3.13.*', '3.13']
	])('%s -> %s', (input, v) => {
		expect(mapPythonRequirement(input)?.version).toBe(v);
	});
	it('notes a raised version', () => {
		expect(mapPythonRequirement('>=3.8')?.note).toContain('raised to 3.10');
		expect(mapPythonRequirement('>=3.12')?.note).toBeUndefined();
		expect(mapPythonRequirement('any')).toBeNull();
	});
});

describe('poetryDependency', () => {
	it('converts tables with extras and markers', () => {
		expect(poetryDependency('httpx', { version: '^0.27', extras: ['http2'] })).toEqual({ ok: true, requirement: 'httpx[http2]>=0.27,<0.28' });
		expect(poetryDependency('x', { version: '>=1', markers: 'sys_platform == "linux"' })).toEqual({ ok: true, requirement: 'x>=1; sys_platform == "linux"' });
		expect(poetryDependency('y', { url: 'https://example.com/y-1.0.tar.gz' })).toEqual({ ok: true, requirement: 'y @ https://example.com/y-1.0.tar.gz' });
		expect(poetryDependency('z', { git: 'https://x' }).ok).toBe(false);
		expect(poetryDependency('o', { version: '^1', optional: true }).ok).toBe(false);
	});
});

describe('importText: Poetry 1 pyproject', () => {
	const r = importText(POETRY1, defaultConfig(), 'pyproject.toml');
	it('prefills the model', () => {
		if (!r.ok) throw new Error(r.message);
		const p = r.config.project;
		expect(p.name).toBe('acme-orders');
		expect(p.version).toBe('1.4.0');
		expect(p.description).toBe('Orders service');
		expect(p.authorName).toBe('Jane Doe');
		expect(p.authorEmail).toBe('jane@acme.test');
		expect(p.license).toBe('Apache-2.0');
		expect(p.url).toBe('https://acme.test/orders');
		expect(p.pythonVersion).toBe('3.10');
		expect(p.kind).toBe('service');
		expect(p.framework).toBe('fastapi');
		expect(p.dependencies).toEqual([
			'fastapi>=0.110,<0.111',
			'httpx[http2]>=0.27.0,<0.28.0',
			"psycopg[binary]>=3.1,<4.0; sys_platform != 'win32'",
			'boto3',
			'pendulum==2.1.2'
		]);
		// Issue 19.4: the lint group stays a group of its own (it was merged into dev before), and Bob stays an author.
		expect(p.devDependencies).toEqual(['pytest>=7.4,<8.0']);
		expect(p.dependencyGroups).toEqual([{ name: 'lint', includes: [], requirements: ['ruff>=0.4'] }]);
		expect(p.moreAuthors).toEqual([{ name: 'Bob', email: 'bob@acme.test' }]);
		expect(r.config.packaging).toMatchObject({ manager: 'poetry', backend: 'poetry-core', poetryLayout: 'classic' });
		expect(r.config.services.postgres).toBe(true);
		expect(validateConfig(r.config)).toEqual([]);
	});
	it('reports what it skipped', () => {
		if (!r.ok) throw new Error(r.message);
		const ignored = r.report.ignored.join('\n');
		expect(ignored).toContain('mylib: git dependency skipped');
		expect(ignored).toContain('weird');
		expect(ignored).toContain('[tool.black]');
		expect(ignored).toContain('raised to 3.10');
		expect(ignored).not.toContain('author');
		expect(r.report.taken.join('\n')).toContain('package manager: poetry ([tool.poetry])');
	});
});

describe('importText: uv / PEP 735', () => {
	it('reads [project], [dependency-groups] with include-group, and detects uv', () => {
		const r = importText(UV, defaultConfig(), 'pyproject.toml');
		if (!r.ok) throw new Error(r.message);
		expect(r.config.project).toMatchObject({
			name: 'tiny-cli',
			version: '0.3.0',
			pythonVersion: '3.12',
			kind: 'cli',
			framework: 'none',
			authorName: 'Ann',
			license: 'MIT',
			dependencies: ['click>=8.1', 'rich>=13'],
			// Issue 19.4: the include stays an include, lint a group of its own.
			devDependencies: ['pytest>=8'],
			devIncludes: ['lint'],
			dependencyGroups: [{ name: 'lint', includes: [], requirements: ['ruff>=0.6'] }]
		});
		expect(r.config.packaging).toMatchObject({ manager: 'uv', backend: 'uv_build' });
		expect(validateConfig(r.config)).toEqual([]);
	});
	it('PEP 621 with hatchling is pip; extras (a "dev" one too) stay extras, the legacy license table verbatim', () => {
		const r = importText(PEP621, defaultConfig(), 'pyproject.toml');
		if (!r.ok) throw new Error(r.message);
		expect(r.config.packaging).toMatchObject({ manager: 'pip', backend: 'hatchling' });
		expect(r.config.project).toMatchObject({ license: 'BSD-3-Clause', licenseForm: 'text' });
		expect(r.config.project.kind).toBe('library');
		expect(r.config.project.dependencies).toEqual(['attrs>=23']);
		expect(r.config.project.devDependencies).toEqual([]);
		expect(r.config.project.extras).toEqual([
			{ name: 'dev', requirements: ['pytest>=8', 'attrs>=22'] },
			{ name: 'postgres', requirements: ['psycopg>=3'] }
		]);
		const ignored = r.report.ignored.join('\n');
		expect(ignored).toContain('not a requirement!!');
		expect(r.report.taken.join('\n')).toContain('kept verbatim');
	});
	it('keeps deployment settings of the base config', () => {
		const base = defaultConfig();
		base.target = 'kubernetes';
		base.kubernetes.namespace = 'shop';
		const r = importText(UV, base, 'pyproject.toml');
		expect(r.ok && r.config.target).toBe('kubernetes');
		expect(r.ok && r.config.kubernetes.namespace).toBe('shop');
	});
});

describe('importText: errors', () => {
	it('gives line and column for bad TOML', () => {
		const r = importText('[project]\nname = "x"\nversion = = 1\n', defaultConfig(), 'pyproject.toml');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.message).toContain('not valid TOML');
		expect(r.line).toBe(3);
		expect(r.column).toBeGreaterThan(0);
	});
	it('refuses TOML that is not a pyproject', () => {
		const r = importText('[server]\nport = 1\n', defaultConfig(), 'x.toml');
		expect(r.ok).toBe(false);
	});
	it('refuses empty and huge input', () => {
		expect(importText('  ', defaultConfig()).ok).toBe(false);
		expect(importText('a'.repeat(1_000_001), defaultConfig()).ok).toBe(false);
	});
	it('gives line and column for bad JSON', () => {
		const r = importText('{\n  "slipway": 1,\n  oops\n}', defaultConfig(), 'slipway.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.line).toBe(3);
	});
	it('reports per-field errors of a bad slipway.json', () => {
		const c = defaultConfig();
		c.project.name = 'Bad Name!';
		const r = importText(configFileContent(c), defaultConfig(), 'slipway.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors?.[0].path).toBe('project.name');
	});
});

describe('importText: requirements.txt', () => {
	const TXT = `# Production
fastapi>=0.110  # web
uvicorn[standard]==0.30.1 \\
    --hash=sha256:abc
-r base.txt
--index-url https://pypi.example/simple
-e .
git+https://github.com/x/y.git
redis
bad requirement ===
`;
	it('reads requirements and notes what it skipped', () => {
		const r = importText(TXT, defaultConfig(), 'requirements.txt');
		if (!r.ok) throw new Error(r.message);
		expect(r.config.project.dependencies).toEqual(['fastapi>=0.110', 'uvicorn[standard]==0.30.1', 'redis']);
		expect(r.config.packaging.manager).toBe('pip');
		expect(r.config.packaging.backend).toBe('setuptools');
		expect(r.config.services.redis).toBe(true);
		const ignored = r.report.ignored.join('\n');
		expect(ignored).toContain('1 comment line skipped');
		expect(ignored).toContain('pip option "-r base.txt"');
		expect(ignored).toContain('--hash');
		expect(ignored).toContain('path or URL');
		expect(ignored).toContain('bad requirement');
	});
	it('a requirements-dev.txt fills development dependencies', () => {
		const r = importText('pytest>=8\nruff\n', defaultConfig(), 'requirements-dev.txt');
		if (!r.ok) throw new Error(r.message);
		expect(r.config.project.devDependencies).toEqual(['pytest>=8', 'ruff']);
		expect(r.config.project.dependencies).toEqual([]);
	});
	it('readRequirementsTxt keeps markers', () => {
		expect(readRequirementsTxt('tomli>=2; python_version < "3.11"\n').requirements).toEqual(['tomli>=2; python_version < "3.11"']);
	});
});

describe('slipway.json: reopen and reproduce', () => {
	for (const preset of PRESETS) {
		it(`${preset.id} round-trips exactly`, () => {
			const c = preset.config();
			c.project.dependencies = ['httpx>=0.27'];
			const r = importText(configFileContent(c), defaultConfig(), 'slipway.json');
			expect(r.ok && r.config).toEqual(c);
		});
	}
});

describe('slipway.json of a library (issue 14.12)', () => {
	it('names no target; importing it keeps the target the form had, so nothing is lost', () => {
		const lib = PRESETS.find((p) => p.id === 'library')!.config();
		lib.target = 'bare-metal';
		const text = configFileContent(lib);
		expect(JSON.parse(text).config).not.toHaveProperty('target');
		const form = defaultConfig();
		form.target = 'kubernetes';
		const r = importText(text, form, 'slipway.json');
		expect(r.ok && r.config).toEqual({ ...lib, target: 'kubernetes' });
	});

	it('a file of another kind without a target is still reported', () => {
		const c = defaultConfig() as Partial<ReturnType<typeof defaultConfig>>;
		delete c.target;
		const r = importText(JSON.stringify({ slipway: 1, config: c }), defaultConfig(), 'slipway.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors).toEqual([{ path: 'target', message: 'is missing' }]);
	});
});

describe('detectKind', () => {
	it('guesses from name and text', () => {
		expect(detectKind('{"a":1}')).toBe('slipway');
		expect(detectKind('[project]\nname="x"')).toBe('pyproject');
		expect(detectKind('requests\nflask>=2')).toBe('requirements');
		expect(detectKind('x', 'requirements.in')).toBe('requirements');
	});
});
