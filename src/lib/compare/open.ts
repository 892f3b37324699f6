/**
 * Opening the user's project for "Compare with my project": find the file
 * that says what the project is (slipway.json, else pyproject.toml, at its
 * top), read the configuration from it with the existing import, and refuse
 * clearly what cannot be compared. Nothing here changes the page: the panel
 * loads the configuration only once everything was read.
 */
import type { Config, ReadonlyConfig } from '../model/config.ts';
import { LINK_VERSION } from '../share/codec.ts';
import { importPyproject, importSlipwayJson, type ImportReport } from '../import/index.ts';
import { decodeText, InputError, type ProjectFiles } from './read.ts';

export interface OpenedProject {
	project: ProjectFiles;
	/** The file the configuration was read from. */
	source: 'slipway.json' | 'pyproject.toml';
	/** The configuration the project was generated from (slipway.json), or what the import made of its pyproject.toml. */
	config: Config;
	report: ImportReport;
	/** slipway.json's text, when the project has one (it records the hashes of the files generated). */
	recorded: string | null;
}

/** Read the project's configuration, or throw an InputError saying why it cannot be compared. */
export async function openProject(project: ProjectFiles, current: ReadonlyConfig): Promise<OpenedProject> {
	const has = new Set(project.paths);
	if (has.has('slipway.json')) {
		const text = decodeText(await project.read('slipway.json'), 'slipway.json');
		newerSchema(text);
		const r = importSlipwayJson(text, current);
		if (!r.ok) {
			const detail = r.errors?.length ? ' ' + r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : '';
			throw new InputError(`slipway.json cannot be used: ${r.message}${detail} Nothing was changed.`);
		}
		return { project, source: 'slipway.json', config: r.config, report: r.report, recorded: text };
	}
	if (has.has('pyproject.toml')) {
		const text = decodeText(await project.read('pyproject.toml'), 'pyproject.toml');
		const r = importPyproject(text, current);
		if (!r.ok) throw new InputError(`pyproject.toml cannot be imported: ${r.message} Nothing was changed.`);
		return { project, source: 'pyproject.toml', config: r.config, report: r.report, recorded: null };
	}
	throw new InputError(
		`${capital(project.label)} has no slipway.json and no pyproject.toml at its top, so it is not a Python project Slipway can compare. Choose the project's own folder (the one that holds pyproject.toml). Nothing was changed.`
	);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A slipway.json written by a newer Slipway than this page: said plainly (the import's message names only the version range). */
function newerSchema(text: string): void {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return; // the import says what is wrong with it
	}
	const v = typeof data === 'object' && data !== null && 'slipway' in data ? (data as { slipway: unknown }).slipway : undefined;
	if (typeof v === 'number' && v > LINK_VERSION)
		throw new InputError(
			`slipway.json was written by a newer version of Slipway (format version ${v}; this page reads versions 1 to ${LINK_VERSION}). Reload the page to get the newest Slipway, or compare with the newer one. Nothing was changed.`
		);
}
