/**
 * The generators, off the page's main thread: the page posts a Config and
 * gets the file set back, so typing never waits for generation and the first
 * load does not pay for compiling the generators (and the license texts).
 * Protocol: in `{ id, json, ahead? }` (the config's JSON text); out `{ id, files }` or `{ id, error }`,
 * where `files` names the files unchanged since the last answer by their
 * path only (delta.ts). An `ahead` request (a config one click away, computed
 * while the page is idle) is answered with the whole set and does not count as
 * the last answer: the page keeps it aside and shows it only if that click comes.
 *
 * The same bundle is the page's fallback (engine.ts: no Worker, no module
 * workers) and its quick path for the file on screen: imported into the
 * page, it leaves `generate` and `generateFile` on globalThis instead of
 * listening for messages.
 */
import { generate, generateFile } from '../generators/index.ts';
import type { GenerateRequest, GenerateResponse } from './engine.ts';
import { encodeFiles } from './delta.ts';
import type { GeneratedFile } from '../generators/index.ts';
import type { Config } from '../model/config.ts';
import { PAGE_GENERATE, PAGE_GENERATE_FILE } from './page-key.ts';

/** The worker's global scope (typed by hand: the webworker lib would retype the whole project's globals). */
const scope = globalThis as unknown as {
	onmessage: ((event: MessageEvent<GenerateRequest>) => void) | null;
	postMessage(message: GenerateResponse): void;
};

/** True in a dedicated worker; false when the page imported this file. */
const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function' && typeof (globalThis as { document?: unknown }).document === 'undefined';

/**
 * The worker's answer to one request; `sent` (what the page has: each file of
 * the last answer, by path) is updated by answers that are not `ahead`.
 */
export function answer(request: GenerateRequest, sent: Map<string, GeneratedFile>): GenerateResponse {
	const { id, json, ahead } = request;
	try {
		const files = generate(JSON.parse(json) as Config);
		return { id, files: ahead ? files : encodeFiles(files, sent) };
	} catch (e) {
		return { id, error: e instanceof Error ? e.message : String(e) };
	}
}

if (inWorker) {
	const sent = new Map<string, GeneratedFile>();
	scope.onmessage = (event: MessageEvent<GenerateRequest>) => scope.postMessage(answer(event.data, sent));
} else {
	(globalThis as Record<string, unknown>)[PAGE_GENERATE] = generate;
	(globalThis as Record<string, unknown>)[PAGE_GENERATE_FILE] = generateFile;
}
