/** install.sh's per-manager steps: find uv / Poetry, build the venv in APP_DIR, collect Django's static files. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { collectStatic } from '../../../model/derive.ts';
import { shWord } from '../../writers/shell.ts';
import { MANAGERS } from '../../../model/managers.ts';

/**
 * Where install.sh looks for uv / Poetry besides PATH: where their official
 * installers put the binary. `sudo` resets PATH to its secure_path, which has
 * none of these, so a tool installed "as documented" would not be found.
 *   uv      $UV_INSTALL_DIR, else $XDG_BIN_HOME, else $XDG_DATA_HOME/../bin,
 *           else ~/.local/bin (docs.astral.sh/uv/reference/installer)
 *   Poetry  $POETRY_HOME/bin, else ~/.local/bin (install.python-poetry.org);
 *           pipx also links into ~/.local/bin
 * `~` is root's and that of the user who ran sudo ($SUDO_USER).
 */
const TOOL_DIRS: Record<'uv' | 'poetry', string[]> = {
	uv: ['"${UV_INSTALL_DIR:-}"', '"${XDG_BIN_HOME:-}"', '"${XDG_DATA_HOME:+$XDG_DATA_HOME/../bin}"', '/root/.local/bin', '"${user_home:+$user_home/.local/bin}"'],
	poetry: ['"${POETRY_HOME:+$POETRY_HOME/bin}"', '/root/.local/bin', '"${user_home:+$user_home/.local/bin}"']
};

/** The official installer command for uv / Poetry (the README and install.sh's message say the same). */
export const TOOL_INSTALL: Record<'uv' | 'poetry', { docs: string; command: string }> = {
	uv: { docs: 'https://docs.astral.sh/uv/getting-started/installation/', command: 'curl -LsSf https://astral.sh/uv/install.sh | sh' },
	poetry: { docs: 'https://python-poetry.org/docs/#installation', command: 'curl -sSL https://install.python-poetry.org | python3 -' }
};

function findTool(tool: 'uv' | 'poetry', variable: string): string[] {
	const how = TOOL_INSTALL[tool];
	return [
		`find_tool ${tool} ${TOOL_DIRS[tool].join(' ')} ||`,
		`\tdie "${tool} is not installed where install.sh looks ($looked). Install it with its official installer (${how.docs}), as root or as the user who runs sudo: it puts ${tool} in ~/.local/bin, which install.sh searches. Then run install.sh again: ${how.command.replace(/"/g, '\\"')}"`,
		`${variable}=$tool_path`,
		`echo "    $("$${variable}" --version) ($${variable})"`
	];
}

/** install.sh's check that the lock file is committed, with the command that writes it. */
function requireLock(manager: 'uv' | 'poetry'): string {
	const m = MANAGERS[manager];
	return `[ -f "$APP_DIR/${m.lockFile}" ] || die "${m.lockFile} is missing: run '${m.lock}' and commit it"`;
}

/** The variable install.sh keeps the tool's path in, and the lines that build the venv from the lock file. */
const VENV_SYNC: Record<'uv' | 'poetry', { variable: string; lines: string[] }> = {
	uv: {
		variable: 'UV',
		lines: [
			'# Python downloaded by uv goes under APP_DIR: the service cannot read /root (ProtectHome=yes).',
			'(cd "$APP_DIR" && UV_PYTHON_INSTALL_DIR="$APP_DIR/.python" UV_PROJECT_ENVIRONMENT="$VENV" \\',
			'\tUV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy "$UV" sync --locked --no-dev --no-editable)'
		]
	},
	poetry: {
		variable: 'POETRY',
		lines: [
			'# In-project venv ($APP_DIR/.venv), main dependencies only, exactly as locked.',
			'(cd "$APP_DIR" && POETRY_VIRTUALENVS_IN_PROJECT=true POETRY_VIRTUALENVS_CREATE=true \\',
			'\t"$POETRY" sync --only main --no-interaction)'
		]
	}
};

/** Commands install.sh runs per package manager to build the venv in APP_DIR. */
export function installVenv(config: ReadonlyConfig): string[] {
	switch (config.packaging.manager) {
		case 'uv':
		case 'poetry': {
			const m = config.packaging.manager;
			return [...findTool(m, VENV_SYNC[m].variable), requireLock(m), ...VENV_SYNC[m].lines];
		}
		default:
			return [
				'need python3 "your distribution\'s python3 and python3-venv packages"',
				`[ -f "$APP_DIR/${MANAGERS.pip.lockFile}" ] || die "${MANAGERS.pip.lockFile} is missing"`,
				'[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"',
				'"$VENV/bin/pip" install --no-cache-dir --upgrade pip',
				'"$VENV/bin/pip" install --no-cache-dir -r "$APP_DIR/requirements.txt"',
				'"$VENV/bin/pip" install --no-cache-dir "$APP_DIR"'
			];
	}
}

/** install.sh's collectstatic line: collectStatic() run with the venv's python in APP_DIR as the app user, nothing else in its environment. */
export function collectStaticLine(config: ReadonlyConfig): string | null {
	const cs = collectStatic(config);
	if (!cs) return null;
	const [py, ...args] = cs.argv;
	if (py !== 'python') throw new Error(`collectStatic() must start with python: ${cs.argv.join(' ')}`);
	const env = Object.entries(cs.env).map(([k, v]) => {
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`bad variable name ${JSON.stringify(k)}`);
		return `${k}=${shWord(v)}`;
	});
	return [
		'(cd "$APP_DIR" && setpriv --reuid="$APP_USER" --regid="$APP_USER" --init-groups \\',
		`\tenv -i PATH=/usr/bin:/bin HOME="$APP_DIR" LANG=C.UTF-8 ${env.join(' ')} \\`,
		`\t"$VENV/bin/python" ${args.map(shWord).join(' ')})`
	].join('\n');
}
