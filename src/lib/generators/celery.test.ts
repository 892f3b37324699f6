/**
 * Celery (services.celery, issue 20.2): the app, tasks and health check in the skeleton, the
 * worker and beat processes on Docker, Kubernetes and bare metal, and what serverless says
 * instead. The grace periods all come from one fact (celeryFacts: task time limit + margin).
 */
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../model/config.ts';
import type { TargetId } from '../model/targets.ts';
import { presetOn } from '../../../tests/support/cases.ts';
import { celeryFacts, workerMode } from '../model/runtime.ts';
import { validateConfig } from '../model/validate.ts';
import { generate } from './index.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function config(preset: string, target: TargetId, celery = true): Config {
	const c = presetOn(preset, target, (c) => void (c.services = { ...c.services, postgres: true, redis: true, celery }));
	expect(validateConfig(c)).toEqual([]);
	return c;
}

const files = (c: Config) => new Map(generate(c).map((f) => [f.path, f.content]));
/** Each file of `m` named holds its text. */
const expectLines = (m: Map<string, string>, wants: readonly (readonly [path: string, text: string])[]) => {
	for (const [path, text] of wants) expect(m.get(path), path).toContain(text);
};
const docs = (text: string) => loadAll(text) as Obj[];

describe('Celery in the model', () => {
	it('derives every grace period from the task time limit', () => {
		const c = celeryFacts(config('fastapi-service', 'docker'))!;
		expect(c.stopGraceSeconds).toBeGreaterThan(c.timeLimitSeconds);
	});

	it('makes the worker kind a Celery worker, and only with Celery on (not on Lambda, where SQS takes its place)', () => {
		expect(workerMode(config('worker', 'docker'))).toBe('celery');
		expect(workerMode(config('worker', 'docker', false))).toBe('queue');
		expect(workerMode(config('worker', 'aws-lambda'))).toBe('queue');
		expect(celeryFacts(config('fastapi-service', 'aws-lambda'))).toBeNull();
	});
});

describe('Celery skeleton', () => {
	it('reads Redis from the settings and sets the task time limit', () => {
		const c = config('fastapi-service', 'docker');
		const m = files(c);
		const app = m.get('src/fastapi_service/celery_app.py')!;
		expect(app).toContain('_redis_url = str(get_settings().redis_url)');
		expect(app).toContain('    broker=_redis_url,\n    backend=_redis_url,');
		expect(app).toContain(`TASK_TIME_LIMIT = ${celeryFacts(c)!.timeLimitSeconds}`);
		expectLines(m, [
			['src/fastapi_service/tasks.py', 'def add(x: int, y: int) -> int:'],
			['src/fastapi_service/celery_ping.py', 'node = f"celery@{socket.gethostname()}"'],
			['tests/test_celery.py', 'def test_add() -> None:'],
			['pyproject.toml', '"celery>=5.5"']
		]);
	});

	it("follows Celery's Django layout: <pkg>/celery.py, imported by __init__.py, CELERY_ settings", () => {
		expectLines(files(config('django-app', 'docker')), [
			['src/django_app/celery.py', 'app.config_from_object("django.conf:settings", namespace="CELERY")'],
			['src/django_app/__init__.py', 'from .celery import app as celery_app'],
			['src/django_app/settings.py', 'CELERY_BROKER_URL = CELERY_RESULT_BACKEND = str(_settings.redis_url)'],
			['src/django_app/tasks.py', '@shared_task']
		]);
	});

	it("runs the worker kind's console script as a Celery worker", () => {
		const m = files(config('worker', 'docker'));
		expect(m.get('src/worker/worker.py')).toContain('app.worker_main(["worker", "--loglevel", get_settings().log_level])');
		expect(m.get('src/worker/worker.py')).not.toContain('blpop');
	});

	it('adds nothing while Celery is off', () => {
		for (const preset of ['fastapi-service', 'django-app', 'worker']) {
			const m = files(config(preset, 'kubernetes', false));
			expect([...m.keys()].filter((p) => /celery|tasks\.py/.test(p))).toEqual([]);
			expect([...m.values()].some((t) => /celery/i.test(t))).toBe(false);
		}
	});
});

