/**
 * `slipway`: the same model and generators as the web app, on the command line.
 * Exit status: 0 on success, 2 on bad flags or an invalid configuration
 * (messages on stderr), 1 on an I/O failure. `diff` and `update` follow
 * diff(1) instead: 1 means differences / conflicts, 2 any error (src/cli/update.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generate } from '../lib/generators/index.ts';
import { PRESETS, presetById } from '../lib/model/presets.ts';
import { PACKAGE_MANAGERS, SERVERLESS_PROVIDERS, TARGETS, type Config, type PackageManager, type ReadonlyConfig, type ServerlessProvider, type Target } from '../lib/model/config.ts';
import { configJsonSchema } from '../lib/model/schema.ts';
import { formatErrors, parseAndValidate, validationWarnings, type FieldError } from '../lib/model/validate.ts';
import { DEFAULT_BACKEND } from '../lib/model/defaults.ts';
import { PROVIDER_TARGETS } from '../lib/model/targets.ts';
import { unwrapConfigFile } from '../lib/share/codec.ts';
import { buildZip } from '../lib/output/zip.ts';
import { cmdDiff, cmdUpdate } from './update.ts';

import cliPackage from './package/package.template.json';

declare const __SLIPWAY_VERSION__: string;
const VERSION = typeof __SLIPWAY_VERSION__ === 'string' ? __SLIPWAY_VERSION__ : 'dev';
/** The npm package the CLI is published as (scripts/build-cli.mjs writes its package.json). */
export const PACKAGE_NAME: string = cliPackage.name;

/** Largest --config file read (bytes). */
const MAX_CONFIG_BYTES = 1_048_576;

export interface Io {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	cwd: string;
}

/** Bad input: printed on stderr, exit 2. `usage`: also point at the command's --help. */
export class UsageError extends Error {
	constructor(
		message: string,
		readonly errors: FieldError[] = [],
		readonly usage = true
	) {
		super(message);
	}
}

const MAIN_HELP = `slipway ${VERSION} (npm package ${PACKAGE_NAME}) — packaging and deployment files for a Python project

Usage:
  slipway generate [options]   write the project's files (see slipway generate --help)
  slipway diff [DIR]           show, as a git patch, what Slipway would change in a project
  slipway update [DIR]         update a project to a new configuration, keeping your edits
  slipway presets              list the presets
  slipway schema               print the JSON Schema of a configuration
  slipway --version            print the version (${PACKAGE_NAME} on npm)

Run "slipway <command> --help" for a command's options.
`;

const GENERATE_HELP = `Usage: slipway generate [--preset NAME] [--manager M] [--target T] [--provider P]
                        [--config FILE.json|JSON] (--out DIR [--force] | --zip FILE.zip)

Start from a preset, apply --config (a full or partial configuration, or a
slipway.json), then the flags; validate the result once; write the files.
A setting --config states is kept; one it leaves out follows the flags (the
build backend follows --manager). A library has no deployment target, so
--target and --provider are errors for one.

Options:
  --preset NAME     starting point (default: fastapi-service); see "slipway presets"
  --manager M       package manager: ${PACKAGE_MANAGERS.join(' | ')}
  --target T        deployment target: ${TARGETS.join(' | ')} (not for a library)
  --provider P      serverless provider (serverless target only): ${SERVERLESS_PROVIDERS.join(' | ')}
  --config FILE     JSON configuration (fields it sets override the preset); the JSON
                    itself when it starts with "{", e.g. --config '{"packaging":{"backend":"hatchling"}}'
  --out DIR         write the files into DIR (created if missing)
  --force           with --out: overwrite files that already exist
  --zip FILE        write a .zip (top folder = project name) instead of a folder
  -h, --help        show this help

Invalid input exits with status 2 and one "field: message" line per problem.
`;

const PRESETS_HELP = `Usage: slipway presets [--json]

List the presets (id, title, summary). --json prints them as JSON.
`;

const SCHEMA_HELP = `Usage: slipway schema

Print the JSON Schema (draft 2020-12) of a configuration, for editors and tools.
`;

export type Flags = Map<string, string | true>;

/**
 * Parse --name value / --name=value / --bool flags. `positional`: the command
 * takes one bare argument (a DIR), kept under the key ""; a second is an error.
 */
