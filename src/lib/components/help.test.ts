/**
 * Help texts are written once, in the model (schema.ts `help`, else
 * `description`): the wizard's components read them through helpText() and
 * never carry a help text of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText, specAt } from './help.ts';

const COMPONENTS = join(import.meta.dirname);

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []));
}

describe('helpText', () => {
	it("is the model's help of a field, else its description", () => {
		expect(helpText('project.version')).toBe(specAt('project.version')?.help);
		expect(helpText('services.postgres')).toBe(specAt('services.postgres')?.description);
		expect(helpText('no.such.field')).toBe('');
	});

	it('fills {name} from the values the step gives and leaves an unknown one as it is', () => {
		expect(helpText('serverless.region', { default: 'eu-west-1' })).toContain('Empty = eu-west-1, ');
		expect(helpText('serverless.region')).toContain('Empty = {default}, ');
	});
});

describe('components', () => {
	it('pass no help text of their own (a literal help="…" would be a second copy of the model\'s)', () => {
		const found: string[] = [];
		for (const file of svelteFiles(COMPONENTS)) {
			const text = readFileSync(file, 'utf8');
			for (const m of text.matchAll(/\shelp=("[^"]+"|\{`[^`]*`\}|\{'[^']*'\})/g)) found.push(`${file.slice(COMPONENTS.length + 1)}: ${m[1].slice(0, 60)}`);
		}
		expect(found).toEqual([]);
	});
});
