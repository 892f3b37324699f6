"""Settings, read from environment variables and an optional ``.env`` file.

Each field is read from the environment variable of the same name in upper case
(``log_level`` <- ``LOG_LEVEL``); real environment variables win over ``.env``.
``.env.example`` lists every variable with an example value.
"""

from functools import lru_cache
from typing import Annotated, Literal
from urllib.parse import parse_qs, urlsplit

from pydantic import AfterValidator, RedisDsn
from pydantic_settings import BaseSettings, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def _check_postgres_url(url: str) -> str:
    """Accept a libpq connection URI that names a server: by host, or by Unix socket.

    ``postgresql://user:password@host:5432/name``, or a socket directory in ``host=`` with the
    host left empty (``postgresql://user:password@/name?host=/cloudsql/PROJECT:REGION:INSTANCE``,
    how Cloud Run reaches Cloud SQL), or percent-encoded as the host (``%2Fcloudsql%2F...``).
    pydantic's PostgresDsn rejects the empty host, hence this check.
    """
    parts = urlsplit(url)
    if parts.scheme.split("+")[0] not in ("postgres", "postgresql"):
        raise ValueError("must be a postgresql:// URL")
    _ = parts.port  # raises ValueError for a port that is not a number
    socket_dir = parse_qs(parts.query).get("host", [""])[-1]
    if not parts.netloc.rpartition("@")[2] and not socket_dir.startswith("/"):
        raise ValueError(
            "names no server: give a host (postgresql://user:password@host:5432/name)"
            " or a Unix socket directory (postgresql://user:password@/name?host=/path)"
        )
    return url


PostgresUrl = Annotated[str, AfterValidator(_check_postgres_url)]


class Settings(BaseSettings):
    """The application's configuration."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # LOG_LEVEL: Logging level: DEBUG, INFO, WARNING, ERROR or CRITICAL.
    log_level: LogLevel = "INFO"
    # DEBUG: Debug mode. Never true in production.
    debug: bool = False
    # DATABASE_URL: PostgreSQL connection URL:
    # postgresql://user:password@host:5432/name, or over a Unix socket with the host
    # left empty and its directory in host= (Cloud SQL on Cloud Run:
    # postgresql://user:password@/name?host=/cloudsql/PROJECT:REGION:INSTANCE).
    # Required.
    database_url: PostgresUrl
    # REDIS_URL: Redis connection URL. Required.
    redis_url: RedisDsn


@lru_cache
def get_settings() -> Settings:
    """Read the settings once; tests call ``get_settings.cache_clear()`` to re-read."""
    return Settings()
