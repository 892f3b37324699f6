/**
 * `src/<pkg>/config.py`: the pydantic-settings module every non-library
 * kind reads its configuration from. Fields come from `facts(config).env`
 * (derive.ts), so `.env.example`, compose and Kubernetes files name the same
 * variables. Secrets are `SecretStr` (never printed), DSNs are validated
 * URLs, the log level is a `Literal`.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts, type EnvVar } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyCommentBlock, pyStr } from '../writers/python.ts';
import { py } from './common.ts';

const TYPES: Record<EnvVar['kind'], string> = {
	str: 'str',
	secret: 'SecretStr',
	bool: 'bool',
	int: 'int',
	'postgres-dsn': 'PostgresDsn',
	'redis-dsn': 'RedisDsn',
	'log-level': 'LogLevel'
};

function defaultLiteral(v: EnvVar): string {
	const d = v.default;
	if (typeof d === 'boolean') return d ? 'True' : 'False';
	if (typeof d === 'number') return String(d);
	if (v.kind === 'secret') return `SecretStr(${pyStr(String(d))})`;
	return pyStr(String(d));
}

export function settingsModule(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	if (!f.hasSettings) return [];
	const kinds = new Set(f.env.map((v) => v.kind));
	const pydantic = (['postgres-dsn', 'redis-dsn', 'secret'] as const)
		.filter((k) => kinds.has(k))
		.map((k) => TYPES[k])
		.sort();
	const fields: string[] = [];
	for (const v of f.env) {
		fields.push(...pyCommentBlock(`${v.name}: ${v.description}${v.default === undefined ? ' Required.' : ''}`, '    '));
		fields.push(`    ${v.field}: ${TYPES[v.kind]}${v.default === undefined ? '' : ` = ${defaultLiteral(v)}`}`);
	}
	return [
		py(`${f.pkgDir}/config.py`, [
			'"""Settings, read from environment variables and an optional ``.env`` file.',
			'',
			'Each field is read from the environment variable of the same name in upper case',
			'(``log_level`` <- ``LOG_LEVEL``); real environment variables win over ``.env``.',
			'``.env.example`` lists every variable with an example value.',
			'"""',
			'',
			'from functools import lru_cache',
			...(kinds.has('log-level') ? ['from typing import Literal'] : []),
			'',
			...(pydantic.length ? [`from pydantic import ${pydantic.join(', ')}`] : []),
			'from pydantic_settings import BaseSettings, SettingsConfigDict',
			'',
			...(kinds.has('log-level') ? ['LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]', ''] : []),
			'',
			'class Settings(BaseSettings):',
			'    """The application\'s configuration."""',
			'',
			'    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")',
			'',
			...fields,
			'',
			'',
			'@lru_cache',
			'def get_settings() -> Settings:',
			'    """Read the settings once; tests call ``get_settings.cache_clear()`` to re-read."""',
			'    return Settings()'
		])
	];
}
