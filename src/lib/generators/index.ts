/**
 * The generator registry. `generate(config)` runs every generator and returns
 * the sorted file set: the web preview, the zip and the CLI all call it.
 * To add an output, write a module exporting a `Generator` and list it here.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { pyproject } from './pyproject.ts';
import { image } from './image/index.ts';
import { deploymentFiles } from './targets/index.ts';
import { SLIPWAY_JSON, slipwayJson } from './slipway-json.ts';
import { skeleton } from './skeleton/index.ts';
import { requirements } from './requirements.ts';
import { envExample } from './env-example.ts';
import { repoFiles } from './repo-files.ts';
import { ciWorkflows } from './ci.ts';
import { dependabot } from './dependabot.ts';
import { devcontainer } from './devcontainer.ts';
import type { GeneratedFile, Generator } from './types.ts';

export type { GeneratedFile, Generator, Language } from './types.ts';

/**
 * Every generator, in no particular order (output is sorted by path). slipway.json is
 * not among them: generate() writes it last, from the others' files (their hashes).
 */
export const GENERATORS: readonly Generator[] = [pyproject, image, deploymentFiles, skeleton, requirements, envExample, repoFiles, ciWorkflows, dependabot, devcontainer];

/**
 * All files for a valid config, sorted by path. Throws if two generators
 * claim the same path (a programming error, caught by the unit tests).
 *
 * @example generate(presetById('library')!.config()).map((f) => f.path)
 */
export function generate(config: ReadonlyConfig): GeneratedFile[] {
	const files: GeneratedFile[] = [];
	const seen = new Set<string>();
	for (const gen of GENERATORS) {
		for (const file of gen(config)) {
			if (seen.has(file.path)) throw new Error(`two generators wrote ${file.path}`);
			seen.add(file.path);
			files.push(file);
		}
	}
	for (const file of slipwayJson(config, files)) {
		if (seen.has(file.path)) throw new Error(`two generators wrote ${file.path}`);
		files.push(file);
	}
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Which generator wrote each path the last time generateFile() had to run them all. */
const owners = new Map<string, Generator>();

/**
 * One file of `generate(config)`: the same content, by running only the
 * generator that wrote that path last time (most generators take well under
 * a millisecond; all of them several). The page uses it to show the file on
 * screen in the same task as the edit, before the worker's whole set arrives.
 * `null` when the config has no such file. Its tests hold it equal to
 * generate() for every path of every matrix configuration.
 */
export function generateFile(config: ReadonlyConfig, path: string): GeneratedFile | null {
	// slipway.json records every other file's hash: it takes the whole set.
	if (path === SLIPWAY_JSON) return generate(config).find((f) => f.path === path) ?? null;
	const owner = owners.get(path);
	if (owner) {
		const hit = owner(config).find((f) => f.path === path);
		if (hit) return hit;
	}
	// Unknown path, or its generator no longer writes it: run them all once and remember who wrote what.
	let found: GeneratedFile | null = null;
	for (const gen of GENERATORS) {
		for (const file of gen(config)) {
			owners.set(file.path, gen);
			if (file.path === path) found = file;
		}
	}
	return found;
}
