"""Top-level package of worker."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("worker")
except PackageNotFoundError:  # pragma: no cover - imported from a source tree, not installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
