/**
 * The dependency lists of a project: what the framework and services imply,
 * plus what the user added. One function each, used by pyproject,
 * requirements files and the UI (which shows implied dependencies).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts } from '../model/derive.ts';
import { targetOf } from '../model/targets.ts';
import { celeryFacts, usesSqlAlchemy } from '../model/runtime.ts';
import { normalizeMarker, normalizeName, parseRequirement, requirementCovers, type Requirement } from '../model/pep.ts';
import { DEPS, DEV_DEPS } from './versions.ts';

/** Runtime requirements implied by the kind, framework and services (not typed by the user). */
export function impliedDependencies(config: ReadonlyConfig): string[] {
	const p = config.project;
	const out: string[] = [];
	if (p.kind === 'service') {
		if (p.framework === 'fastapi') out.push(DEPS.fastapi, DEPS.uvicorn);
		if (p.framework === 'flask') out.push(DEPS.flask, DEPS.gunicorn);
		// WhiteNoise serves Django's collected static files from the app server in every target.
		if (p.framework === 'django') out.push(DEPS.django, DEPS.gunicorn, DEPS.whitenoise);
	}
	if (p.kind === 'service' && targetOf(config)?.wrapsApp) {
		// Lambda speaks neither ASGI nor WSGI: Mangum adapts ASGI apps; Flask (WSGI) goes through a2wsgi first.
		out.push(DEPS.mangum);
		if (p.framework === 'flask') out.push(DEPS.a2wsgi);
	}
	if (facts(config).hasSettings) out.push(DEPS.pydanticSettings);
	if (config.services.postgres && p.kind !== 'library') out.push(DEPS.psycopg);
	if (config.services.redis && p.kind !== 'library') out.push(DEPS.redis);
	if (usesSqlAlchemy(config)) out.push(DEPS.sqlalchemy, DEPS.alembic);
	if (celeryFacts(config)) out.push(DEPS.celery);
	return out;
}

/** Development requirements Slipway adds (test runner, linters, type checker). */
export function impliedDevDependencies(config: ReadonlyConfig): string[] {
	const out: string[] = [DEV_DEPS.pytest, DEV_DEPS.pytestCov, DEV_DEPS.ruff, DEV_DEPS.mypy];
	if (config.project.kind === 'service' && config.project.framework === 'fastapi') out.push(DEV_DEPS.httpx);
	return out;
}

/**
 * A requirement string parsed (null when it is not PEP 508). Each change of the form asks again for the
 * same few dozen strings, in every file that lists them: parsed once, kept (bounded, cleared past 1024).
 * The value is shared, so it is frozen: nothing here changes a parsed requirement.
 */
const parsedMemo = new Map<string, Requirement | null>();
const parsed = (req: string): Requirement | null => {
	const known = parsedMemo.get(req);
	if (known !== undefined) return known;
	const r = parseRequirement(req);
	const value = r.ok ? Object.freeze(r.value) : null;
	if (parsedMemo.size >= 1024) parsedMemo.clear();
	parsedMemo.set(req, value);
	return value;
};

/**
 * Whether a user's entry replaces an implied one of the same group: the same
 * package, and the user's entry applies wherever the implied one does (no
 * marker, or the same one). Its version and extras are the user's explicit
 * choice and win (an older major, fewer extras). An entry with a marker
 * (`; python_version < "3.13"`) only says where the user's requirement
 * applies, so the implied one stays for everywhere else; both are listed.
 */
function replaces(user: Requirement, implied: Requirement): boolean {
	return normalizeName(user.name) === normalizeName(implied.name) && (!user.marker || normalizeMarker(user.marker) === normalizeMarker(implied.marker));
}

/** The implied entries a group keeps: those no user entry of the same group replaces. */
function keptOf(implied: readonly string[], user: readonly string[]): string[] {
	const users = user.map(parsed).filter((u): u is Requirement => u !== null);
	return implied.filter((i) => {
		const r = parsed(i);
		return !(r && users.some((u) => replaces(u, r)));
	});
}

/** Implied requirements, then the user's, of one group. */
function merge(implied: readonly string[], user: readonly string[]): string[] {
	return [...keptOf(implied, user), ...user.map((u) => u.trim())];
}

/** All runtime requirements, implied first, in a stable order. */
export function runtimeDependencies(config: ReadonlyConfig): string[] {
	return merge(impliedDependencies(config), config.project.dependencies);
}

/**
 * All development requirements. One that a runtime requirement covers (same
 * package, applies wherever it does, allows no version it does not: pep.ts
 * requirementCovers) is left out, as installing the runtime group already
 * satisfies it; any other stays, even for a package the runtime group names:
 * `httpx[http2]>=0.27; python_version < "3.13"` at runtime keeps the test
 * client's `httpx>=0.27` here, or tests would lack it on 3.13.
 */
export function devDependencies(config: ReadonlyConfig): string[] {
	const runtime = runtimeDependencies(config).map(parsed).filter((r): r is Requirement => r !== null);
	return merge(impliedDevDependencies(config), config.project.devDependencies).filter((d) => {
		const r = parsed(d);
		return !(r && runtime.some((k) => requirementCovers(k, r)));
	});
}

/**
 * What happens to each implied requirement, as the UI shows it: the ones each
 * group lists; the others are replaced by the user's entry of that group,
 * except the development ones in `coveredByRuntime`, left out because a
 * runtime requirement covers them.
 */
export function keptImplied(config: ReadonlyConfig): { dependencies: string[]; devDependencies: string[]; coveredByRuntime: string[] } {
	const dev = new Set(devDependencies(config));
	const notReplaced = keptOf(impliedDevDependencies(config), config.project.devDependencies);
	return {
		dependencies: keptOf(impliedDependencies(config), config.project.dependencies),
		devDependencies: notReplaced.filter((d) => dev.has(d)),
		coveredByRuntime: notReplaced.filter((d) => !dev.has(d))
	};
}
