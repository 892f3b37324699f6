/**
 * The file set as a zip: one top folder named after the project, Unix modes
 * kept (scripts stay executable). The page imports this module on first use
 * only, so jszip never weighs on its first load. jszip is a static import here:
 * this module and jszip are then one chunk, one request (a module of its own was
 * a second round trip on the first download and a precached file of 400 bytes
 * with 300 of headers; issue 18.16). compare/read.ts reads zips through it too.
 */
import JSZip from 'jszip';
import type { GeneratedFile } from '../generators/types.ts';

export { JSZip };

/** Fixed timestamp so the same config always gives the same zip bytes (jszip writes the DOS time from UTC fields). */
const EPOCH = new Date(Date.UTC(2020, 0, 1));
/** The Unix file type in the mode's high bits, as `stat` gives it: a regular file (unzip, zipfile and file managers read it). */
const S_IFREG = 0o100000;

export async function buildZip(files: readonly GeneratedFile[], topFolder: string): Promise<Uint8Array> {
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
