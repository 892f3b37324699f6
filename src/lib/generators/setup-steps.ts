/**
 * The set-up steps a developer runs first (lock, environment with the dev
 * dependencies): the README writes them (project-readme.ts) and the dev
 * container runs them when it is created (devcontainer.ts).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { MANAGERS } from '../model/managers.ts';
import { pipCompile, pipUploadedPriorTo } from './cooldown.ts';
import { PY_TOOLS } from './versions.ts';

/** One step of the README's set-up: the command, and what the README writes after it (its aligned comment, or ''). */
export interface SetupStep {
	cmd: string;
	note: string;
}

/**
 * The set-up the README tells a developer to run, in order: lock (or compile) and create the
 * environment with the project and its dev dependencies. The dev container runs the same
 * commands when it is created (devcontainer.ts).
 */
export function setupSteps(config: ReadonlyConfig): SetupStep[] {
	const pk = config.packaging;
	const m = MANAGERS[pk.manager];
	/** A command with its comment in the column the README aligns them to. */
	const line = (cmd: string, comment: string): SetupStep => ({ cmd, note: `${''.padEnd(24 - cmd.length)}# ${comment}` });
	if (pk.manager === 'uv' || pk.manager === 'poetry')
		return [
			line(m.lock!, `resolve dependencies, write ${m.lockFile} (commit it)`),
			line(m.sync!, pk.manager === 'uv' ? 'create .venv with the project and the dev group' : 'create the virtualenv with the project and the dev group')
		];
	const venv: SetupStep[] = [
		{ cmd: 'python -m venv .venv && . .venv/bin/activate', note: '   # Windows: .venv\\Scripts\\activate' },
		{ cmd: 'python -m pip install --upgrade pip', note: '' }
	];
	if (pk.pipWorkflow === 'pip-tools')
		return [
			...venv,
			{ cmd: `python -m pip install pip-tools==${PY_TOOLS.pipTools}`, note: '' },
			{ cmd: pipCompile(config, 'requirements.in'), note: '       # writes the pinned requirements.txt (commit it)' },
			{ cmd: pipCompile(config, 'requirements-dev.in'), note: '   # writes requirements-dev.txt (commit it)' },
			{ cmd: 'pip-sync requirements.txt requirements-dev.txt', note: '' },
			{ cmd: 'python -m pip install --no-deps -e .', note: '' }
		];
	return [...venv, { cmd: `python -m pip install ${pipUploadedPriorTo(config)}-r requirements-dev.txt -e .`, note: '' }];
}
