import { describe, expect, it } from 'vitest';
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
