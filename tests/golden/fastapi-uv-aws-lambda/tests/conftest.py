"""Shared test setup."""

import os
from collections.abc import Iterator

import pytest

from fastapi_service.config import get_settings

# Required settings get their .env.example values, so tests need no .env file and
# no running services (nothing here connects). Real environment variables win.
TEST_ENVIRONMENT = {
    "DATABASE_URL": "postgresql://app:change-me@localhost:5432/app",
    "REDIS_URL": "redis://localhost:6379/0",
}
for _name, _value in TEST_ENVIRONMENT.items():
    os.environ.setdefault(_name, _value)


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Re-read settings in every test, so ``monkeypatch.setenv`` takes effect."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
