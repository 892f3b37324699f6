"""Settings, read from environment variables and an optional ``.env`` file.

Each field is read from the environment variable of the same name in upper case
(``log_level`` <- ``LOG_LEVEL``); real environment variables win over ``.env``.
``.env.example`` lists every variable with an example value.
"""

from functools import lru_cache
from typing import Literal

from pydantic import PostgresDsn, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class Settings(BaseSettings):
    """The application's configuration."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # LOG_LEVEL: Logging level: DEBUG, INFO, WARNING, ERROR or CRITICAL.
    log_level: LogLevel = "INFO"
    # DEBUG: Debug mode. Never true in production.
    debug: bool = False
    # SECRET_KEY: Signing key for sessions and tokens. Generate one: python -c "import
    # secrets; print(secrets.token_urlsafe(50))" Required.
    secret_key: SecretStr
    # ALLOWED_HOSTS: Comma-separated host names Django serves.
    allowed_hosts: str = "localhost,127.0.0.1"
    # HTTPS_ONLY: Served over HTTPS only (TLS ends at the proxy in front): redirect HTTP
    # to HTTPS, send HSTS, mark cookies Secure. false for plain-HTTP local runs.
    https_only: bool = True
    # DATABASE_URL: PostgreSQL connection URL. Required.
    database_url: PostgresDsn


@lru_cache
def get_settings() -> Settings:
    """Read the settings once; tests call ``get_settings.cache_clear()`` to re-read."""
    return Settings()
