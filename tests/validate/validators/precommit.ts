/**
 * .pre-commit-config.yaml: the structure pre-commit itself enforces (pre-commit
 * is not installable here): `repos` list; each repo has `repo` and, unless it
 * is `local`/`meta`, a `rev`; each hook has an `id`; only known keys.
 */
import type { Finding, Validator } from '../registry.ts';
import { base, isObj, loadYamlDocs } from './util.ts';

const TOP = new Set(['repos', 'default_install_hook_types', 'default_language_version', 'default_stages', 'files', 'exclude', 'fail_fast', 'minimum_pre_commit_version', 'ci']);
const REPO = new Set(['repo', 'rev', 'hooks']);
const HOOK = new Set(['id', 'alias', 'name', 'language_version', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'args', 'stages', 'additional_dependencies', 'always_run', 'verbose', 'log_file', 'pass_filenames', 'require_serial', 'description', 'entry', 'language', 'minimum_pre_commit_version']);

export const precommit: Validator = {
	id: 'pre-commit',
	tool: 'pre-commit config schema (keys, required fields)',
	role: 'primary',
	chroot: false,
	match: (path) => base(path) === '.pre-commit-config.yaml',
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			const add = (message: string) => out.push({ file: f.path, tool: 'pre-commit-structure', message });
			const { docs, findings } = loadYamlDocs(f.path, f.content);
			out.push(...findings);
			const doc = docs[0];
			if (!isObj(doc) || !Array.isArray(doc.repos)) {
				add('top level must be a mapping with a repos list');
				continue;
			}
			for (const k of Object.keys(doc)) if (!TOP.has(k)) add(`unknown top-level key ${k}`);
			doc.repos.forEach((r, i) => {
				if (!isObj(r) || typeof r.repo !== 'string') return add(`repos[${i}]: needs repo`);
				for (const k of Object.keys(r)) if (!REPO.has(k)) add(`repos[${i}]: unknown key ${k}`);
				if (!['local', 'meta'].includes(r.repo) && (typeof r.rev !== 'string' || !r.rev)) add(`repos[${i}] (${r.repo}): needs rev`);
				if (!Array.isArray(r.hooks) || !r.hooks.length) return add(`repos[${i}] (${r.repo}): needs hooks`);
				r.hooks.forEach((h, j) => {
					if (!isObj(h) || typeof h.id !== 'string') return add(`repos[${i}].hooks[${j}]: needs id`);
					for (const k of Object.keys(h)) if (!HOOK.has(k)) add(`repos[${i}].hooks[${j}] (${h.id}): unknown key ${k}`);
				});
			});
		}
		return out;
	}
};
