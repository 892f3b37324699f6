/** FastAPI skeleton: `src/<pkg>/main.py` with the ASGI app at `<pkg>.main:app` (derive.ts appTargets). */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts } from '../../model/derive.ts';
import { readinessPath } from '../../model/runtime.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr } from '../writers/python.ts';
import { packageModule } from './common.ts';
import { healthRoutes } from './health-routes.ts';

export function fastapiFiles(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	const ready = readinessPath(config);
	return [
		packageModule(config, 'main', {
			doc: `The FastAPI application.\n\nServe it with:\n\n    uvicorn ${f.pkg}.main:app\n`,
			imports: [
				['import logging'],
				[ready ? 'from fastapi import FastAPI, Response' : 'from fastapi import FastAPI', ...(ready ? ['from sqlalchemy.exc import SQLAlchemyError'] : [])],
				['from . import __version__', 'from .config import get_settings', ...(ready ? ['from .db import ping'] : [])]
			],
			body: [
				'def create_app() -> FastAPI:',
				'    """Build the application from the current settings."""',
				'    settings = get_settings()',
				'    logging.basicConfig(level=settings.log_level)',
				'    app = FastAPI(',
				`        title=${pyStr(f.distName)},`,
				'        version=__version__,',
				'        debug=settings.debug,',
				'    )',
				'',
				...healthRoutes(config, {
					decoratorArgs: ', tags=["health"]',
					readyDef: '    def ready(response: Response) -> dict[str, str]:',
					unavailable: ['response.status_code = 503', 'return {"status": "unavailable"}'],
					available: 'return {"status": "ok"}'
				}),
				'    return app',
				'',
				'',
				'app = create_app()'
			]
		})
	];
}
