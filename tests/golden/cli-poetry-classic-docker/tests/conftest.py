"""Shared test setup."""

from collections.abc import Iterator

import pytest

from cli_tool.config import get_settings


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Re-read settings in every test, so ``monkeypatch.setenv`` takes effect."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
