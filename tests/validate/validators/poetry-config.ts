/**
 * poetry.toml, Poetry's local (per-project) configuration: TOML, every setting
 * one that Poetry 2.4.0 documents (docs/configuration.md at tag 2.4.0, the
 * release that added solver.min-release-age), and the values Slipway writes of
 * the documented type. Poetry 2.4 is not installable here (trixie has 2.1.2);
 * `poetry check` (poetry.ts) runs with this file beside pyproject.toml, so
 * trixie's Poetry still loads the project with it. versions.ts COOLDOWN.poetry
 * records a run of Poetry 2.4.0's own source reading the file and locking with it.
 */
import { parse } from 'smol-toml';
import type { Finding, Validator } from '../registry.ts';

/** Setting names documented in Poetry 2.4.0's docs/configuration.md (headings), `<name>` = any one segment. */
const DOCUMENTED = [
	'cache-dir', 'data-dir', 'installer.max-workers', 'installer.no-binary', 'installer.only-binary', 'installer.parallel',
	'installer.build-config-settings.<name>', 'requests.max-retries', 'installer.re-resolve', 'python.installation-dir',
	'solver.lazy-wheel', 'solver.min-release-age', 'solver.min-release-age-exclude', 'solver.min-release-age-exclude-source',
	'system-git-client', 'virtualenvs.create', 'virtualenvs.in-project', 'virtualenvs.options.always-copy',
	'virtualenvs.options.no-pip', 'virtualenvs.options.system-site-packages', 'virtualenvs.path', 'virtualenvs.prompt',
	'virtualenvs.use-poetry-python', 'repositories.<name>.url', 'http-basic.<name>.username', 'http-basic.<name>.password',
	'pypi-token.<name>', 'certificates.<name>.cert', 'certificates.<name>.client-cert', 'keyring.enabled'
].map((k) => new RegExp('^' + k.replace(/\./g, '\\.').replace(/<name>/g, '[^.]+') + '$'));

/** Documented types of the settings Slipway writes ("Type: int", "Type: string"). */
const TYPES: Readonly<Record<string, (v: unknown) => boolean>> = {
	'solver.min-release-age': (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
	'solver.min-release-age-exclude': (v) => typeof v === 'string'
};

function leaves(t: Record<string, unknown>, prefix = ''): [string, unknown][] {
	return Object.entries(t).flatMap(([k, v]) =>
		typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]
	);
}

/** Check one poetry.toml. Exported for the self-test. */
export function checkPoetryConfig(path: string, content: string): Finding[] {
	let doc: Record<string, unknown>;
	try {
		doc = parse(content) as Record<string, unknown>;
	} catch (err) {
		return [{ file: path, tool: 'smol-toml', message: (err as Error).message }];
	}
	const out: Finding[] = [];
	for (const [key, value] of leaves(doc)) {
		if (!DOCUMENTED.some((re) => re.test(key))) out.push({ file: path, tool: 'Poetry 2.4.0 configuration.md', message: `${key} is not a Poetry setting` });
		else if (TYPES[key] && !TYPES[key](value)) out.push({ file: path, tool: 'Poetry 2.4.0 configuration.md', message: `${key} = ${JSON.stringify(value)} is not of its documented type` });
	}
	return out;
}

export const poetryConfig: Validator = {
	id: 'poetry-config',
	tool: "Poetry 2.4.0's documented settings and types (docs/configuration.md at tag 2.4.0); poetry check runs with the file beside pyproject.toml",
	role: 'primary',
	chroot: false,
	match: (path) => path === 'poetry.toml',
	async check(files) {
		return files.flatMap((f) => checkPoetryConfig(f.path, f.content));
	}
};
