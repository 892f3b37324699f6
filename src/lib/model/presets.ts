import type { Config } from './config.ts';
import { defaultConfig } from './defaults.ts';

/**
 * A named starting point. Presets are complete Configs, so a preset never depends on today's defaults changing.
 * They leave `docker.image` and `serverless.region` empty: the image follows the project name and the
 * region the chosen provider (derive.ts imageRef, serverlessRegion).
 */
export interface Preset {
	id: string;
	title: string;
	summary: string;
	config: () => Config;
}

function make(edit: (c: Config) => void): () => Config {
	return () => {
		const c = defaultConfig();
		edit(c);
		return c;
	};
}

/** In the order the UI shows them. */
export const PRESETS: readonly Preset[] = [
	{
		id: 'fastapi-service',
		title: 'FastAPI service',
		summary: 'An async HTTP API with FastAPI and uvicorn, Postgres and Redis, in Docker.',
		config: make((c) => {
			c.project.name = 'fastapi-service';
			c.project.description = 'An HTTP API built with FastAPI.';
			c.services = { ...c.services, postgres: true, redis: true };
			c.kubernetes.ingressHost = 'api.example.com';
			c.bareMetal.domain = 'api.example.com';
		})
	},
	{
		id: 'django-app',
		title: 'Django app',
		summary: 'A Django web application served by gunicorn, with Postgres.',
		config: make((c) => {
			c.project.name = 'django-app';
			c.project.description = 'A web application built with Django.';
			c.project.framework = 'django';
			c.packaging = { ...c.packaging, manager: 'poetry', backend: 'poetry-core', poetryLayout: 'poetry2', pipWorkflow: 'requirements' };
			c.services = { ...c.services, postgres: true, redis: false };
			c.kubernetes.ingressHost = 'app.example.com';
			c.bareMetal.domain = 'app.example.com';
		})
	},
	{
		id: 'flask-app',
		title: 'Flask app',
		summary: 'A Flask application factory served by gunicorn.',
		config: make((c) => {
			c.project.name = 'flask-app';
			c.project.description = 'A web application built with Flask.';
			c.project.framework = 'flask';
			c.packaging = { ...c.packaging, manager: 'pip', backend: 'setuptools', poetryLayout: 'poetry2', pipWorkflow: 'requirements' };
			c.services = { ...c.services, postgres: false, redis: true };
			c.kubernetes.ingressHost = 'flask.example.com';
			c.bareMetal.domain = 'flask.example.com';
		})
	},
	{
		id: 'cli-tool',
		title: 'Command-line tool',
		summary: 'A command-line program with an argparse entry point.',
		config: make((c) => {
			c.project.name = 'cli-tool';
			c.project.description = 'A command-line tool.';
			c.project.kind = 'cli';
			c.project.framework = 'none';
			c.kubernetes.ingressHost = 'cli.example.com';
			c.bareMetal.domain = 'cli.example.com';
		})
	},
	{
		id: 'library',
		title: 'Library',
		summary: 'A typed library published to PyPI.',
		config: make((c) => {
			c.project.name = 'my-library';
			c.project.description = 'A typed Python library.';
			c.project.kind = 'library';
			c.project.framework = 'none';
			// The oldest supported Python (3.10 reached end of life in October 2026): a library reaches the widest range.
			c.project.pythonVersion = '3.11';
			c.kubernetes.ingressHost = 'library.example.com';
			c.bareMetal.domain = 'library.example.com';
		})
	},
	{
		id: 'worker',
		title: 'Background worker',
		summary: 'A long-running worker that takes jobs from Redis.',
		config: make((c) => {
			c.project.name = 'worker';
			c.project.description = 'A background worker processing jobs from Redis.';
			c.project.kind = 'worker';
			c.project.framework = 'none';
			c.services = { ...c.services, postgres: false, redis: true };
			c.kubernetes.ingressHost = 'worker.example.com';
			c.bareMetal.domain = 'worker.example.com';
		})
	}
];

export function presetById(id: string): Preset | undefined {
	return PRESETS.find((p) => p.id === id);
}
