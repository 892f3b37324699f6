/**
 * Every deployment target in the registry (model/targets.ts) is proven: the
 * validation matrix (tests/validate/matrix.ts) has valid configurations for
 * it, the case builder (tests/support/cases.ts) makes cases for it, and every
 * file its generate() writes is claimed by a primary validator of
 * tests/validate/registry.ts. A target added to the registry without its
 * matrix cases or validators fails here.
 */
import { describe, expect, test } from 'vitest';
import { TARGET_REGISTRY, type DeploymentTarget } from '../../src/lib/generators/targets/index.ts';
import type { Config } from '../../src/lib/model/config.ts';
import { targetOf } from '../../src/lib/model/targets.ts';
import { deployMatrix, dockerCases, targetCases } from '../support/cases.ts';
import { fullMatrix } from '../validate/matrix.ts';
import { unclaimedFiles } from '../validate/registry.ts';

interface Sweep {
	matrix: readonly { config: Config; invalid: readonly string[] }[];
	cases: readonly { config: Config }[];
}

/** What is missing for each target: no valid matrix entry, no case, files nobody validates. */
function coverageProblems(targets: readonly DeploymentTarget[], sweep: Sweep): string[] {
	const problems: string[] = [];
	for (const t of targets) {
		const valid = sweep.matrix.filter((e) => e.invalid.length === 0 && targetOf(e.config)?.id === t.id);
		if (!valid.length) problems.push(`${t.id}: no valid configuration in the validation matrix`);
		if (!sweep.cases.some((c) => targetOf(c.config)?.id === t.id)) problems.push(`${t.id}: no case in tests/support/cases.ts`);
		if (!targetCases().some((c) => c.target.id === t.id)) problems.push(`${t.id}: no target case (CASE_TWEAKS)`);
		const files = valid.flatMap((e) => t.generate(e.config));
		if (valid.length && !files.length) problems.push(`${t.id}: its generate() writes no file for any matrix configuration`);
		for (const path of new Set(unclaimedFiles(files))) problems.push(`${t.id}: ${path} has no primary validator`);
	}
	return problems;
}

const sweep: Sweep = { matrix: fullMatrix(), cases: [...deployMatrix(), ...dockerCases()] };

describe('target coverage', () => {
	test('every registry target has valid matrix entries, cases and validators for all its files', () => {
		expect(TARGET_REGISTRY.map((t) => t.id)).toEqual(['docker', 'kubernetes', 'aws-lambda', 'cloud-run', 'bare-metal']);
		expect(coverageProblems(TARGET_REGISTRY, sweep)).toEqual([]);
	});

	test('a target the matrix and the validators do not know is reported', () => {
		const base = TARGET_REGISTRY.find((t) => t.id === 'bare-metal')!;
		// A made-up target: chosen by nothing in the matrix, writing a file no validator claims.
		const fake: DeploymentTarget = {
			...base,
			id: 'fake' as DeploymentTarget['id'],
			applies: () => false,
			generate: () => [{ path: 'deploy/fake/unknown.xyz', content: 'x\n' }]
		};
		const problems = coverageProblems([fake], sweep);
		expect(problems).toContain('fake: no valid configuration in the validation matrix');
		expect(problems).toContain('fake: no case in tests/support/cases.ts');
		expect(problems).toContain('fake: no target case (CASE_TWEAKS)');
		// Files nobody validates are reported too (here from a matrix entry the fake target would claim).
		const claimed = coverageProblems([{ ...fake, id: base.id }], sweep);
		expect(claimed).toContain('bare-metal: deploy/fake/unknown.xyz has no primary validator');
	});
});
