import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { defaultConfig } from '../model/defaults.ts';
import { bootstrapCommands, bootstrapScript } from './bootstrap.ts';
import { ADD_TO_EXTRA_OR_GROUP } from '../generators/versions.ts';

describe('bootstrapCommands', () => {
	it('uv: init --package, add, add --dev', () => {
		const c = defaultConfig();
		c.project.dependencies = ['httpx[http2]>=0.27,<1; python_version >= "3.11"'];
		const lines = bootstrapCommands(c);
		expect(lines[0]).toBe("uv init --package --python '3.12' --build-backend uv 'my-service'");
		expect(lines[1]).toBe("cd 'my-service'");
		expect(lines[2]).toMatch(/^uv add 'fastapi>=[^']+' 'uvicorn\[standard\]>=[^']+' /);
		expect(lines[2]).toContain(`'httpx[http2]>=0.27,<1; python_version >= "3.11"'`);
		expect(lines[3]).toMatch(/^uv add --dev 'pytest>=/);
	});
	it('uv library uses --lib and the chosen backend', () => {
		const c = defaultConfig();
		c.project.kind = 'library';
		c.project.framework = 'none';
		c.packaging.backend = 'hatchling';
		expect(bootstrapCommands(c)[0]).toBe("uv init --lib --python '3.12' --build-backend hatch 'my-service'");
	});
	it('poetry: new, add, add --group dev', () => {
		const c = defaultConfig();
		c.packaging = { ...c.packaging, manager: 'poetry', backend: 'poetry-core' };
		const lines = bootstrapCommands(c);
		expect(lines[0]).toBe("poetry new --python '>=3.12' 'my-service'");
		expect(lines.some((l) => l.startsWith("poetry add 'fastapi"))).toBe(true);
		expect(lines.some((l) => l.startsWith("poetry add --group dev 'pytest"))).toBe(true);
	});
	for (const manager of ['uv', 'poetry'] as const)
		it(`${manager}: extras with add --optional, named groups with add --group (versions.ts ADD_TO_EXTRA_OR_GROUP)`, () => {
			const c = defaultConfig();
			c.packaging = { ...c.packaging, manager, backend: manager === 'uv' ? 'uv_build' : 'poetry-core' };
			c.project.extras = [{ name: 'speed', requirements: ['uvloop>=0.21; sys_platform != "win32"'] }];
			c.project.dependencyGroups = [{ name: 'docs', includes: [], requirements: ['mkdocs>=1.6'] }, { name: 'empty', includes: ['docs'], requirements: [] }];
			const lines = bootstrapCommands(c);
			const flags = ADD_TO_EXTRA_OR_GROUP[manager];
			expect(lines).toContain(`${manager} add ${flags.extra} 'speed' 'uvloop>=0.21; sys_platform != "win32"'`);
			expect(lines).toContain(`${manager} add ${flags.group} 'docs' 'mkdocs>=1.6'`);
			// A group with only includes has nothing to add (pyproject.toml carries the include).
			expect(lines.some((l) => l.includes("'empty'"))).toBe(false);
			execFileSync('sh', ['-n'], { input: bootstrapScript(c) });
		});
	it('pip: venv and pip install', () => {
		const c = defaultConfig();
		c.packaging = { ...c.packaging, manager: 'pip', backend: 'setuptools' };
		const lines = bootstrapCommands(c);
		expect(lines).toContain('python3.12 -m venv .venv');
		expect(lines.some((l) => l.startsWith(".venv/bin/python -m pip install 'fastapi"))).toBe(true);
	});
	it('is valid sh (sh -n)', () => {
		const c = defaultConfig();
		c.project.dependencies = ["weird'name>=1"];
		expect(() => execFileSync('sh', ['-n'], { input: bootstrapScript(c) })).not.toThrow();
	});
});
