/** Flask skeleton: the application factory at `<pkg>.app:create_app()` (derive.ts appTargets). */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts, HEALTH_PATH } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr } from '../writers/python.ts';
import { py } from './common.ts';

export function flaskFiles(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	return [
		py(`${f.pkgDir}/app.py`, [
			'"""The Flask application factory.',
			'',
			'Serve it with:',
			'',
			`    gunicorn '${f.pkg}.app:create_app()'`,
			'"""',
			'',
			'import logging',
			'',
			'from flask import Flask',
			'',
			'from .config import Settings, get_settings',
			'',
			'',
			'def create_app(settings: Settings | None = None) -> Flask:',
			'    """Build the application; tests may pass their own settings."""',
			'    settings = settings or get_settings()',
			'    logging.basicConfig(level=settings.log_level)',
			'    app = Flask(__name__)',
			'    app.config.update(SECRET_KEY=settings.secret_key.get_secret_value(), DEBUG=settings.debug)',
			'',
			`    @app.get(${pyStr(HEALTH_PATH)})`,
			'    def health() -> dict[str, str]:',
			'        """Liveness/readiness probe: 200 while the process serves requests."""',
			'        return {"status": "ok"}',
			'',
			'    return app'
		])
	];
}
