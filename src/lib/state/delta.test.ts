import { describe, expect, it } from 'vitest';
import { decodeFiles, encodeFiles, internFiles } from './delta.ts';
import { answer } from './generate.worker.ts';
import { createEngine } from './engine.ts';
import type { GenerateRequest, GenerateResponse } from './engine.ts';
import type { GeneratedFile } from '../generators/index.ts';
import { generate } from '../generators/index.ts';
import { defaultConfig } from '../model/defaults.ts';
import type { Config } from '../model/config.ts';

/** A stand-in for the generator's Worker (the engine's only dependency); a subclass answers postMessage. */
abstract class FakeWorker {
	onmessage: ((e: MessageEvent<GenerateResponse>) => void) | null = null;
	onerror = null;
	onmessageerror = null;
	/** What this side has sent (encodeFiles' memory). */
	sent = new Map<string, GeneratedFile>();
	abstract postMessage(req: GenerateRequest): void;
	/** Hand `reply` to the engine as a message event, structured-cloned as postMessage does. */
	protected deliver(reply: GenerateResponse): void {
		this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<GenerateResponse>);
	}
	terminate() {}
}

const f = (path: string, content: string, extra: Partial<GeneratedFile> = {}): GeneratedFile => ({ path, content, ...extra });

describe('worker answers as deltas', () => {
	it('sends a file again only when its content, language or mode changed; the page gets the full set, in order', () => {
		const sent = new Map<string, GeneratedFile>();
		const known = new Map<string, GeneratedFile>();
		const first = [f('a.txt', 'A'), f('b.sh', 'B', { mode: 0o755 }), f('c.toml', 'C', { language: 'toml' })];
		const wire1 = encodeFiles(first, sent);
		expect(wire1).toEqual(first);
		const got1 = decodeFiles(structuredClone(wire1), known);
		expect(got1).toEqual(first);

		const second = [f('a.txt', 'A'), f('b.sh', 'B'), f('c.toml', 'C2', { language: 'toml' }), f('d.txt', 'D')];
		const wire2 = encodeFiles(second, sent);
		// a.txt unchanged: its path only; b.sh lost its mode: sent; c changed, d is new.
		expect(wire2).toEqual(['a.txt', f('b.sh', 'B'), f('c.toml', 'C2', { language: 'toml' }), f('d.txt', 'D')]);
		const got2 = decodeFiles(structuredClone(wire2), known);
		expect(got2).toEqual(second);
		// The unchanged file is the very object the page had (nothing copied, nothing to diff).
		expect(got2[0]).toBe(got1[0]);

		// A file removed, then back with its old content: sent in full (the page no longer has it).
		const wire3 = encodeFiles([f('d.txt', 'D')], sent);
		expect(decodeFiles(structuredClone(wire3), known)).toEqual([f('d.txt', 'D')]);
		const wire4 = encodeFiles([f('a.txt', 'A'), f('d.txt', 'D')], sent);
		expect(wire4).toEqual([f('a.txt', 'A'), 'd.txt']);
		expect(decodeFiles(structuredClone(wire4), known)).toEqual([f('a.txt', 'A'), f('d.txt', 'D')]);
	});

	it('refuses a path the page never received', () => {
		expect(() => decodeFiles(['ghost.txt'], new Map())).toThrow(/ghost\.txt/);
	});

	it('through the engine: an edit that changes one file copies one file, and every answer equals generate()', async () => {
		const posted: GenerateResponse[] = [];
		class DeltaWorker extends FakeWorker {
			postMessage(req: GenerateRequest) {
				const reply: GenerateResponse = { id: req.id, files: encodeFiles(generate(JSON.parse(req.json) as Config), this.sent) };
				posted.push(reply);
				queueMicrotask(() => this.deliver(reply));
			}
		}
		const engine = createEngine(() => new DeltaWorker() as unknown as Worker);
		const config = defaultConfig();
		const first = await engine.run(config);
		expect(first).toEqual(generate(config));
		const edited = structuredClone(config);
		edited.project.description = 'A different description';
		const second = await engine.run(edited);
		expect(second).toEqual(generate(edited));
		const wire = posted[1];
		expect('files' in wire).toBe(true);
		const objects = (wire as { files: Array<GeneratedFile | string> }).files.filter((x) => typeof x !== 'string');
		expect(objects.length).toBeGreaterThan(0);
		expect(objects.length).toBeLessThan(first.length / 2);
		// Unchanged files are the same objects as in the first answer.
		const reused = second.filter((s) => first.includes(s));
		expect(reused.length).toBe(second.length - objects.length);
	});

	it('a set computed ahead comes whole, shares the unchanged files, and leaves the deltas of both sides as they were, whenever it arrives', async () => {
		const wire: GenerateResponse[] = [];
		/** The real answer() behind a message channel whose ahead answers are delivered only on release(). */
		class LateAheadWorker extends FakeWorker {
			late: Array<() => void> = [];
			postMessage(req: GenerateRequest) {
				const reply = answer(req, this.sent);
				wire.push(reply);
				const deliver = () => this.deliver(reply);
				if (req.ahead) this.late.push(deliver);
				else queueMicrotask(deliver);
			}
			release() {
				for (const d of this.late.splice(0)) d();
			}
		}
		const w = new LateAheadWorker();
		const engine = createEngine(() => w as unknown as Worker);
		const docker = defaultConfig();
		const first = await engine.run(docker);
		const k8s: Config = { ...structuredClone(docker), target: 'kubernetes' };
		const ahead = engine.ahead(JSON.stringify(k8s));
		// A real edit is asked and answered while the ahead answer is still on its way.
		const edited = structuredClone(docker);
		edited.project.description = 'Another description';
		const second = await engine.run(edited);
		expect(second).toEqual(generate(edited));
		w.release();
		const set = await ahead;
		expect(set).toEqual(generate(k8s));
		expect(wire[1]).toEqual({ id: 2, files: generate(k8s) });
		// Files the ahead set has unchanged are the objects the page already holds (here: those of the last answer).
		const shared = set.filter((f) => second.includes(f));
		expect(shared.length).toBeGreaterThan(set.length / 2);
		expect(shared.length).toBe(set.filter((f) => second.some((s) => s.path === f.path && s.content === f.content && s.mode === f.mode && s.language === f.language)).length);
		// The next real answer is still a delta against the last real one (the ahead set did not count as sent).
		const third = await engine.run(docker);
		expect(third).toEqual(generate(docker));
		const objects = (wire[3] as { files: Array<GeneratedFile | string> }).files.filter((x) => typeof x !== 'string');
		expect(objects.length).toBeLessThan(first.length / 2);
	});

	it('internFiles refuses a path reference (an ahead set is never a delta)', () => {
		expect(() => internFiles(['a.txt'], new Map([['a.txt', f('a.txt', 'x')]]))).toThrow(/a.txt/);
		const known = new Map([['a.txt', f('a.txt', 'x')]]);
		const same = f('a.txt', 'x');
		expect(internFiles([same], known)[0]).toBe(known.get('a.txt'));
		expect(internFiles([f('a.txt', 'x', { mode: 0o755 })], known)[0]).not.toBe(known.get('a.txt'));
	});
});
