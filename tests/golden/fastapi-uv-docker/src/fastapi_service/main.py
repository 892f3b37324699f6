"""The FastAPI application.

Serve it with:

    uvicorn fastapi_service.main:app
"""

import logging

from fastapi import FastAPI

from . import __version__
from .config import get_settings


def create_app() -> FastAPI:
    """Build the application from the current settings."""
    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    app = FastAPI(
        title="fastapi-service",
        version=__version__,
        debug=settings.debug,
    )

    @app.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        """Liveness/readiness probe: 200 while the process serves requests."""
        return {"status": "ok"}

    return app


app = create_app()
