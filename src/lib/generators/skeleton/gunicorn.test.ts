import { describe, expect, it } from 'vitest';
import { APP_PORT, GUNICORN_DEFAULT_WORKERS, appTargets, facts, gunicornConfModule, serveArgv } from '../../model/derive.ts';
import { presetById } from '../../model/presets.ts';
import { skeleton } from './index.ts';

// Issue 14, point 8: gunicorn ran one sync worker with no configuration. The
// package now ships its gunicorn settings and every target names them.
describe('gunicorn settings module', () => {
	for (const id of ['flask-app', 'django-app']) {
		it(`${id}: serveArgv names the shipped module with the python: prefix, --bind last before the app`, () => {
			const config = presetById(id)!.config();
			const pkg = facts(config).pkg;
			expect(gunicornConfModule(config)).toBe(`${pkg}.gunicorn_conf`);
			expect(serveArgv(config, '127.0.0.1')).toEqual(['gunicorn', '--config', `python:${pkg}.gunicorn_conf`, '--bind', `127.0.0.1:${APP_PORT}`, appTargets(config).wsgi]);
			const file = skeleton(config).find((x) => x.path === `src/${pkg}/gunicorn_conf.py`);
			expect(file, 'the module serveArgv names is in the package').toBeDefined();
			expect(file!.content).toContain(`workers = _positive_int("WEB_CONCURRENCY", ${GUNICORN_DEFAULT_WORKERS})`);
			expect(file!.content).toContain('accesslog = "-"');
		});
	}

	it('FastAPI, workers and CLIs have no gunicorn module', () => {
		for (const id of ['fastapi-service', 'worker', 'cli-tool']) {
			const config = presetById(id)!.config();
			expect(gunicornConfModule(config)).toBeNull();
			expect(skeleton(config).some((x) => x.path.endsWith('/gunicorn_conf.py'))).toBe(false);
		}
	});

	it("Flask's docstring shows the very command production runs", () => {
		const config = presetById('flask-app')!.config();
		const app = skeleton(config).find((x) => x.path === 'src/flask_app/app.py')!.content;
		expect(app).toContain('      --config python:flask_app.gunicorn_conf \\\n');
		expect(app).toContain("      'flask_app.app:create_app()'\n");
		expect(app).not.toMatch(/^ {4}gunicorn 'flask_app/m);
	});
});
