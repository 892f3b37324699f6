/**
 * Hostile input in every free-text field: each value is either rejected by the
 * model with a message on that field, or escaped so that every output still
 * parses and means what the user typed. Checked in-process with real parsers
 * (smol-toml, js-yaml, JSON, ruff's Python parser, dockerfile-utils, `sh -n`)
 * and structurally: user text never adds or changes an instruction, a
 * directive, a unit line or a shell command.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/generators/index.ts';
import { checkFile } from '../support/inprocess-checks.ts';
import { presetById } from '../../src/lib/model/presets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import type { Config } from '../../src/lib/model/config.ts';

export const HOSTILE: readonly string[] = [
	'double "quote"',
	"single 'quote'",
	'back`tick`',
	'back\\slash',
	'trailing\\',
	'$(id)',
	'${HOME}',
	'$HOME and $$',
	'{{ template }}',
	'{% block %}',
	'%s %d %% %h %n',
	'# not a comment',
	'key: value',
	'- dash',
	'*anchor',
	'&anchor',
	'!!python/object',
	'[brackets] {braces}',
	'"""triple"""',
	"'''triple'''",
	'<script>alert(1)</script>',
	'; rm -rf / && echo | cat',
	'\u202Eevil RTL',
	'emoji 🚀 and 中文',
	'e\u0301 combining',
	'Ｍicrosoft homoglyph',
	'line\nbreak',
	'carriage\rreturn',
	'tab\there',
	'nul\u0000byte',
	'bell\u0007',
	'x'.repeat(100_000),
	'EOF',
	'SLIPWAY_EOF',
	'\\n literal',
	'@at ~tilde ^caret',
	';semicolon',
	'}; server { listen 1; }',
	'\\"; evil',
	'a=b',
	'? question'
];

const MARK = 'Safevalue';

interface FieldCase {
	path: string;
	set: (c: Config, v: string) => void;
	/** The value to set for the baseline and a hostile string (in the base config, for fields whose form depends on it). */
	wrap: (v: string, c: Config) => string;
	/** A benign value this field accepts (default "Safevalue"). */
	mark?: string;
	/** False when generators transform the value (names become import names, scripts...). */
	literal?: boolean;
}

const FIELDS: FieldCase[] = [
	{ path: 'project.description', set: (c, v) => (c.project.description = v), wrap: (v) => v },
	{ path: 'project.authorName', set: (c, v) => (c.project.authorName = v), wrap: (v) => v },
	{ path: 'project.url', set: (c, v) => (c.project.url = v), wrap: (v) => `https://example.com/${v}` },
	{ path: 'project.authorEmail', set: (c, v) => (c.project.authorEmail = v), wrap: (v) => `${v}@example.com` },
	{ path: 'project.dependencies.0', set: (c, v) => (c.project.dependencies = [v]), wrap: (v) => `attrs; platform_release == '${v}'` },
	{ path: 'project.devDependencies.0', set: (c, v) => (c.project.devDependencies = [v]), wrap: (v) => `pkg @ https://example.com/${v}.whl` },
	{ path: 'project.name', set: (c, v) => (c.project.name = v), wrap: (v) => v, literal: false },
	{ path: 'project.version', set: (c, v) => (c.project.version = v), wrap: (v) => v, mark: '1.0' },
	{ path: 'docker.image', set: (c, v) => (c.docker.image = v), wrap: (v) => `ghcr.io/acme/${v}`, mark: 'safevalue' },
	{ path: 'kubernetes.ingressHost', set: (c, v) => (c.kubernetes.ingressHost = v), wrap: (v) => `${v}.example.com`, mark: 'safevalue' },
	{ path: 'bareMetal.domain', set: (c, v) => (c.bareMetal.domain = v), wrap: (v) => `${v}.example.com`, mark: 'safevalue' },
	// Each provider has its own region naming (AWS eu-west-1, Google Cloud europe-west1).
	{ path: 'serverless.region', set: (c, v) => (c.serverless.region = v), wrap: (v, c) => (c.serverless.provider === 'cloud-run' ? `europe-${v}1` : `eu-${v}-1`), mark: 'west' }
];

/** Configurations that together emit every file family. */
const BASES: [string, (c: Config) => void][] = [
	['fastapi-service', () => {}],
	['django-app', (c) => (c.target = 'kubernetes')],
	['flask-app', (c) => (c.target = 'bare-metal')],
	['worker', (c) => ((c.target = 'serverless'), (c.serverless.provider = 'aws-lambda'))],
	['fastapi-service', (c) => ((c.target = 'serverless'), (c.serverless.provider = 'cloud-run'))],
	['cli-tool', (c) => ((c.packaging.manager = 'poetry'), (c.packaging.backend = 'poetry-core'), (c.packaging.poetryLayout = 'classic'))]
];

function config(preset: string, edit: (c: Config) => void): Config {
	const c = presetById(preset)!.config();
	edit(c);
	return c;
}

describe.each(BASES)('hostile text, base %s', (preset, edit) => {
	describe.each(FIELDS)('$path', (field) => {
		const baseline = config(preset, edit);
		const mark = field.mark ?? MARK;
		const marker = field.wrap(mark, baseline);
		field.set(baseline, marker);
		const baselineErrors = validateConfig(baseline);
		const baseFiles = baselineErrors.length ? [] : generate(baseline);

		it('the benign marker is accepted', () => {
			expect(baselineErrors).toEqual([]);
		});

		it.each(HOSTILE.map((h) => [JSON.stringify(h.length > 40 ? h.slice(0, 40) + '…' : h), h]))('%s', (_label, hostile) => {
			const c = config(preset, edit);
			const value = field.wrap(hostile, c);
			field.set(c, value);
			const errors = validateConfig(c);
			if (errors.length) {
				// Rejected: the message must name this field and say something.
				expect(errors.some((e) => e.path === field.path && e.message.length > 10), JSON.stringify(errors)).toBe(true);
				return;
			}
			const files = generate(c);
			const byPath = new Map(baseFiles.map((f) => [f.path, f]));
			const problems = files.flatMap((f) => {
				const base = byPath.get(f.path);
				// Only compare to the baseline when the marker is what distinguishes the two.
				const comparable = base && base.content.includes(mark) && field.literal !== false;
				return checkFile(f, comparable ? base : undefined, mark, hostile);
			});
			expect(problems).toEqual([]);
		});
	});
});
