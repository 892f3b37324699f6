import { describe, expect, it } from 'vitest';
import { fillIslands } from './server.ts';
import { ISLANDS, ISLAND_ELEMENT } from './index.ts';

describe('island prerendering', () => {
	it('fills an island element with its server rendering, and the islands inside it too', async () => {
		const html = await fillIslands('<main><section class="wizard" data-island="wizard"></section></main>');
		expect(html.startsWith('<main><section class="wizard" data-island="wizard"><!--[-->')).toBe(true);
		expect(html).toContain('role="tablist"');
		// The Project step's own islands are filled as well: presets, the fields, the kind.
		for (const inner of ['project-start', 'project-about', 'project-people', 'project-kind']) expect(html).toMatch(new RegExp(`data-island="${inner}"[^>]*><!--\\[-->`));
		expect(html).toContain('id="f-project-name"');
		// The author, e-mail, license and URL fields sit in project-people, inside project-about.
		expect(html).toMatch(/data-island="project-about"[\s\S]*data-island="project-people"[^>]*>[\s\S]*id="f-project-license"/);
		expect(html).toContain('Web service');
		// Nothing is left empty.
		expect([...html.matchAll(ISLAND_ELEMENT)]).toHaveLength(0);
	});

	it('leaves the rest of the page as it was', async () => {
		const page = '<header><h1>Slipway</h1></header><div data-x="1"></div><p>after</p>';
		expect(await fillIslands(page)).toBe(page);
	});

	it('refuses an unknown island (a typo in the page must fail the build)', async () => {
		await expect(fillIslands('<div data-island="nope"></div>')).rejects.toThrow('unknown island "nope"');
	});

	it('renders every registered island on its own', async () => {
		for (const name of Object.keys(ISLANDS)) {
			const html = await fillIslands(`<div data-island="${name}"></div>`);
			expect(html.length, name).toBeGreaterThan(`<div data-island="${name}"></div>`.length + 20);
		}
	});
});
