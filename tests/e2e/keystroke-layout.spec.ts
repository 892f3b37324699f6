/**
 * A keystroke in a text field: Chromium lays the page out while it puts the letter in (TypingCommand), before the
 * input event. A field's text box is a relayout boundary (Field.svelte, theme.css), so that layout covers the box
 * alone, not the page from its root. Read from a Chromium trace (devtools.timeline): each Layout event says whether
 * it was partial and how many objects it covered.
 */
import { expect, test } from '@playwright/test';
import { Wizard } from './wizard.ts';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { type?: string }; beginData?: { partialLayout?: boolean; totalObjects?: number } } };

test('a letter typed into a field is laid out inside its box, not from the page root; the box keeps its size', async ({ page, browser }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	const w = new Wizard(page);
	await w.open();
	await w.goto('Project');
	const field = page.getByLabel('Project name', { exact: true });
	await field.click();
	await page.keyboard.press('End');
	const size = await field.boundingBox();
	await browser.startTracing(page, { categories: ['devtools.timeline'] });
	for (const key of 'xyz') {
		await page.keyboard.press(key);
		await w.settled();
	}
	const { traceEvents } = JSON.parse(String(await browser.stopTracing())) as { traceEvents: TraceEvent[] };
	const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!;
	const on = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
	const dispatch = (type: string) => on.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === type).sort((a, b) => a.ts - b.ts);
	const presses = dispatch('keypress');
	const inputs = dispatch('input');
	expect(presses).toHaveLength(3);
	expect(inputs).toHaveLength(3);
	// The layouts between the letter's keypress and its input event: Chromium's own, while it inserts the text.
	const before = presses.flatMap((p, i) => on.filter((e) => e.name === 'Layout' && e.ts >= p.ts && e.ts < inputs[i].ts));
	expect(before.length).toBeGreaterThan(0);
	for (const l of before) {
		expect(l.args?.beginData?.partialLayout, JSON.stringify(l.args?.beginData)).toBe(true);
		expect(l.args?.beginData?.totalObjects ?? Infinity).toBeLessThan(10);
	}
	// Still the height the box had as a grid item (one line, its padding and border), with more text in it.
	expect(await field.boundingBox()).toEqual(size);
	await expect(field).toHaveValue(/xyz$/);
	expect(w.errors).toEqual([]);
});
