/**
 * Where the page runs the generators: in a module Web Worker
 * (generate.worker.ts) when the browser can start one, else in the page
 * itself through a lazy import(). Both give the same `generate(config)`
 * result; the worker keeps the main thread free while the user types.
 */
import type { Config, ReadonlyConfig } from '../model/config.ts';
import type { GeneratedFile } from '../generators/index.ts';
// The generator worker's bundle: the worker runs it, and the page fallback imports the same file
// (one copy of the generators in the build and in the offline cache, not two).
import workerUrl from './generate.worker.ts?worker&url';
import { PAGE_GENERATE, PAGE_GENERATE_FILE } from './page-key.ts';
import { decodeFiles, internFiles } from './delta.ts';
import { onQuiet, track } from './quiet.ts';

/**
 * The page's request: the config as its JSON text. The page has that text
 * already (AppState.json, which tells an edit from the loaded config), and a
 * string crosses to the worker in one copy, where a structured clone of the
 * config's object tree (after taking it out of Svelte's proxies) costs the
 * main thread more, right when the preview waits for the answer.
 */
export interface GenerateRequest {
	id: number;
	json: string;
	/** A config the page may switch to (Engine.ahead): answered with the whole set, and the delta state of both sides stays as it was. */
	ahead?: boolean;
}
/**
 * The worker's answer. `files` lists the whole file set in order, but a file
 * whose path, content, language and mode are those the worker sent last time
 * comes as its path alone (a string): the page reuses the object it already
 * has. Most edits change one or two of ~25 files, so only those are copied
 * between the threads.
 */
export type GenerateResponse = { id: number; files: Array<GeneratedFile | string> } | { id: number; error: string };

export interface Engine {
	/** The file set of a config the model accepts. Rejects with the generator's error message. */
	run(config: Config): Promise<GeneratedFile[]>;
	/** The same, for a config given as its JSON text (`JSON.stringify(config)`). */
	runJson(json: string): Promise<GeneratedFile[]>;
	/**
	 * The file set of a config the page may switch to next (another target, manager or preset),
	 * computed ahead while the page is idle. The same files as runJson(json); what the page
	 * shows and the next runJson answer are unaffected.
	 */
	ahead(json: string): Promise<GeneratedFile[]>;
	/** Where the generators run: shown nowhere, asserted by the browser tests. */
	readonly where: 'worker' | 'page';
}

type Generate = (config: ReadonlyConfig) => GeneratedFile[];

/**
 * The generators loaded into the page: the worker's own bundle, imported as a
 * script (outside a worker it hands over its `generate` instead of listening
 * for messages).
 */
async function loadWorkerBundle(): Promise<Generate> {
	await track(import(/* @vite-ignore */ new URL(workerUrl, import.meta.url).href));
	const generate = (globalThis as Record<string, unknown>)[PAGE_GENERATE] as Generate | undefined;
	if (!generate) throw new Error('the generators did not load');
	return generate;
}

/** One file of the set, computed in the page (generators/index.ts `generateFile`). */
export type GenerateFile = (config: ReadonlyConfig, path: string) => GeneratedFile | null;

/**
 * The page's quick path: the worker's bundle imported into the page (one
 * copy in the build and the offline cache), for the file on screen. Loaded
 * when the user first reaches for the form, not at page load, so the load
 * itself compiles none of the generators.
 */
export async function loadFileGenerator(): Promise<GenerateFile> {
	await track(import(/* @vite-ignore */ new URL(workerUrl, import.meta.url).href));
	const generateFile = (globalThis as Record<string, unknown>)[PAGE_GENERATE_FILE] as GenerateFile | undefined;
	if (!generateFile) throw new Error('the generators did not load');
	return generateFile;
}

/** The generators loaded into the page (the fallback, and what the worker's failure falls back to). */
export function pageEngine(load: () => Promise<Generate> = loadWorkerBundle): Engine {
	let generate: Promise<Generate> | null = null;
	const run = async (config: Config) => {
		generate ??= load();
		return (await generate)(config);
	};
	return {
		where: 'page',
		run,
		runJson: (json) => run(JSON.parse(json) as Config),
		ahead: (json) => run(JSON.parse(json) as Config)
	};
}

interface Pending {
	json: string;
	ahead: boolean;
	resolve: (files: GeneratedFile[]) => void;
	reject: (e: Error) => void;
}

/**
 * A worker engine. If the worker cannot start (no Worker, a blocked script,
 * a browser without module workers), pending and later requests go to the
 * page engine instead, so the preview always works.
 */
export function createEngine(makeWorker: () => Worker = defaultWorker, fallback: () => Engine = pageEngine): Engine {
	let worker: Worker | null = null;
	let spare: Engine | null = null;
	let next = 1;
	const pending = new Map<number, Pending>();
	/** The files of the worker's last answer, by path (the worker's replies refer to them). */
	const known = new Map<string, GeneratedFile>();

	const fallBack = (): Engine => {
		spare ??= fallback();
		worker?.terminate();
		worker = null;
		const waiting = [...pending.values()];
		pending.clear();
		for (const p of waiting) (p.ahead ? spare.ahead(p.json) : spare.runJson(p.json)).then(p.resolve, p.reject);
		return spare;
	};

	try {
		worker = makeWorker();
		// Before a new deploy's service worker takes over (quiet.ts), the worker stops and the page engine takes its
		// place: its own module imports must not be under way then. The page reloads right after.
		const stop = onQuiet(() => {
			stop();
			if (worker) fallBack();
		});
		worker.onmessage = (event: MessageEvent<GenerateResponse>) => {
			const reply = event.data;
			const p = pending.get(reply.id);
			if (!p) return;
			pending.delete(reply.id);
			if ('files' in reply) {
				let files: GeneratedFile[];
				try {
					files = p.ahead ? internFiles(reply.files, known) : decodeFiles(reply.files, known);
				} catch (e) {
					p.reject(e as Error);
					return;
				}
				p.resolve(files);
			} else p.reject(new Error(reply.error));
		};
		// A worker that fails to load or throws at the top level: use the page instead.
		worker.onerror = (event) => {
			event.preventDefault();
			fallBack();
		};
		worker.onmessageerror = () => fallBack();
	} catch {
		fallBack();
	}

	const send = (json: string, ahead: boolean): Promise<GeneratedFile[]> => {
		if (!worker) {
			const page = spare ?? fallBack();
			return ahead ? page.ahead(json) : page.runJson(json);
		}
		const id = next++;
		const to = worker;
		const request = (ahead ? { id, json, ahead } : { id, json }) satisfies GenerateRequest;
		return new Promise<GeneratedFile[]>((resolve, reject) => {
			pending.set(id, { json, ahead, resolve, reject });
			// Posted in a task of its own, after the change's task: posting costs the main thread 0.5-0.9 ms
			// (measured in Chromium, scripts/bench-ui.mjs --profile keystroke), which the preview's text,
			// shown from the quick path in the change's own task, does not wait for. A worker that failed
			// meanwhile has handed the request to the page engine (fallBack).
			setTimeout(() => {
				if (worker === to && pending.has(id)) to.postMessage(request);
			}, 0);
		});
	};
	const runJson = (json: string) => send(json, false);
	return {
		get where() {
			return worker ? 'worker' : 'page';
		},
		run: (config) => runJson(JSON.stringify(config)),
		runJson,
		ahead: (json) => send(json, true)
	};
}

function defaultWorker(): Worker {
	if (typeof Worker === 'undefined') throw new Error('no Worker');
	return new Worker(new URL(workerUrl, import.meta.url), { type: 'module', name: 'slipway-generators' });
}
