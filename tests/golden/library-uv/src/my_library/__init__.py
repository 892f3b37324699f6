"""Top-level package of my_library."""

from importlib.metadata import PackageNotFoundError, version

from .core import greet

try:
    __version__ = version("my-library")
except PackageNotFoundError:  # pragma: no cover - imported from a source tree, not installed
    __version__ = "0.0.0"

__all__ = ["__version__", "greet"]
