/**
 * What each package manager means for the generated files: its lock file, the
 * commands that write it, install from it and run tools in its environment,
 * and how CI sets it up. Generators (CI, README, Dockerfile, install.sh) read
 * this profile and never spell a lock file or a manager command themselves.
 *
 * pip has no lock of its own: with pip-tools the compiled requirements.txt
 * pins the versions (its compile command carries the release cooldown, which
 * the generators build: cooldown.ts pipCompile), without it nothing does.
 */
import type { PackageManager } from './config.ts';

export interface ManagerProfile {
	/** The file that pins the dependency versions. */
	lockFile: string;
	/** The command that (re)writes the lock file, null where the generators build it (pip-tools). */
	lock: string | null;
	/** The command that creates the environment with the project and its dev dependencies, locally. */
	sync: string | null;
	/** What refuses to run in CI when the lock file is stale or missing (the README names it). */
	lockGuard: string | null;
	/** CI's install of the project from the lock file. */
	ciInstall: string | null;
	/** Prefix that runs a tool inside the environment, locally ('' for an activated venv). */
	run: string;
	/** The same in CI, where it must not re-lock. */
	ciRun: string;
	/** The command that builds the sdist and wheel. */
	build: string;
	/** CI's cache for actions/setup-python (`cache:`), null where the manager's own action caches (setup-uv). */
	ciCache: 'pip' | 'poetry' | null;
}

export const MANAGERS: Readonly<Record<PackageManager, ManagerProfile>> = {
	uv: { lockFile: 'uv.lock', lock: 'uv lock', sync: 'uv sync', lockGuard: 'uv sync --locked', ciInstall: 'uv sync --locked', run: 'uv run ', ciRun: 'uv run --locked ', build: 'uv build', ciCache: null },
	poetry: { lockFile: 'poetry.lock', lock: 'poetry lock', sync: 'poetry install', lockGuard: 'poetry check --lock', ciInstall: 'poetry install --no-interaction', run: 'poetry run ', ciRun: 'poetry run ', build: 'poetry build', ciCache: 'poetry' },
	pip: { lockFile: 'requirements.txt', lock: null, sync: null, lockGuard: null, ciInstall: null, run: '', ciRun: '', build: 'python -m pip install build && python -m build', ciCache: 'pip' }
};

/** The profile of one manager. */
export function managerProfile(manager: PackageManager): ManagerProfile {
	return MANAGERS[manager];
}
