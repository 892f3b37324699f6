/**
 * services.celery through the CLI (issue 20.2): the CLI has no per-field flags; fields come
 * from --config (a slipway.json or inline JSON), merged over the preset, validated once.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli as runCli, tempDirs } from '../support/cli.ts';

const tmp = tempDirs('slipway-cli-celery-');
const cli = (args: string[]) => runCli(args, tmp());

describe('slipway generate with services.celery', () => {
	it('--config turns it on: the Celery app, tasks, ping and the beat unit are written, and slipway.json keeps it', async () => {
		const r = await cli(['generate', '--preset', 'worker', '--config', '{"target":"bare-metal","services":{"redis":true,"celery":true}}', '--out', 'x']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		for (const p of ['src/worker/celery_app.py', 'src/worker/tasks.py', 'src/worker/celery_ping.py', 'tests/test_celery.py', 'deploy/worker-celery-beat.service'])
			expect(existsSync(join(r.cwd, 'x', p)), p).toBe(true);
		expect(readFileSync(join(r.cwd, 'x', 'src/worker/worker.py'), 'utf8')).toContain('app.worker_main(');
		const saved = JSON.parse(readFileSync(join(r.cwd, 'x', 'slipway.json'), 'utf8')) as { config: { services: Record<string, boolean> } };
		expect(saved.config.services.celery).toBe(true);
		const again = await cli(['generate', '--config', join(r.cwd, 'x', 'slipway.json'), '--out', 'y']);
		expect(again.code).toBe(0);
		expect(readFileSync(join(again.cwd, 'y', 'src/worker/celery_app.py'), 'utf8')).toBe(readFileSync(join(r.cwd, 'x', 'src/worker/celery_app.py'), 'utf8'));
	});

	it('without Redis it is refused (exit 2) with the field and its message, and nothing is written', async () => {
		const r = await cli(['generate', '--preset', 'fastapi-service', '--config', '{"services":{"redis":false,"celery":true}}', '--out', 'x']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('services.celery');
		expect(r.stderr).toContain('turn Redis on');
		expect(existsSync(join(r.cwd, 'x'))).toBe(false);
	});
});
