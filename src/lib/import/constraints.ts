/**
 * Poetry version constraints -> PEP 440 specifiers, and a project's Python
 * requirement -> the nearest Python version Slipway supports.
 * Poetry's rules: https://python-poetry.org/docs/dependency-specification/
 */
import { PYTHON_VERSIONS, type PythonVersion } from '../model/config.ts';

export type Converted = { ok: true; specifier: string } | { ok: false; reason: string };

const VER = /^v?(\d+(?:\.\d+)*)((?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview|post|dev)[-_.]?\d*)*)$/i;

function parts(version: string): number[] | null {
	const m = VER.exec(version);
	return m ? m[1].split('.').map(Number) : null;
}

/** The version with the last kept component bumped and the rest dropped: upper(`1.2.3`, 1) = `1.3`. */
function bumped(p: number[], index: number): string {
	const out = p.slice(0, index + 1);
	out[index] += 1;
	// Keep as many components as the input had, padded with zeros (Poetry's documented form: ^1.2 -> <2.0.0 is written <2.0).
	while (out.length < p.length) out.push(0);
	return out.join('.');
}

function caret(version: string): Converted {
	const p = parts(version);
	if (!p) return { ok: false, reason: `"^${version}" has a version Slipway cannot read` };
	// ^ allows changes that do not modify the left-most non-zero component.
	let i = p.findIndex((n) => n !== 0);
	if (i < 0) i = p.length - 1; // ^0, ^0.0, ^0.0.0
	if (i >= p.length) i = p.length - 1;
	const upper = bumped(p, i);
	return { ok: true, specifier: `>=${version},<${upper}` };
}

function tilde(version: string): Converted {
	const p = parts(version);
	if (!p) return { ok: false, reason: `"~${version}" has a version Slipway cannot read` };
	// ~1 -> <2; ~1.2 / ~1.2.3 -> <1.3
	const upper = bumped(p, p.length === 1 ? 0 : 1);
	return { ok: true, specifier: `>=${version},<${upper}` };
}

/**
 * Convert one Poetry constraint string to a PEP 440 specifier (empty = any version).
 *
 * @example poetryConstraint('^1.2') // { ok: true, specifier: '>=1.2,<2.0' }
 */
export function poetryConstraint(constraint: string): Converted {
	const c = constraint.trim();
	if (c === '' || c === '*') return { ok: true, specifier: '' };
	if (c.includes('|'))
		return { ok: false, reason: `"${c}" is a union ("||"), which PEP 440 cannot express` };
	const clauses = c.split(',').flatMap((x) => x.trim().split(/\s+(?=[<>=!~^])/)).map((x) => x.trim()).filter(Boolean);
	const out: string[] = [];
	for (const clause of clauses) {
		let conv: Converted;
		if (clause.startsWith('^')) conv = caret(clause.slice(1).trim());
		else if (clause.startsWith('~=')) conv = { ok: true, specifier: `~=${clause.slice(2).trim()}` };
		else if (clause.startsWith('~')) conv = tilde(clause.slice(1).trim());
		else if (/^(===|==|!=|<=|>=|<|>)/.test(clause)) {
			const op = /^(===|==|!=|<=|>=|<|>)/.exec(clause)![1];
			conv = { ok: true, specifier: `${op}${clause.slice(op.length).trim()}` };
		} else if (/^=\s*\S/.test(clause)) conv = { ok: true, specifier: `==${clause.slice(1).trim()}` };
		else if (/^\d[\w.*+!-]*$/.test(clause)) conv = { ok: true, specifier: `==${clause}` };
		else conv = { ok: false, reason: `"${clause}" is not a version constraint Slipway understands` };
		if (!conv.ok) return conv;
		if (conv.specifier) out.push(conv.specifier);
	}
	return { ok: true, specifier: out.join(',') };
}

export interface PythonMapping {
	version: PythonVersion;
	/** Set when the project's requirement could not be matched exactly. */
	note?: string;
}

/**
 * The lowest Python a `requires-python` (or Poetry `python = "^3.9"`) allows,
 * mapped to the nearest version Slipway supports. Null if none can be read.
 *
 * @example mapPythonRequirement('>=3.11,<4') // { version: '3.11' }
 */
export function mapPythonRequirement(req: string): PythonMapping | null {
	const m = /(===|==|>=|>|\^|~=|~)?3\.(\d+)/.exec(req.replace(/\s+/g, ''));
	if (!m) return null;
	let minor = Number(m[2]);
	if (m[1] === '>') minor += 1; // ">3.10" means at least 3.11
	const supported = PYTHON_VERSIONS.map((v) => Number(v.split('.')[1]));
	const lo = supported[0];
	const hi = supported[supported.length - 1];
	if (minor < lo)
		return { version: `3.${lo}` as PythonVersion, note: `Python "${req}" raised to 3.${lo}, the oldest Python Slipway supports (3.${minor} is end-of-life)` };
	if (minor > hi) return { version: `3.${hi}` as PythonVersion, note: `Python "${req}" lowered to 3.${hi}, the newest Python Slipway supports` };
	return { version: `3.${minor}` as PythonVersion };
}
