"""Run the production server.

Usage: ``python -m flask_app``,
or the ``flask-app`` command.

It starts gunicorn exactly as the container and the deployment files do,
listening on all interfaces on port 8000. For development use the reload
server described in README.md instead.
"""

import os
import sys

SERVER_ARGV = [
    "gunicorn",
    "--config",
    "python:flask_app.gunicorn_conf",
    "--bind",
    "0.0.0.0:8000",
    "flask_app.app:create_app()",
]


def main() -> None:
    """Replace this process with gunicorn, so signals (SIGTERM) reach the server directly."""
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", *SERVER_ARGV])


if __name__ == "__main__":
    main()
