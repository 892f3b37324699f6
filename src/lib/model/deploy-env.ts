/**
 * Values the deployment targets (Kubernetes, Lambda, Cloud Run, bare metal)
 * give the app's settings. Names and secret flags come from facts().env; only
 * the values differ per target, because "where is Redis" and "which host names
 * does Django serve" depend on where the app runs. Secrets never get a real
 * value here: they get a placeholder or a reference to a secret store.
 */
import { POSTGRES, REDIS, type EnvVar } from './derive.ts';

/** Where the app runs, and the host names it answers to there. */
export interface DeployPlace {
	/** Host name Redis is reachable at from the app. */
	redisHost: string;
	/** Host name PostgreSQL is reachable at (only used in placeholder URLs of secrets). */
	postgresHost: string;
	/** Comma-separated host names for Django's ALLOWED_HOSTS. */
	allowedHosts: string;
}

/** The placeholder every secret starts with; pydantic settings and reviewers recognise it. */
export const SECRET_PLACEHOLDER = 'CHANGE-ME';

/** A non-secret variable's value for a deployment (production defaults: INFO logs, debug off, HTTPS only). */
export function deployValue(v: EnvVar, place: DeployPlace): string {
	switch (v.kind) {
		case 'log-level':
			return 'INFO';
		case 'bool':
			// The production default: DEBUG false; HTTPS_ONLY true (every target terminates TLS in front).
			return v.default === true ? 'true' : 'false';
		case 'redis-dsn':
			return `redis://${place.redisHost}:${REDIS.port}/0`;
		case 'postgres-dsn':
			return `postgresql://app:${SECRET_PLACEHOLDER}@${place.postgresHost}:${POSTGRES.port}/app`;
		default:
			if (v.name === 'ALLOWED_HOSTS') return place.allowedHosts;
			if (v.secret) return SECRET_PLACEHOLDER;
			return v.default !== undefined ? String(v.default) : v.example;
	}
}

/** A secret's placeholder value, for templates a person fills in (Secret example, env file). */
export function secretPlaceholder(v: EnvVar, place: DeployPlace): string {
	return v.kind === 'postgres-dsn' ? deployValue(v, place) : v.kind === 'redis-dsn' ? deployValue(v, place) : SECRET_PLACEHOLDER;
}

/** Host used in URLs that must be replaced before deploying (RFC 2606 reserves `.invalid`). */
export const PLACEHOLDER_HOST_SUFFIX = '.invalid';

/** A place where the backing services are not known yet (managed Redis/Postgres the user sets up). */
export function cloudPlace(allowedHosts: string): DeployPlace {
	return { redisHost: `redis${PLACEHOLDER_HOST_SUFFIX}`, postgresHost: `postgres${PLACEHOLDER_HOST_SUFFIX}`, allowedHosts };
}
