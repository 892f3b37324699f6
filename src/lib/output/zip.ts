/**
 * The file set as a zip: one top folder named after the project, Unix modes
 * kept (scripts stay executable). fflate (already the share link's deflate,
 * src/lib/share/codec.ts) writes it; it is imported on first use only, so it
 * never weighs on the page's first load. jszip did this before: 25 KB (brotli)
 * more in every first visit's precache for the same zip.
 */
import type { GeneratedFile } from '../generators/types.ts';
import type { ZipOptions } from 'fflate';

/**
 * Fixed timestamp so the same config always gives the same zip bytes. fflate
 * writes the DOS date and time from the Date's local-time fields, so this is
 * made per zip from local fields: 2020-01-01 00:00 in whatever time zone the
 * process is in (a zip's DOS time has no zone).
 */
const epoch = (): Date => new Date(2020, 0, 1);
/** Unix file types in the high bits of the mode, as `stat` gives them: a regular file, a directory. */
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** "Version made by" 3 = Unix: unzip and Python's zipfile then read the mode from the external attributes. */
const UNIX = 3;

const entry = (mode: number, mtime: Date): ZipOptions => ({ level: 9, mtime, os: UNIX, attrs: (mode << 16) >>> 0 });

export async function buildZip(files: readonly GeneratedFile[], topFolder: string): Promise<Uint8Array> {
	const { strToU8, zipSync } = await import('fflate');
	const mtime = epoch();
	const tree: Record<string, [Uint8Array, ZipOptions]> = { [`${topFolder}/`]: [new Uint8Array(0), entry(S_IFDIR | 0o755, mtime)] };
	for (const f of files) tree[`${topFolder}/${f.path}`] = [strToU8(f.content), entry(S_IFREG | (f.mode ?? 0o644), mtime)];
	return zipSync(tree);
}
