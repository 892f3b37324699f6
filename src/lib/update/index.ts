/**
 * Bring Slipway to a project that exists (issue 19): compare the user's files
 * with what Slipway generates, and update them by a three-way merge that keeps
 * the user's edits.
 *
 * Pure: no Node APIs, no DOM, no clock. The CLI (`slipway diff`, `slipway
 * update`) and the browser's "Compare with my project" both call it; the page
 * must load it with import() (it pulls in jsdiff and node-diff3), never in the
 * first load.
 *
 * The three versions of a file:
 *  - base:   generated from the configuration recorded in slipway.json;
 *  - theirs: the user's file;
 *  - ours:   generated from the new configuration.
 * slipway.json also records the content hash of each file as generated: a file
 * whose hash still matches was never edited and is replaced outright; an edited
 * one is merged line by line (node-diff3), conflicts marked git-style.
 */
import { diffLines, formatPatch, structuredPatch, type StructuredPatch } from 'diff';
import { diff3Merge } from 'node-diff3';
import { generate, type GeneratedFile } from '../generators/index.ts';
import { FILE_HASH_PATTERN, fileHash } from '../generators/file-hash.ts';
import { SLIPWAY_JSON } from '../generators/slipway-json.ts';
import type { Config } from '../model/config.ts';
import { parseAndValidate, type FieldError } from '../model/validate.ts';
import { unwrapConfigFile } from '../share/codec.ts';

export { SLIPWAY_JSON } from '../generators/slipway-json.ts';
export { fileHash } from '../generators/file-hash.ts';

/** Largest user file compared or merged (bytes, or characters for a string). */
export const MAX_FILE_BYTES = 2_000_000;

/** The marker lines written around a conflict (git's merge style, labels "yours" and "slipway"). */
export const CONFLICT_MARKERS = { start: '<<<<<<< yours', middle: '=======', end: '>>>>>>> slipway' } as const;

/**
 * What slipway.json records about a project: the configuration it was
 * generated with, and the content hash (`sha256:<hex>`) of each file as
 * generated, by path. `hashes` is null for a slipway.json written before
 * hashes were recorded (or a project imported from pyproject.toml): every file
 * is then treated as possibly edited and merged three ways against base.
 */
export interface RecordedProject {
	config: Config;
	hashes: ReadonlyMap<string, string> | null;
	/**
	 * The configuration was imported (from pyproject.toml), not read from a
	 * slipway.json: Slipway never generated the project's files, so a file it
	 * would generate and the project lacks is new, not "removed by you".
	 */
	imported?: boolean;
}

/** Result of {@link readRecorded}. `newer`: the file comes from a newer Slipway and is refused. */
export type ReadRecordedResult = { ok: true; recorded: RecordedProject } | { ok: false; message: string; newer?: boolean; errors?: FieldError[] };

/**
 * Parse the text of a project's slipway.json into a {@link RecordedProject}.
 * Never throws: bad JSON, a file from a newer Slipway (format version above
 * this one's), a malformed hash record or an invalid configuration each give a
 * message. A file without hashes (older Slipway) reads with `hashes: null`.
 */
export function readRecorded(text: string): ReadRecordedResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return { ok: false, message: `slipway.json is not valid JSON (${(e as Error).message})` };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data) || !('slipway' in data))
		return { ok: false, message: 'slipway.json is not a Slipway project file (no "slipway" format version)' };
	const unwrapped = unwrapConfigFile(data);
	if ('error' in unwrapped) return { ok: false, message: `slipway.json: ${unwrapped.error}`, ...(unwrapped.newer ? { newer: true } : {}) };
	let hashes: Map<string, string> | null = null;
	if (unwrapped.files !== undefined) {
		const files = unwrapped.files;
		if (typeof files !== 'object' || files === null || Array.isArray(files)) return { ok: false, message: 'slipway.json: "files" must be an object of path: "sha256:<hex>"' };
		hashes = new Map();
		for (const [path, hash] of Object.entries(files as Record<string, unknown>)) {
			if (typeof hash !== 'string' || !FILE_HASH_PATTERN.test(hash))
				return { ok: false, message: `slipway.json: "files"."${path}" must be "sha256:" and 64 hex digits, not ${JSON.stringify(hash)}` };
			hashes.set(path, hash);
		}
	}
	const read = parseAndValidate(unwrapped.config);
	if (!read.ok) return { ok: false, message: 'slipway.json holds a configuration Slipway cannot use:', errors: read.errors };
	return { ok: true, recorded: { config: read.config, hashes } };
}