describe('Celery processes', () => {
	it('compose: a worker with the ping healthcheck and the grace period, and one beat', () => {
		const c = config('fastapi-service', 'docker');
		const f = celeryFacts(c)!;
		const doc = docs(files(c).get('compose.yaml')!)[0];
		expect(doc.services.worker.command).toEqual(f.workerArgv);
		expect(doc.services.worker.stop_grace_period).toBe(`${f.stopGraceSeconds}s`);
		expect(doc.services.worker.healthcheck.test).toEqual(['CMD', ...f.pingArgv]);
		expect(doc.services.beat.command).toEqual(f.beatArgv);
		// The worker kind's app is the worker.
		const w = docs(files(config('worker', 'docker')).get('compose.yaml')!)[0];
		expect(w.services.worker).toBeUndefined();
		expect(w.services.app.stop_grace_period).toBe(`${f.stopGraceSeconds}s`);
	});

	it('Kubernetes: the worker scales (HPA), beat is one replica with Recreate, grace from the time limit', () => {
		const c = config('fastapi-service', 'kubernetes');
		const f = celeryFacts(c)!;
		const m = files(c);
		const worker = docs(m.get('deploy/kubernetes/celery-worker.yaml')!)[0];
		const pod = worker.spec.template.spec;
		expect(pod.containers[0].command).toEqual(f.workerArgv);
		expect(pod.containers[0].livenessProbe.exec.command).toEqual(f.pingArgv);
		expect(pod.containers[0].ports).toBeUndefined();
		expect(pod.terminationGracePeriodSeconds).toBe(f.stopGraceSeconds);
		expect(docs(m.get('deploy/kubernetes/celery-worker-hpa.yaml')!)[0].spec.scaleTargetRef.name).toBe(worker.metadata.name);
		const beat = docs(m.get('deploy/kubernetes/celery-beat.yaml')!)[0];
		expect(beat.spec.replicas).toBe(1);
		expect(beat.spec.strategy).toEqual({ type: 'Recreate' });
		expect(beat.spec.template.spec.containers[0].command).toEqual(f.beatArgv);
		expect(docs(m.get('deploy/kubernetes/kustomization.yaml')!)[0].resources).toEqual(expect.arrayContaining(['celery-worker.yaml', 'celery-worker-hpa.yaml', 'celery-beat.yaml']));
		// The worker kind's own Deployment is the worker: probes and grace, no second worker Deployment.
		const wk = files(config('worker', 'kubernetes'));
		expect(wk.has('deploy/kubernetes/celery-worker.yaml')).toBe(false);
		const own = docs(wk.get('deploy/kubernetes/deployment.yaml')!)[0].spec.template.spec;
		expect(own.terminationGracePeriodSeconds).toBe(f.stopGraceSeconds);
		expect(own.containers[0].livenessProbe.exec.command).toEqual(celeryFacts(config('worker', 'kubernetes'))!.pingArgv);
	});

	it('bare metal: worker and beat units with TimeoutStopSec from the time limit, installed and started by install.sh', () => {
		const c = config('fastapi-service', 'bare-metal');
		const f = celeryFacts(c)!;
		const m = files(c);
		const worker = m.get('deploy/fastapi-service-celery-worker.service')!;
		expect(worker).toContain(`ExecStart=/opt/fastapi-service/.venv/bin/celery --app ${f.module} worker --loglevel INFO`);
		expect(worker).toContain(`TimeoutStopSec=${f.stopGraceSeconds}s`);
		expect(worker).not.toContain('WEB_CONCURRENCY');
		expect(m.get('deploy/fastapi-service-celery-beat.service')).toContain(' beat ');
		const sh = m.get('deploy/install.sh')!;
		for (const u of ['fastapi-service-celery-worker.service', 'fastapi-service-celery-beat.service']) {
			expect(sh).toContain(`install_file "$SRC_DIR/deploy/${u}" '/etc/systemd/system/${u}'`);
			expect(sh).toContain(`systemctl restart '${u}'`);
		}
		// The worker kind's unit is the worker.
		expect(files(config('worker', 'bare-metal')).get('deploy/worker.service')).toContain(`TimeoutStopSec=${f.stopGraceSeconds}s`);
	});

	it('serverless deploys no Celery process and says what it does instead', () => {
		const lambda = files(config('worker', 'aws-lambda'));
		expect([...lambda.keys()].filter((p) => p.includes('celery'))).toEqual([]);
		expect(lambda.get('deploy/aws-lambda/README.md')).toContain('Celery is not deployed on Lambda');
		expect(lambda.get('deploy/aws-lambda/README.md')).toContain('The worker is the SQS-triggered function above instead');
		const run = files(config('fastapi-service', 'cloud-run'));
		expect([...run.keys()].filter((p) => p.startsWith('deploy/cloud-run/') && p !== 'deploy/cloud-run/README.md' && /celery/.test(run.get(p)!))).toEqual([]);
		expect(run.get('deploy/cloud-run/README.md')).toContain('gcloud beta run worker-pools deploy fastapi-service-celery-worker');
	});
});

describe('Celery in README.Docker.md', () => {
	it('names the compose worker and beat with their health command and the grace from the one fact; nothing while off', () => {
		for (const preset of ['fastapi-service', 'worker']) {
			const c = config(preset, 'docker');
			const f = celeryFacts(c)!;
			const doc = files(c).get('README.Docker.md')!;
			expect(doc).toContain(`\`${f.pingArgv.join(' ')}\``);
			expect(doc).toContain(`${f.stopGraceSeconds} s: the ${f.timeLimitSeconds} s task time limit`);
			expect(doc).toContain('- **beat**: the Celery beat scheduler, one container only');
			expect(doc.includes('- **worker**: the Celery worker')).toBe(preset !== 'worker');
			expect(files(config(preset, 'docker', false)).get('README.Docker.md')).not.toContain('Celery');
		}
	});
});

describe('Celery in the bare-metal deploy/README.md', () => {
	it('lists each Celery unit with its user and stop timeout, and says install.sh starts them; nothing while off', () => {
		for (const preset of ['flask-app', 'worker']) {
			const c = config(preset, 'bare-metal');
			const f = celeryFacts(c)!;
			const doc = files(c).get('deploy/README.md')!;
			const units = [...files(c).keys()].filter((p) => /^deploy\/[\w-]+-celery-(worker|beat)\.service$/.test(p)).map((p) => p.slice('deploy/'.length)).sort().reverse(); // worker, then beat
			expect(units.length).toBe(preset === 'worker' ? 1 : 2);
			for (const u of units) expect(doc).toContain(`| \`${u}\` | \`/etc/systemd/system/${u}\` | Celery `);
			expect(doc).toContain(`\`TimeoutStopSec=${f.stopGraceSeconds}\` (the ${f.timeLimitSeconds} s task time limit and a margin)`);
			expect(doc).toMatch(new RegExp(`starts the unit and the Celery units? \\(${units.map((u) => `\`${u}\``).join(', ')}\\)`));
			expect(files(config(preset, 'bare-metal', false)).get('deploy/README.md')).not.toContain('Celery');
		}
	});
});
