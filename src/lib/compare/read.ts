/**
 * Reading the user's project in the browser, for "Compare with my project":
 * a picked folder (`<input webkitdirectory>`, or the File System Access API's
 * directory handle where the browser has it), a dropped folder, or a zip of
 * the repository. Nothing leaves the browser: files are read where they are,
 * and only when their path is one Slipway generates (or slipway.json and
 * pyproject.toml); the rest is listed by name and never opened.
 *
 * Loaded with the compare panel (never in the first load); jszip (with
 * output/zip.ts, one chunk) is imported only for a zip.
 */

/** Folders never looked into: version control, virtual environments, caches, installed packages. Slipway writes nothing there. */
export const IGNORED_DIRS: ReadonlySet<string> = new Set([
	'.git',
	'.hg',
	'.svn',
	'node_modules',
	'.venv',
	'venv',
	'__pycache__',
	'.tox',
	'.nox',
	'.mypy_cache',
	'.pytest_cache',
	'.ruff_cache',
	'.eggs',
	'.idea',
	'htmlcov',
	'.cache'
]);

/** Whether a folder name is one of those skipped (also `*.egg-info`). */
export function ignoredDir(name: string): boolean {
	return IGNORED_DIRS.has(name) || name.endsWith('.egg-info');
}

/** Whether a relative path lies inside a skipped folder. */
export function ignoredPath(path: string): boolean {
	const parts = path.split('/');
	return parts.slice(0, -1).some(ignoredDir);
}

/** Largest file read, bytes: a file Slipway generates is far smaller. */
export const MAX_FILE_BYTES = 1_000_000;
/** Most files listed in a folder (outside the skipped ones) before giving up. */
export const MAX_ENTRIES = 200_000;

/** The files of the user's project: every path (relative, with `/`), and a way to read one. */
export interface ProjectFiles {
	/** What was opened, for messages: "the folder acme-orders", "acme-orders.zip". */
	label: string;
	/** Relative paths of the files found (the top folder taken off), outside the skipped folders. */
	paths: string[];
	/** The bytes of one of `paths`. */
	read(path: string): Promise<Uint8Array>;
}

/** Something in the input that cannot be compared: shown as is, and nothing changes. */
export class InputError extends Error {}

/** The files that decide what a project is: one of them must be at its top. */
export const CONFIG_FILES = ['slipway.json', 'pyproject.toml'] as const;

/**
 * The top folder all paths share, when none of the config files sits at the
 * very top (a GitHub zip's `repo-main/`, Slipway's own zip's project folder, a
 * picked folder's name): taken off every path.
 */
function stripTop(paths: string[]): { paths: string[]; top: string } {
	const atRoot = paths.some((p) => (CONFIG_FILES as readonly string[]).includes(p));
	if (atRoot || paths.length === 0) return { paths, top: '' };
	const first = paths[0].split('/')[0];
	if (!paths.every((p) => p.startsWith(first + '/'))) return { paths, top: '' };
	return { paths: paths.map((p) => p.slice(first.length + 1)), top: first };
}

/** Files from `<input type="file" webkitdirectory>` (or a list of files with relative paths). */
export function fromFileList(list: ArrayLike<File>): ProjectFiles {
	const byPath = new Map<string, File>();
	for (const f of Array.from(list)) {
		const rel = (f.webkitRelativePath || f.name).replace(/\\/g, '/').replace(/^\/+/, '');
		byPath.set(rel, f);
	}
	const { paths, top } = stripTop([...byPath.keys()].filter((p) => !ignoredPath(p)).sort());
	const file = (p: string) => byPath.get(top ? `${top}/${p}` : p);
	return {
		label: top ? `the folder ${top}` : 'the folder',
		paths,
		async read(p) {
			const f = file(p);
			if (!f) throw new InputError(`${p} is not in the folder.`);
			if (f.size > MAX_FILE_BYTES) throw new InputError(`${p} is larger than ${MAX_FILE_BYTES / 1_000_000} MB: it is not a file Slipway wrote.`);
			return new Uint8Array(await f.arrayBuffer());
		}
	};
}

/** The part of the File System Access API used here (typed by hand: not every TypeScript lib has it). */
export interface DirHandle {
	kind: 'directory';
	name: string;
	values(): AsyncIterable<DirHandle | FileHandle>;
}
export interface FileHandle {
	kind: 'file';
	name: string;
	getFile(): Promise<File>;
}

/** Files under a directory handle (showDirectoryPicker, or a dropped folder's handle): skipped folders are never opened. */
export async function fromDirectoryHandle(root: DirHandle): Promise<ProjectFiles> {
	const files = new Map<string, FileHandle>();
	const walk = async (dir: DirHandle, prefix: string): Promise<void> => {
		for await (const entry of dir.values()) {
			if (files.size > MAX_ENTRIES) throw new InputError(`The folder holds more than ${MAX_ENTRIES} files: pick the project's own folder.`);
			if (entry.kind === 'directory') {
				if (!ignoredDir(entry.name)) await walk(entry, `${prefix}${entry.name}/`);
			} else files.set(`${prefix}${entry.name}`, entry);
		}
	};
	await walk(root, '');
	return {
		label: `the folder ${root.name}`,
		paths: [...files.keys()].sort(),
		async read(p) {
			const h = files.get(p);
			if (!h) throw new InputError(`${p} is not in the folder.`);
			const f = await h.getFile();
			if (f.size > MAX_FILE_BYTES) throw new InputError(`${p} is larger than ${MAX_FILE_BYTES / 1_000_000} MB: it is not a file Slipway wrote.`);
			return new Uint8Array(await f.arrayBuffer());
		}
	};
}