/**
 * A file's state in an {@link UpdatePlan}:
 *  - unchanged:          the user's file is already what Slipway generates now;
 *  - changed-by-you:     the user edited it and Slipway's output did not change: kept as is;
 *  - changed-by-slipway: the user never edited it (hash matches) and Slipway's output changed:
 *                        replaced (or deleted, when Slipway no longer generates it);
 *  - merged:             both changed it, in different places: merged cleanly;
 *  - conflict:           both changed the same lines (markers in `result`), or the user edited a
 *                        file Slipway no longer generates (kept as is, `conflicts` 0);
 *  - new:                Slipway generates it and the project never had it: added;
 *  - removed-by-you:     the user deleted a file Slipway generated: it stays deleted.
 */
export type FileStatus = 'unchanged' | 'changed-by-you' | 'changed-by-slipway' | 'merged' | 'conflict' | 'new' | 'removed-by-you';

/** Every status, in the order a file list shows them. */
export const FILE_STATUSES: readonly FileStatus[] = ['conflict', 'merged', 'changed-by-slipway', 'new', 'changed-by-you', 'removed-by-you', 'unchanged'];

/** One generated path in an {@link UpdatePlan}. Texts are null where the file does not exist. */
export interface PlannedFile {
	path: string;
	status: FileStatus;
	/** Generated from the recorded configuration (null: not generated then, or nothing recorded). */
	base: string | null;
	/** The user's file. */
	theirs: string | null;
	/** Generated from the new configuration (null: Slipway no longer generates it). */
	ours: string | null;
	/** The file after the update (null: absent). Has conflict markers when `conflicts` > 0. */
	result: string | null;
	/** What applying the plan does to the user's file: write `result`, delete it, or nothing. */
	action: 'write' | 'delete' | 'none';
	/** Number of conflict regions marked in `result`. */
	conflicts: number;
	/** Unix mode of the generated file (ours, else base) when not 0644, e.g. 0o755 for a script. */
	mode?: number;
	/** One sentence saying why the file has its status, for lists and stderr. */
	note: string;
}

/** A user file that cannot be compared (not text, or too large). A plan with problems must not be applied. */
export interface PlanProblem {
	path: string;
	message: string;
}

/** The outcome of {@link planUpdate}: one entry per generated path, sorted by path. */
export interface UpdatePlan {
	files: PlannedFile[];
	/** Files that could not be read as text: report them and write nothing. */
	problems: PlanProblem[];
	/** The configuration the update generates (recorded in the new slipway.json). */
	next: Config;
	/** How many files have each status. */
	counts: Record<FileStatus, number>;
}

/** The user's files by path (`/` separators, relative to the project root): text, raw bytes, or null / absent for a missing file. */
export type ProjectFiles = ReadonlyMap<string, string | Uint8Array | null>;

