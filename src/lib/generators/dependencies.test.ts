import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { presetById } from '../model/presets.ts';
import { parseRequirement, requirementCovers, specifierImplies } from '../model/pep.ts';
import type { Config, PackageManager } from '../model/config.ts';
import { DEFAULT_BACKEND } from '../model/defaults.ts';
import { validateConfig } from '../model/validate.ts';
import { devDependencies, keptImplied, runtimeDependencies } from './dependencies.ts';
import { generate } from './index.ts';
import { DEV_DEPS } from './versions.ts';

const req = (s: string) => {
	const r = parseRequirement(s);
	if (!r.ok) throw new Error(`${s}: ${r.error}`);
	return r.value;
};
const covers = (kept: string, dropped: string) => requirementCovers(req(kept), req(dropped));

function fastapi(deps: string[], manager: PackageManager = 'uv', tweak: (c: Config) => void = () => {}): Config {
	const c = presetById('fastapi-service')!.config();
	c.project.dependencies = deps;
	c.packaging.manager = manager;
	c.packaging.backend = DEFAULT_BACKEND[manager];
	tweak(c);
	expect(validateConfig(c)).toEqual([]);
	return c;
}

const file = (c: Config, path: string) => {
	const f = generate(c).find((x) => x.path === path);
	if (!f) throw new Error(`no ${path}`);
	return f.content;
};
const lines = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('-'));

/** The example: a runtime httpx that only applies before Python 3.13. */
const MARKED_HTTPX = "httpx[http2]>=0.27; python_version < '3.13'";

describe('issue 14.11: a runtime dependency with a marker keeps the test tool', () => {
	it('the dev group keeps httpx (FastAPI TestClient) when the runtime httpx has a marker', () => {
		const c = fastapi([MARKED_HTTPX]);
		expect(runtimeDependencies(c)).toContain(MARKED_HTTPX);
		expect(devDependencies(c)).toContain(DEV_DEPS.httpx);
		expect(keptImplied(c).devDependencies).toContain(DEV_DEPS.httpx);
	});

	it('pyproject [dependency-groups] dev (uv, pip) lists httpx', () => {
		for (const m of ['uv', 'pip'] as const) {
			const py = parse(file(fastapi([MARKED_HTTPX], m), 'pyproject.toml')) as { project: { dependencies: string[] }; 'dependency-groups': { dev: string[] } };
			expect(py['dependency-groups'].dev, m).toContain(DEV_DEPS.httpx);
			expect(py.project.dependencies, m).toContain(MARKED_HTTPX);
		}
	});

	it('requirements-dev.txt and requirements-dev.in list httpx', () => {
		const txt = fastapi([MARKED_HTTPX], 'pip');
		expect(lines(file(txt, 'requirements-dev.txt'))).toContain(DEV_DEPS.httpx);
		expect(lines(file(txt, 'requirements.txt'))).toContain(MARKED_HTTPX);
		const tools = fastapi([MARKED_HTTPX], 'pip', (c) => (c.packaging.pipWorkflow = 'pip-tools'));
		expect(lines(file(tools, 'requirements-dev.in'))).toContain(DEV_DEPS.httpx);
	});

	it('both Poetry layouts put httpx in the dev group', () => {
		for (const layout of ['poetry2', 'classic'] as const) {
			const c = fastapi([MARKED_HTTPX], 'poetry', (x) => (x.packaging.poetryLayout = layout));
			const py = parse(file(c, 'pyproject.toml')) as { tool: { poetry: { group: { dev: { dependencies: Record<string, unknown> } } } } };
			expect(py.tool.poetry.group.dev.dependencies.httpx, layout).toBe(DEV_DEPS.httpx.slice('httpx'.length));
		}
	});

	it('a runtime requirement that covers the dev one still replaces it', () => {
		for (const runtime of ['httpx>=0.27', 'httpx[http2]>=0.28,<1', 'httpx==0.28.1']) {
			expect(devDependencies(fastapi([runtime])).some((d) => d.startsWith('httpx')), runtime).toBe(false);
			expect(keptImplied(fastapi([runtime])).coveredByRuntime, runtime).toEqual([DEV_DEPS.httpx]);
		}
	});

	it('keeps both when the runtime one allows versions the dev one does not, or is a direct reference', () => {
		for (const runtime of ['httpx>=0.20', 'httpx<1', 'httpx', 'httpx>=0.28rc1', 'httpx @ https://example.com/httpx-0.28.1-py3-none-any.whl', 'httpx>=0.27; sys_platform != "win32"'])
			expect(devDependencies(fastapi([runtime])), runtime).toContain(DEV_DEPS.httpx);
	});
});

