/**
 * slipway.json: the project's own copy of its configuration, in the same
 * versioned format as the share link, so `slipway generate --config
 * slipway.json` (or importing it in the web app) gives back the identical
 * file set. Also the share link the README shows.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { configFileContent, encodeFragment } from '../share/codec.ts';
import { fileHash } from './file-hash.ts';
import type { GeneratedFile } from './types.ts';

/** The file's path in the project. */
export const SLIPWAY_JSON = 'slipway.json';

/** Where Slipway is published; the README's "reopen" link points here. */
export const SLIPWAY_SITE = 'https://slipway.dev/';

/** The link that reopens this exact configuration in the web app. */
export function shareLink(config: ReadonlyConfig): string {
	return SLIPWAY_SITE + encodeFragment(config);
}

/**
 * slipway.json for `config`, recording the content hash of each of `files`
 * (every other generated file) by path, sorted: what `slipway update` compares
 * the user's files with to tell an untouched file from an edited one.
 * generate() calls it last, with the files the other generators wrote.
 */
export function slipwayJson(config: ReadonlyConfig, files: readonly GeneratedFile[]): GeneratedFile[] {
	const hashes: Record<string, string> = {};
	for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) if (f.path !== SLIPWAY_JSON) hashes[f.path] = fileHash(f.content);
	return [{ path: SLIPWAY_JSON, content: configFileContent(config, hashes), language: 'json' }];
}
