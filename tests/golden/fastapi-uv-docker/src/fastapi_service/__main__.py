"""Run the production server.

Usage: ``python -m fastapi_service``,
or the ``fastapi-service`` command.

It starts uvicorn exactly as the container and the deployment files do,
listening on all interfaces on port 8000. For development use the reload
server described in README.md instead.
"""

import os
import sys

SERVER_ARGV = [
    "uvicorn",
    "fastapi_service.main:app",
    "--host",
    "0.0.0.0",
    "--port",
    "8000",
    "--proxy-headers",
    "--forwarded-allow-ips",
    "*",
]


def main() -> None:
    """Replace this process with uvicorn, so signals (SIGTERM) reach the server directly."""
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", *SERVER_ARGV])


if __name__ == "__main__":
    main()
