import { describe, expect, it } from 'vitest';
import { createEngine, pageEngine, type GenerateRequest, type GenerateResponse } from './engine.ts';
import { generate } from '../generators/index.ts';
import { defaultConfig } from '../model/defaults.ts';
import type { Config } from '../model/config.ts';

/** A stand-in for the module worker: runs generate() on each message, like generate.worker.ts. */
class FakeWorker {
	onmessage: ((e: MessageEvent<GenerateResponse>) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	onmessageerror: (() => void) | null = null;
	posted: GenerateRequest[] = [];
	terminated = false;
	constructor(private readonly answer = true) {}
	postMessage(req: GenerateRequest): void {
		this.posted.push(req);
		if (!this.answer) return;
		queueMicrotask(() => {
			let reply: GenerateResponse;
			try {
				reply = { id: req.id, files: generate(JSON.parse(req.json) as Config) };
			} catch (e) {
				reply = { id: req.id, error: (e as Error).message };
			}
			this.onmessage?.({ data: reply } as MessageEvent<GenerateResponse>);
		});
	}
	terminate(): void {
		this.terminated = true;
	}
	fail(): void {
		this.onerror?.({ preventDefault() {} } as ErrorEvent);
	}
}

describe('generator engine', () => {
	it('runs the generators in the worker and answers each request with its own files', async () => {
		const w = new FakeWorker();
		const engine = createEngine(() => w as unknown as Worker);
		expect(engine.where).toBe('worker');
		const a = defaultConfig();
		const b: Config = { ...defaultConfig(), project: { ...defaultConfig().project, name: 'other-name' } };
		const [fa, fb] = await Promise.all([engine.run(a), engine.run(b)]);
		expect(w.posted.map((r) => r.id)).toEqual([1, 2]);
		expect(fa).toEqual(generate(a));
		expect(fb).toEqual(generate(b));
		expect(fb.find((f) => f.path === 'pyproject.toml')?.content).toContain('name = "other-name"');
	});

	it('posts the config as its JSON text (one string to copy, not an object tree), runJson the same as run', async () => {
		const w = new FakeWorker();
		const engine = createEngine(() => w as unknown as Worker);
		const c: Config = { ...defaultConfig(), project: { ...defaultConfig().project, name: 'json-name' } };
		const viaJson = await engine.runJson(JSON.stringify(c));
		expect(typeof w.posted[0].json).toBe('string');
		expect(JSON.parse(w.posted[0].json)).toEqual(c);
		expect(viaJson).toEqual(generate(c));
		expect(await pageEngine(async () => generate).runJson(JSON.stringify(c))).toEqual(generate(c));
	});

	it('rejects with the generator message when a generator throws in the worker', async () => {
		const w = new FakeWorker(false);
		const engine = createEngine(() => w as unknown as Worker);
		const run = engine.run(defaultConfig());
		w.onmessage?.({ data: { id: 1, error: 'boom' } } as MessageEvent<GenerateResponse>);
		await expect(run).rejects.toThrow('boom');
	});

	it('falls back to the page when the worker fails, re-running what was pending', async () => {
		const w = new FakeWorker(false);
		let loads = 0;
		const engine = createEngine(
			() => w as unknown as Worker,
			() => pageEngine(async () => (loads++, generate))
		);
		const pending = engine.run(defaultConfig());
		w.fail();
		expect(w.terminated).toBe(true);
		expect(engine.where).toBe('page');
		expect(await pending).toEqual(generate(defaultConfig()));
		expect(await engine.run(defaultConfig())).toHaveLength(generate(defaultConfig()).length);
		expect(loads).toBe(1);
	});

	it('uses the page when no worker can be made', async () => {
		const engine = createEngine(
			() => {
				throw new Error('no Worker');
			},
			() => pageEngine(async () => generate)
		);
		expect(engine.where).toBe('page');
		expect(await engine.run(defaultConfig())).toEqual(generate(defaultConfig()));
	});
});