export function parseFlags(args: string[], spec: Record<string, 'value' | 'bool'>, positional = false): Flags {
	const flags: Flags = new Map();
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '-h') {
			flags.set('help', true);
			continue;
		}
		if (positional && !a.startsWith('--') && !flags.has('')) {
			flags.set('', a);
			continue;
		}
		if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
		const eq = a.indexOf('=');
		const name = a.slice(2, eq < 0 ? undefined : eq);
		const kind = spec[name];
		if (!kind) throw new UsageError(`unknown option --${name}`);
		if (flags.has(name)) throw new UsageError(`--${name} is given twice`);
		if (kind === 'bool') {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			flags.set(name, true);
		} else {
			const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
			if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
			flags.set(name, value);
		}
	}
	return flags;
}

export const str = (flags: Flags, name: string): string | undefined => {
	const v = flags.get(name);
	return typeof v === 'string' ? v : undefined;
};

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(value))
		throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
	return value as T;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The JSON `--config` names: a file, or the JSON itself when the value starts
 * with "{" and no file of that name exists (`--config '{"packaging":{...}}'`).
 */
function readConfigArg(arg: string, cwd: string): { label: string; data: unknown } {
	const path = resolve(cwd, arg);
	if (arg.trimStart().startsWith('{') && !existsSync(path)) {
		if (arg.length > MAX_CONFIG_BYTES) throw new UsageError(`--config: ${arg.length} characters of JSON is too large (at most ${MAX_CONFIG_BYTES})`);
		try {
			return { label: '--config', data: JSON.parse(arg) };
		} catch (e) {
			throw new UsageError(`--config: not valid JSON (${(e as Error).message})`);
		}
	}
	let text: string;
	try {
		const st = statSync(path);
		if (!st.isFile()) throw new UsageError(`--config ${arg}: not a file`);
		if (st.size > MAX_CONFIG_BYTES) throw new UsageError(`--config ${arg}: ${st.size} bytes is too large (at most ${MAX_CONFIG_BYTES})`);
		text = readFileSync(path, 'utf8');
	} catch (e) {
		if (e instanceof UsageError) throw e;
		throw new UsageError(`--config ${arg}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
	}
	try {
		return { label: `--config ${arg}`, data: JSON.parse(text) };
	} catch (e) {
		throw new UsageError(`--config ${arg}: not valid JSON (${(e as Error).message})`);
	}
}

interface FlagChoices {
	manager?: PackageManager;
	target?: Target;
	provider?: ServerlessProvider;
}

/**
 * Put the flags into the --config overlay, so that preset, --config and flags
 * are merged first and validated once. A field the overlay states is an
 * explicit choice and is kept (a build backend that does not fit the final
 * manager is then reported, not replaced); one it leaves out is implied:
 * when the manager differs from the preset's, the backend follows it (the
 * new manager's default). poetryLayout and pipWorkflow are only read with
 * their own manager, so they are carried as given whatever the manager.
 * Returns the merged overlay and the problems only the flags can have.
 */
function mergeFlags(overlay: Record<string, unknown>, base: ReadonlyConfig, flags: FlagChoices): { merged: Record<string, unknown>; errors: FieldError[] } {
	const merged: Record<string, unknown> = { ...overlay };
	const errors: FieldError[] = [];
	const section = (key: 'packaging' | 'serverless'): Record<string, unknown> | null => {
		const v = merged[key];
		if (v === undefined) return (merged[key] = {}) as Record<string, unknown>;
		return isPlainObject(v) ? (merged[key] = { ...v }) as Record<string, unknown> : null; // not an object: the reader reports it
	};
	const packaging = section('packaging');
	if (packaging) {
		if (flags.manager) packaging.manager = flags.manager;
		const manager = packaging.manager ?? base.packaging.manager;
		if (packaging.backend === undefined && manager !== base.packaging.manager && (PACKAGE_MANAGERS as readonly unknown[]).includes(manager))
			packaging.backend = DEFAULT_BACKEND[manager as PackageManager];
	}
	if (flags.target) merged.target = flags.target;
	if (flags.provider) {
		const serverless = section('serverless');
		if (serverless) serverless.provider = flags.provider;
	}
	// The flags must say something about the project generated: a library has no deployment
	// target, and a provider only means something for the serverless target.
	const project = isPlainObject(merged.project) ? merged.project : {};
	const library = (project.kind ?? base.project.kind) === 'library';
	if (library && flags.target)
		errors.push({ path: 'target', message: `a library has no deployment target (it is published to PyPI), so --target ${flags.target} does not apply; drop --target, or set project.kind` });
	if (library && flags.provider)
		errors.push({ path: 'serverless.provider', message: `a library has no deployment target, so --provider ${flags.provider} does not apply; drop --provider` });
	const target = merged.target ?? base.target;
	if (!library && flags.provider && !(PROVIDER_TARGETS as readonly unknown[]).includes(target))
		errors.push({ path: 'serverless.provider', message: `--provider ${flags.provider} is for the ${PROVIDER_TARGETS.join(' or ')} target, but the target is ${String(target)}; add --target ${PROVIDER_TARGETS[0]}, or drop --provider` });
	return { merged, errors };
}

/** Resolve preset + --config + flags into one Config, validated once after they are merged. */
export function resolveConfig(flags: Flags, cwd: string): Config {
	const presetId = str(flags, 'preset') ?? 'fastapi-service';
	const preset = presetById(presetId);
	if (!preset) throw new UsageError(`unknown preset "${presetId}"; known: ${PRESETS.map((p) => p.id).join(', ')}`);
	return resolveOver(preset.config(), `preset ${presetId}`, flags, cwd);
}

/**
 * Resolve a starting configuration (a preset's, or a project's recorded one:
 * `slipway update`) + --config + flags into one Config, validated once.
 * `baseLabel` names the starting point in the error message.
 */
export function resolveOver(base: ReadonlyConfig, baseLabel: string, flags: Flags, cwd: string): Config {
	const choices: FlagChoices = {
		manager: oneOf('manager', str(flags, 'manager'), PACKAGE_MANAGERS),
		target: oneOf('target', str(flags, 'target'), TARGETS),
		provider: oneOf('provider', str(flags, 'provider'), SERVERLESS_PROVIDERS)
	};
	let overlay: unknown = {};
	let label = '';
	const file = str(flags, 'config');
	if (file !== undefined) {
		const read = readConfigArg(file, cwd);
		label = read.label;
		const unwrapped = unwrapConfigFile(read.data);
		if ('error' in unwrapped) throw new UsageError(`${label}: ${unwrapped.error}`);
		overlay = unwrapped.config;
	}
	const { merged, errors } = isPlainObject(overlay) ? mergeFlags(overlay, base, choices) : { merged: overlay, errors: [] };
	const result = parseAndValidate(merged, base);
	const all = [...errors, ...(result.ok ? [] : result.errors)];
	const sources = [baseLabel, ...(label ? [label] : []), ...(Object.values(choices).some(Boolean) ? ['the flags'] : [])];
	if (!result.ok || all.length) throw new UsageError(`the configuration (${sources.join(', ')}) is not valid`, all);
	return result.config;
}

async function cmdGenerate(args: string[], io: Io): Promise<number> {
	const flags = parseFlags(args, {
		help: 'bool',
		preset: 'value',
		manager: 'value',
		target: 'value',
		provider: 'value',
		config: 'value',
		out: 'value',
		zip: 'value',
		force: 'bool'
	});
	if (flags.has('help')) {
		io.stdout(GENERATE_HELP);
		return 0;
	}
	const out = str(flags, 'out');
	const zip = str(flags, 'zip');
	if (!out && !zip) throw new UsageError('say where to write: --out DIR or --zip FILE.zip');
	if (out && zip) throw new UsageError('--out and --zip cannot be used together');
	if (zip && flags.has('force')) throw new UsageError('--force goes with --out');
	const config = resolveConfig(flags, io.cwd);
	// Advice, not errors: printed, and the files are written all the same.
	for (const w of validationWarnings(config)) io.stderr(`slipway: warning: ${w.path}: ${w.message}\n`);
	const files = generate(config);

	if (zip) {
		const target = resolve(io.cwd, zip);
		if (existsSync(target) && !statSync(target).isFile()) throw new UsageError(`--zip ${zip}: exists and is not a file`);
		const bytes = await buildZip(files, config.project.name);
		const tmp = `${target}.tmp-${process.pid}`;
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(tmp, bytes);
		renameSync(tmp, target);
		io.stdout(`Wrote ${files.length} files to ${zip} (${bytes.length} bytes).\n`);
		return 0;
	}

	const dir = resolve(io.cwd, out!);
	if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${out}: exists and is not a directory`);
	const clashes = files.filter((f) => existsSync(join(dir, f.path)));
	if (clashes.length && !flags.has('force'))
		throw new UsageError(
			`--out ${out}: ${clashes.length} file(s) already exist (${clashes
				.slice(0, 5)
				.map((f) => f.path)
				.join(', ')}${clashes.length > 5 ? ', …' : ''}); use --force to overwrite`
		);
	for (const f of clashes) {
		if (lstatSync(join(dir, f.path)).isSymbolicLink()) throw new UsageError(`--out ${out}: ${f.path} is a symbolic link; refusing to write through it`);
	}
	// Write into a fresh sibling folder first when the target does not exist yet, so a failure never leaves half a project.
	const fresh = !existsSync(dir);
	const staging = fresh ? `${dir}.tmp-${process.pid}` : dir;
	try {
		for (const f of files) {
			const p = join(staging, f.path);
			mkdirSync(dirname(p), { recursive: true });
			writeFileSync(p, f.content);
			if (f.mode) chmodSync(p, f.mode);
		}
		if (fresh) renameSync(staging, dir);
	} catch (e) {
		if (fresh) rmSync(staging, { recursive: true, force: true });
		throw e;
	}
	io.stdout(`Wrote ${files.length} files to ${out}:\n${files.map((f) => `  ${f.path}`).join('\n')}\n`);
	return 0;
}

function cmdPresets(args: string[], io: Io): number {
	const flags = parseFlags(args, { help: 'bool', json: 'bool' });
	if (flags.has('help')) {
		io.stdout(PRESETS_HELP);
		return 0;
	}
	if (flags.has('json')) {
		io.stdout(JSON.stringify(PRESETS.map((p) => ({ id: p.id, title: p.title, summary: p.summary, config: p.config() })), null, 2) + '\n');
		return 0;
	}
	const width = Math.max(...PRESETS.map((p) => p.id.length));
	io.stdout(PRESETS.map((p) => `${p.id.padEnd(width)}  ${p.summary}`).join('\n') + '\n');
	return 0;
}

function cmdSchema(args: string[], io: Io): number {
	const flags = parseFlags(args, { help: 'bool' });
	if (flags.has('help')) {
		io.stdout(SCHEMA_HELP);
		return 0;
	}
	io.stdout(JSON.stringify(configJsonSchema(), null, 2) + '\n');
	return 0;
}

const COMMANDS = ['generate', 'diff', 'update', 'presets', 'schema'];

/** Run the CLI with arguments (without `node` and the script). Returns the exit status. */
export async function run(argv: string[], io: Io): Promise<number> {
	const [cmd, ...rest] = argv;
	try {
		switch (cmd) {
			case undefined:
			case '-h':
			case '--help':
			case 'help':
				io.stdout(MAIN_HELP);
				return cmd === undefined ? 2 : 0;
			case '--version':
			case '-V':
				io.stdout(`${VERSION}\n`);
				return 0;
			case 'generate':
				return await cmdGenerate(rest, io);
			case 'presets':
				return cmdPresets(rest, io);
			case 'schema':
				return cmdSchema(rest, io);
			case 'diff':
				return cmdDiff(rest, io);
			case 'update':
				return cmdUpdate(rest, io);
			default:
				throw new UsageError(`unknown command "${cmd}" (commands: generate, diff, update, presets, schema)`);
		}
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`slipway: ${e.message}\n`);
			if (e.errors.length) io.stderr(formatErrors(e.errors) + '\n');
			else if (cmd !== undefined && e.usage) io.stderr(`Run "slipway ${COMMANDS.includes(cmd) ? cmd + ' ' : ''}--help" for usage.\n`);
			return 2;
		}
		io.stderr(`slipway: ${(e as Error).message}\n`);
		// diff and update exit 1 for "differences" / "conflicts", so their failures are 2, as diff(1)'s are.
		return cmd === 'diff' || cmd === 'update' ? 2 : 1;
	}
}
