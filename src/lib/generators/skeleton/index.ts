/**
 * The Python source of the generated project, one module per concern:
 * package files, settings (config.py), the kind/framework's own modules,
 * and the tests. Registered in the generator registry as `skeleton`.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import type { GeneratedFile } from '../types.ts';
import { celeryFiles } from './celery.ts';
import { cliFiles } from './cli.ts';
import { databaseFiles } from './database.ts';
import { djangoFiles } from './django.ts';
import { fastapiFiles } from './fastapi.ts';
import { flaskFiles } from './flask.ts';
import { gunicornFiles } from './gunicorn.ts';
import { libraryFiles } from './library.ts';
import { packageFiles } from './package.ts';
import { settingsModule } from './settings.ts';
import { testFiles } from './tests.ts';
import { workerFiles } from './worker.ts';

function kindFiles(config: ReadonlyConfig): GeneratedFile[] {
	const p = config.project;
	switch (p.kind) {
		case 'service':
			if (p.framework === 'fastapi') return fastapiFiles(config);
			if (p.framework === 'flask') return flaskFiles(config);
			if (p.framework === 'django') return djangoFiles(config);
			return [];
		case 'cli':
			return cliFiles(config);
		case 'worker':
			return workerFiles(config);
		case 'library':
			return libraryFiles(config);
	}
}

/** Every Python source file of the project (src/ and tests/, plus manage.py for Django). */
export function skeleton(config: ReadonlyConfig): GeneratedFile[] {
	return [...packageFiles(config), ...settingsModule(config), ...kindFiles(config), ...databaseFiles(config), ...celeryFiles(config), ...gunicornFiles(config), ...testFiles(config)];
}