describe('one group: a user entry replaces the implied one only where it applies everywhere', () => {
	it('without a marker the user entry replaces the implied one (version and extras are the user choice)', () => {
		const deps = runtimeDependencies(fastapi(['uvicorn>=0.30']));
		expect(deps.filter((d) => d.startsWith('uvicorn'))).toEqual(['uvicorn>=0.30']);
	});

	it('with a marker the implied one stays for everywhere else', () => {
		const user = 'uvicorn[standard]>=0.34; sys_platform != "win32"';
		const c = fastapi([user]);
		expect(runtimeDependencies(c).filter((d) => d.startsWith('uvicorn'))).toEqual(['uvicorn[standard]>=0.32', user]);
		expect(keptImplied(c).dependencies).toContain('uvicorn[standard]>=0.32');
	});

	it('Poetry writes the two as one multiple-constraints entry', () => {
		const user = 'uvicorn>=0.34; sys_platform != "win32"';
		const c = fastapi([user], 'poetry', (x) => (x.packaging.poetryLayout = 'classic'));
		const py = parse(file(c, 'pyproject.toml')) as { tool: { poetry: { dependencies: Record<string, unknown> } } };
		expect(py.tool.poetry.dependencies.uvicorn).toEqual([
			{ version: '>=0.32', extras: ['standard'] },
			{ version: '>=0.34', markers: 'sys_platform != "win32"' }
		]);
	});

	it('a user dev entry with a marker keeps the implied test tool', () => {
		const c = fastapi([], 'uv', (x) => (x.project.devDependencies = ["httpx[http2]; python_version < '3.13'"]));
		expect(devDependencies(c)).toEqual(expect.arrayContaining([DEV_DEPS.httpx, "httpx[http2]; python_version < '3.13'"]));
	});
});

describe('requirementCovers (pep.ts)', () => {
	it.each([
		['foo', 'foo', true],
		['Foo_Bar>=1', 'foo-bar>=1', true],
		['foo', 'bar', false],
		// markers: the kept one must apply wherever the dropped one does
		['foo>=1', "foo>=1; python_version < '3.13'", true],
		["foo>=1; python_version < '3.13'", 'foo>=1', false],
		['foo>=1; python_version<"3.13"', "foo>=1 ; python_version < '3.13'", true],
		['foo>=1; python_version < "3.12"', 'foo>=1; python_version < "3.13"', false],
		// extras: at least the same ones
		['foo[a,b]', 'foo[b]', true],
		['foo[a]', 'foo[a,b]', false],
		['foo', 'foo[a]', false],
		// versions: the kept one allows only versions the dropped one allows
		['foo>=1.2', 'foo>=1.0', true],
		['foo>=1.0', 'foo>=1.2', false],
		['foo>=1,<2', 'foo>=1', true],
		['foo>=1', 'foo>=1,<2', false],
		['foo==1.5', 'foo>=1,<2', true],
		['foo==2', 'foo>=1,<2', false],
		['foo~=1.4', 'foo>=1.4', true],
		['foo>1', 'foo>=1', true],
		['foo>=1', 'foo>1', false],
		['foo<=1.9', 'foo<2', true],
		['foo<2', 'foo<=1.9', false],
		['foo==1.0', 'foo!=2.0', true],
		['foo>=1.0rc1', 'foo>=1.0', false],
		['foo==1.*', 'foo==1.*', true],
		['foo==1.*', 'foo>=1', false],
		['foo===1.0', 'foo===1.0', true],
		// direct references
		['foo @ https://example.com/foo.whl', 'foo', true],
		['foo @ https://example.com/foo.whl', 'foo>=1', false],
		['foo>=1', 'foo @ https://example.com/foo.whl', false],
		['foo @ https://example.com/foo.whl', 'foo @ https://example.com/foo.whl', true]
	])('%s covers %s: %s', (kept, dropped, expected) => {
		expect(covers(kept, dropped)).toBe(expected);
	});

	it('specifierImplies: an empty requirement is implied by anything, an empty specifier implies only that', () => {
		expect(specifierImplies('>=1', '')).toBe(true);
		expect(specifierImplies('', '>=1')).toBe(false);
	});
});
