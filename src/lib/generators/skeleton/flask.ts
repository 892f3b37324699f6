/** Flask skeleton: the application factory at `<pkg>.app:create_app()` (derive.ts appTargets). */
import type { ReadonlyConfig } from '../../model/config.ts';
import { serveArgv } from '../../model/derive.ts';
import { readinessPath } from '../../model/runtime.ts';
import type { GeneratedFile } from '../types.ts';
import { packageModule } from './common.ts';
import { healthRoutes } from './health-routes.ts';

/** A POSIX shell word: as is when it holds no special character, else single-quoted. */
function shellWord(word: string): string {
	return /^[\w.,:/@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** argv as a shell command over several lines (one option and its value a line), within ruff's 100 columns. */
function shellLines(argv: readonly string[], indent: string): string[] {
	const words: string[] = [];
	for (let i = 1; i < argv.length; i++) {
		const a = argv[i]!;
		const next = argv[i + 1];
		if (a.startsWith('--') && next !== undefined && !next.startsWith('--') && i + 1 < argv.length - 1) {
			words.push(`${shellWord(a)} ${shellWord(next)}`);
			i++;
		} else words.push(shellWord(a));
	}
	return [`${indent}${shellWord(argv[0]!)}${words.length ? ' \\' : ''}`, ...words.map((w, i) => `${indent}  ${w}${i < words.length - 1 ? ' \\' : ''}`)];
}

export function flaskFiles(config: ReadonlyConfig): GeneratedFile[] {
	const ready = readinessPath(config);
	return [
		packageModule(config, 'app', {
			// Written raw (pyModule): the command's line continuations are backslashes.
			doc: [
				'The Flask application factory.',
				'',
				'Production serves it with the settings in ``gunicorn_conf.py``, as every',
				'deployment does; ``python -m`` on the package runs the same command:',
				'',
				...shellLines(serveArgv(config), '    '),
				''
			].join('\n'),
			imports: [['import logging'], ['from flask import Flask', ...(ready ? ['from sqlalchemy.exc import SQLAlchemyError'] : [])], ['from .config import Settings, get_settings', ...(ready ? ['from .db import ping'] : [])]],
			body: [
				'def create_app(settings: Settings | None = None) -> Flask:',
				'    """Build the application; tests may pass their own settings."""',
				'    settings = settings or get_settings()',
				'    logging.basicConfig(level=settings.log_level)',
				'    app = Flask(__name__)',
				'    app.config.update(SECRET_KEY=settings.secret_key.get_secret_value(), DEBUG=settings.debug)',
				'',
				...healthRoutes(config, {
					decoratorArgs: '',
					readyDef: '    def ready() -> tuple[dict[str, str], int]:',
					unavailable: ['return {"status": "unavailable"}, 503'],
					available: 'return {"status": "ok"}, 200'
				}),
				'    return app'
			]
		})
	];
}
