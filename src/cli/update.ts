/**
 * `slipway diff [DIR]` and `slipway update [DIR]` (issue 19): compare a
 * project with what Slipway generates, and update it by a three-way merge
 * that keeps the user's edits. The merging is src/lib/update (shared with the
 * browser); this file reads the project, checks git, and writes.
 *
 * Exit status (as diff(1) and `git diff --exit-code`): 0 no difference / a
 * clean update, 1 differences / conflicts marked, 2 an error (nothing written).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { generate } from '../lib/generators/index.ts';
import { importPyproject } from '../lib/import/index.ts';
import type { Config } from '../lib/model/config.ts';
import { presetById } from '../lib/model/presets.ts';
import { validationWarnings } from '../lib/model/validate.ts';
import { diffProject, pathsToRead, planUpdate, readRecorded, SLIPWAY_JSON, unifiedPatch, type PlannedFile, type RecordedProject } from '../lib/update/index.ts';
import { parseFlags, resolveConfig, resolveOver, str, UsageError, type Flags, type Io } from './main.ts';

/** Largest slipway.json / pyproject.toml read (bytes). */
const MAX_RECORD_BYTES = 1_048_576;

export const DIFF_HELP = `Usage: slipway diff [DIR] [--preset NAME] [--manager M] [--target T] [--provider P]
                    [--config FILE.json|JSON]

Print, as a unified diff in git's format, what would change from the files in
DIR (default: the current directory) to the ones Slipway generates. Only the
files Slipway generates are compared; a missing one shows as an addition. The
patch applies with "git apply" in DIR.

The configuration is DIR/slipway.json (else the one imported from
DIR/pyproject.toml), then --config and the flags over it; with --preset, the
preset's instead, as "slipway generate" does.

Options: --preset, --manager, --target, --provider, --config as for "slipway generate".

Exit status: 0 no difference, 1 differences, 2 an error (with a message).
`;

export const UPDATE_HELP = `Usage: slipway update [DIR] [--manager M] [--target T] [--provider P]
                      [--config FILE.json|JSON] [--dry-run] [--force]

Update the project in DIR (default: the current directory) to a new
configuration, the one in DIR/slipway.json with --config and the flags over it,
keeping your edits. For each file Slipway generates there are three versions:
base (generated from the recorded configuration), yours, and ours (generated
from the new one). slipway.json records a hash of each file as generated: a
file you never edited is replaced; one you edited is merged line by line.

  - Where you and Slipway changed the same lines, the file gets git-style
    conflict markers (<<<<<<< yours, =======, >>>>>>> slipway); the files are
    listed on stderr and the exit status is 1.
  - A file you deleted stays deleted, and is reported.
  - slipway.json is rewritten with the new configuration and hashes.
  - Without slipway.json, the configuration is imported from pyproject.toml,
    and every file you have is treated as edited (merged, never replaced).

In a git work tree with uncommitted changes the update refuses to run unless
--force is given: with a clean tree, "git diff" shows exactly what the update
did and "git checkout ." undoes it; on a dirty one your uncommitted work and
the update's changes would be mixed in the same files.

Options:
  --manager, --target, --provider, --config   as for "slipway generate"
  --dry-run   print what would change (and the patch); write nothing
  --force     run even though the git work tree has uncommitted changes
  -h, --help  show this help

Exit status: 0 updated cleanly (or nothing to do), 1 conflicts marked,
2 an error (with a message; nothing written).
`;

/** An error of diff/update: a message, exit 2, no usage hint (the input, not the flags, is wrong). */
const inputError = (message: string) => new UsageError(message, [], false);

function projectDir(flags: Flags, cwd: string): { dir: string; label: string } {
	const label = str(flags, '') ?? '.';
	const dir = resolve(cwd, label);
	if (!existsSync(dir)) throw inputError(`${label}: no such directory`);
	if (!statSync(dir).isDirectory()) throw inputError(`${label}: not a directory`);
	return { dir, label };
}

function readSmall(path: string, label: string): string {
	const st = statSync(path);
	if (!st.isFile()) throw inputError(`${label}: not a file`);
	if (st.size > MAX_RECORD_BYTES) throw inputError(`${label}: ${st.size} bytes is too large (at most ${MAX_RECORD_BYTES})`);
	const bytes = readFileSync(path);
	if (bytes.includes(0)) throw inputError(`${label}: not a text file`);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw inputError(`${label}: not a text file (not valid UTF-8)`);
	}
}

