/**
 * Issue 19's property (fast-check, fixed seed): for random configurations (a
 * recorded one and a new one) and random user edits to lines Slipway does not
 * change, planUpdate keeps every user edit and yields the new generated
 * content everywhere else, with no conflict.
 *
 * "Lines Slipway does not change": lines of the recorded generation that the
 * new one keeps, with their neighbours kept too. An edit right next to a line
 * Slipway changes is a conflict by design (git merge and diff3 treat touching
 * changes the same way; cli-update.test.ts and update.test.ts test conflicts).
 *
 * `SLIPWAY_PROPERTY_RUNS` sets the number of cases (default 60).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import { diffComm } from 'node-diff3';
import { generate } from '../../src/lib/generators/index.ts';
import { BASE_IMAGES, K8S_EXPOSURES, PIP_WORKFLOWS, POETRY_LAYOUTS, PYTHON_VERSIONS, SERVERLESS_PROVIDERS, TARGETS, type Config } from '../../src/lib/model/config.ts';
import { BACKENDS_FOR } from '../../src/lib/model/defaults.ts';
import { PRESETS, presetById } from '../../src/lib/model/presets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import { planUpdate, readRecorded } from '../../src/lib/update/index.ts';

const RUNS = Number(process.env.SLIPWAY_PROPERTY_RUNS ?? 60);
const SEED = Number(process.env.SLIPWAY_PROPERTY_SEED ?? 20261201);

/** The settings a user switches between generations (each drawn independently). */
const settings = fc.record({
	managerBackend: fc.constantFrom(...(Object.entries(BACKENDS_FOR) as [Config['packaging']['manager'], readonly Config['packaging']['backend'][]][]).flatMap(([m, bs]) => bs.map((b) => [m, b] as const))),
	poetryLayout: fc.constantFrom(...POETRY_LAYOUTS),
	pipWorkflow: fc.constantFrom(...PIP_WORKFLOWS),
	target: fc.constantFrom(...TARGETS),
	provider: fc.constantFrom(...SERVERLESS_PROVIDERS),
	postgres: fc.boolean(),
	redis: fc.boolean(),
	python: fc.constantFrom(...PYTHON_VERSIONS),
	baseImage: fc.constantFrom(...BASE_IMAGES),
	exposure: fc.constantFrom(...K8S_EXPOSURES),
	replicas: fc.integer({ min: 1, max: 5 }),
	cooldown: fc.constantFrom(0, 3, 7)
});
type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never;

function configOf(preset: string, s: Settings): Config {
	const c = presetById(preset)!.config();
	c.packaging = { ...c.packaging, manager: s.managerBackend[0], backend: s.managerBackend[1], poetryLayout: s.poetryLayout, pipWorkflow: s.pipWorkflow, releaseCooldownDays: s.cooldown };
	c.target = s.target;
	c.serverless = { ...c.serverless, provider: s.provider };
	c.services = { postgres: s.postgres, redis: s.redis, sqlalchemy: false, celery: false };
	c.project = { ...c.project, pythonVersion: s.python };
	c.docker = { ...c.docker, baseImage: s.baseImage };
	c.kubernetes = { ...c.kubernetes, exposure: s.exposure, replicas: s.replicas };
	return c;
}

const lines = (t: string) => (t === '' ? [] : t.split(/(?<=\n)/));

/** Base line index -> ours line index of the lines two texts share, from a list of common / changed runs. */
function pairs(runs: { common: number; base: number; ours: number }[]): Map<number, number> {
	const map = new Map<number, number>();
	let i = 0;
	let j = 0;
	for (const r of runs) {
		for (let k = 0; k < r.common; k++) map.set(i++, j++);
		i += r.base;
		j += r.ours;
	}
	return map;
}

/**
 * The lines Slipway keeps, and which base lines are "safe" to edit: kept, with
 * both neighbours kept and adjacent in ours too, in BOTH jsdiff's alignment
 * (diffArrays) and node-diff3's (diffComm, the LCS its merge uses), and with
 * neighbours that occur once in base and once in ours. A line-based merge
 * (diff3, git merge) aligns repeated lines (blank lines, "fi", "---") by a
 * longest common subsequence, which is ambiguous: next to a repeated line, an
 * edit beside a change Slipway makes may be placed in the change and conflict.
 * Edits there are left to the example-based tests; here the edit's context
 * pins it down.
 */
