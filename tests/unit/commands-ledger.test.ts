/**
 * Fast guard for the journey harness (tests/validate/commands): every command
 * that any configuration of the full matrix names is either planned to run
 * by the journey (plan.ts) or listed in the ledger. The matrix run proves the
 * planned steps really pass; this test only catches, in a second, a new
 * command that nobody would run or account for.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/generators/index.ts';
import { fullMatrix } from '../validate/matrix.ts';
import { extractCommands } from '../validate/commands/extract.ts';
import { account } from '../validate/commands/ledger.ts';
import { planJourney } from '../validate/commands/plan.ts';
import { UPDATE_COMMANDS } from '../validate/commands/run.ts';

const PASS = { status: 'pass', detail: '' };
const CHECKS = Object.fromEntries(['coverage', 'python', 'compose', 'kustomize', 'sam', 'poetry-check', 'wheel', 'install', 'tests', 'types', 'settings', 'serve', 'handler', 'steps', 'alembic'].map((c) => [c, PASS]));

describe('every command of every configuration is planned or in the ledger', () => {
	it('the full matrix has no unaccounted command', () => {
		const unaccounted = new Set<string>();
		let n = 0;
		for (const e of fullMatrix()) {
			if (e.invalid.length) continue;
			const files = generate(e.config);
			const plan = planJourney(files);
			const planned = new Set<string>([
				...plan.readme.flatMap((s) => [...s.covers, ...(s.after ?? []).flatMap((a) => a.covers)]),
				...plan.blocks.flatMap((b) => b.covers),
				...plan.workloads.flatMap((w) => [...w.covers, ...(w.healthcheck ? [w.healthcheck.text] : [])]),
				// A Celery worker's health command and example task (run.ts: celery-ping, celery-task).
				...plan.workloads.flatMap((w) => (w.celery?.role === 'worker' ? [...w.celery.pingCovers, ...w.celery.sendCovers] : [])),
				...plan.curls,
				...(plan.envCopy ? ['cp .env.example .env'] : []),
				'node "$SLIPWAY/dist/cli/slipway.js" generate --config slipway.json --out . --force',
				...UPDATE_COMMANDS
			]);
			for (const c of extractCommands(files)) {
				n++;
				const a = account(c, planned, CHECKS);
				if (a.status === 'unaccounted') unaccounted.add(`${e.id}: ${a.why}`);
			}
		}
		expect(n).toBeGreaterThan(1000);
		expect([...unaccounted].slice(0, 20)).toEqual([]);
	}, 60_000); // ~140 generate() calls: over vitest's 5 s default on a loaded machine
});
