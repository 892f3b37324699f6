/**
 * The validator registry: every generated file kind maps to a real checker.
 *
 * A validator claims files by path (and, for YAML that could be anything, by
 * content). Validators are `primary` (they know the file's kind: Dockerfile,
 * compose, Kubernetes...) or `secondary` (syntax of a format: YAML, TOML). A
 * generated file that no primary validator claims FAILS the run, so no new
 * output slips in unchecked: add a validator to validators/ and list it in
 * VALIDATORS below.
 *
 * Results are cached by content: a validator's result depends only on the
 * files it claims, the files it declares it reads, and (when `usesConfig`)
 * the Config.
 */
import type { ReadonlyConfig } from '../../src/lib/model/config.ts';
import type { GeneratedFile } from '../../src/lib/generators/types.ts';
import { hashFiles, ToolchainMissing } from './root.ts';

/** One problem found in one file. */
export interface Finding {
	file: string;
	line?: number;
	/** The real tool that found it, e.g. `shellcheck`, `docker-compose config`. */
	tool: string;
	message: string;
	/** True when the check could not run because the chroot is not built. */
	toolchainMissing?: boolean;
}

/** The whole generated file set, as validators see it. */
export interface FileSet {
	readonly files: readonly GeneratedFile[];
	readonly byPath: ReadonlyMap<string, GeneratedFile>;
	/** The config the files came from; absent in self-tests of config-free validators. */
	readonly config?: ReadonlyConfig;
}

export interface Validator {
	/** Column name in the report, e.g. `dockerfile`. */
	id: string;
	/** What it checks and with which tool, for the report. */
	tool: string;
	/** `primary` validators count as covering a file; `secondary` ones only add checks. */
	role: 'primary' | 'secondary';
	/** Whether it runs in the Debian toolchain root. */
	chroot: boolean;
	/** Does this validator check this file? */
	match(path: string, content: string): boolean;
	/** Paths of other files its result depends on (for the cache key), e.g. `.env.example` for compose. */
	reads?(set: FileSet): string[];
	/** Whether its result depends on the Config too. */
	usesConfig?: boolean;
	/** Check the claimed files (all at once, so chroot tools run once per set). */
	check(claimed: readonly GeneratedFile[], set: FileSet): Promise<Finding[]>;
}

/** What one validator concluded about one file set. */
export interface ValidatorResult {
	id: string;
	files: string[];
	findings: Finding[];
	/** True when it claimed no file (shown as n/a). */
	notApplicable: boolean;
	/** True when the result came from the cache. */
	cached: boolean;
	ms: number;
}

export interface FileSetReport {
	results: ValidatorResult[];
	/** Files no primary validator claimed: each also appears as a finding of the `coverage` result. */
	unclaimed: string[];
	findings: Finding[];
	ok: boolean;
}

import { VALIDATORS } from './validators/index.ts';
export { VALIDATORS };

export function makeFileSet(files: readonly GeneratedFile[], config?: ReadonlyConfig): FileSet {
	return { files, byPath: new Map(files.map((f) => [f.path, f])), config };
}

const cache = new Map<string, Promise<Finding[]>>();

/** Runs one validator on a set (cached by content). Errors become findings, never passes. */
export async function runValidator(v: Validator, set: FileSet): Promise<ValidatorResult> {
	const claimed = set.files.filter((f) => v.match(f.path, f.content));
	const t0 = Date.now();
	if (claimed.length === 0) return { id: v.id, files: [], findings: [], notApplicable: true, cached: false, ms: 0 };
	const extra = (v.reads?.(set) ?? []).map((p) => set.byPath.get(p)).filter((f): f is GeneratedFile => !!f);
	const key = [
		v.id,
		hashFiles(claimed),
		hashFiles(extra),
		v.usesConfig ? JSON.stringify(set.config ?? null) : ''
	].join(':');
	let cached = true;
	let p = cache.get(key);
	if (!p) {
		cached = false;
		p = v.check(claimed, set).catch((err: unknown): Finding[] => [
			{
				file: claimed[0].path,
				tool: v.id,
				message: err instanceof ToolchainMissing ? err.message : `validator crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
				toolchainMissing: err instanceof ToolchainMissing
			}
		]);
		cache.set(key, p);
	}
	const findings = await p;
	return { id: v.id, files: claimed.map((f) => f.path), findings, notApplicable: false, cached, ms: Date.now() - t0 };
}

/** Files that no primary validator claims. */
export function unclaimedFiles(files: readonly GeneratedFile[], validators: readonly Validator[] = VALIDATORS): string[] {
	return files
		.filter((f) => !validators.some((v) => v.role === 'primary' && v.match(f.path, f.content)))
		.map((f) => f.path);
}

/**
 * Validates a whole generated file set with every registered validator.
 * `ok` is false when any validator reports a finding or any file is unclaimed.
 */
export async function validateFileSet(
	files: readonly GeneratedFile[],
	config?: ReadonlyConfig,
	validators: readonly Validator[] = VALIDATORS
): Promise<FileSetReport> {
	const set = makeFileSet(files, config);
	const results = await Promise.all(validators.map((v) => runValidator(v, set)));
	const unclaimed = unclaimedFiles(files, validators);
	const coverage: ValidatorResult = {
		id: 'coverage',
		files: files.map((f) => f.path),
		findings: unclaimed.map((file) => ({
			file,
			tool: 'registry',
			message: `no validator for this file kind: add one under tests/validate/validators/ and list it in validators/index.ts`
		})),
		notApplicable: false,
		cached: false,
		ms: 0
	};
	results.unshift(coverage);
	const findings = results.flatMap((r) => r.findings);
	return { results, unclaimed, findings, ok: findings.length === 0 };
}

/** `file:line: [tool] message` lines, for failure messages. */
export function formatFindings(findings: readonly Finding[]): string {
	return findings.map((f) => `${f.file}${f.line ? `:${f.line}` : ''}: [${f.tool}] ${f.message}`).join('\n');
}
