/**
 * The generator registry. `generate(config)` runs every generator and returns
 * the sorted file set: the web preview, the zip and the CLI all call it.
 * To add an output, write a module exporting a `Generator` and list it here.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { pyproject } from './pyproject.ts';
import { image } from './image/index.ts';
import { deploymentFiles } from './targets/index.ts';
import { slipwayJson } from './slipway-json.ts';
import { skeleton } from './skeleton/index.ts';
import { requirements } from './requirements.ts';
import { envExample } from './env-example.ts';
import { repoFiles } from './repo-files.ts';
import { ciWorkflows } from './ci.ts';
import { dependabot } from './dependabot.ts';
import type { GeneratedFile, Generator } from './types.ts';

export type { GeneratedFile, Generator, Language } from './types.ts';

/** Every generator, in no particular order (output is sorted by path). */
export const GENERATORS: readonly Generator[] = [slipwayJson, pyproject, image, deploymentFiles, skeleton, requirements, envExample, repoFiles, ciWorkflows, dependabot];

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
	return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