/** A dropped folder, through the older entries API (every browser that drops folders has it). */
interface Entry {
	isFile: boolean;
	isDirectory: boolean;
	name: string;
	fullPath: string;
}
interface FileEntry extends Entry {
	file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirEntry extends Entry {
	createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

export async function fromDirectoryEntry(root: DirEntry): Promise<ProjectFiles> {
	const files = new Map<string, FileEntry>();
	const list = (dir: DirEntry) =>
		new Promise<Entry[]>((resolve, reject) => {
			const reader = dir.createReader();
			const all: Entry[] = [];
			// readEntries answers in batches until an empty one.
			const more = () =>
				reader.readEntries((batch) => {
					if (!batch.length) resolve(all);
					else {
						all.push(...batch);
						more();
					}
				}, reject);
			more();
		});
	const walk = async (dir: DirEntry, prefix: string): Promise<void> => {
		for (const entry of await list(dir)) {
			if (files.size > MAX_ENTRIES) throw new InputError(`The folder holds more than ${MAX_ENTRIES} files: pick the project's own folder.`);
			if (entry.isDirectory) {
				if (!ignoredDir(entry.name)) await walk(entry as DirEntry, `${prefix}${entry.name}/`);
			} else files.set(`${prefix}${entry.name}`, entry as FileEntry);
		}
	};
	await walk(root, '');
	return {
		label: `the folder ${root.name}`,
		paths: [...files.keys()].sort(),
		async read(p) {
			const e = files.get(p);
			if (!e) throw new InputError(`${p} is not in the folder.`);
			const f = await new Promise<File>((resolve, reject) => e.file(resolve, reject));
			if (f.size > MAX_FILE_BYTES) throw new InputError(`${p} is larger than ${MAX_FILE_BYTES / 1_000_000} MB: it is not a file Slipway wrote.`);
			return new Uint8Array(await f.arrayBuffer());
		}
	};
}

/** Largest zip opened, bytes (a repository without its .git is far smaller). */
export const MAX_ZIP_BYTES = 200_000_000;

/** A zip of the repository (GitHub's "Download ZIP", `git archive`, Slipway's own zip). */
export async function fromZip(data: Blob | Uint8Array, name: string): Promise<ProjectFiles> {
	const size = data instanceof Blob ? data.size : data.byteLength;
	if (size > MAX_ZIP_BYTES) throw new InputError(`${name} is larger than ${MAX_ZIP_BYTES / 1_000_000} MB: zip the project without its .git, virtual environment and node_modules.`);
	const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
	// Every zip starts with a local file header ("PK\3\4"), an empty one with the end record ("PK\5\6").
	if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new InputError(`${name} is not a zip file. Choose the zip of your repository, or its folder.`);
	const { JSZip } = await import('../output/zip.ts');
	let zip: import('jszip');
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch (e) {
		throw new InputError(`${name} could not be read as a zip: ${(e as Error).message}`);
	}
	const entries = new Map<string, import('jszip').JSZipObject>();
	zip.forEach((path, entry) => {
		if (!entry.dir) entries.set(path.replace(/\\/g, '/').replace(/^\/+/, ''), entry);
	});
	const { paths, top } = stripTop([...entries.keys()].filter((p) => !ignoredPath(p)).sort());
	return {
		label: name,
		paths,
		async read(p) {
			const e = entries.get(top ? `${top}/${p}` : p);
			if (!e) throw new InputError(`${p} is not in ${name}.`);
			const out = await e.async('uint8array');
			if (out.byteLength > MAX_FILE_BYTES) throw new InputError(`${p} is larger than ${MAX_FILE_BYTES / 1_000_000} MB: it is not a file Slipway wrote.`);
			return out;
		}
	};
}

/**
 * A file's bytes as text, or a clear refusal: a NUL byte or bytes that are
 * not UTF-8 mean it is not a text file (Slipway writes only UTF-8 text).
 */
export function decodeText(bytes: Uint8Array, path: string): string {
	if (bytes.includes(0)) throw new InputError(`${path} is not a text file (it holds binary data), so it cannot be compared. Nothing was changed.`);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new InputError(`${path} is not a text file (it is not UTF-8), so it cannot be compared. Nothing was changed.`);
	}
}

/** Read the text of each of `wanted` that the project has (paths it lacks are left out). */
export async function readTexts(project: ProjectFiles, wanted: Iterable<string>): Promise<Map<string, string>> {
	const have = new Set(project.paths);
	const out = new Map<string, string>();
	for (const p of new Set(wanted)) {
		if (!have.has(p)) continue;
		out.set(p, decodeText(await project.read(p), p));
	}
	return out;
}
