/**
 * The dependency lists of a project: what the framework and services imply,
 * plus what the user added. One function each, used by pyproject,
 * requirements files and the UI (which shows implied dependencies).
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts } from '../model/derive.ts';
import { normalizeName, parseRequirement } from '../model/pep.ts';
import { DEPS, DEV_DEPS } from './versions.ts';

/** Runtime requirements implied by the kind, framework and services (not typed by the user). */
export function impliedDependencies(config: ReadonlyConfig): string[] {
	const p = config.project;
	const out: string[] = [];
	if (p.kind === 'service') {
		if (p.framework === 'fastapi') out.push(DEPS.fastapi, DEPS.uvicorn);
		if (p.framework === 'flask') out.push(DEPS.flask, DEPS.gunicorn);
		if (p.framework === 'django') out.push(DEPS.django, DEPS.gunicorn);
	}
	if (p.kind === 'service' && config.target === 'serverless' && config.serverless.provider === 'aws-lambda') {
		// Lambda speaks neither ASGI nor WSGI: Mangum adapts ASGI apps; Flask (WSGI) goes through a2wsgi first.
		out.push(DEPS.mangum);
		if (p.framework === 'flask') out.push(DEPS.a2wsgi);
	}
	if (facts(config).hasSettings) out.push(DEPS.pydanticSettings);
	if (config.services.postgres && p.kind !== 'library') out.push(DEPS.psycopg);
	if (config.services.redis && p.kind !== 'library') out.push(DEPS.redis);
	return out;
}

/** Development requirements Slipway adds (test runner, linters, type checker). */
export function impliedDevDependencies(config: ReadonlyConfig): string[] {
	const out: string[] = [DEV_DEPS.pytest, DEV_DEPS.pytestCov, DEV_DEPS.ruff, DEV_DEPS.mypy];
	if (config.project.kind === 'service' && config.project.framework === 'fastapi') out.push(DEV_DEPS.httpx);
	return out;
}

/** Merge implied and user requirements; a user entry for the same package replaces the implied one. */
function merge(implied: readonly string[], user: readonly string[]): string[] {
	const userNames = new Set(
		user.map((u) => {
			const r = parseRequirement(u);
			return r.ok ? normalizeName(r.value.name) : u;
		})
	);
	const kept = implied.filter((i) => {
		const r = parseRequirement(i);
		return !(r.ok && userNames.has(normalizeName(r.value.name)));
	});
	return [...kept, ...user.map((u) => u.trim())];
}

/** All runtime requirements, implied first, in a stable order. */
export function runtimeDependencies(config: ReadonlyConfig): string[] {
	return merge(impliedDependencies(config), config.project.dependencies);
}

/** All development requirements. A runtime dependency is never repeated here. */
export function devDependencies(config: ReadonlyConfig): string[] {
	const runtime = new Set(
		runtimeDependencies(config).map((d) => {
			const r = parseRequirement(d);
			return r.ok ? normalizeName(r.value.name) : d;
		})
	);
	return merge(impliedDevDependencies(config), config.project.devDependencies).filter((d) => {
		const r = parseRequirement(d);
		return !(r.ok && runtime.has(normalizeName(r.value.name)));
	});
}