/**
 * What the project records: its slipway.json, else the configuration imported
 * from its pyproject.toml (no hashes: every file is possibly edited). Refuses
 * a directory with neither, and a slipway.json from a newer Slipway.
 */
function readProject(dir: string, label: string, io: Io): { recorded: RecordedProject; source: string } {
	const sj = join(dir, SLIPWAY_JSON);
	const py = join(dir, 'pyproject.toml');
	const name = (f: string) => (label === '.' ? f : join(label, f));
	if (existsSync(sj)) {
		const read = readRecorded(readSmall(sj, name(SLIPWAY_JSON)));
		if (!read.ok) throw new UsageError(read.message.replace(/^slipway\.json/, name(SLIPWAY_JSON)), read.errors ?? [], false);
		return { recorded: read.recorded, source: name(SLIPWAY_JSON) };
	}
	if (existsSync(py)) {
		const imported = importPyproject(readSmall(py, name('pyproject.toml')), presetById('fastapi-service')!.config());
		if (!imported.ok) throw new UsageError(`${name('pyproject.toml')}: ${imported.message}`, imported.errors ?? [], false);
		for (const i of imported.report.ignored) io.stderr(`slipway: note: ${name('pyproject.toml')}: not imported: ${i}\n`);
		return { recorded: { config: imported.config, hashes: null, imported: true }, source: `${name('pyproject.toml')} (imported; no slipway.json)` };
	}
	throw inputError(`${label}: neither slipway.json nor pyproject.toml is there, so there is no project to compare with; run it in a project Slipway generated (or one with a pyproject.toml), or pass --preset/--config to "slipway diff"`);
}

/**
 * The user's files at the given paths: bytes, or null where there is none. A
 * directory or a symbolic link at a generated path is refused (exit 2): Slipway
 * neither merges into nor writes through them.
 */
function readTheirs(dir: string, paths: readonly string[]): Map<string, Uint8Array | null> {
	const out = new Map<string, Uint8Array | null>();
	for (const p of paths) {
		const full = join(dir, p);
		let st;
		try {
			st = lstatSync(full);
		} catch {
			out.set(p, null);
			continue;
		}
		if (st.isSymbolicLink()) throw inputError(`${p} is a symbolic link; Slipway does not compare or write through links`);
		if (!st.isFile()) throw inputError(`${p} is not a regular file (Slipway generates a file there)`);
		out.set(p, new Uint8Array(readFileSync(full)));
	}
	return out;
}

function warn(config: Config, io: Io): void {
	for (const w of validationWarnings(config)) io.stderr(`slipway: warning: ${w.path}: ${w.message}\n`);
}

export function cmdDiff(args: string[], io: Io): number {
	const flags = parseFlags(args, { help: 'bool', preset: 'value', manager: 'value', target: 'value', provider: 'value', config: 'value' }, true);
	if (flags.has('help')) {
		io.stdout(DIFF_HELP);
		return 0;
	}
	const { dir, label } = projectDir(flags, io.cwd);
	const config = flags.has('preset') || (!existsSync(join(dir, SLIPWAY_JSON)) && flags.has('config')) ? resolveConfig(flags, io.cwd) : fromProject(dir, label, flags, io);
	warn(config, io);
	const generated = generate(config);
	const result = diffProject(readTheirs(dir, generated.map((f) => f.path)), generated);
	if (result.problems.length) throw inputError(`cannot compare: ${result.problems.map((p) => p.message).join('; ')}`);
	io.stdout(result.patch);
	return result.patch === '' ? 0 : 1;
}

/** The project's recorded configuration with --config and the flags over it. */
function fromProject(dir: string, label: string, flags: Flags, io: Io): Config {
	const { recorded, source } = readProject(dir, label, io);
	return resolveOver(recorded.config, source, flags, io.cwd);
}

/** Paths (relative to DIR) with uncommitted changes in DIR's git work tree, or null when DIR is not in one (or git is missing). */
function gitDirty(dir: string, touched: ReadonlySet<string>): string[] | null {
	const git = (args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
	let inside: string;
	try {
		inside = git(['rev-parse', '--is-inside-work-tree']).trim();
	} catch {
		return null;
	}
	if (inside !== 'true') return null;
	// -z: NUL-separated "XY path" entries (renames add the source as the next entry); paths relative to DIR with relative=…
	const out = git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
	const top = git(['rev-parse', '--show-toplevel']).trim();
	const entries = out.split('\0').filter(Boolean);
	const dirty: string[] = [];
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i];
		const xy = e.slice(0, 2);
		const rel = relative(dir, join(top, e.slice(3))).split(sep).join('/');
		if (xy[0] === 'R' || xy[0] === 'C') i++; // the rename's source follows
		// Tracked changes anywhere under DIR count; an untracked file only where the update writes or deletes.
		if (xy === '??' && !touched.has(rel)) continue;
		dirty.push(rel);
	}
	return dirty;
}

