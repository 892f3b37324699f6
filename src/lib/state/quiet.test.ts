import { describe, expect, it } from 'vitest';
import { onQuiet, quiet, track } from './quiet.ts';

describe('quiet (the update prompt waits for the page loads under way)', () => {
	it('stops what registered, then waits for every tracked load, those started meanwhile included', async () => {
		const order: string[] = [];
		let release!: () => void;
		track(new Promise<void>((r) => (release = r)).then(() => order.push('first load')));
		const remove = onQuiet(() => {
			order.push('stopped');
			// A stop that hands its work to another load (engine.ts: the page engine takes the worker's place).
			track(Promise.resolve().then(() => order.push('second load')));
		});
		const done = quiet().then(() => order.push('quiet'));
		await new Promise((r) => setTimeout(r, 10));
		expect(order).toEqual(['stopped', 'second load']);
		release();
		await done;
		expect(order).toEqual(['stopped', 'second load', 'first load', 'quiet']);
		remove();
	});

	it('a failed load does not keep it waiting', async () => {
		track(Promise.reject(new Error('offline'))).catch(() => {});
		await expect(quiet()).resolves.toBeUndefined();
	});
});
