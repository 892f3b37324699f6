"""The worker processes jobs from its queue (a fake one: no Redis needed)."""

from typing import Any

import pytest

from worker import __version__, worker


class FakeQueue:
    """Stands in for redis.Redis: BLPOP pops from a list, or times out."""

    def __init__(self, *jobs: bytes) -> None:
        self.jobs = list(jobs)

    def blpop(self, keys: list[str], timeout: int) -> Any:
        assert keys == ["worker:jobs"]
        return (keys[0].encode(), self.jobs.pop(0)) if self.jobs else None


def test_process_job() -> None:
    assert worker.process_job(b'{"id": 7}') == {"id": 7, "status": "done"}


def test_process_job_rejects_non_objects() -> None:
    with pytest.raises(ValueError):
        worker.process_job(b"[1, 2]")


def test_work_queue_once_takes_one_job() -> None:
    queue = FakeQueue(b'{"id": 1}', b'{"id": 2}')
    assert worker.work_queue(queue, once=True) == 1
    assert queue.jobs == [b'{"id": 2}']


def test_a_failing_job_does_not_stop_the_worker() -> None:
    assert worker.work_queue(FakeQueue(b"not json"), once=True) == 0


def test_stop_request_ends_the_loop() -> None:
    worker.request_stop(15)
    try:
        assert worker.work_queue(FakeQueue(b'{"id": 1}')) == 0
    finally:
        worker._stop.clear()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        worker.main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out