function alignment(base: string[], ours: string[]): { map: Map<number, number>; safe: number[] } {
	const js = pairs(diffArrays(base, ours).map((p) => ({ common: p.added || p.removed ? 0 : p.value.length, base: p.removed ? p.value.length : 0, ours: p.added ? p.value.length : 0 })));
	const d3 = pairs(diffComm(base, ours).map((r) => ({ common: r.common?.length ?? 0, base: r.buffer1?.length ?? 0, ours: r.buffer2?.length ?? 0 })));
	const kept = (map: Map<number, number>, a: number, b: number) => (a < 0 ? b < 0 : a >= base.length ? b >= ours.length : map.get(a) === b);
	const count = (ls: string[]) => ls.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
	const inBase = count(base);
	const inOurs = count(ours);
	const unique = (a: number) => a < 0 || a >= base.length || (inBase.get(base[a]) === 1 && inOurs.get(base[a]) === 1);
	const safe: number[] = [];
	for (const [a, b] of js)
		if (unique(a - 1) && unique(a + 1) && [js, d3].every((m) => kept(m, a, b) && kept(m, a - 1, b - 1) && kept(m, a + 1, b + 1))) safe.push(a);
	return { map: js, safe };
}

/** A user edit: replace a safe line, or insert a line after one (before the next kept line). */
const edit = fc.record({ pick: fc.nat(), kind: fc.constantFrom('replace', 'insert'), tag: fc.stringMatching(/^[a-z]{1,8}$/) });

describe('issue 19: update keeps every user edit to lines Slipway does not change', () => {
	it(`random configurations x random edits (${RUNS} runs, seed ${SEED})`, () => {
		let edited = 0;
		let mergedFiles = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(...PRESETS.map((p) => p.id)),
				settings,
				settings,
				fc.uniqueArray(fc.nat(40), { minLength: 1, maxLength: 6 }), // which files get edits (indices into the shared ones)
				fc.array(edit, { minLength: 1, maxLength: 4 }),
				(preset, s1, s2, fileNos, edits) => {
					const before = configOf(preset, s1);
					const after = configOf(preset, s2);
					fc.pre(validateConfig(before).length === 0 && validateConfig(after).length === 0);
					const baseFiles = generate(before);
					const oursFiles = new Map(generate(after).map((f) => [f.path, f]));
					const rec = readRecorded(baseFiles.find((f) => f.path === 'slipway.json')!.content);
					if (!rec.ok) throw new Error(rec.message);
					const theirs = new Map(baseFiles.map((f) => [f.path, f.content]));
					/** path -> the file Slipway's new generation gives once the user's edits are carried over. */
					const expected = new Map<string, string>();
					const shared = baseFiles.filter((f) => f.path !== 'slipway.json' && oursFiles.has(f.path));
					for (const no of fileNos) {
						const f = shared[no % shared.length];
						if (!f || expected.has(f.path)) continue;
						const b = lines(f.content);
						const o = lines(oursFiles.get(f.path)!.content);
						const { map, safe } = alignment(b, o);
						if (!safe.length) continue;
						const t = [...b];
						const e = [...o];
						// Apply from the bottom up, one edit per line, so indices stay valid.
						const chosen = [...new Map(edits.map((x) => [safe[x.pick % safe.length], x])).entries()].sort((x, y) => y[0] - x[0]);
						for (const [at, x] of chosen) {
							const last = !b[at].endsWith('\n'); // a last line without a newline has no insertion point after it
							const mine = `user edit ${x.tag} ${at}`;
							if (x.kind === 'replace' || last) {
								t[at] = mine + (last ? '' : '\n');
								e[map.get(at)!] = t[at];
							} else {
								t.splice(at + 1, 0, mine + '\n');
								e.splice(map.get(at)! + 1, 0, mine + '\n');
							}
						}
						theirs.set(f.path, t.join(''));
						expected.set(f.path, e.join(''));
						edited += chosen.length;
					}
					fc.pre(expected.size > 0);
					const plan = planUpdate({ theirs, recorded: rec.recorded, next: after });
					expect(plan.problems).toEqual([]);
					for (const p of plan.files) {
						expect(p.status, p.path).not.toBe('conflict');
						const want = expected.get(p.path) ?? oursFiles.get(p.path)?.content ?? null;
						expect(p.result, `${p.path} (${p.status})`).toBe(want);
						if (expected.has(p.path) && p.status === 'merged') mergedFiles++;
					}
					expect(new Set(plan.files.map((f) => f.path))).toEqual(new Set([...oursFiles.keys(), ...baseFiles.map((f) => f.path)]));
				}
			),
			{ numRuns: RUNS, seed: SEED }
		);
		// The cases must have exercised something: edits were made, and some files needed a real merge.
		expect(edited).toBeGreaterThan(RUNS);
		expect(mergedFiles).toBeGreaterThan(0);
	}, 30_000 + RUNS * 400); // four generate() calls per case, on a shared machine
});
