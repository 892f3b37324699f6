/** Runs matrix entries: generate -> validate every file -> run proof, into one ConfigReport each. */
import { generate } from '../../src/lib/generators/index.ts';
import { Limiter } from './root.ts';
import type { MatrixEntry } from './matrix.ts';
import { PROOF_CHECKS, proofStats, proveProject, type CheckResult } from './proof.ts';
import { VALIDATORS, validateFileSet, formatFindings } from './registry.ts';
import { totals, type ConfigReport, type MatrixReport } from './report.ts';
import { journeyOf } from './commands/journey.ts';

export const CHECKS: string[] = ['coverage', ...VALIDATORS.map((v) => v.id), ...PROOF_CHECKS, 'journey', 'commands'];

export async function runEntry(e: MatrixEntry): Promise<ConfigReport> {
	const base = { id: e.id, preset: e.preset, packaging: e.packaging, target: e.target, services: e.services };
	if (e.invalid.length) {
		const r: CheckResult = { status: 'na', detail: `not applicable: invalid combination: ${e.invalid.join('; ')}` };
		return { ...base, checks: Object.fromEntries(CHECKS.map((c) => [c, r])), findings: [], files: [] };
	}
	const files = generate(e.config);
	const [validation, proof] = await Promise.all([validateFileSet(files, e.config), proveProject(e.config, files)]);
	const checks: Record<string, CheckResult> = {};
	for (const r of validation.results) {
		if (r.notApplicable) checks[r.id] = { status: 'na', detail: `not applicable: no ${r.id} files generated` };
		else if (r.findings.length)
			checks[r.id] = { status: 'fail', detail: formatFindings(r.findings), toolchainMissing: r.findings.every((f) => f.toolchainMissing) || undefined };
		else checks[r.id] = { status: 'pass', detail: r.files.join(', ') };
	}
	for (const c of PROOF_CHECKS) checks[c] = proof[c];
	const j = await journeyOf(e.config, files, checks);
	checks.journey = j.journey;
	checks.commands = j.commands;
	const commands = j.accounted.map((a) => ({ source: a.command.source, file: a.command.file, text: a.command.text, status: a.status, rule: a.rule, why: a.why }));
	return { ...base, checks, findings: validation.findings, files: files.map((f) => f.path), commands, commandCounts: j.counts };
}

/** Runs entries with bounded concurrency (chroot jobs are bounded separately by root.ts). */
export async function runMatrix(mode: string, entries: readonly MatrixEntry[], onDone?: (r: ConfigReport, i: number) => void): Promise<MatrixReport> {
	const t0 = Date.now();
	const startedAt = new Date().toISOString();
	const limiter = new Limiter(Number(process.env.SLIPWAY_CONFIG_JOBS) || 6);
	let done = 0;
	const results = await Promise.all(
		entries.map((e) =>
			limiter.run(async () => {
				const r = await runEntry(e);
				onDone?.(r, ++done);
				return r;
			})
		)
	);
	return {
		mode,
		startedAt,
		seconds: (Date.now() - t0) / 1000,
		configurations: results.length,
		checks: CHECKS,
		totals: totals(results),
		proofRuns: proofStats.runs,
		proofCacheHits: proofStats.cacheHits,
		results
	};
}
