/**
 * The journey plans the SQLAlchemy + Alembic proofs from the generated files (issue 20.1):
 * the README's `alembic upgrade head` and the database tests (which must pass, not skip), the
 * migration Job / install.sh systemd-run / compose migrate service as jobs, and readiness
 * (`/ready`) next to liveness for the Kubernetes Deployment. Without SQLAlchemy none of it.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generators/index.ts';
import { fullMatrix } from '../matrix.ts';
import { planJourney } from './plan.ts';

const entry = (re: RegExp) => fullMatrix().find((e) => re.test(e.id))!;

describe('journey plan with services.sqlalchemy', () => {
	it('kubernetes: alembic upgrade head, the db tests, the migration Job first, readiness on /ready', () => {
		const plan = planJourney(generate(entry(/^fastapi-service \| .* \| kubernetes \| postgres\+redis\+sqlalchemy/).config));
		expect(plan.readme.find((s) => /alembic upgrade head$/.test(s.id))).toMatchObject({ mode: 'run' });
		expect(plan.readme.find((s) => s.id === 'db-tests:tests/test_db.py')).toMatchObject({ mode: 'run', expect: '^[0-9]+ passed in ' });
		expect(plan.workloads[0]).toMatchObject({ mode: 'job', argv: ['python', '-m', 'fastapi_service.migrate'] });
		const app = plan.workloads.find((w) => w.id === 'kubernetes:Deployment/fastapi-service')!;
		expect(app.health).toMatchObject({ path: '/health', ready: '/ready' });
		expect(app.covers).toContain('GET /ready :http');
		expect(plan.curls).toContain('curl http://localhost:8000/ready');
		expect(plan.services.postgres).toEqual([{ user: 'app', db: 'app' }]);
	});

	it('bare metal: install.sh\'s systemd-run runs the migrate module from the venv', () => {
		const plan = planJourney(generate(entry(/^fastapi-service \| .* \| bare-metal \| postgres\+redis\+sqlalchemy/).config));
		const job = plan.workloads.find((w) => w.file === 'deploy/install.sh')!;
		expect(job.mode).toBe('job');
		expect(job.argv.slice(1)).toEqual(['-m', 'fastapi_service.migrate']);
	});

	it("docker: compose's migrate service is a job, its DATABASE_URL interpolated from .env.example", () => {
		const plan = planJourney(generate(entry(/^flask-app \| .* \| docker \| postgres\+redis\+sqlalchemy/).config));
		const job = plan.workloads.find((w) => w.id === 'compose:migrate')!;
		expect(job).toMatchObject({ mode: 'job', argv: ['python', '-m', 'flask_app.migrate'], file: 'compose.yaml' });
		expect(job.env.DATABASE_URL).toMatch(/^postgresql:\/\/app:[^@$]+@postgres:5432\/app$/);
		expect(plan.services.hosts).toContain('postgres');
	});

	it('without SQLAlchemy: no alembic step, no db tests, no /ready', () => {
		const c = entry(/^fastapi-service \| .* \| kubernetes \| postgres\+redis\+sqlalchemy/).config;
		const off = { ...c, services: { ...c.services, sqlalchemy: false } };
		const plan = planJourney(generate(off));
		expect(plan.readme.some((s) => /alembic|db-tests/.test(s.id))).toBe(false);
		expect(plan.workloads.some((w) => w.health?.ready)).toBe(false);
		expect(plan.workloads.some((w) => w.argv.join(' ').endsWith('.migrate'))).toBe(false);
	});
});
