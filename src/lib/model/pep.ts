/**
 * Python packaging grammar: PEP 508 names and requirements, PEP 440 versions,
 * PEP 503 normalisation. Pure functions; no I/O.
 */

/** PEP 508 distribution name: ASCII letters and digits, with `.`, `_`, `-` only between them. */
const NAME_RE = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

export function isValidName(name: string): boolean {
	return NAME_RE.test(name);
}

/** PEP 503 normalised name: lowercase, runs of `-_.` become `-`. `Foo.Bar_baz` -> `foo-bar-baz`. */
export function normalizeName(name: string): string {
	return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The import package for a distribution: `acme-orders` -> `acme_orders`. */
export function importNameOf(name: string): string {
	return name.toLowerCase().replace(/[-_.]+/g, '_');
}

/**
 * PEP 440 version (canonical public versions plus local labels), the regex from
 * the `packaging` library's VERSION_PATTERN.
 */
const VERSION_RE =
	/^v?(?:(?:[0-9]+)!)?[0-9]+(?:\.[0-9]+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;

/** A PEP 440 version that tools will accept without normalising it away. */
// Numbers as packaging prints them (no leading zeros: 1.01 is 1.1), and no 0! epoch (the default, which it drops).
const CANONICAL_VERSION_RE = /^(?:[1-9][0-9]*!)?(?:0|[1-9][0-9]*)(?:\.(?:0|[1-9][0-9]*))*(?:(?:a|b|rc)(?:0|[1-9][0-9]*))?(?:\.post(?:0|[1-9][0-9]*))?(?:\.dev(?:0|[1-9][0-9]*))?$/;

export function isValidVersion(version: string): boolean {
	return VERSION_RE.test(version);
}

/** Canonical form (what `packaging.version.Version(v)` prints), as Slipway writes versions. */
export function isCanonicalVersion(version: string): boolean {
	return CANONICAL_VERSION_RE.test(version);
}

/** A parsed PEP 508 requirement. */
export interface Requirement {
	name: string;
	extras: string[];
	/** Version specifiers joined by commas, e.g. `>=2,<3`; empty for none. */
	specifier: string;
	/** Direct reference (`name @ url`), empty for none. */
	url: string;
	/** Environment marker without the `;`, empty for none. */
	marker: string;
}

/** A URL written with RFC 3986 characters only (others must be percent-encoded). */
export const URL_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const SPEC_OPS = ['===', '~=', '==', '!=', '<=', '>=', '<', '>'] as const;
const MARKER_VARS = new Set([
	'python_version',
	'python_full_version',
	'os_name',
	'sys_platform',
	'platform_release',
	'platform_system',
	'platform_version',
	'platform_machine',
	'platform_python_implementation',
	'implementation_name',
	'implementation_version',
	'extra',
	'dependency_groups'
]);

/** Parse one version specifier clause like `>=1.2` or `==1.*`. */
function parseSpecClause(clause: string): string | null {
	const c = clause.trim();
	for (const op of SPEC_OPS) {
		if (c.startsWith(op)) {
			const v = c.slice(op.length).trim();
			if (!v) return `"${c}" has an operator but no version`;
			if (op === '===') return /^[^\s;,)]+$/.test(v) ? null : `"${c}" is not a valid arbitrary-equality clause`;
			const wildcard = v.endsWith('.*');
			if (wildcard && op !== '==' && op !== '!=') return `"${c}": ".*" is only allowed with == and !=`;
			const core = wildcard ? v.slice(0, -2) : v;
			if (!isValidVersion(core)) return `"${v}" in "${c}" is not a PEP 440 version`;
			if (op === '~=' && !/\d+\.\d+/.test(core)) return `"${c}": ~= needs at least two release segments, e.g. ~=1.4`;
			return null;
		}
	}
	return `"${c}" does not start with a comparison operator (one of ${SPEC_OPS.join(' ')})`;
}

/** Tokenize and check a PEP 508 marker expression. Returns an error or null. */
function checkMarker(marker: string): string | null {
	const tokens: string[] = [];
	const re = /\s*(\(|\)|===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b|and\b|or\b|'[^']*'|"[^"]*"|[A-Za-z_][A-Za-z0-9_.]*)/y;
	let pos = 0;
	while (pos < marker.length) {
		if (/^\s*$/.test(marker.slice(pos))) break;
		re.lastIndex = pos;
		const m = re.exec(marker);
		if (!m) return `unexpected text in marker at "${marker.slice(pos, pos + 12)}"`;
		tokens.push(m[1].replace(/\s+/g, ' '));
		pos = re.lastIndex;
	}
	let i = 0;
	const isValue = (t: string | undefined) =>
		t !== undefined && (/^['"]/.test(t) || MARKER_VARS.has(t));
	const isOp = (t: string | undefined) =>
		t !== undefined && ['===', '==', '!=', '<=', '>=', '~=', '<', '>', 'in', 'not in'].includes(t);
	const expr = (): string | null => {
		const a = atom();
		if (a) return a;
		while (tokens[i] === 'and' || tokens[i] === 'or') {
			i++;
			const b = atom();
			if (b) return b;
		}
		return null;
	};
	const atom = (): string | null => {
		if (tokens[i] === '(') {
			i++;
			const e = expr();
			if (e) return e;
			if (tokens[i] !== ')') return 'unbalanced parentheses in marker';
			i++;
			return null;
		}
		const left = tokens[i];
		if (!isValue(left)) return left === undefined ? 'marker ends too early' : `unknown marker variable "${left}"`;
		i++;
		if (!isOp(tokens[i])) return `expected a comparison after "${left}" in marker`;
		i++;
		if (!isValue(tokens[i])) return 'marker comparison is missing its right-hand value';
		i++;
		return null;
	};
	if (tokens.length === 0) return 'empty marker after ";"';
	const err = expr();
	if (err) return err;
	if (i !== tokens.length) return `unexpected "${tokens[i]}" in marker`;
	return null;
}

/**
 * Parse a PEP 508 requirement string.
 *
 * @example parseRequirement('httpx[http2]>=0.27,<1; python_version >= "3.11"')
 */
export function parseRequirement(input: string): ParseResult<Requirement> {
	const s = input.trim();
	if (!s) return { ok: false, error: 'is empty' };
	if (/[\r\n\0]/.test(s)) return { ok: false, error: 'must be a single line' };
	if (s.startsWith('-')) return { ok: false, error: 'pip options (like -r or -e) are not requirements; write a package name, e.g. httpx>=0.27' };
	const nameMatch = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(s);
	if (!nameMatch) return { ok: false, error: `must start with a package name, e.g. "httpx>=0.27"` };
	const name = nameMatch[1];
	if (!isValidName(name)) return { ok: false, error: `"${name}" is not a valid package name (letters, digits, and - _ . between them)` };
	let rest = s.slice(name.length).trimStart();
	let extras: string[] = [];
	if (rest.startsWith('[')) {
		const close = rest.indexOf(']');
		if (close < 0) return { ok: false, error: 'has "[" without a closing "]"' };
		const inner = rest.slice(1, close).trim();
		extras = inner ? inner.split(',').map((e) => e.trim()) : [];
		for (const e of extras) {
			if (!isValidName(e)) return { ok: false, error: `extra "${e}" is not a valid name` };
		}
		rest = rest.slice(close + 1).trimStart();
	}
	let url = '';
	let specifier = '';
	let marker = '';
	const semi = rest.indexOf(';');
	if (rest.startsWith('@')) {
		// URL requirement: the marker must be separated from the URL by whitespace.
		const m = /^@\s*(\S+)(?:\s+;\s*(.*))?$/.exec(rest);
		if (!m) return { ok: false, error: 'direct reference must look like "name @ https://..." (a space before any ";")' };
		url = m[1];
		if (!URL_RE.test(url)) return { ok: false, error: `"${url}" is not a URL (RFC 3986 characters only; percent-encode others)` };
		marker = (m[2] ?? '').trim();
		if (m[2] !== undefined && !marker) return { ok: false, error: 'empty marker after ";"' };
	} else {
		const specPart = (semi >= 0 ? rest.slice(0, semi) : rest).trim();
		if (semi >= 0) {
			marker = rest.slice(semi + 1).trim();
			if (!marker) return { ok: false, error: 'empty marker after ";"' };
		}
		let spec = specPart;
		if (spec.startsWith('(')) {
			if (!spec.endsWith(')')) return { ok: false, error: 'has "(" without a closing ")"' };
			spec = spec.slice(1, -1).trim();
		}
		if (spec) {
			const clauses = spec.split(',');
			for (const clause of clauses) {
				const err = parseSpecClause(clause);
				if (err) return { ok: false, error: err };
			}
			specifier = clauses.map((c) => c.replace(/\s+/g, '')).join(',');
		}
	}
	if (marker) {
		const err = checkMarker(marker);
		if (err) return { ok: false, error: err };
	}
	return { ok: true, value: { name, extras, specifier, url, marker } };
}

/** Format a requirement in its canonical PEP 508 spelling. */
export function formatRequirement(r: Requirement): string {
	let out = r.name;
	if (r.extras.length) out += `[${r.extras.join(',')}]`;
	if (r.url) out += ` @ ${r.url}`;
	else out += r.specifier;
	if (r.marker) out += `${r.url ? ' ' : ''}; ${r.marker}`;
	return out;
}

/**
 * A marker in one spelling, so that two markers that differ only in spaces or
 * quotes compare equal: `python_version<"3.13"` and `python_version < '3.13'`.
 * Expects a marker parseRequirement accepted.
 */
export function normalizeMarker(marker: string): string {
	const re = /\s*(\(|\)|===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b|and\b|or\b|'[^']*'|"[^"]*"|[A-Za-z_][A-Za-z0-9_.]*)/y;
	const out: string[] = [];
	let pos = 0;
	while (pos < marker.length && !/^\s*$/.test(marker.slice(pos))) {
		re.lastIndex = pos;
		const m = re.exec(marker);
		if (!m) return marker.trim(); // not a marker we parse: compare as typed
		const t = m[1];
		out.push(/^['"]/.test(t) ? JSON.stringify(t.slice(1, -1)) : t.replace(/\s+/g, ' '));
		pos = re.lastIndex;
	}
	return out.join(' ');
}

/** A plain release (`1`, `0.27`, `2.0.1`): the only versions `specifierImplies` compares; anything else must match as written. */
const RELEASE_RE = /^[0-9]+(?:\.[0-9]+)*$/;

function compareReleases(a: string, b: string): number {
	const x = a.split('.').map(Number);
	const y = b.split('.').map(Number);
	for (let i = 0; i < Math.max(x.length, y.length); i++) {
		const d = (x[i] ?? 0) - (y[i] ?? 0);
		if (d) return Math.sign(d);
	}
	return 0;
}

/** Whether every version one clause allows is allowed by another (`>=0.28` implies `>=0.27`). Sound, not complete. */
function clauseImplies(kept: string, dropped: string): boolean {
	if (kept === dropped) return true;
	const split = (c: string) => /^(~=|==|!=|<=|>=|<|>)(.+)$/.exec(c);
	const k = split(kept);
	const d = split(dropped);
	if (!k || !d || !RELEASE_RE.test(k[2]) || !RELEASE_RE.test(d[2])) return false; // wildcards, pre/post/dev/local, ===
	const [kop, dop, c] = [k[1], d[1], compareReleases(k[2], d[2])];
	const lower = kop === '>=' || kop === '~=' || kop === '==';
	switch (dop) {
		case '>=':
			return (lower || kop === '>') && c >= 0;
		case '>':
			return (kop === '>' && c >= 0) || (lower && c > 0);
		case '<':
			return (kop === '<' && c <= 0) || ((kop === '<=' || kop === '==') && c < 0);
		case '<=':
			return (kop === '<' || kop === '<=' || kop === '==') && c <= 0;
		case '==':
			return kop === '==' && c === 0;
		case '!=':
			return kop === '==' && c !== 0;
		default:
			return false; // ~= only as written
	}
}

/**
 * Whether every version the `kept` specifier allows is allowed by `dropped`
 * (specifiers as parseRequirement gives them: clauses joined by commas, no
 * spaces). Sound and deliberately simple: each clause of `dropped` must
 * follow from one clause of `kept`; when in doubt the answer is no.
 */
export function specifierImplies(kept: string, dropped: string): boolean {
	if (!dropped) return true;
	const ks = kept ? kept.split(',') : [];
	return dropped.split(',').every((d) => ks.some((k) => clauseImplies(k, d)));
}

/**
 * Whether installing `kept` always satisfies `dropped`, so a list that holds
 * `kept` can leave `dropped` out: same package; `kept` applies wherever
 * `dropped` does (no marker, or the same marker); it asks for at least the
 * same extras; and it allows only versions `dropped` allows (a direct URL
 * covers a requirement without a version, or the same URL). When in doubt,
 * no: two requirements of one package are legal, one too few is not.
 *
 * @example requirementCovers(httpx[http2]>=0.27 ; python_version < "3.13", httpx>=0.27) // false: not on 3.13
 */
export function requirementCovers(kept: Requirement, dropped: Requirement): boolean {
	if (normalizeName(kept.name) !== normalizeName(dropped.name)) return false;
	if (kept.marker && normalizeMarker(kept.marker) !== normalizeMarker(dropped.marker)) return false;
	const extras = new Set(kept.extras.map(normalizeName));
	if (!dropped.extras.every((e) => extras.has(normalizeName(e)))) return false;
	if (dropped.url) return kept.url === dropped.url;
	if (kept.url) return !dropped.specifier;
	return specifierImplies(kept.specifier, dropped.specifier);
}
