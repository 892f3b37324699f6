/**
 * The health routes a web skeleton's `create_app` defines (FastAPI and Flask both route with
 * `@app.get`): liveness at HEALTH_PATH, which never asks the database, and with a database
 * (runtime.ts readinessPath) the readiness route, 200 after SELECT 1 and 503 while it fails.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { HEALTH_PATH } from '../../model/derive.ts';
import { readinessPath } from '../../model/runtime.ts';
import { pyStr } from '../writers/python.ts';

/** How one framework writes a route: the decorator's extra arguments, the readiness view's signature and answers. */
export interface RouteStyle {
	/** After the path in `@app.get(...)`, e.g. `, tags=["health"]`; '' for none. */
	decoratorArgs: string;
	/** The readiness view's `def` line. */
	readyDef: string;
	/** Its statements when the database fails (at the except's depth), and its last line when it answers. */
	unavailable: readonly string[];
	available: string;
}

/** The routes' lines, indented for the body of `create_app`, each route followed by a blank line. */
export function healthRoutes(config: ReadonlyConfig, style: RouteStyle): string[] {
	const ready = readinessPath(config);
	return [
		`    @app.get(${pyStr(HEALTH_PATH)}${style.decoratorArgs})`,
		'    def health() -> dict[str, str]:',
		ready
			? '        """Liveness probe: 200 while the process serves requests (the database is not asked)."""'
			: '        """Liveness/readiness probe: 200 while the process serves requests."""',
		'        return {"status": "ok"}',
		'',
		...(ready
			? [
					`    @app.get(${pyStr(ready)}${style.decoratorArgs})`,
					style.readyDef,
					'        """Readiness probe: 200 when the database answers SELECT 1, 503 while it does not."""',
					'        try:',
					'            ping()',
					'        except SQLAlchemyError:',
					...style.unavailable.map((l) => `            ${l}`),
					`        ${style.available}`,
					''
				]
			: [])
	];
}
