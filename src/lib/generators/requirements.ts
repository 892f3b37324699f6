/**
 * pip's requirement files, for `packaging.manager = 'pip'`:
 * - `requirements` workflow: `requirements.txt` (runtime, exactly the
 *   `[project] dependencies`) and `requirements-dev.txt` (`-r
 *   requirements.txt` plus the dev group);
 * - `pip-tools` workflow: `requirements.in` / `requirements-dev.in`, the
 *   same lists as inputs of `pip-compile`, which writes the pinned
 *   `requirements.txt` / `requirements-dev.txt` (a browser cannot resolve
 *   versions, so those are the user's first step, as lock files are).
 *
 * Docker and the other deployment files install runtime dependencies from
 * `requirements.txt` in both workflows, then the project with `--no-deps`.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { pipCompile, pipUploadedPriorTo } from './cooldown.ts';
import { devDependencies, runtimeDependencies } from './dependencies.ts';
import type { GeneratedFile } from './types.ts';
import { normalizeName } from '../model/pep.ts';
import { GENERATED } from './header.ts';

const HEAD = `# ${GENERATED}`;

function file(path: string, lines: readonly string[]): GeneratedFile {
	return { path, content: lines.join('\n') + '\n', language: 'text' };
}

/**
 * The requirements of the groups the dev group includes, through their own includes
 * (PEP 735 include-group), each once: a requirements file cannot include a group, so
 * requirements-dev.* lists what `pip install --group dev` installs.
 */
export function includedRequirements(config: ReadonlyConfig, names: readonly string[]): string[] {
	const byName = new Map(config.project.dependencyGroups.map((g) => [normalizeName(g.name), g]));
	const seen = new Set<string>();
	const out: string[] = [];
	const visit = (name: string) => {
		const key = normalizeName(name);
		const g = byName.get(key);
		if (!g || seen.has(key)) return;
		seen.add(key);
		g.includes.forEach(visit);
		for (const r of g.requirements) if (!out.includes(r)) out.push(r);
	};
	names.forEach(visit);
	return out;
}

export function requirements(config: ReadonlyConfig): GeneratedFile[] {
	if (config.packaging.manager !== 'pip') return [];
	const runtime = runtimeDependencies(config);
	const dev = [...includedRequirements(config, config.project.devIncludes), ...devDependencies(config)];
	if (config.packaging.pipWorkflow === 'pip-tools') {
		return [
			file('requirements.in', [
				HEAD,
				'# Runtime dependencies: keep in sync with [project] dependencies in pyproject.toml.',
				`# Compile the pinned requirements.txt with:  ${pipCompile(config, 'requirements.in')}`,
				...runtime
			]),
			file('requirements-dev.in', [
				HEAD,
				'# Development tools: keep in sync with [dependency-groups] dev in pyproject.toml.',
				`# Compile with:  ${pipCompile(config, 'requirements-dev.in')}`,
				'# Install with:  pip-sync requirements.txt requirements-dev.txt && pip install --no-deps -e .',
				'-c requirements.txt',
				...dev
			])
		];
	}
	return [
		file('requirements.txt', [
			HEAD,
			'# Runtime dependencies: the same as [project] dependencies in pyproject.toml.',
			'# Install the project itself afterwards with:  pip install --no-deps .',
			...runtime
		]),
		file('requirements-dev.txt', [
			HEAD,
			'# Development tools: the same as [dependency-groups] dev in pyproject.toml.',
			`# Install everything with:  pip install ${pipUploadedPriorTo(config)}-r requirements-dev.txt -e .`,
			'-r requirements.txt',
			...dev
		])
	];
}
