/**
 * Opening the user's project for "Compare with my project": find the file
 * that says what the project is (slipway.json, else pyproject.toml, at its
 * top), read the configuration from it with the existing import, and refuse
 * clearly what cannot be compared. Nothing here changes the page: the panel
 * loads the configuration only once everything was read.
 */
import type { Config, ReadonlyConfig } from '../model/config.ts';
import { importPyproject, type ImportReport } from '../import/index.ts';
import { readRecorded, type RecordedProject } from '../update/index.ts';
import { decodeText, InputError, type ProjectFiles } from './read.ts';

export interface OpenedProject {
	project: ProjectFiles;
	/** The file the configuration was read from. */
	source: 'slipway.json' | 'pyproject.toml';
	/** The configuration the project was generated from (slipway.json), or what the import made of its pyproject.toml. */
	config: Config;
	/** What the update library compares against: slipway.json's configuration and file hashes, or the imported configuration. */
	recorded: RecordedProject;
	/** What the import took (pyproject.toml), for the summary. */
	report: ImportReport | null;
}

/** Read the project's configuration, or throw an InputError saying why it cannot be compared. */
export async function openProject(project: ProjectFiles, current: ReadonlyConfig): Promise<OpenedProject> {
	const has = new Set(project.paths);
	if (has.has('slipway.json')) {
		const text = decodeText(await project.read('slipway.json'), 'slipway.json');
		const r = readRecorded(text);
		if (!r.ok) {
			if (r.newer)
				throw new InputError(
					`${r.message}. This page is an older Slipway: reload it to get the newest one (an installed app updates itself when you are online). Nothing was changed.`
				);
			const detail = r.errors?.length ? ' ' + r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') + '.' : '';
			throw new InputError(`${r.message}${detail} Nothing was changed.`);
		}
		return { project, source: 'slipway.json', config: r.recorded.config, recorded: r.recorded, report: null };
	}
	if (has.has('pyproject.toml')) {
		const text = decodeText(await project.read('pyproject.toml'), 'pyproject.toml');
		const r = importPyproject(text, current);
		if (!r.ok) throw new InputError(`pyproject.toml cannot be imported: ${r.message} Nothing was changed.`);
		return { project, source: 'pyproject.toml', config: r.config, recorded: { config: r.config, hashes: null, imported: true }, report: r.report };
	}
	throw new InputError(
		`${capital(project.label)} has no slipway.json and no pyproject.toml at its top, so it is not a Python project Slipway can compare. Choose the project's own folder (the one that holds pyproject.toml). Nothing was changed.`
	);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
