"""Shared test setup."""

import pytest


@pytest.fixture
def name() -> str:
    """A sample name for the tests."""
    return "world"
