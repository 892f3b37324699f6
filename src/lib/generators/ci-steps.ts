/** The steps that set up each package manager in the workflows: install the project (ci.yml), build the sdist and wheel (release.yml), run a tool. They read the manager profile (model/managers.ts). */
import type { ReadonlyConfig } from '../model/config.ts';
import { MANAGERS } from '../model/managers.ts';
import { pipCompile, pipUploadedPriorTo } from './cooldown.ts';
import { PY_TOOLS, TOOLS, USES } from './versions.ts';

export type Step = Record<string, unknown>;
/** A shell step that fails with a GitHub error annotation when a file is missing. */
function requireFile(path: string, fix: string): Step {
	return {
		name: `Check that ${path} is committed`,
		run: `if [ ! -f ${path} ]; then\n  echo "::error file=pyproject.toml::${path} is missing. Run '${fix}' locally and commit ${path}."\n  exit 1\nfi\n`
	};
}

/** Steps that install Python, the manager and the project with its dev dependencies. */
export function installSteps(config: ReadonlyConfig, python: string): Step[] {
	const pk = config.packaging;
	const m = MANAGERS[pk.manager];
	if (pk.manager === 'uv')
		return [
			requireFile(m.lockFile, m.lock!),
			{ name: 'Install uv', uses: USES.setupUv, with: { version: TOOLS.uv, 'python-version': python, 'enable-cache': true } },
			{ name: 'Install the project', run: m.ciInstall }
		];
	if (pk.manager === 'poetry')
		return [
			requireFile(m.lockFile, m.lock!),
			{ name: 'Install Poetry', run: `pipx install poetry==${TOOLS.poetry}` },
			{ name: 'Set up Python', id: 'python', uses: USES.setupPython, with: { 'python-version': python, cache: m.ciCache } },
			{ name: 'Check pyproject.toml and the lock file', run: m.lockGuard },
			{
				name: 'Install the project',
				run: `poetry env use "\${{ steps.python.outputs.python-path }}"\n${m.ciInstall}\n`
			}
		];
	const pipTools = pk.pipWorkflow === 'pip-tools';
	return [
		...(pipTools
			? [requireFile(m.lockFile, pipCompile(config, 'requirements.in')), requireFile('requirements-dev.txt', pipCompile(config, 'requirements-dev.in'))]
			: []),
		{
			name: 'Set up Python',
			uses: USES.setupPython,
			with: { 'python-version': python, cache: m.ciCache, 'cache-dependency-path': 'requirements*.txt' }
		},
		{
			name: 'Install the project',
			run: pipTools
				? 'python -m pip install --upgrade pip\npython -m pip install -r requirements.txt -r requirements-dev.txt\npython -m pip install --no-deps -e .\n'
				: // Hand-kept ranges resolve here: the release cooldown applies (pip >= 26.1, which the upgrade gives; versions.ts COOLDOWN.pip).
					`python -m pip install --upgrade pip\npython -m pip install ${pipUploadedPriorTo(config)}-r requirements-dev.txt -e .\n`
		}
	];
}

export function runPrefix(config: ReadonlyConfig): string {
	return MANAGERS[config.packaging.manager].ciRun;
}
export function buildSteps(config: ReadonlyConfig): Step[] {
	const pk = config.packaging;
	const python = config.project.pythonVersion;
	if (pk.manager === 'uv')
		return [
			{ name: 'Install uv', uses: USES.setupUv, with: { version: TOOLS.uv, 'python-version': python, 'enable-cache': false } },
			{ name: 'Build the sdist and wheel', run: MANAGERS.uv.build }
		];
	if (pk.manager === 'poetry')
		return [
			{ name: 'Install Poetry', run: `pipx install poetry==${TOOLS.poetry}` },
			{ name: 'Set up Python', uses: USES.setupPython, with: { 'python-version': python } },
			{ name: 'Build the sdist and wheel', run: MANAGERS.poetry.build }
		];
	return [
		{ name: 'Set up Python', uses: USES.setupPython, with: { 'python-version': python } },
		{ name: 'Build the sdist and wheel', run: `python -m pip install build==${PY_TOOLS.build}\npython -m build\n` }
	];
}
