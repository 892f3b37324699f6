"""Top-level package of flask_app."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("flask-app")
except PackageNotFoundError:  # pragma: no cover - imported from a source tree, not installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
