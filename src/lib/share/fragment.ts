/**
 * The small part of the share-link format the page needs at load: finding a
 * link in the address bar, and the longest link written. The codec itself
 * (codec.ts, with fflate) loads only when a link is opened or written.
 */
/** Longest fragment accepted (characters). A typical link is ~500. */
export const MAX_LINK_LENGTH = 16_384;

/** Read the `c` parameter out of a location hash like `#c=1.xyz`; null when absent. */
export function linkFromHash(hash: string): string | null {
	const h = hash.startsWith('#') ? hash.slice(1) : hash;
	for (const part of h.split('&')) {
		if (part.startsWith('c=')) return part.slice(2);
	}
	return null;
}
