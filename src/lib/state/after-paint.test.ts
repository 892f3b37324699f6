import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterPaint } from './after-paint.svelte.ts';

// Node has no requestAnimationFrame: afterPaint falls back to a timer task (the browser path is held by tests/e2e/preview-first.spec.ts).
describe('afterPaint without frames', () => {
	it('runs the work in a later task, not in the caller’s', async () => {
		const ran: string[] = [];
		afterPaint(() => ran.push('later'));
		ran.push('now');
		await Promise.resolve();
		expect(ran).toEqual(['now']);
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toEqual(['now', 'later']);
	});
	it('cancelled, runs nothing', async () => {
		let ran = 0;
		const cancel = afterPaint(() => ran++);
		cancel();
		await new Promise((r) => setTimeout(r, 5));
		expect(ran).toBe(0);
	});
});

// A test double for the browser's frames (Node renders none): requestAnimationFrame queues the callback, `frame()`
// runs the queue as a rendered frame would; MessageChannel is Node's own, a task after the frame as in the browser.
describe('afterPaint with frames (requestAnimationFrame test double)', () => {
	const g = globalThis as unknown as { requestAnimationFrame?: (cb: () => void) => number; cancelAnimationFrame?: (id: number) => void };
	let queued = new Map<number, () => void>();
	let requests = 0;
	const frame = () => {
		const q = queued;
		queued = new Map();
		for (const cb of q.values()) cb();
	};
	const tasks = () => new Promise((r) => setTimeout(r, 5));
	beforeEach(() => {
		queued = new Map();
		requests = 0;
		g.requestAnimationFrame = (cb) => (queued.set(++requests, cb), requests);
		g.cancelAnimationFrame = (id) => void queued.delete(id);
	});
	afterEach(() => {
		delete g.requestAnimationFrame;
		delete g.cancelAnimationFrame;
	});

	it('runs every call made before a frame in one task after it, with one frame request, in order', async () => {
		const ran: string[] = [];
		afterPaint(() => ran.push('a'));
		const cancelB = afterPaint(() => ran.push('b'));
		afterPaint(() => ran.push('c'));
		cancelB();
		expect(requests).toBe(1);
		await tasks();
		expect(ran).toEqual([]); // no frame yet, and the 100 ms wait is not over
		frame();
		expect(ran).toEqual([]); // in a task after the frame, not in it
		await tasks();
		expect(ran).toEqual(['a', 'c']);
	});

	it('a call made while the batch runs waits for the next frame', async () => {
		const ran: string[] = [];
		afterPaint(() => {
			ran.push('first');
			afterPaint(() => ran.push('second'));
		});
		frame();
		await tasks();
		expect(ran).toEqual(['first']);
		expect(requests).toBe(2);
		frame();
		await tasks();
		expect(ran).toEqual(['first', 'second']);
	});

	it('runs after 100 ms when no frame comes, and that frame coming late does not run the next batch early', async () => {
		const ran: string[] = [];
		afterPaint(() => ran.push('one'));
		const stale = [...queued.values()][0];
		await new Promise((r) => setTimeout(r, 130));
		expect(ran).toEqual(['one']);
		afterPaint(() => ran.push('two'));
		stale(); // the first batch's frame callback, late: its message must not run batch two
		await tasks();
		expect(ran).toEqual(['one']);
		frame();
		await tasks();
		expect(ran).toEqual(['one', 'two']);
	});
});