const STATUS_LABEL: Record<PlannedFile['status'], string> = {
	unchanged: 'unchanged',
	'changed-by-you': 'kept (yours)',
	'changed-by-slipway': 'updated',
	merged: 'merged',
	conflict: 'CONFLICT',
	new: 'added',
	'removed-by-you': 'deleted by you'
};

export function cmdUpdate(args: string[], io: Io): number {
	const flags = parseFlags(args, { help: 'bool', manager: 'value', target: 'value', provider: 'value', config: 'value', 'dry-run': 'bool', force: 'bool' }, true);
	if (flags.has('help')) {
		io.stdout(UPDATE_HELP);
		return 0;
	}
	const dryRun = flags.has('dry-run');
	const { dir, label } = projectDir(flags, io.cwd);
	const { recorded, source } = readProject(dir, label, io);
	const next = resolveOver(recorded.config, source, flags, io.cwd);
	warn(next, io);
	const theirs = readTheirs(dir, pathsToRead(recorded, next));
	const plan = planUpdate({ theirs, recorded, next });
	if (plan.problems.length) throw inputError(`nothing was written: ${plan.problems.map((p) => p.message).join('; ')}`);

	const touched = plan.files.filter((f) => f.action !== 'none');
	if (!dryRun && touched.length && !flags.has('force')) {
		const dirty = gitDirty(dir, new Set(touched.map((f) => f.path)));
		if (dirty && dirty.length)
			throw new UsageError(
				`the git work tree has uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}); nothing was written. ` +
					`Commit or stash them first, so that "git diff" shows exactly what the update changes and "git checkout ." undoes it; ` +
					`or run again with --force to update anyway`,
				[],
				false
			);
	}

	if (!dryRun) {
		for (const f of touched) {
			const full = join(dir, f.path);
			if (f.action === 'delete') {
				unlinkSync(full);
				continue;
			}
			mkdirSync(dirname(full), { recursive: true });
			const tmp = `${full}.slipway-tmp-${process.pid}`;
			try {
				writeFileSync(tmp, f.result!);
				const mode = f.theirs !== null ? statSync(full).mode & 0o7777 : (f.mode ?? 0o644);
				chmodSync(tmp, mode);
				renameSync(tmp, full);
			} catch (e) {
				rmSync(tmp, { force: true });
				throw e;
			}
		}
	}

	const shown = plan.files.filter((f) => f.status !== 'unchanged');
	const width = Math.max(0, ...shown.map((f) => STATUS_LABEL[f.status].length));
	const verb = dryRun ? 'Would update' : 'Updated';
	io.stdout(
		touched.length
			? `${verb} ${label} (${touched.length} file${touched.length === 1 ? '' : 's'}) from ${source}:\n${shown.map((f) => `  ${STATUS_LABEL[f.status].padEnd(width)}  ${f.path}`).join('\n')}\n`
			: `${label} is up to date: nothing to change.\n${shown.map((f) => `  ${STATUS_LABEL[f.status].padEnd(width)}  ${f.path}`).join('\n')}${shown.length ? '\n' : ''}`
	);
	if (dryRun && touched.length) io.stdout(`\n${unifiedPatch(plan)}`);
	for (const f of plan.files.filter((x) => x.status === 'removed-by-you' && x.ours !== null))
		io.stderr(`slipway: ${f.path}: you deleted it; it stays deleted (Slipway would generate it)\n`);
	const conflicts = plan.files.filter((f) => f.status === 'conflict');
	for (const f of conflicts) io.stderr(`slipway: CONFLICT ${f.path}: ${f.note}\n`);
	if (conflicts.length)
		io.stderr(`slipway: ${conflicts.length} file(s) ${dryRun ? 'would have' : 'have'} conflicts; ${dryRun ? '' : 'resolve the marked lines (<<<<<<< yours … ======= … >>>>>>> slipway), then commit'}\n`.replace('; \n', '\n'));
	return conflicts.length ? 1 : 0;
}
