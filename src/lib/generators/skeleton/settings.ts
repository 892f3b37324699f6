/**
 * `src/<pkg>/config.py`: the pydantic-settings module every non-library
 * kind reads its configuration from. Fields come from `facts(config).env`
 * (derive.ts), so `.env.example`, compose and Kubernetes files name the same
 * variables. Secrets are `SecretStr` (never printed), DSNs are validated
 * URLs, the log level is a `Literal`.
 *
 * DATABASE_URL is a `PostgresUrl`, checked by config.py itself rather than
 * pydantic's `PostgresDsn`, which requires a host: libpq also connects through
 * a Unix socket whose directory is given in the `host` query parameter with
 * the URI's host left empty, or percent-encoded as the host (PostgreSQL docs,
 * libpq "Connection URIs"), and that is how Cloud Run reaches Cloud SQL
 * (`?host=/cloudsql/PROJECT:REGION:INSTANCE`, Cloud SQL "Connect from Cloud
 * Run"). PostgresDsn fails the first form with "empty host".
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts, type EnvVar } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyCommentBlock, pyStr } from '../writers/python.ts';
import { packageModule } from './common.ts';

const TYPES: Record<EnvVar['kind'], string> = {
	str: 'str',
	secret: 'SecretStr',
	bool: 'bool',
	int: 'int',
	// Not pydantic's PostgresDsn: it rejects the empty host of libpq's Unix-socket form (POSTGRES_URL).
	'postgres-dsn': 'PostgresUrl',
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

/**
 * config.py's PostgresUrl: a libpq connection URI naming a server, by host or
 * by Unix-socket directory (`?host=/...`, or `%2F...` as the host).
 */
const POSTGRES_URL = [
	'',
	'def _check_postgres_url(url: str) -> str:',
	'    """Accept a libpq connection URI that names a server: by host, or by Unix socket.',
	'',
	'    ``postgresql://user:password@host:5432/name``, or a socket directory in ``host=`` with the',
	'    host left empty (``postgresql://user:password@/name?host=/cloudsql/PROJECT:REGION:INSTANCE``,',
	'    how Cloud Run reaches Cloud SQL), or percent-encoded as the host (``%2Fcloudsql%2F...``).',
	"    pydantic's PostgresDsn rejects the empty host, hence this check.",
	'    """',
	'    parts = urlsplit(url)',
	'    if parts.scheme.split("+")[0] not in ("postgres", "postgresql"):',
	'        raise ValueError("must be a postgresql:// URL")',
	'    _ = parts.port  # raises ValueError for a port that is not a number',
	'    socket_dir = parse_qs(parts.query).get("host", [""])[-1]',
	'    if not parts.netloc.rpartition("@")[2] and not socket_dir.startswith("/"):',
	'        raise ValueError(',
	'            "names no server: give a host (postgresql://user:password@host:5432/name)"',
	'            " or a Unix socket directory (postgresql://user:password@/name?host=/path)"',
	'        )',
	'    return url',
	'',
	'',
	'PostgresUrl = Annotated[str, AfterValidator(_check_postgres_url)]'
];

export function settingsModule(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	if (!f.hasSettings) return [];
	const kinds = new Set(f.env.map((v) => v.kind));
	const pg = kinds.has('postgres-dsn');
	const pydantic = [...(['redis-dsn', 'secret'] as const).filter((k) => kinds.has(k)).map((k) => TYPES[k]), ...(pg ? ['AfterValidator'] : [])].sort();
	const typing = [...(pg ? ['Annotated'] : []), ...(kinds.has('log-level') ? ['Literal'] : [])];
	const fields: string[] = [];
	for (const v of f.env) {
		fields.push(...pyCommentBlock(`${v.name}: ${v.description}${v.default === undefined ? ' Required.' : ''}`, '    '));
		fields.push(`    ${v.field}: ${TYPES[v.kind]}${v.default === undefined ? '' : ` = ${defaultLiteral(v)}`}`);
	}
	return [
		packageModule(config, 'config', {
			doc: [
				'Settings, read from environment variables and an optional ``.env`` file.',
				'',
				'Each field is read from the environment variable of the same name in upper case',
				'(``log_level`` <- ``LOG_LEVEL``); real environment variables win over ``.env``.',
				'``.env.example`` lists every variable with an example value.',
				''
			].join('\n'),
			imports: [
				['from functools import lru_cache', ...(typing.length ? [`from typing import ${typing.join(', ')}`] : []), ...(pg ? ['from urllib.parse import parse_qs, urlsplit'] : [])],
				[...(pydantic.length ? [`from pydantic import ${pydantic.join(', ')}`] : []), 'from pydantic_settings import BaseSettings, SettingsConfigDict']
			],
			body: [
				...(kinds.has('log-level') ? ['LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]', ''] : []),
				...(pg ? [...POSTGRES_URL, ''] : []),
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
			]
		})
	];
}
