/**
 * The compare panel's view of an update plan: src/lib/update does the work
 * (statuses, three-way merges, patches in git's format); this only puts the
 * plan in the order the file list shows and asks the library for each view's
 * patch. The generated files come from the page's generator worker, so only
 * planGenerated is imported (planUpdate would bring a second copy of the
 * generators into the page).
 */
import type { GeneratedFile } from '../generators/types.ts';
import type { Config } from '../model/config.ts';
import { FILE_STATUSES, planGenerated, unifiedPatch, type FileStatus, type PlannedFile, type RecordedProject, type UpdatePlan } from '../update/index.ts';

export type { FileStatus } from '../update/index.ts';
export type CompareEntry = PlannedFile;

/** Every status, in the order the list and the summary show them (conflicts first). */
export const STATUS_ORDER: readonly FileStatus[] = FILE_STATUSES;

/** What the list calls each status. */
export const STATUS_LABEL: Readonly<Record<FileStatus, string>> = {
	unchanged: 'Unchanged',
	'changed-by-you': 'Changed by you',
	'changed-by-slipway': 'Changed by Slipway',
	merged: 'Both (merged)',
	conflict: 'Conflict',
	new: 'New',
	'removed-by-you': 'Removed by you'
};

/** Which two versions of a file a view compares: what the update does (yours → result), your edits (base → yours), Slipway's change (base → ours). */
export type View = 'update' | 'yours' | 'slipway';

export interface Comparison {
	plan: UpdatePlan;
	/** One entry per file, conflicts first, then by status, then by path. */
	entries: PlannedFile[];
	/** One file's patch for a view ('' when the two sides are the same). */
	filePatch(path: string, view: View): string;
	/** The whole update as one patch for `git apply` in the project. */
	patch(): string;
	/** The files as the update leaves them (what the user's project holds after it; files the user deleted stay out). */
	updatedFiles(): GeneratedFile[];
}

export interface CompareInput {
	recorded: RecordedProject;
	/** The form's configuration, and the files the generators made from it. */
	next: Config;
	ours: readonly GeneratedFile[];
	/** The files generated from the recorded configuration. */
	base: readonly GeneratedFile[];
	/** The user's files (absent: the project does not have it). */
	theirs: ReadonlyMap<string, string>;
}

export function compareProject(input: CompareInput): Comparison {
	const plan = planGenerated({ theirs: input.theirs, recorded: input.recorded, next: input.next }, input.ours, input.base);
	const rank = (s: FileStatus) => STATUS_ORDER.indexOf(s);
	const entries = [...plan.files].sort((a, b) => rank(a.status) - rank(b.status) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const byPath = new Map(plan.files.map((f) => [f.path, f]));
	/** The library's patch of one file from `from` to `to` (a plan of that one file). */
	const between = (f: PlannedFile, from: string | null, to: string | null): string =>
		from === to ? '' : unifiedPatch({ ...plan, files: [{ ...f, theirs: from, result: to, action: to === null ? 'delete' : 'write' }] });
	return {
		plan,
		entries,
		filePatch(path, view) {
			const f = byPath.get(path);
			if (!f) return '';
			if (view === 'yours') return between(f, f.base, f.theirs);
			if (view === 'slipway') return between(f, f.base, f.ours);
			return unifiedPatch({ ...plan, files: [f] });
		},
		patch: () => unifiedPatch(plan),
		updatedFiles: () =>
			plan.files.flatMap((f) => (f.result === null ? [] : [{ path: f.path, content: f.result, ...(f.mode ? { mode: f.mode } : {}) }]))
	};
}
