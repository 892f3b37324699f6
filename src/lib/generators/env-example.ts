/**
 * `.env.example`: every variable the app's settings read (facts().env) and,
 * when compose.yaml is generated (target docker), every variable compose's
 * own containers read (facts().composeEnv, empty otherwise), each with a `#`
 * comment and a safe example value. It names only files the project has.
 * Copy it to `.env` for local development; never commit `.env`.
 *
 * Values must mean the same to python-dotenv (pydantic-settings) and to
 * docker compose's `env_file` parser: a value made of URL-safe characters is
 * written bare; anything else is single-quoted, which both parse literally
 * (no escapes, no `${}` interpolation). A value neither form can carry is a
 * programming error in derive.ts, so it throws.
 */
import type { ReadonlyConfig } from '../model/config.ts';
import { facts } from '../model/derive.ts';
import type { GeneratedFile } from './types.ts';
import { GENERATED } from './header.ts';

const BARE = /^[A-Za-z0-9_.,:/@+=%?&-]*$/;
const NAME = /^[A-Z_][A-Z0-9_]*$/;

/** A value as both python-dotenv and compose read it verbatim. */
export function envValue(value: string): string {
	if (BARE.test(value)) return value;
	if (!/['\\\n\r]/.test(value)) return `'${value}'`;
	throw new Error(`value cannot be written safely to an env file: ${JSON.stringify(value)}`);
}

/** One-line comment text (our own prose from derive.ts). */
function comment(text: string): string {
	return `# ${text.replace(/\s+/g, ' ').trim()}`;
}

export function envExample(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	if (!f.env.length && !f.composeEnv.length) return [];
	const lines = [
		`# ${GENERATED} Copy to .env for local development: cp .env.example .env`,
		'# .env is git-ignored; never commit real secrets. Real environment variables win over it.',
		''
	];
	const add = (name: string, description: string, example: string, required: boolean, secret: boolean) => {
		if (!NAME.test(name)) throw new Error(`not an environment variable name: ${name}`);
		const notes = [required ? 'Required.' : '', secret ? 'Secret: use a real value outside development.' : ''].filter(Boolean);
		lines.push(comment([description, ...notes].join(' ')), `${name}=${envValue(example)}`, '');
	};
	if (f.env.length) lines.push('# --- Application settings (read by config.py) ---', '');
	for (const v of f.env) add(v.name, v.description, v.example, v.default === undefined, v.secret);
	if (f.composeEnv.length) lines.push('# --- Backing services started by compose.yaml ---', '');
	for (const v of f.composeEnv) add(v.name, v.description, v.example, true, v.secret);
	while (lines[lines.length - 1] === '') lines.pop();
	return [{ path: '.env.example', content: lines.join('\n') + '\n', language: 'shell' }];
}
