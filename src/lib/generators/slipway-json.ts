/**
 * slipway.json: the project's own copy of its configuration, in the same
 * versioned format as the share link, so `slipway generate --config
 * slipway.json` (or importing it in the web app) gives back the identical
 * file set. Also the share link the README shows.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { configFileContent, encodeFragment } from '../share/codec.ts';
import type { GeneratedFile } from './types.ts';

/** Where Slipway is published; the README's "reopen" link points here. */
export const SLIPWAY_SITE = 'https://slipway.dev/';

/** The link that reopens this exact configuration in the web app. */
export function shareLink(config: ReadonlyConfig): string {
	return SLIPWAY_SITE + encodeFragment(config);
}

export function slipwayJson(config: ReadonlyConfig): GeneratedFile[] {
	return [{ path: 'slipway.json', content: configFileContent(config), language: 'json' }];
}
