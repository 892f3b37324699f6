/**
 * The file set as a zip: one top folder named after the project, Unix modes
 * kept (scripts stay executable). jszip is imported on first use only, so it
 * never weighs on the page's first load.
 */
import type { GeneratedFile } from '../generators/types.ts';

/** Fixed timestamp so the same config always gives the same zip bytes (jszip writes the DOS time from UTC fields). */
const EPOCH = new Date(Date.UTC(2020, 0, 1));
/** The Unix file type in the mode's high bits, as `stat` gives it: a regular file (unzip, zipfile and file managers read it). */
const S_IFREG = 0o100000;

export async function buildZip(files: readonly GeneratedFile[], topFolder: string): Promise<Uint8Array> {
	const { default: JSZip } = await import('jszip');
	const zip = new JSZip();
	const root = zip.folder(topFolder);
	if (!root) throw new Error('cannot create zip folder');
	for (const f of files) {
		root.file(f.path, f.content, {
			date: EPOCH,
			unixPermissions: S_IFREG | (f.mode ?? 0o644),
			createFolders: false
		});
	}
	return zip.generateAsync({
		type: 'uint8array',
		platform: 'UNIX',
		compression: 'DEFLATE',
		compressionOptions: { level: 9 }
	});
}
