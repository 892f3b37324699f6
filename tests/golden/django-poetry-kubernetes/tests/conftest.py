"""Shared test setup."""

import os
import warnings
from collections.abc import Iterator

import pytest

from django_app.config import get_settings

# Required settings get their .env.example values, so tests need no .env file and
# no running services (nothing here connects). Real environment variables win.
TEST_ENVIRONMENT = {
    "SECRET_KEY": "change-me-to-a-long-random-string",
    "DATABASE_URL": "postgresql://app:change-me@localhost:5432/app",
}
for _name, _value in TEST_ENVIRONMENT.items():
    os.environ.setdefault(_name, _value)

DJANGO_SETTINGS_MODULE = "django_app.settings"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", DJANGO_SETTINGS_MODULE)


def pytest_configure() -> None:
    """Load Django and allow its test client's host, as ``manage.py test`` does."""
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()


@pytest.fixture(autouse=True)
def no_static_root_warning() -> None:
    """WhiteNoise warns that STATIC_ROOT is missing until collectstatic; tests need none."""
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Re-read settings in every test, so ``monkeypatch.setenv`` takes effect."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
