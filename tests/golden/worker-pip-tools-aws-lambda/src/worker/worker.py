"""Background worker: takes JSON jobs from a Redis list (BLPOP) and processes them."""

import argparse
import json
import logging
import signal
import threading
from collections.abc import Sequence
from types import FrameType
from typing import Any, Protocol

import redis

from . import __version__
from .config import get_settings

QUEUE = "worker:jobs"
"""Redis list the worker takes jobs from; producers ``RPUSH`` JSON objects onto it."""
POLL_SECONDS = 5
"""How long one BLPOP waits, which bounds how long a stop request takes."""

log = logging.getLogger(__name__)
_stop = threading.Event()


def process_job(raw: bytes | str) -> dict[str, Any]:
    """Process one job (a JSON object) and return its result. Replace with your logic."""
    job = json.loads(raw)
    if not isinstance(job, dict):
        raise ValueError("a job must be a JSON object")
    log.info("processing job %s", job.get("id"))
    return {"id": job.get("id"), "status": "done"}


class JobSource(Protocol):
    """What the worker needs from a Redis client (tests pass a fake)."""

    def blpop(self, keys: list[str], timeout: int) -> Any: ...


def work_queue(source: JobSource, *, once: bool = False) -> int:
    """Take jobs from QUEUE until stopped; returns how many succeeded.

    With ``once``, wait for at most one job (POLL_SECONDS) and return.
    """
    done = 0
    while not _stop.is_set():
        item = source.blpop([QUEUE], timeout=POLL_SECONDS)
        if item is not None:
            _key, raw = item
            try:
                process_job(raw)
                done += 1
            except Exception:
                log.exception("job failed: %r", raw)
        if once:
            break
    return done


def request_stop(signum: int, _frame: FrameType | None = None) -> None:
    """Signal handler: finish the current job, then leave the loop."""
    log.info("signal %s received: stopping", signum)
    _stop.set()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the worker until SIGTERM/SIGINT (or one round with ``--once``)."""
    parser = argparse.ArgumentParser(description="Run the background worker.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--once", action="store_true", help="one job (or tick), then exit")
    args = parser.parse_args(argv)
    settings = get_settings()
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    _stop.clear()
    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    client = redis.Redis.from_url(str(settings.redis_url))
    log.info("waiting for jobs on %s", QUEUE)
    work_queue(client, once=args.once)
    return 0
