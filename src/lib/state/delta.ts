/**
 * The generator worker's answers as deltas (see GenerateResponse in
 * engine.ts): a file the page already has, unchanged, travels as its path.
 * Used by both sides: generate.worker.ts encodes, engine.ts decodes.
 */
import type { GeneratedFile } from '../generators/index.ts';

/** Whether two versions of a file are interchangeable (the path being the same). */
function same(a: GeneratedFile, b: GeneratedFile): boolean {
	return a.content === b.content && a.language === b.language && a.mode === b.mode;
}

/**
 * The worker's side of the delta: `files` with every file unchanged since
 * the previous call replaced by its path. `last` (path -> file last sent) is updated.
 */
export function encodeFiles(files: readonly GeneratedFile[], last: Map<string, GeneratedFile>): Array<GeneratedFile | string> {
	const out = files.map((f) => {
		const prev = last.get(f.path);
		return prev && same(prev, f) ? f.path : f;
	});
	last.clear();
	for (const f of files) last.set(f.path, f);
	return out;
}

/** The page's side: the full file set, unchanged files being the objects of `known` (path -> file), which is updated. */
export function decodeFiles(files: ReadonlyArray<GeneratedFile | string>, known: Map<string, GeneratedFile>): GeneratedFile[] {
	const out = files.map((f) => {
		if (typeof f !== 'string') return f;
		const kept = known.get(f);
		if (!kept) throw new Error(`the generator worker referred to ${f}, which it never sent`);
		return kept;
	});
	known.clear();
	for (const f of out) known.set(f.path, f);
	return out;
}

/**
 * A set computed ahead (GenerateRequest.ahead) comes whole, so it does not
 * depend on what the page had when it was sent: each of its files equal to
 * one of `known` (which stays as it is) is replaced by that object, so the
 * sets share their unchanged files, as the worker's answers do.
 */
export function internFiles(files: ReadonlyArray<GeneratedFile | string>, known: ReadonlyMap<string, GeneratedFile>): GeneratedFile[] {
	return files.map((f) => {
		if (typeof f === 'string') throw new Error(`the generator worker referred to ${f} in a set computed ahead`);
		const kept = known.get(f.path);
		return kept && same(kept, f) ? kept : f;
	});
}
