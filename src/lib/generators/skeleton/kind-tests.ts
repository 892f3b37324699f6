/** The generated project's tests of its kind: the web app through its framework's test client, the CLI's commands, the worker with a fake queue, the library's function. */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts, HEALTH_PATH } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyFromImport, pyStr } from '../writers/python.ts';
import { py } from './common.ts';
import { workerMode, workerQueue } from '../../model/runtime.ts';

export function kindTests(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	const p = config.project;
	const health = pyStr(HEALTH_PATH);
	/** tests/test_health.py of a framework with a test client: its imports, the client, how a response reads its JSON. */
	const healthTest = (imports: string[], client: string, json: string): GeneratedFile[] => [
		py('tests/test_health.py', [
			'"""The health endpoint answers 200 with a JSON status."""',
			'',
			...imports,
			'',
			'',
			'def test_health() -> None:',
			`    client = ${client}`,
			`    response = client.get(${health})`,
			'    assert response.status_code == 200',
			`    assert response.${json}() == {"status": "ok"}`
		])
	];
	if (p.kind === 'service' && p.framework === 'fastapi')
		return healthTest(['from fastapi.testclient import TestClient', '', pyFromImport(`${f.pkg}.main`, ['app'])], 'TestClient(app)', 'json');
	if (p.kind === 'service' && p.framework === 'flask') return healthTest([pyFromImport(`${f.pkg}.app`, ['create_app'])], 'create_app().test_client()', 'get_json');
	if (p.kind === 'service' && p.framework === 'django')
		return [
			py('tests/test_health.py', [
				'"""The health endpoint answers 200 with a JSON status, without a redirect or a database."""',
				'',
				'from django.test import Client',
				'',
				'',
				'def test_health() -> None:',
				`    response = Client().get(${health})`,
				'    assert response.status_code == 200',
				'    assert response.json() == {"status": "ok"}',
				'',
				'',
				'def test_health_answers_probes_by_ip() -> None:',
				'    # Docker and Kubernetes probe the container by IP, which ALLOWED_HOSTS rejects.',
				`    response = Client().get(${health}, HTTP_HOST="10.1.2.3")`,
				'    assert response.status_code == 200',
				'',
				'',
				'def test_other_paths_still_check_the_host() -> None:',
				'    response = Client().get("/admin/", HTTP_HOST="10.1.2.3")',
				'    assert response.status_code == 400'
			])
		];
	if (p.kind === 'cli')
		return [
			py('tests/test_cli.py', [
				'"""The command line parses its arguments and runs its commands."""',
				'',
				'import pytest',
				'',
				pyFromImport(`${f.pkg}`, ['__version__']),
				pyFromImport(`${f.pkg}.cli`, ['main']),
				'',
				'',
				'def test_version(capsys: pytest.CaptureFixture[str]) -> None:',
				'    with pytest.raises(SystemExit) as exit_info:',
				'        main(["--version"])',
				'    assert exit_info.value.code == 0',
				'    assert __version__ in capsys.readouterr().out',
				'',
				'',
				'def test_hello(capsys: pytest.CaptureFixture[str]) -> None:',
				'    assert main(["hello", "Ada"]) == 0',
				'    assert capsys.readouterr().out == "Hello, Ada!\\n"',
				'',
				'',
				'def test_config_prints_the_settings(capsys: pytest.CaptureFixture[str]) -> None:',
				'    assert main(["config"]) == 0',
				'    out = capsys.readouterr().out',
				'    assert \'"log_level"\' in out',
				'    assert "change-me" not in out  # passwords and secrets are masked',
				'',
				'',
				'def test_a_command_is_required() -> None:',
				'    with pytest.raises(SystemExit) as exit_info:',
				'        main([])',
				'    assert exit_info.value.code == 2'
			])
		];
	if (p.kind === 'worker') {
		const redis = workerMode(config) === 'queue';
		const common = [
			'',
			'',
			'def test_version(capsys: pytest.CaptureFixture[str]) -> None:',
			'    with pytest.raises(SystemExit) as exit_info:',
			'        worker.main(["--version"])',
			'    assert exit_info.value.code == 0',
			'    assert __version__ in capsys.readouterr().out'
		];
		if (workerMode(config) === 'celery')
			// The app and the tasks are tests/test_celery.py's (celery.ts); the worker's own part is its command line.
			return [py('tests/test_worker.py', ['"""The Celery worker\'s command line."""', '', 'import pytest', '', pyFromImport(`${f.pkg}`, ['__version__', 'worker']), ...common])];
		return [
			py(
				'tests/test_worker.py',
				redis
					? [
							'"""The worker processes jobs from its queue (a fake one: no Redis needed)."""',
							'',
							'from typing import Any',
							'',
							'import pytest',
							'',
							pyFromImport(`${f.pkg}`, ['__version__', 'worker']),
							'',
							'',
							'class FakeQueue:',
							'    """Stands in for redis.Redis: BLPOP pops from a list, or times out."""',
							'',
							'    def __init__(self, *jobs: bytes) -> None:',
							'        self.jobs = list(jobs)',
							'',
							'    def blpop(self, keys: list[str], timeout: int) -> Any:',
							`        assert keys == [${pyStr(workerQueue(config))}]`,
							'        return (keys[0].encode(), self.jobs.pop(0)) if self.jobs else None',
							'',
							'',
							'def test_process_job() -> None:',
							'    assert worker.process_job(b\'{"id": 7}\') == {"id": 7, "status": "done"}',
							'',
							'',
							'def test_process_job_rejects_non_objects() -> None:',
							'    with pytest.raises(ValueError):',
							'        worker.process_job(b"[1, 2]")',
							'',
							'',
							'def test_work_queue_once_takes_one_job() -> None:',
							'    queue = FakeQueue(b\'{"id": 1}\', b\'{"id": 2}\')',
							'    assert worker.work_queue(queue, once=True) == 1',
							'    assert queue.jobs == [b\'{"id": 2}\']',
							'',
							'',
							'def test_a_failing_job_does_not_stop_the_worker() -> None:',
							'    assert worker.work_queue(FakeQueue(b"not json"), once=True) == 0',
							'',
							'',
							'def test_stop_request_ends_the_loop() -> None:',
							'    worker.request_stop(15)',
							'    try:',
							'        assert worker.work_queue(FakeQueue(b\'{"id": 1}\')) == 0',
							'    finally:',
							'        worker._stop.clear()',
							...common
						]
					: [
							'"""The worker runs its periodic task and stops on request."""',
							'',
							'import pytest',
							'',
							pyFromImport(`${f.pkg}`, ['__version__', 'worker']),
							'',
							'',
							'def test_once_runs_one_tick() -> None:',
							'    assert worker.work_periodically(once=True) == 1',
							'',
							'',
							'def test_stop_request_ends_the_loop() -> None:',
							'    worker.request_stop(15)',
							'    try:',
							'        assert worker.work_periodically(interval=0) == 0',
							'    finally:',
							'        worker._stop.clear()',
							...common
						]
			)
		];
	}
	// library
	return [
		py('tests/test_core.py', [
			'"""The library\'s public functions."""',
			'',
			'import pytest',
			'',
			pyFromImport(`${f.pkg}`, ['__version__', 'greet']),
			'',
			'',
			'def test_greet(name: str) -> None:',
			'    assert greet(name) == "Hello, world!"',
			'',
			'',
			'def test_greet_punctuation() -> None:',
			'    assert greet("  Ada ", punctuation=".") == "Hello, Ada."',
			'',
			'',
			'def test_blank_name_is_rejected() -> None:',
			'    with pytest.raises(ValueError, match="blank"):',
			'        greet("   ")',
			'',
			'',
			'def test_version_is_set() -> None:',
			'    assert __version__'
		])
	];
}
