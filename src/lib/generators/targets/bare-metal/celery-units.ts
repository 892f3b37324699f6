/**
 * Celery on bare metal (services.celery; model/runtime.ts celeryFacts): a service gets
 * deploy/<script>-celery-worker.service (the worker; the worker kind's own unit is one) and
 * every Celery project deploy/<script>-celery-beat.service, the one scheduler. Same user,
 * settings file and hardening as the app's unit (unit.ts); TimeoutStopSec is the task time
 * limit plus a margin, so SIGTERM's warm shutdown lets the longest task finish.
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { facts, deployName } from '../../../model/derive.ts';
import { celeryFacts } from '../../../model/runtime.ts';
import { hostPaths } from './paths.ts';
import { unit, type UnitRole } from './unit.ts';

/** The extra units, in install order (install.sh installs, enables and restarts each). */
export function celeryUnitRoles(config: ReadonlyConfig): UnitRole[] {
	const c = celeryFacts(config);
	if (!c) return [];
	const p = hostPaths(config);
	const base = facts(config).script ?? deployName(config);
	const venv = (argv: string[]) => [`${p.venv}/bin/${argv[0]}`, ...argv.slice(1)];
	const out: UnitRole[] = [];
	if (config.project.kind === 'service') out.push({ unit: `${base}-celery-worker.service`, what: 'Celery worker', argv: venv(c.workerArgv), stopSeconds: c.stopGraceSeconds });
	// The schedule (when each task last ran) in the StateDirectory: kept across restarts, private to the service.
	out.push({ unit: `${base}-celery-beat.service`, what: 'Celery beat (the one scheduler)', argv: venv(c.beatArgvAt(`${p.stateDir}/celerybeat-schedule`)), stopSeconds: c.stopGraceSeconds });
	return out;
}

/** deploy/<unit> for each extra unit. */
export function celeryUnits(config: ReadonlyConfig): { path: string; content: string }[] {
	return celeryUnitRoles(config).map((r) => ({ path: `deploy/${r.unit}`, content: unit(config, r) }));
}
