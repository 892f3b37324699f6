/**
 * `.devcontainer/devcontainer.json`: the Development Container Specification's
 * JSON schema, devcontainers/spec `schemas/devContainer.base.schema.json`
 * (vendored in ../schemas with its commit and licence; draft 2019-09, so
 * Ajv2019, every error; `unevaluatedProperties: false` at the top, so an
 * unknown property fails). The file is JSON with comments (the schema's
 * `allowComments`); Slipway writes plain JSON, so JSON.parse reads it.
 *
 * Then what the schema cannot see, across files: a compose-based dev container
 * names compose files that exist beside it (paths relative to devcontainer.json,
 * as the spec says), its `service` and every `runServices` entry are services
 * of those files, and the service mounts `workspaceFolder`. The compose file
 * itself is checked by the compose validator (docker-compose config).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { FileSet, Finding, Validator } from '../registry.ts';
import { isObj } from './util.ts';

export const DEVCONTAINER_SCHEMA_PATH = fileURLToPath(new URL('../schemas/devContainer.base.schema.json', import.meta.url));
/** Where the vendored schema came from (../schemas/README.md; versions.ts DEVCONTAINER.schema). */
export const DEVCONTAINER_SCHEMA_SOURCE = 'devcontainers/spec schemas/devContainer.base.schema.json @ d424cc157e9a110f3bf67d311b46c7306d5a465d';

export const isDevcontainerJson = (path: string): boolean => /(^|\/)\.devcontainer(\/[^/]+)?\/devcontainer\.json$|(^|\/)\.devcontainer\.json$/.test(path);

type Check = ReturnType<Ajv2019['compile']>;
let compiled: Check | null = null;
function schemaCheck(): Check {
	if (!compiled) {
		// strictTypes off: the upstream schema puts unevaluatedProperties beside oneOf without `type` (valid 2019-09; only ajv's lint objects).
		const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false });
		addFormats.default(ajv);
		// Editor hints of the VS Code JSON language service, not validation keywords.
		for (const k of ['allowComments', 'allowTrailingCommas', 'deprecationMessage', 'markdownDescription', 'enumDescriptions', 'defaultSnippets', 'doNotSuggest', 'errorMessage']) ajv.addKeyword(k);
		compiled = ajv.compile(JSON.parse(readFileSync(DEVCONTAINER_SCHEMA_PATH, 'utf8')) as object);
	}
	return compiled;
}

/** The folder of a path ('' at the root). */
const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** `dir` + relative `rel`, with `..` resolved; null when it leaves the project. */
function resolve(dir: string, rel: string): string | null {
	const parts = dir ? dir.split('/') : [];
	for (const seg of rel.split('/')) {
		if (seg === '' || seg === '.') continue;
		if (seg === '..') {
			if (!parts.length) return null;
			parts.pop();
		} else parts.push(seg);
	}
	return parts.join('/');
}

/** Check one devcontainer.json against the schema and its compose files. Exported for the self-test. */
export function checkDevcontainer(path: string, content: string, set?: FileSet): Finding[] {
	const out: Finding[] = [];
	let doc: unknown;
	try {
		doc = JSON.parse(content);
	} catch (err) {
		return [{ file: path, tool: 'JSON.parse', message: (err as Error).message }];
	}
	const validate = schemaCheck();
	if (!validate(doc))
		for (const e of validate.errors ?? [])
			out.push({ file: path, tool: 'devContainer.base.schema.json (ajv 2019-09)', message: `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}` });
	if (!isObj(doc) || doc.dockerComposeFile === undefined || !set) return out;
	const spec = 'devcontainer.json reference (compose)';
	const files = (Array.isArray(doc.dockerComposeFile) ? doc.dockerComposeFile : [doc.dockerComposeFile]).map(String);
	const services = new Map<string, Record<string, unknown>>();
	for (const rel of files) {
		const p = resolve(dirOf(path), rel);
		const f = p === null ? undefined : set.byPath.get(p);
		if (!f) {
			out.push({ file: path, tool: spec, message: `dockerComposeFile ${rel}: no such file in the project (paths are relative to devcontainer.json)` });
			continue;
		}
		const y = load(f.content);
		if (isObj(y) && isObj(y.services)) for (const [name, s] of Object.entries(y.services)) services.set(name, { ...(services.get(name) ?? {}), ...(isObj(s) ? s : {}) });
	}
	const service = String(doc.service);
	const svc = services.get(service);
	if (!svc) out.push({ file: path, tool: spec, message: `service ${service} is not a service of ${files.join(', ')}` });
	for (const r of Array.isArray(doc.runServices) ? doc.runServices.map(String) : [])
		if (!services.has(r)) out.push({ file: path, tool: spec, message: `runServices: ${r} is not a service of ${files.join(', ')}` });
	const ws = typeof doc.workspaceFolder === 'string' ? doc.workspaceFolder : null;
	if (!ws) out.push({ file: path, tool: spec, message: 'a compose dev container needs workspaceFolder (the folder the service mounts the project at)' });
	else if (svc) {
		const targets = (Array.isArray(svc.volumes) ? svc.volumes : []).map((v) => (isObj(v) ? String(v.target) : String(v).split(':')[1]));
		if (!targets.includes(ws)) out.push({ file: path, tool: spec, message: `workspaceFolder ${ws} is not mounted by service ${service} (targets: ${targets.join(', ') || 'none'})` });
	}
	return out;
}

export const devcontainer: Validator = {
	id: 'devcontainer',
	tool: 'devContainer.base.schema.json (ajv, draft 2019-09) + compose cross-check',
	role: 'primary',
	chroot: false,
	match: isDevcontainerJson,
	reads: (set) => set.files.filter((f) => /\.ya?ml$/.test(f.path)).map((f) => f.path),
	async check(files, set) {
		return files.flatMap((f) => checkDevcontainer(f.path, f.content, set));
	}
};
