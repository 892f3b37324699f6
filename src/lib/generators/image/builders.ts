/** The Dockerfile's builder stage per package manager: the lock file check, the dependency layer, then the project. */
import type { ReadonlyConfig } from '../../model/config.ts';
import { CONTAINER_APP_DIR, CONTAINER_VENV } from '../../model/derive.ts';
import { TOOLS } from '../versions.ts';
import { lockCommand, lockFile, pythonImages } from './common.ts';
import type { Instruction } from './writer.ts';
import { MANAGERS } from '../../model/managers.ts';

/** The official uv image; `/uv` and `/uvx` are copied out of it at TOOLS.uv. */
export const UV_IMAGE = 'ghcr.io/astral-sh/uv';

export const c = (text: string): Instruction => ({ kind: 'comment', text });
export const blank: Instruction = { kind: 'blank' };


/** A RUN step that stops the build with a clear message when the lock file is missing. */
function requireLock(config: ReadonlyConfig): Instruction[] {
	const file = lockFile(config.packaging.manager);
	const how =
		config.packaging.manager === 'pip' && config.packaging.pipWorkflow !== 'pip-tools'
			? `${file} is missing: write it (pinned runtime requirements) and commit it.`
			: `${file} is missing: run "${lockCommand(config)}" and commit ${file}.`;
	return [
		c(`The COPY above uses a wildcard so a missing ${file} reaches this check, which says`),
		c(`what to do (a bind mount of a missing file fails with "not found" in a cache key).`),
		{ kind: 'run', command: [`test -f ${file} || { echo 'error: ${how}' >&2; exit 1; }`] }
	];
}

/** The dependency layer of a locked manager: pyproject.toml and the lock file (the `*` lets a missing lock reach requireLock's message), the check, the install. */
function dependencyLayer(config: ReadonlyConfig, cache: string, command: string): Instruction[] {
	return [
		{ kind: 'copy', sources: ['pyproject.toml', `${MANAGERS[config.packaging.manager].lockFile}*`], dest: './' },
		...requireLock(config),
		{ kind: 'run', mounts: [`type=cache,target=${cache}`], command: [command] }
	];
}

export function uvBuilder(config: ReadonlyConfig): Instruction[] {
	return [
		c('uv from its official image, pinned (uv guide: "Installing uv").'),
		{ kind: 'copy', from: `${UV_IMAGE}:${TOOLS.uv}`, sources: ['/uv', '/uvx'], dest: '/bin/' },
		c('Compile bytecode for faster starts; copy from the cache mount (no hard links across'),
		c("file systems); no dev dependencies; use the image's Python, never a downloaded one."),
		{
			kind: 'env',
			vars: [
				['UV_COMPILE_BYTECODE', '1'],
				['UV_LINK_MODE', 'copy'],
				['UV_NO_DEV', '1'],
				['UV_PYTHON_DOWNLOADS', '0'],
				['UV_PYTHON', pythonImages(config).python],
				['UV_PROJECT_ENVIRONMENT', CONTAINER_VENV]
			]
		},
		{ kind: 'workdir', path: CONTAINER_APP_DIR },
		blank,
		c('Dependencies only, from the lock (uv guide: "Intermediate layers"): this layer is'),
		c(`rebuilt only when pyproject.toml or ${MANAGERS.uv.lockFile} change. --locked fails if ${MANAGERS.uv.lockFile} is stale.`),
		...dependencyLayer(config, '/root/.cache/uv', 'uv sync --locked --no-install-project --no-editable'),
		blank,
		c('Then the project itself, non-editable, so the runtime stage needs only the venv'),
		c('(uv guide: "Non-editable installs"). .dockerignore decides what "." holds.'),
		{ kind: 'copy', sources: ['.'], dest: '.' },
		{ kind: 'run', mounts: ['type=cache,target=/root/.cache/uv'], command: ['uv sync --locked --no-editable'] }
	];
}

export function poetryBuilder(config: ReadonlyConfig): Instruction[] {
	return [
		c('Poetry, pinned, in the builder only; the runtime stage never sees it.'),
		{
			kind: 'env',
			vars: [
				['PIP_DISABLE_PIP_VERSION_CHECK', '1'],
				['POETRY_NO_INTERACTION', '1'],
				['POETRY_VIRTUALENVS_CREATE', '1'],
				['POETRY_VIRTUALENVS_IN_PROJECT', '1'],
				['POETRY_CACHE_DIR', '/root/.cache/pypoetry']
			]
		},
		{ kind: 'run', mounts: ['type=cache,target=/root/.cache/pip'], command: [`pip install poetry==${TOOLS.poetry}`] },
		{ kind: 'workdir', path: CONTAINER_APP_DIR },
		blank,
		c('Dependencies only (Poetry FAQ: "Poetry busts my Docker cache"): --no-root skips the'),
		c('project, --no-directory skips path dependencies, so the source is not needed yet.'),
		c(`Poetry refuses a ${MANAGERS.poetry.lockFile} that no longer matches pyproject.toml.`),
		...dependencyLayer(config, '/root/.cache/pypoetry', 'poetry install --only main --no-root --no-directory --compile'),
		blank,
		c('Then the project as a wheel: "poetry install" would add it in editable mode (a .pth'),
		c('pointing at /app/src), which breaks once only the venv is copied.'),
		{ kind: 'copy', sources: ['.'], dest: '.' },
		{
			kind: 'run',
			mounts: ['type=cache,target=/root/.cache/pypoetry'],
			command: ['poetry build --format wheel --output /tmp/dist', `&& ${CONTAINER_VENV}/bin/python -m pip install --no-deps --no-index /tmp/dist/*.whl`]
		}
	];
}

export function pipBuilder(config: ReadonlyConfig): Instruction[] {
	return [
		c('A virtualenv the runtime stage copies whole (Docker Python guide, multi-stage).'),
		{
			kind: 'env',
			vars: [
				['PIP_DISABLE_PIP_VERSION_CHECK', '1'],
				['VIRTUAL_ENV', CONTAINER_VENV],
				['PATH', `${CONTAINER_VENV}/bin:$PATH`]
			]
		},
		{ kind: 'run', command: [`python -m venv ${CONTAINER_VENV}`] },
		{ kind: 'workdir', path: CONTAINER_APP_DIR },
		blank,
		c('Dependencies only, with pip\'s cache as a cache mount (Docker Python guide): this'),
		c('layer is rebuilt only when pyproject.toml or requirements.txt change.'),
		{ kind: 'copy', sources: ['pyproject.toml', 'requirements.txt*'], dest: './' },
		...requireLock(config),
		{ kind: 'run', mounts: ['type=cache,target=/root/.cache/pip'], command: ['pip install --requirement requirements.txt'] },
		blank,
		c('Then the project, built as a wheel and installed without its dependencies;'),
		c('"pip check" fails the build if requirements.txt misses one of them.'),
		{ kind: 'copy', sources: ['.'], dest: '.' },
		{ kind: 'run', mounts: ['type=cache,target=/root/.cache/pip'], command: ['pip install --no-deps .', '&& pip check'] }
	];
}
