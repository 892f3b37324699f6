/**
 * pyproject.toml, one shape per package manager, built as data and written by
 * the TOML writer:
 * - uv: PEP 621 `[project]`, PEP 735 `[dependency-groups]`, the chosen backend;
 * - poetry (`poetry2`): PEP 621 `[project]` + `[tool.poetry]` only for what
 *   PEP 621 cannot say, dev tools in a Poetry group, poetry-core>=2;
 * - poetry (`classic`): the Poetry 1.x `[tool.poetry]` layout;
 * - pip: PEP 621 `[project]` with PEP 735 `[dependency-groups]` (pip >= 25.1
 *   installs them with `pip install --group dev`; the requirements files of
 *   `requirements.ts` serve older pips), setuptools, hatchling or flit-core.
 *
 * Dev tools never go into `[project.optional-dependencies]`: extras are
 * published metadata for users, dependency groups are for developers (PEP 735).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import type { GeneratedFile } from './types.ts';
import { TOOLS } from './versions.ts';
import { uvExcludeNewer } from './cooldown.ts';
import { writeToml, type TomlTable } from './writers/toml.ts';
import { poetry2Pyproject, poetryClassicPyproject, poetryToml, poetryInlineTables } from './pyproject-poetry.ts';
import { HEADER, projectTable, buildSystem, backendTool, qualityTools, dependencyGroups } from './pyproject-tables.ts';

function uvPyproject(config: ReadonlyConfig): TomlTable {
	const backend = backendTool(config);
	// The uv line the Dockerfile and CI pin; older uv may not read the lock it writes.
	const uv: TomlTable = { 'required-version': `>=${TOOLS.uv.split('.').slice(0, 2).join('.')}`, ...(backend.uv as TomlTable | undefined) };
	// The release cooldown at lock time: a relative duration, which uv turns into a timestamp when it resolves (versions.ts COOLDOWN.uv).
	const excludeNewer = uvExcludeNewer(config);
	if (excludeNewer) uv['exclude-newer'] = excludeNewer;
	return {
		project: projectTable(config),
		'dependency-groups': dependencyGroups(config),
		'build-system': buildSystem(config),
		tool: { ...backend, uv, ...qualityTools(config) }
	};
}

function pipPyproject(config: ReadonlyConfig): TomlTable {
	return {
		project: projectTable(config),
		'dependency-groups': dependencyGroups(config),
		'build-system': buildSystem(config),
		tool: { ...backendTool(config), ...qualityTools(config) }
	};
}

/** Poetry 2: PEP 621 metadata, Poetry keeps packages and groups. */
/** The pyproject.toml generator. */
export function pyproject(config: ReadonlyConfig): GeneratedFile[] {
	const pk = config.packaging;
	const doc =
		pk.manager === 'uv'
			? uvPyproject(config)
			: pk.manager === 'pip'
				? pipPyproject(config)
				: pk.poetryLayout === 'classic'
					? poetryClassicPyproject(config)
					: poetry2Pyproject(config);
	// A legacy license table kept verbatim is written as it is usually written: `license = { text = "..." }`.
	const inline = [...poetryInlineTables(doc), ...(config.project.licenseForm === 'spdx' ? [] : ['project.license'])];
	return [{ path: 'pyproject.toml', content: writeToml(doc, { header: HEADER, inline }), language: 'toml' }, ...poetryToml(config)];
}

/**
 * Poetry's release cooldown is a Poetry setting, not a pyproject.toml key: poetry.toml, the
 * project's local configuration (`poetry config --local`), holds it (versions.ts COOLDOWN.poetry).
 * Poetry 2.4 reads it; older Poetry ignores it, which the classic layout, kept for Poetry 1.x, accepts.
 */
