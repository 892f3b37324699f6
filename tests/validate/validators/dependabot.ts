/**
 * `.github/dependabot.yml`: Dependabot's published JSON schema, SchemaStore's
 * dependabot-2.0.json (vendored in ../schemas with its commit and licence; it
 * knows `cooldown`), with ajv (draft-07, every error). Then what GitHub's
 * options reference says and the schema cannot:
 *
 * - the per-SemVer cooldown keys apply only to ecosystems with SemVer, and
 *   github-actions, docker and docker-compose have none;
 * - one entry per ecosystem and directory ("all values unique");
 * - each ecosystem finds its files in the set, in each directory it names:
 *   workflows for github-actions, a Dockerfile for docker, a compose file
 *   Dependabot's fetcher matches for docker-compose, .devcontainer.json /
 *   .devcontainer/[<dir>/]devcontainer.json for devcontainers (dependabot-core's
 *   devcontainers file_fetcher.rb), pyproject.toml for uv, requirements /
 *   pyproject for pip.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { Ajv } from 'ajv';
import type { FileSet, Finding, Validator } from '../registry.ts';

export const DEPENDABOT_SCHEMA_PATH = fileURLToPath(new URL('../schemas/dependabot-2.0.json', import.meta.url));
/** Where the vendored schema came from (../schemas/README.md). */
export const DEPENDABOT_SCHEMA_SOURCE = 'SchemaStore/schemastore src/schemas/json/dependabot-2.0.json @ 3b6446ad8a077bac56f4a4796c0b7fd88927fc8e';

/** Ecosystems without SemVer in GitHub's cooldown table: only `default-days` means anything there. */
const NO_SEMVER = new Set(['github-actions', 'docker', 'docker-compose', 'devcontainers', 'gitsubmodule', 'helm', 'terraform', 'bazel']);
const SEMVER_KEYS = ['semver-major-days', 'semver-minor-days', 'semver-patch-days'];
/** dependabot-core docker_compose/file_fetcher.rb FILENAME_REGEX (Ruby's atomic group written as a plain one). */
const COMPOSE_FILE = /(docker-)?compose(-[\w]+)?(\.[\w-]+)?\.ya?ml/i;

/** What each ecosystem needs to find in its directory (paths relative to it), as Dependabot's fetchers look. */
const MANIFESTS: Readonly<Record<string, (paths: readonly string[]) => boolean>> = {
	'github-actions': (p) => p.some((x) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(x)),
	docker: (p) => p.includes('Dockerfile'),
	'docker-compose': (p) => p.some((x) => !x.includes('/') && COMPOSE_FILE.test(x)),
	devcontainers: (p) => p.some((x) => x === '.devcontainer.json' || /^\.devcontainer\/([^/]+\/)?devcontainer\.json$/.test(x)),
	uv: (p) => p.includes('pyproject.toml'),
	pip: (p) => p.some((x) => !x.includes('/') && /\.(txt|in)$/.test(x) && /requirements/.test(x)) || p.includes('pyproject.toml')
};

let compiled: ReturnType<Ajv['compile']> | null = null;
function schemaCheck(): ReturnType<Ajv['compile']> {
	if (!compiled) {
		const ajv = new Ajv({ allErrors: true, strict: true });
		// SchemaStore's editor hint, not a validation keyword.
		ajv.addKeyword('x-intellij-enum-metadata');
		compiled = ajv.compile(JSON.parse(readFileSync(DEPENDABOT_SCHEMA_PATH, 'utf8')) as object);
	}
	return compiled;
}

/** Check one dependabot.yml against the schema and the documented rules. Exported for the self-test. */
export function checkDependabot(path: string, content: string, set?: FileSet): Finding[] {
	const out: Finding[] = [];
	let doc: unknown;
	try {
		doc = load(content);
	} catch (err) {
		return [{ file: path, tool: 'js-yaml', message: (err as Error).message }];
	}
	const validate = schemaCheck();
	if (!validate(doc)) {
		for (const e of validate.errors ?? [])
			out.push({ file: path, tool: 'dependabot-2.0.json (ajv)', message: `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}` });
	}
	const updates = (doc as { updates?: unknown })?.updates;
	if (!Array.isArray(updates)) return out;
	const seen = new Set<string>();
	const paths = set ? set.files.map((f) => f.path) : null;
	updates.forEach((u: Record<string, unknown>, i) => {
		const eco = String(u['package-ecosystem']);
		const cooldown = (u.cooldown ?? {}) as Record<string, unknown>;
		const at = `/updates/${i} (${eco})`;
		if (NO_SEMVER.has(eco))
			for (const k of SEMVER_KEYS)
				if (k in cooldown) out.push({ file: path, tool: 'dependabot options reference', message: `${at}: cooldown.${k} applies only to ecosystems with SemVer; ${eco} has none (use default-days)` });
		const key = `${eco} ${String(u.directory ?? JSON.stringify(u.directories))} ${String(u['target-branch'] ?? '')}`;
		if (seen.has(key)) out.push({ file: path, tool: 'dependabot options reference', message: `${at}: a second entry for the same ecosystem and directory` });
		seen.add(key);
		const dirs = typeof u.directory === 'string' ? [u.directory] : Array.isArray(u.directories) ? u.directories.map(String) : [];
		for (const dir of dirs) {
			const prefix = dir.replace(/^\/+|\/+$/g, '');
			const inDir = paths?.filter((p) => !prefix || p.startsWith(`${prefix}/`)).map((p) => (prefix ? p.slice(prefix.length + 1) : p));
			if (inDir && MANIFESTS[eco] && !MANIFESTS[eco](inDir))
				out.push({ file: path, tool: 'dependabot options reference', message: `${at}: the project has no file the ${eco} ecosystem reads ${prefix ? `in ${dir}` : 'at the root'}` });
		}
	});
	return out;
}

export const dependabot: Validator = {
	id: 'dependabot',
	tool: `ajv draft-07 with ${DEPENDABOT_SCHEMA_SOURCE} (vendored) + GitHub's options reference (SemVer cooldown keys, unique entries, each ecosystem's files present)`,
	role: 'primary',
	chroot: false,
	match: (path) => path === '.github/dependabot.yml',
	reads: (set) => set.files.map((f) => f.path).filter((p) => /^\.(github\/workflows|devcontainer)\//.test(p) || !p.includes('/')),
	async check(files, set) {
		return files.flatMap((f) => checkDependabot(f.path, f.content, set));
	}
};
