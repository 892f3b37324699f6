/**
 * The matrix report: configurations x checks, each passed / failed / n/a with
 * a reason, printed as a table and written to reports/matrix.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Finding } from './registry.ts';
import type { CheckResult } from './proof.ts';

export interface ConfigReport {
	id: string;
	preset: string;
	packaging: string;
	target: string;
	services: string;
	/** Check name -> result. Validators and proof checks share the table. */
	checks: Record<string, CheckResult>;
	findings: Finding[];
	files: string[];
	/** Every command the files name, and what the harness did with it (commands/ledger.ts). */
	commands?: { source: string; file: string; text: string; status: string; rule?: string; why: string }[];
	commandCounts?: { executed: number; static: number; cannot: number; unaccounted: number };
}

export interface MatrixReport {
	mode: string;
	startedAt: string;
	seconds: number;
	configurations: number;
	checks: string[];
	totals: { pass: number; fail: number; na: number };
	proofRuns: number;
	proofCacheHits: number;
	results: ConfigReport[];
}

const MARK = { pass: 'ok', fail: 'FAIL', na: 'n/a' } as const;

export function totals(results: readonly ConfigReport[]): MatrixReport['totals'] {
	const t = { pass: 0, fail: 0, na: 0 };
	for (const r of results) for (const c of Object.values(r.checks)) t[c.status]++;
	return t;
}

/** A fixed-width table (one row per configuration) plus a list of every failure with its reason. */
export function formatTable(report: MatrixReport): string {
	const cols = report.checks;
	const idW = Math.min(72, Math.max(13, ...report.results.map((r) => r.id.length)));
	const widths = cols.map((c) => Math.max(c.length, 4));
	const head = ['configuration'.padEnd(idW), 'run/static/cannot'.padEnd(17), ...cols.map((c, i) => c.padEnd(widths[i]))].join(' ');
	const lines = [head, '-'.repeat(head.length)];
	for (const r of report.results) {
		const cells = cols.map((c, i) => {
			const res = r.checks[c];
			const mark = res ? (res.toolchainMissing ? 'TOOL' : MARK[res.status]) : '';
			return mark.padEnd(widths[i]);
		});
		const n = r.commandCounts;
		const counts = n ? `${n.executed}/${n.static}/${n.cannot}${n.unaccounted ? ` +${n.unaccounted}?` : ''}` : '';
		lines.push([r.id.slice(0, idW).padEnd(idW), counts.padEnd(17), ...cells].join(' '));
	}
	const t = report.totals;
	lines.push('', `${report.configurations} configurations x ${cols.length} checks: ${t.pass} passed, ${t.fail} failed, ${t.na} n/a (${report.seconds.toFixed(0)} s; ${report.proofRuns} run proofs, ${report.proofCacheHits} reused)`);
	const fails: string[] = [];
	const naReasons = new Map<string, number>();
	for (const r of report.results) {
		for (const [c, res] of Object.entries(r.checks)) {
			if (res.status === 'fail') fails.push(`FAIL ${r.id} :: ${c}: ${res.detail.split('\n').slice(0, 6).join(' | ').slice(0, 600)}`);
			if (res.status === 'na' && !/^not applicable: no .* files generated$/.test(res.detail)) {
				const k = `${c}: ${res.detail}`.slice(0, 300);
				naReasons.set(k, (naReasons.get(k) ?? 0) + 1);
			}
		}
	}
	const byRule = new Map<string, { status: string; why: string; n: number; example: string }>();
	let all = { executed: 0, static: 0, cannot: 0, unaccounted: 0 };
	for (const r of report.results) {
		for (const c of r.commands ?? []) {
			const k = `${c.status}|${c.rule ?? 'literal'}|${c.status === 'executed' && !c.rule ? '' : c.why}`;
			const e = byRule.get(k) ?? { status: c.status, why: c.rule ? `${c.rule}: ${c.why}` : c.why, n: 0, example: c.text };
			e.n++;
			byRule.set(k, e);
		}
		const n = r.commandCounts;
		if (n) all = { executed: all.executed + n.executed, static: all.static + n.static, cannot: all.cannot + n.cannot, unaccounted: all.unaccounted + n.unaccounted };
	}
	if (byRule.size) {
		lines.push('', `Commands named by the generated files: ${all.executed} executed, ${all.static} checked statically, ${all.cannot} cannot run here, ${all.unaccounted} unaccounted (count: status: how / why; example):`);
		for (const e of [...byRule.values()].sort((a, b) => a.status.localeCompare(b.status) || b.n - a.n)) lines.push(`  ${String(e.n).padStart(5)} x ${e.status}: ${e.why.slice(0, 220)}; e.g. ${e.example.slice(0, 90)}`);
	}
	const targets = [...new Set(report.results.map((r) => r.target))];
	if (byRule.size) {
		lines.push('', 'Per target (configurations: executed / static / cannot; then how each kind of command is handled):');
		for (const t of targets) {
			const rs = report.results.filter((r) => r.target === t && r.commandCounts);
			const sum = rs.reduce((a, r) => ({ e: a.e + r.commandCounts!.executed, s: a.s + r.commandCounts!.static, c: a.c + r.commandCounts!.cannot }), { e: 0, s: 0, c: 0 });
			lines.push(`  ${t} (${rs.length} configurations): ${sum.e} executed, ${sum.s} checked statically, ${sum.c} cannot run here`);
			const kinds = new Map<string, number>();
			for (const r of rs) for (const c of r.commands ?? []) {
				const k = `${c.status.padEnd(8)} ${c.rule ?? 'literal'}${c.status === 'cannot' ? `: ${c.why.slice(0, 110)}` : ''}`;
				kinds.set(k, (kinds.get(k) ?? 0) + 1);
			}
			for (const [k, n] of [...kinds].sort()) lines.push(`      ${String(n).padStart(5)} ${k}`);
		}
	}
	if (naReasons.size) {
		lines.push('', 'Not applicable (count: check: reason):');
		for (const [k, n] of [...naReasons].sort((a, b) => b[1] - a[1])) lines.push(`  ${n} x ${k}`);
	}
	if (fails.length) lines.push('', `Failures (${fails.length}):`, ...fails.slice(0, 400), ...(fails.length > 400 ? [`... and ${fails.length - 400} more in the JSON report`] : []));
	return lines.join('\n');
}

export function writeReport(report: MatrixReport, path = resolve('reports/matrix.json')): string {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, JSON.stringify(report, null, '\t') + '\n');
	return path;
}
