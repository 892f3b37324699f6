/**
 * Config <-> share link. The link carries the WHOLE configuration (never a
 * diff against today's defaults), so a link made today opens the same
 * configuration forever. Format of the fragment:
 *
 *   #c=<version>.<payload>
 *   payload = base64url, no padding, of deflate-raw(UTF-8 JSON of the Config)
 *
 * Synchronous (fflate), so generators can put the link in the README.
 * Decoding is bounded (input length, inflated size) and never trusts the
 * input: the JSON is checked by the same reader as the CLI's --config.
 */
import { deflateSync, Inflate } from 'fflate';
import type { Config, ReadonlyConfig } from '../model/config.ts';
import { deployTarget } from '../model/derive.ts';
import { DEFAULT_GATEWAY, RELEASE_COOLDOWN_DEFAULT_DAYS } from '../model/defaults.ts';
import { parseAndValidate, type FieldError } from '../model/validate.ts';
import { OMITTED_AT_DEFAULT } from '../model/schema.ts';
import { MAX_LINK_LENGTH } from './fragment.ts';

// The page reads links with these without loading the codec (fflate): see fragment.ts.
export { linkFromHash, MAX_LINK_LENGTH } from './fragment.ts';

/** Current link format version. Bump it, and add a migration, when the Config shape changes. */
export const LINK_VERSION = 1;
/** Largest inflated JSON accepted (bytes): a bound against decompression bombs. */
export const MAX_JSON_BYTES = 262_144;

export type DecodeResult =
	| { ok: true; config: Config }
	| { ok: false; message: string; errors?: FieldError[] };

/**
 * Settings added to format 1 after links were made with it, and the value an
 * older link or slipway.json means by leaving them out (the "derived" empty
 * value they had before the field existed). Only missing keys are filled: a
 * value that is there, valid or not, is read and checked as given.
 */
const ADDED_IN_V1: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
	// Cloud Run's Google Cloud project and Artifact Registry repository (2026-12).
	serverless: { gcpProject: '', artifactRepository: '' },
	// The Python base image family (issue 16.5, 2026-12): before it, every image was python:X-slim.
	docker: { baseImage: 'python-slim' },
	// "Wait N days before taking a new release" (issue 16.2, 2026-12): older links get today's default.
	packaging: { releaseCooldownDays: RELEASE_COOLDOWN_DEFAULT_DAYS },
	// Gateway API exposure (issue 16.4, 2026-12). Before it, every Kubernetes service got an Ingress, and
	// every link names its ingressClass (links carry the whole config): an older link keeps its Ingress and
	// that class, so it still generates what it did; the Gateway fields get today's defaults, unused there.
	kubernetes: { exposure: 'ingress', gatewayName: DEFAULT_GATEWAY.name, gatewayNamespace: DEFAULT_GATEWAY.namespace },
	// More authors, maintainers, keywords, classifiers, license forms, extras and dependency groups (issue 19.4,
	// 2026-12): what a link leaves out is what it meant before they existed, none. portableConfig leaves them
	// out while they are so, so such links and slipway.json files are what they were.
	project: OMITTED_AT_DEFAULT.project,
	// SQLAlchemy + Alembic and Celery (issue 20, 2026-12): older links had neither.
	services: OMITTED_AT_DEFAULT.services
};

function fillAddedV1(data: unknown): unknown {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
	const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
	for (const [section, added] of Object.entries(ADDED_IN_V1)) {
		const s = out[section];
		if (typeof s !== 'object' || s === null || Array.isArray(s)) continue;
		const filled: Record<string, unknown> = { ...(s as Record<string, unknown>) };
		for (const [k, v] of Object.entries(added)) if (filled[k] === undefined) filled[k] = v;
		out[section] = filled;
	}
	return out;
}

/** Migrations from older link versions to the current Config JSON. Keyed by the version they read. */
const MIGRATIONS: Record<number, (data: unknown) => unknown> = {
	1: fillAddedV1
};

function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
	try {
		const bin = atob(b64);
		const out = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
		return out;
	} catch {
		return null;
	}
}

/**
 * Inflate raw-deflate data, giving up past `limit` bytes. The input is fed in
 * 1 KiB slices (deflate expands at most ~1032x), so a decompression bomb is
 * stopped after at most about 1 MiB of output beyond the limit.
 */
