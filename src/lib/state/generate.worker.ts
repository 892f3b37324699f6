/**
 * The generators, off the page's main thread: the page posts a Config and
 * gets the file set back, so typing never waits for generation and the first
 * load does not pay for compiling the generators (and the license texts).
 * Protocol: in `{ id, config }`; out `{ id, files }` or `{ id, error }`.
 */
import { generate } from '../generators/index.ts';
import type { GenerateRequest, GenerateResponse } from './engine.ts';

/** The worker's global scope (typed by hand: the webworker lib would retype the whole project's globals). */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<GenerateRequest>) => void) | null;
	postMessage(message: GenerateResponse): void;
};

scope.onmessage = (event: MessageEvent<GenerateRequest>) => {
	const { id, config } = event.data;
	let reply: GenerateResponse;
	try {
		reply = { id, files: generate(config) };
	} catch (e) {
		reply = { id, error: e instanceof Error ? e.message : String(e) };
	}
	scope.postMessage(reply);
};
