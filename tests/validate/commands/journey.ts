/**
 * The journey of one configuration: plan what its files tell people and
 * machines to run (plan.ts), run it in the root (run.ts), and account for
 * every command (ledger.ts). Two checks of the matrix come out of it:
 *
 *   journey   every step that ran did what it should (a server answered, a
 *             job exited 0, a guard failed without its lock file, ...)
 *   commands  every command of every file is executed, checked statically or
 *             listed as impossible here with the reason; none unaccounted
 */
import type { ReadonlyConfig } from '../../../src/lib/model/config.ts';
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import { hashFiles, rootStatus } from '../root.ts';
import { builtWheel, type CheckResult } from '../proof.ts';
import { extractCommands } from './extract.ts';
import { account, type Accounted } from './ledger.ts';
import { planJourney, type JourneyPlan } from './plan.ts';
import { regenerate, runJourney, updateInPlace, type JourneyResult, type StepResult } from './run.ts';

export interface CommandCounts {
	executed: number;
	static: number;
	cannot: number;
	unaccounted: number;
}

export interface JourneyReport {
	journey: CheckResult;
	commands: CheckResult;
	counts: CommandCounts;
	accounted: Accounted[];
	steps: StepResult[];
}

const cache = new Map<string, Promise<JourneyResult | string>>();
const RUN_INPUTS = /^(pyproject\.toml|src\/.*|tests\/.*|\.env\.example|manage\.py|requirements[^/]*\.(txt|in))$/;

export async function journeyOf(config: ReadonlyConfig, files: readonly GeneratedFile[], checks: Record<string, CheckResult>): Promise<JourneyReport> {
	const plan = planJourney(files);
	const steps: StepResult[] = [];
	const literal = new Set<string>();
	let journeyFail: string | null = null;
	const status = rootStatus();
	if (!status.ok) journeyFail = `toolchain missing: ${status.reason}`;
	else {
		// Two runs, each shared by every configuration that plans the same: the project's own steps
		// (README, workflow blocks), which most targets share, and the deployed workloads, which most
		// package managers share (same runtime CMD, ENV and manifests). The wheel path names the project.
		const parts: JourneyPlan[] = [
			{ ...plan, workloads: [] },
			{ ...plan, readme: [], blocks: [], curls: [], envCopy: false }
		];
		const results = await Promise.all(
			parts.map(async (part) => {
				if (!part.readme.length && !part.blocks.length && !part.workloads.length && !part.envCopy) return null;
				const wheel = await builtWheel(config, files);
				if (!wheel) return 'no wheel was built (see the wheel check)';
				// What the steps run: the package (not its README, which only the wheel's METADATA carries) and the plan.
				const key = hashFiles(files.filter((f) => RUN_INPUTS.test(f.path)), JSON.stringify(part));
				let p = cache.get(key);
				if (!p) {
					p = runJourney(part, files, wheel, config.project.name.toLowerCase());
					cache.set(key, p);
				}
				return p;
			})
		);
		for (const r of results) {
			if (typeof r === 'string') journeyFail = r;
			else if (r) {
				steps.push(...r.steps);
				for (const c of r.literal) literal.add(c);
			}
		}
	}
	for (const step of [regenerate(files), updateInPlace(files)]) {
		if (!step) continue;
		steps.push(step);
		for (const c of step.covers) literal.add(c);
	}
	const all = { ...checks, steps: { status: journeyFail ? 'fail' : 'pass', detail: journeyFail ?? '' } };
	const accounted = extractCommands(files).map((c) => account(c, literal, all));
	const counts: CommandCounts = { executed: 0, static: 0, cannot: 0, unaccounted: 0 };
	for (const a of accounted) counts[a.status]++;
	const failed = steps.filter((s) => s.status === 'fail');
	const journey: CheckResult = journeyFail
		? { status: 'fail', detail: journeyFail }
		: failed.length
			? { status: 'fail', detail: failed.map((s) => `${s.id}: ${s.detail}`).join('\n') }
			: { status: 'pass', detail: `${steps.length} steps: ${steps.map((s) => s.id).join(', ')}`.slice(0, 2000) };
	const unaccounted = accounted.filter((a) => a.status === 'unaccounted');
	const commands: CheckResult = unaccounted.length
		? { status: 'fail', detail: [...new Set(unaccounted.map((a) => a.why))].join('\n') }
		: { status: 'pass', detail: `${counts.executed} executed, ${counts.static} checked statically, ${counts.cannot} cannot run here` };
	return { journey, commands, counts, accounted, steps };
}
