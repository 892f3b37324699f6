/**
 * The content hash slipway.json records for each generated file (issue 19):
 * `sha256:` + the SHA-256 of the file's UTF-8 bytes, in lower-case hex, so
 * `sha256sum FILE` on the user's machine prints the same digest.
 *
 * Why SHA-256 and @noble/hashes: generate() is pure and synchronous (the
 * preview, the CLI and the tests call it as a function), and WebCrypto's
 * digest() is asynchronous; @noble/hashes is a small (about 2.7 KB gzip for
 * sha256), audited, dependency-free synchronous implementation that runs the
 * same in Node, the worker and the browser. A non-cryptographic hash would do
 * for "was this file edited?", but a standard digest lets anyone check the
 * record with stock tools, and costs about a millisecond per generate().
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Prefix naming the algorithm, so a later format can change it without guessing. */
export const FILE_HASH_PREFIX = 'sha256:';

/** Shape of one recorded hash. */
export const FILE_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

const encoder = new TextEncoder();

/** `sha256:<hex>` of the text's UTF-8 bytes (the bytes the CLI and the zip write). */
export function fileHash(content: string): string {
	return FILE_HASH_PREFIX + bytesToHex(sha256(encoder.encode(content)));
}