/** Input of {@link planUpdate}. */
export interface PlanInput {
	/** The user's files; only the paths Slipway generates (see {@link pathsToRead}) matter. */
	theirs: ProjectFiles;
	/** The parsed slipway.json ({@link readRecorded}), or null when the project has none (then there is no base: two-way). */
	recorded: RecordedProject | null;
	/** The new configuration. */
	next: Config;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A user file as text, or why it cannot be compared. Text is valid UTF-8 with
 * no NUL character (what git also calls text), at most {@link MAX_FILE_BYTES}.
 */
export function decodeText(value: string | Uint8Array): { text: string } | { problem: string } {
	if (typeof value !== 'string') {
		if (value.length > MAX_FILE_BYTES) return { problem: `${value.length} bytes is too large to compare (at most ${MAX_FILE_BYTES})` };
		if (value.includes(0)) return { problem: 'is not a text file (it has NUL bytes); Slipway only compares and merges text' };
		try {
			return { text: utf8.decode(value) };
		} catch {
			return { problem: 'is not a text file (not valid UTF-8); Slipway only compares and merges text' };
		}
	}
	if (value.length > MAX_FILE_BYTES) return { problem: `${value.length} characters is too large to compare (at most ${MAX_FILE_BYTES})` };
	if (value.includes('\u0000')) return { problem: 'is not a text file (it has NUL bytes); Slipway only compares and merges text' };
	return { text: value };
}

/**
 * The paths whose user files a plan reads: every path Slipway generates from
 * the recorded or the new configuration, or recorded a hash for. Read these
 * (absent ones as null) before {@link planUpdate}.
 */
export function pathsToRead(recorded: RecordedProject | null, next: Config): string[] {
	const paths = new Set<string>(generate(next).map((f) => f.path));
	if (recorded) {
		for (const f of generate(recorded.config)) paths.add(f.path);
		for (const p of recorded.hashes?.keys() ?? []) paths.add(p);
	}
	return [...paths].sort();
}

/** Lines with their terminators; the last one may have none. */
function lines(text: string): string[] {
	return text === '' ? [] : text.split(/(?<=\n)/);
}

/** True when every line break of the text is CRLF (a Windows checkout). */
function isCrlf(text: string): boolean {
	const lf = (text.match(/\n/g) ?? []).length;
	return lf > 0 && (text.match(/\r\n/g) ?? []).length === lf;
}

interface Merged {
	text: string;
	conflicts: number;
}

/** Three-way merge by lines (node-diff3); conflicts get git-style markers, the user's side first. */
function merge3(theirs: string, base: string, ours: string, eol: string): Merged {
	const regions = diff3Merge(lines(theirs), lines(base), lines(ours), { excludeFalseConflicts: true });
	let text = '';
	let conflicts = 0;
	const side = (ls: string[]) => {
		const s = ls.join('');
		return s === '' || s.endsWith('\n') ? s : s + eol;
	};
	for (const r of regions) {
		if (r.ok) text += r.ok.join('');
		else if (r.conflict) {
			conflicts++;
			if (text !== '' && !text.endsWith('\n')) text += eol;
			text += `${CONFLICT_MARKERS.start}${eol}${side(r.conflict.a)}${CONFLICT_MARKERS.middle}${eol}${side(r.conflict.b)}${CONFLICT_MARKERS.end}${eol}`;
		}
	}
	return { text, conflicts };
}

/**
 * The lines two texts share (their longest common subsequence, by jsdiff's
 * diffLines): the stand-in base for a file with no recorded base. A three-way
 * merge over it keeps the lines only the user has, adds the lines only
 * Slipway has, and marks the places where the two differ as conflicts.
 */
function commonLines(a: string, b: string): string {
	return diffLines(a, b)
		.filter((c) => !c.added && !c.removed)
		.map((c) => c.value)
		.join('');
}

function emptyCounts(): Record<FileStatus, number> {
	return { unchanged: 0, 'changed-by-you': 0, 'changed-by-slipway': 0, merged: 0, conflict: 0, new: 0, 'removed-by-you': 0 };
}

/**
 * Plan the update of a project to a new configuration: for each generated
 * path, its base, theirs and ours texts, the merged result and a status
 * ({@link FileStatus}). Deterministic and side-effect free; applying it is the
 * caller's job (write each `result` whose `action` is 'write', delete where
 * 'delete'). Never throws on user input: a file that is not text is listed in
 * `problems` (and then nothing should be written).
 *
 * slipway.json itself is always replaced by the new one (new configuration
 * and hashes): the hashes are those of `ours`, so the next update sees a
 * file the user kept edited as edited, and merges it against this `ours`.
 */
export function planUpdate(input: PlanInput): UpdatePlan {
	return planGenerated(input, generate(input.next), input.recorded ? generate(input.recorded.config) : []);
}

/**
 * {@link planUpdate} for files already generated: `oursFiles` from `input.next`,
 * `baseFiles` from `input.recorded.config` ([] without a record). The browser
 * generates them in its worker, and importing only this (not planUpdate or
 * pathsToRead) keeps a second copy of the generators out of the page's chunks.
 */
export function planGenerated(input: PlanInput, oursFiles: readonly GeneratedFile[], baseFiles: readonly GeneratedFile[]): UpdatePlan {
	const { recorded, next } = input;
	const ours = new Map(oursFiles.map((f) => [f.path, f]));
	const base = new Map(baseFiles.map((f) => [f.path, f.content]));
	const baseModes = new Map(baseFiles.map((f) => [f.path, f.mode]));
	const hashes = recorded?.hashes ?? null;
	const paths = new Set<string>([...ours.keys(), ...base.keys(), ...(hashes?.keys() ?? [])]);
	const files: PlannedFile[] = [];
	const problems: PlanProblem[] = [];
	const counts = emptyCounts();

	for (const path of [...paths].sort()) {
		const raw = input.theirs.get(path) ?? null;
		let t: string | null = null;
		if (raw !== null) {
			const d = decodeText(raw);
			if ('problem' in d) {
				problems.push({ path, message: `${path} ${d.problem}` });
				continue;
			}
			t = d.text;
		}
		const o = ours.get(path)?.content ?? null;
		const b = base.get(path) ?? null;
		const mode = ours.get(path)?.mode ?? baseModes.get(path);
		const entry = decide(path, t, b, o, hashes, recorded !== null && !recorded.imported);
		files.push({ path, base: b, theirs: t, ours: o, ...entry, ...(mode ? { mode } : {}) });
		counts[entry.status]++;
	}
	return { files, problems, next, counts };
}

type Decision = Pick<PlannedFile, 'status' | 'result' | 'action' | 'conflicts' | 'note'>;

/** `generatedBefore`: the project's files come from Slipway (a slipway.json was read), so a missing one was deleted. */
function decide(path: string, t: string | null, b: string | null, o: string | null, hashes: ReadonlyMap<string, string> | null, generatedBefore: boolean): Decision {
	const keep = (status: FileStatus, note: string, conflicts = 0): Decision => ({ status, result: t, action: 'none', conflicts, note });
	const write = (status: FileStatus, result: string | null, note: string, conflicts = 0): Decision =>
		result === null ? { status, result, action: t === null ? 'none' : 'delete', conflicts, note } : { status, result, action: result === t ? 'none' : 'write', conflicts, note };
	const recordedHash = hashes?.get(path);
	const wasGenerated = hashes ? recordedHash !== undefined : b !== null;

	if (t === null) {
		if (o === null) return keep('removed-by-you', 'you deleted it, and Slipway no longer generates it');
		if (path === SLIPWAY_JSON) return write('new', o, 'Slipway\'s record of the configuration and file hashes: added');
		if (generatedBefore && wasGenerated) return keep('removed-by-you', 'you deleted it: it stays deleted (Slipway would write it)');
		return write('new', o, 'Slipway generates it and the project does not have it: added');
	}

	// slipway.json is Slipway's record, not the user's file: always the new one.
	if (path === SLIPWAY_JSON) {
		if (o === null) return keep('unchanged', 'kept');
		return t === o ? keep('unchanged', 'already up to date') : write('changed-by-slipway', o, 'rewritten with the new configuration and file hashes');
	}

	// A Windows checkout: compare and merge in the user's line ends, and write them back.
	const crlf = isCrlf(t);
	const eol = crlf ? '\r\n' : '\n';
	const adapt = (s: string | null) => (s !== null && crlf ? s.replace(/\r?\n/g, '\r\n') : s);
	const ob = adapt(b);
	const oo = adapt(o);

	if (t === oo) return keep('unchanged', 'already what Slipway generates');
	// Never edited: its hash is the recorded one (a CRLF checkout of it too); without a record, it equals base.
	const untouched = recordedHash !== undefined ? fileHash(t) === recordedHash || (crlf && fileHash(t.replace(/\r\n/g, '\n')) === recordedHash) : ob !== null && t === ob;
	if (untouched) {
		if (oo === null) return write('changed-by-slipway', null, 'you never edited it and Slipway no longer generates it: deleted');
		return write('changed-by-slipway', oo, 'you never edited it: replaced with the new version');
	}
	// Edited by the user (or, with no record, possibly edited).
	if (oo === null) return keep('conflict', 'you edited it and Slipway no longer generates it: kept as you have it; delete it if you do not need it');
	if (ob === null) {
		// No base (no slipway.json, or a file the recorded configuration did not generate): merge over the lines both share.
		const m = merge3(t, commonLines(t, oo), oo, eol);
		if (m.conflicts) return write('conflict', m.text, `no record of what Slipway generated before: ${m.conflicts} place(s) where your file and Slipway's differ are marked`, m.conflicts);
		return m.text === t ? keep('changed-by-you', 'your lines kept; nothing of Slipway\'s is missing') : write('merged', m.text, 'no record of what Slipway generated before: Slipway\'s lines added, yours kept');
	}
	if (ob === oo) return keep('changed-by-you', 'you edited it and Slipway\'s version did not change: kept');
	const m = merge3(t, ob, oo, eol);
	if (m.conflicts) return write('conflict', m.text, `you and Slipway changed the same lines: ${m.conflicts} conflict(s) marked`, m.conflicts);
	if (m.text === t) return keep('changed-by-you', 'Slipway\'s change is already in your file');
	return write('merged', m.text, 'your edits and Slipway\'s changes merged');
}

/** The git mode string of a Unix mode. */
const gitMode = (mode: number | undefined) => (mode !== undefined && (mode & 0o111) !== 0 ? '100755' : '100644');

/** One file's patch in git's format (applies with `git apply`); '' when the texts are equal. */
function filePatch(path: string, from: string | null, to: string | null, mode: number | undefined, context: number): string {
	if (from === to) return '';
	const p: StructuredPatch = structuredPatch(from === null ? '/dev/null' : `a/${path}`, to === null ? '/dev/null' : `b/${path}`, from ?? '', to ?? '', undefined, undefined, { context });
	p.isGit = true;
	if (from === null) {
		p.isCreate = true;
		p.newMode = gitMode(mode);
	}
	if (to === null) {
		p.isDelete = true;
		p.oldMode = gitMode(mode);
	}
	const text = formatPatch(p);
	return text.endsWith('\n') ? text : text + '\n';
}

/** Options of {@link unifiedPatch} and {@link diffProject}. */
export interface PatchOptions {
	/** Lines of context around each change (git's default: 3). */
	context?: number;
	/** unifiedPatch only: leave out files with conflicts (default: include them, markers and all, as `slipway update` writes them). */
	skipConflicts?: boolean;
}

/**
 * The plan as one patch in git's format, from the user's files to the
 * results: applies with `git apply` (or `patch -p1`) in the project. Files
 * left alone (`action` 'none') are not in it; a file with conflicts is, with
 * its markers, unless `skipConflicts`. A deleted file is a deletion, a new one
 * a creation with its mode.
 */
export function unifiedPatch(plan: UpdatePlan, options: PatchOptions = {}): string {
	const context = options.context ?? 3;
	let out = '';
	for (const f of plan.files) {
		if (f.action === 'none' || (options.skipConflicts && f.status === 'conflict')) continue;
		out += filePatch(f.path, f.theirs, f.action === 'delete' ? null : f.result, f.mode, context);
	}
	return out;
}

/** A generated file compared with the user's (for `slipway diff`). */
export interface DiffedFile {
	path: string;
	status: 'unchanged' | 'modified' | 'new';
	theirs: string | null;
	ours: string;
}

/** Outcome of {@link diffProject}. `patch` is '' exactly when every file is unchanged and there are no problems. */
export interface ProjectDiff {
	files: DiffedFile[];
	problems: PlanProblem[];
	/** From the user's files to the generated ones, in git's format (applies with `git apply`). */
	patch: string;
}

/**
 * Compare the user's files with generated ones, two ways (no merge): each
 * generated path is unchanged, modified, or new (the project lacks it). Only
 * generated paths are looked at. A user file that is not text is a problem,
 * not a crash, and is left out of the patch.
 */
export function diffProject(theirs: ProjectFiles, generatedFiles: readonly GeneratedFile[], options: PatchOptions = {}): ProjectDiff {
	const context = options.context ?? 3;
	const files: DiffedFile[] = [];
	const problems: PlanProblem[] = [];
	let patch = '';
	for (const g of [...generatedFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		const raw = theirs.get(g.path) ?? null;
		let t: string | null = null;
		if (raw !== null) {
			const d = decodeText(raw);
			if ('problem' in d) {
				problems.push({ path: g.path, message: `${g.path} ${d.problem}` });
				continue;
			}
			t = d.text;
		}
		files.push({ path: g.path, status: t === null ? 'new' : t === g.content ? 'unchanged' : 'modified', theirs: t, ours: g.content });
		patch += filePatch(g.path, t, g.content, g.mode, context);
	}
	return { files, problems, patch };
}
