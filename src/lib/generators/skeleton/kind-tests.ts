/** The generated project's tests of its kind: the web app through its framework's test client, the CLI's commands, the worker with a fake queue, the library's function. */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts, HEALTH_PATH } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyFromImport, pyStr } from '../writers/python.ts';
import { pyModuleFile } from './common.ts';
import { workerMode, workerQueue } from '../../model/runtime.ts';

export function kindTests(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	const p = config.project;
	const health = pyStr(HEALTH_PATH);
	/** tests/test_health.py of a framework with a test client: its imports, the client, how a response reads its JSON. */
	const healthTest = (imports: string[][], client: string, json: string): GeneratedFile[] => [
		pyModuleFile('tests/test_health.py', {
			doc: 'The health endpoint answers 200 with a JSON status.',
			imports,
			body: ['def test_health() -> None:', `    client = ${client}`, `    response = client.get(${health})`, '    assert response.status_code == 200', `    assert response.${json}() == {"status": "ok"}`]
		})
	];
	if (p.kind === 'service' && p.framework === 'fastapi') return healthTest([['from fastapi.testclient import TestClient'], [pyFromImport(`${f.pkg}.main`, ['app'])]], 'TestClient(app)', 'json');
	if (p.kind === 'service' && p.framework === 'flask') return healthTest([[pyFromImport(`${f.pkg}.app`, ['create_app'])]], 'create_app().test_client()', 'get_json');
	if (p.kind === 'service' && p.framework === 'django')
		return [
			pyModuleFile('tests/test_health.py', {
				doc: 'The health endpoint answers 200 with a JSON status, without a redirect or a database.',
				imports: [['from django.test import Client']],
				body: [
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
				]
			})
		];
	if (p.kind === 'cli')
		return [
			pyModuleFile('tests/test_cli.py', {
				doc: 'The command line parses its arguments and runs its commands.',
				imports: [['import pytest'], [pyFromImport(`${f.pkg}`, ['__version__']), pyFromImport(`${f.pkg}.cli`, ['main'])]],
				body: [
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
				]
			})
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
		/** The test that a stop request (SIGTERM's handler) ends `loop`, a call that would otherwise run on. */
		const stopTest = (loop: string) => ['', '', 'def test_stop_request_ends_the_loop() -> None:', '    worker.request_stop(15)', '    try:', `        assert ${loop} == 0`, '    finally:', '        worker._stop.clear()'];
		/** tests/test_worker.py: its docstring, its imports before the package's, its tests before test_version. */
		const workerTest = (doc: string, imports: string[][], body: string[]): GeneratedFile[] => [
			pyModuleFile('tests/test_worker.py', { doc, imports: [...imports, [pyFromImport(`${f.pkg}`, ['__version__', 'worker'])]], body: [...body, ...common] })
		];
		// The app and the tasks are tests/test_celery.py's (celery.ts); the worker's own part is its command line.
		if (workerMode(config) === 'celery') return workerTest("The Celery worker's command line.", [['import pytest']], []);
		if (redis)
			return workerTest('The worker processes jobs from its queue (a fake one: no Redis needed).', [['from typing import Any'], ['import pytest']], [
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
				...stopTest('worker.work_queue(FakeQueue(b\'{"id": 1}\'))')
			]);
		return workerTest('The worker runs its periodic task and stops on request.', [['import pytest']], [
			'def test_once_runs_one_tick() -> None:',
			'    assert worker.work_periodically(once=True) == 1',
			...stopTest('worker.work_periodically(interval=0)')
		]);
	}
	// library
	return [
		pyModuleFile('tests/test_core.py', {
			doc: "The library's public functions.",
			imports: [['import pytest'], [pyFromImport(`${f.pkg}`, ['__version__', 'greet'])]],
			body: [
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
			]
		})
	];
}
