"""The settings module reads and validates the environment."""

import pytest
from pydantic import ValidationError

from fastapi_service.config import Settings, get_settings


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("DEBUG", "true")
    settings = get_settings()
    assert settings.log_level == "DEBUG"
    assert settings.debug is True


def test_invalid_log_level_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    with pytest.raises(ValidationError):
        Settings()