function inflateBounded(bytes: Uint8Array, limit: number): Uint8Array | null {
	const chunks: Uint8Array[] = [];
	let total = 0;
	let over = false;
	let finished = false;
	const inflater = new Inflate((chunk, final) => {
		total += chunk.length;
		if (total > limit) over = true;
		else chunks.push(chunk);
		if (final) finished = true;
	});
	try {
		for (let i = 0; i < bytes.length && !over; i += 1024) {
			inflater.push(bytes.subarray(i, i + 1024), i + 1024 >= bytes.length);
		}
	} catch {
		return null;
	}
	if (over || !finished) return null;
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/**
 * The configuration as a link and slipway.json carry it: the whole Config,
 * except that a library, which has no deployment target (deployTarget() in
 * derive.ts), carries no `target`. Reading one back gives the default target
 * (validate.ts), and links or files made before, which name a target for a
 * library, still open: the value is read and unused.
 */
export function portableConfig(config: ReadonlyConfig): Readonly<Record<string, unknown>> {
	const rest: Record<string, unknown> = { ...config };
	if (deployTarget(config) === null) delete rest.target;
	for (const [section, omitted] of Object.entries(OMITTED_AT_DEFAULT)) {
		const s: Record<string, unknown> = { ...(config[section as keyof typeof config] as object) };
		for (const [k, v] of Object.entries(omitted)) if (JSON.stringify(s[k]) === JSON.stringify(v)) delete s[k];
		rest[section] = s;
	}
	return rest;
}

/** Encode a config as the fragment value (without `#c=`). */
export function encodeConfig(config: ReadonlyConfig): string {
	const json = new TextEncoder().encode(JSON.stringify(portableConfig(config)));
	return `${LINK_VERSION}.${toBase64Url(deflateSync(json, { level: 9 }))}`;
}

/** The full fragment, `#c=...`. */
export function encodeFragment(config: ReadonlyConfig): string {
	return `#c=${encodeConfig(config)}`;
}

/** Decode a fragment value (`1.xyz`). Never throws. */
export function decodeConfig(value: string): DecodeResult {
	if (value.length > MAX_LINK_LENGTH)
		return { ok: false, message: `This link is too long (${value.length} characters; at most ${MAX_LINK_LENGTH}). It was probably not made by Slipway.` };
	const m = /^(\d{1,4})\.(.*)$/s.exec(value);
	if (!m) return { ok: false, message: 'This link is not a Slipway configuration (it should start with a version number, like "1.").' };
	const version = Number(m[1]);
	if (version > LINK_VERSION)
		return { ok: false, message: `This link was made by a newer Slipway (format ${version}; this one reads up to ${LINK_VERSION}). Reload the page to update.` };
	const migrate = MIGRATIONS[version];
	if (!migrate) return { ok: false, message: `This link uses an unknown format version (${version}).` };
	const packed = fromBase64Url(m[2]);
	if (!packed || packed.length === 0) return { ok: false, message: 'This link is damaged: its data is not valid base64url. Was it cut off when copied?' };
	const json = inflateBounded(packed, MAX_JSON_BYTES);
	if (!json) return { ok: false, message: 'This link is damaged or too large: its data does not decompress. Was it cut off when copied?' };
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
	} catch {
		return { ok: false, message: 'This link is damaged: its data is not valid JSON.' };
	}
	const result = parseAndValidate(migrate(data));
	if (!result.ok) return { ok: false, message: 'This link holds a configuration Slipway cannot use:', errors: result.errors };
	return { ok: true, config: result.config };
}

/**
 * The content of `slipway.json`, the project's own copy of its configuration,
 * and (issue 19) the content hash of each file generated with it, by path
 * (generators/file-hash.ts), so `slipway update` knows which files were edited.
 */
export function configFileContent(config: ReadonlyConfig, files?: Readonly<Record<string, string>>): string {
	return JSON.stringify({ slipway: LINK_VERSION, config: portableConfig(config), ...(files ? { files } : {}) }, null, 2) + '\n';
}

/**
 * Read slipway.json (or a bare Config) as the CLI and the import do. `files` is
 * the file-hash record as found (unchecked; src/lib/update reads it), absent in
 * files written before issue 19. A file from a newer Slipway is refused (`newer`).
 */
export function unwrapConfigFile(data: unknown): { version: number; config: unknown; files?: unknown } | { error: string; newer?: true } {
	if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'slipway' in data) {
		const d = data as Record<string, unknown>;
		if (typeof d.slipway === 'number' && Number.isInteger(d.slipway) && d.slipway > LINK_VERSION)
			return { error: `it was written by a newer Slipway (format ${d.slipway}; this one reads formats 1 to ${LINK_VERSION}); update Slipway to read it`, newer: true };
		const keys = Object.keys(d).filter((k) => k !== 'slipway' && k !== 'config' && k !== '$schema' && k !== 'files');
		if (keys.length) return { error: `unknown top-level key(s): ${keys.join(', ')} (expected "slipway", "config" and "files")` };
		if (typeof d.slipway !== 'number' || !MIGRATIONS[d.slipway])
			return { error: `"slipway" must be a known format version (1 to ${LINK_VERSION}), not ${JSON.stringify(d.slipway)}` };
		return { version: d.slipway, config: MIGRATIONS[d.slipway](d.config), ...(d.files !== undefined ? { files: d.files } : {}) };
	}
	return { version: LINK_VERSION, config: data };
}
