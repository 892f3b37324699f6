/**
 * What choosing a backing service adds, in words, for the Services step: the
 * sentence depends on the target (each descriptor's serviceSetting in
 * model/targets.ts), and names only files that target's project has
 * (services-text.test.ts checks every path named against generate()).
 * Pure and import-light (model only), so the wizard step can load it without
 * the generators.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { hasCompose } from '../model/derive.ts';
import { selectedTarget } from '../model/targets.ts';

export type BackingService = 'postgres' | 'redis';

function deployment(config: ReadonlyConfig, service: BackingService): string {
	return selectedTarget(config).serviceSetting(config, service === 'postgres');
}

/** The help text of one service's checkbox. */
export function serviceHelp(config: ReadonlyConfig, service: BackingService): string {
	const lib = service === 'postgres' ? 'psycopg' : 'redis-py';
	const setting = service === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL';
	return `Adds ${lib} and a ${setting} setting; ${deployment(config, service)}.`;
}

/** The note under the services: where the connection settings come from. */
export function servicesNote(config: ReadonlyConfig): string {
	const local = hasCompose(config)
		? '.env.example lists them, and compose.yaml points the app at its own containers.'
		: '.env.example lists them for local development.';
	return `Connection settings are read from the environment (pydantic-settings); ${local}`;
}
