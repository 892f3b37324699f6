"""The library's public functions."""

import pytest

from my_library import __version__, greet


def test_greet(name: str) -> None:
    assert greet(name) == "Hello, world!"


def test_greet_punctuation() -> None:
    assert greet("  Ada ", punctuation=".") == "Hello, Ada."


def test_blank_name_is_rejected() -> None:
    with pytest.raises(ValueError, match="blank"):
        greet("   ")


def test_version_is_set() -> None:
    assert __version__
