/**
 * Background-worker skeleton: `src/<pkg>/worker.py`. With Redis on, it
 * takes JSON jobs from a Redis list with BLPOP (producers RPUSH onto
 * QUEUE); without Redis it runs a periodic task. SIGTERM/SIGINT stop it
 * after the current job. `--once` handles one job (or tick) and exits, and
 * `process_job` / `work_queue` / `work_periodically` are unit-testable.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { celeryFacts, workerMode, workerQueue } from '../../model/runtime.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr } from '../writers/python.ts';
import { packageModule } from './common.ts';

/**
 * workerMode `celery`: the worker is a Celery worker. worker.py's main() starts it
 * (Celery's `app.worker_main`, the same as `celery --app <module> worker`), so the
 * console script, the image's CMD and every deployment run the same process; the
 * tasks are celery.ts's.
 */
function celeryWorker(config: ReadonlyConfig): GeneratedFile[] {
	const c = celeryFacts(config)!;
	return [
		packageModule(config, 'worker', {
			doc: "Background worker: a Celery worker running the tasks of ``tasks.py``, taken from Redis.\n\nSIGTERM starts Celery's warm shutdown: running tasks finish, then the worker exits.\n",
			imports: [['import argparse', 'from collections.abc import Sequence'], ['from . import __version__', `from .${c.module.split('.').pop()!} import app`, 'from .config import get_settings']],
			body: [
				'def main(argv: Sequence[str] | None = None) -> int:',
				'    """Run the Celery worker (as ``celery --app MODULE worker`` does) until SIGTERM/SIGINT."""',
				'    parser = argparse.ArgumentParser(description="Run the Celery worker.")',
				'    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")',
				'    parser.parse_args(argv)',
				'    app.worker_main(["worker", "--loglevel", get_settings().log_level])',
				'    return 0'
			]
		})
	];
}

export function workerFiles(config: ReadonlyConfig): GeneratedFile[] {
	if (workerMode(config) === 'celery') return celeryWorker(config);
	const redis = workerMode(config) === 'queue';
	const queueCode = [
		'class JobSource(Protocol):',
		'    """What the worker needs from a Redis client (tests pass a fake)."""',
		'',
		'    def blpop(self, keys: list[str], timeout: int) -> Any: ...',
		'',
		'',
		'def work_queue(source: JobSource, *, once: bool = False) -> int:',
		'    """Take jobs from QUEUE until stopped; returns how many succeeded.',
		'',
		'    With ``once``, wait for at most one job (POLL_SECONDS) and return.',
		'    """',
		'    done = 0',
		'    while not _stop.is_set():',
		'        item = source.blpop([QUEUE], timeout=POLL_SECONDS)',
		'        if item is not None:',
		'            _key, raw = item',
		'            try:',
		'                process_job(raw)',
		'                done += 1',
		'            except Exception:',
		'                log.exception("job failed: %r", raw)',
		'        if once:',
		'            break',
		'    return done',
		'',
		''
	];
	const periodicCode = [
		'def tick() -> None:',
		'    """One unit of periodic work. Replace with your own logic."""',
		'    log.info("tick")',
		'',
		'',
		'def work_periodically(*, once: bool = False, interval: float = INTERVAL_SECONDS) -> int:',
		'    """Call ``tick`` every ``interval`` seconds until stopped; returns the number of ticks."""',
		'    ticks = 0',
		'    while not _stop.is_set():',
		'        tick()',
		'        ticks += 1',
		'        if once:',
		'            break',
		'        _stop.wait(interval)',
		'    return ticks',
		'',
		''
	];
	return [
		packageModule(config, 'worker', {
			doc: redis ? 'Background worker: takes JSON jobs from a Redis list (BLPOP) and processes them.' : 'Background worker: runs a periodic task until it is stopped.',
			imports: [
				[
					'import argparse',
					...(redis ? ['import json'] : []),
					'import logging',
					'import signal',
					'import threading',
					'from collections.abc import Sequence',
					'from types import FrameType',
					...(redis ? ['from typing import Any, Protocol'] : [])
				],
				redis ? ['import redis'] : [],
				['from . import __version__', 'from .config import get_settings']
			],
			body: [
				...(redis
					? [
							`QUEUE = ${pyStr(workerQueue(config))}`,
							'"""Redis list the worker takes jobs from; producers ``RPUSH`` JSON objects onto it."""',
							'POLL_SECONDS = 5',
							'"""How long one BLPOP waits, which bounds how long a stop request takes."""'
						]
					: ['INTERVAL_SECONDS = 60.0', '"""Seconds between two runs of the periodic task."""']),
				'',
				'log = logging.getLogger(__name__)',
				'_stop = threading.Event()',
				'',
				'',
				...(redis
					? [
							'def process_job(raw: bytes | str) -> dict[str, Any]:',
							'    """Process one job (a JSON object) and return its result. Replace with your logic."""',
							'    job = json.loads(raw)',
							'    if not isinstance(job, dict):',
							'        raise ValueError("a job must be a JSON object")',
							'    log.info("processing job %s", job.get("id"))',
							'    return {"id": job.get("id"), "status": "done"}',
							'',
							'',
							...queueCode
						]
					: periodicCode),
				'def request_stop(signum: int, _frame: FrameType | None = None) -> None:',
				'    """Signal handler: finish the current job, then leave the loop."""',
				'    log.info("signal %s received: stopping", signum)',
				'    _stop.set()',
				'',
				'',
				'def main(argv: Sequence[str] | None = None) -> int:',
				'    """Run the worker until SIGTERM/SIGINT (or one round with ``--once``)."""',
				'    parser = argparse.ArgumentParser(description="Run the background worker.")',
				'    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")',
				'    parser.add_argument("--once", action="store_true", help="one job (or tick), then exit")',
				'    args = parser.parse_args(argv)',
				'    settings = get_settings()',
				'    logging.basicConfig(',
				'        level=settings.log_level,',
				'        format="%(asctime)s %(levelname)s %(name)s %(message)s",',
				'    )',
				'    _stop.clear()',
				'    signal.signal(signal.SIGTERM, request_stop)',
				'    signal.signal(signal.SIGINT, request_stop)',
				...(redis
					? [
							'    client = redis.Redis.from_url(str(settings.redis_url))',
							'    log.info("waiting for jobs on %s", QUEUE)',
							'    work_queue(client, once=args.once)'
						]
					: ['    work_periodically(once=args.once)']),
				'    return 0'
			]
		})
	];
}
