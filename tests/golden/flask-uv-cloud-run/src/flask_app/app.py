r"""The Flask application factory.

Production serves it with the settings in ``gunicorn_conf.py``, as every
deployment does; ``python -m`` on the package runs the same command:

    gunicorn \
      --config python:flask_app.gunicorn_conf \
      --bind 0.0.0.0:8000 \
      'flask_app.app:create_app()'
"""

import logging

from flask import Flask

from .config import Settings, get_settings


def create_app(settings: Settings | None = None) -> Flask:
    """Build the application; tests may pass their own settings."""
    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level)
    app = Flask(__name__)
    app.config.update(SECRET_KEY=settings.secret_key.get_secret_value(), DEBUG=settings.debug)

    @app.get("/health")
    def health() -> dict[str, str]:
        """Liveness/readiness probe: 200 while the process serves requests."""
        return {"status": "ok"}

    return app
