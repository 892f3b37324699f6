/**
 * The Dockerfile writer: a typed list of instructions in, Dockerfile text out.
 *
 * User text (every string field of Config) may only reach a Dockerfile
 * through two doors, both escaped here:
 * - exec-form arrays (CMD, ENTRYPOINT, HEALTHCHECK CMD): each argument is a
 *   JSON string (`JSON.stringify`), which is exactly what Docker parses;
 * - LABEL values: double-quoted, with `\`, `"` and `$` backslash-escaped (the
 *   Dockerfile processes LABEL values like shell words, expanding `$VAR`).
 * Line breaks can never be escaped in a Dockerfile (a `\` at the end of a
 * line continues the instruction), so any text with one is rejected: the
 * model's validation refuses them first, the writer refuses them again.
 *
 * Everything else (RUN commands, ENV values, paths, image names) is Slipway's
 * own text or a validated identifier; the writer still refuses line breaks
 * anywhere, so no value can start a new instruction.
 */

/** One `--mount=...` option of RUN, e.g. `type=cache,target=/root/.cache/uv`. */
export type Mount = string;

/** A Dockerfile instruction, or a comment / blank line between them. */
export type Instruction =
	| { kind: 'syntax'; frontend: string }
	| { kind: 'comment'; text: string }
	| { kind: 'blank' }
	| { kind: 'arg'; name: string; value?: string }
	| { kind: 'from'; image: string; as?: string }
	| { kind: 'env'; vars: readonly (readonly [string, string])[] }
	| { kind: 'label'; labels: readonly (readonly [string, string])[] }
	| { kind: 'workdir'; path: string }
	| { kind: 'run'; mounts?: readonly Mount[]; command: readonly string[] }
	| { kind: 'copy'; from?: string; chown?: string; link?: boolean; sources: readonly string[]; dest: string }
	| { kind: 'user'; user: string }
	| { kind: 'expose'; port: number }
	| { kind: 'healthcheck'; options: readonly (readonly [string, string])[]; argv: readonly string[] }
	| { kind: 'cmd'; argv: readonly string[] }
	| { kind: 'entrypoint'; argv: readonly string[] };

/** Any line break a Dockerfile parser (or an editor) could honour. */
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\r\n\u000b\u000c\u0085\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function oneLine(text: string, what: string): string {
	if (LINE_BREAK.test(text) || CONTROL.test(text)) throw new Error(`${what} must be a single line without control characters: ${JSON.stringify(text)}`);
	return text;
}

/** A JSON exec-form array, as Docker parses it: `["a", "b"]`. */
export function execForm(argv: readonly string[]): string {
	if (argv.length === 0) throw new Error('an exec-form command needs at least one argument');
	return `[${argv.map((a) => JSON.stringify(oneLine(a, 'exec-form argument'))).join(', ')}]`;
}

/**
 * A double-quoted Dockerfile word for LABEL values: `\`, `"` and `$` escaped.
 *
 * @example labelValue('Say "hi" for $5') // "\"Say \\\"hi\\\" for \\$5\""
 */
export function labelValue(text: string): string {
	// BuildKit reads `"\"x"` as `"x`, but dockerfile-utils (the validator Slipway is
	// checked with) rejects any value whose first character is a quote, however it is
	// escaped. So a leading ASCII quote becomes its typographic twin; nothing else changes.
	const lead = oneLine(text, 'LABEL value').replace(/^"/, '\u201c').replace(/^'/, '\u2018');
	return `"${lead.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** ENV values are ours (they may use `$PATH`); quote them when they hold spaces or quotes. */
function envValue(text: string): string {
	oneLine(text, 'ENV value');
	return /^[A-Za-z0-9_./:${}=,@+-]*$/.test(text) && text !== '' ? text : `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const CONT = ' \\\n    ';

/** ENV and LABEL: `KEY=value` pairs, one a line; a key that `valid` refuses is an error. */
function keyValues(instruction: string, pairs: readonly (readonly [string, string])[], valid: RegExp, what: string, value: (v: string) => string): string {
	const items = pairs.map(([k, v]) => {
		if (!valid.test(k)) throw new Error(`bad ${instruction} ${what} ${k}`);
		return `${k}=${value(v)}`;
	});
	return `${instruction} ${items.join(CONT)}`;
}

function render(ins: Instruction): string {
	switch (ins.kind) {
		case 'syntax':
			return `# syntax=${oneLine(ins.frontend, 'syntax')}`;
		case 'comment':
			return `# ${oneLine(ins.text, 'comment')}`.trimEnd();
		case 'blank':
			return '';
		case 'arg':
			if (!NAME.test(ins.name)) throw new Error(`bad ARG name ${ins.name}`);
			return ins.value === undefined ? `ARG ${ins.name}` : `ARG ${ins.name}=${envValue(ins.value)}`;
		case 'from':
			return `FROM ${oneLine(ins.image, 'image')}${ins.as ? ` AS ${ins.as}` : ''}`;
		case 'env':
			return keyValues('ENV', ins.vars, NAME, 'name', envValue);
		case 'label':
			return keyValues('LABEL', ins.labels, LABEL_KEY, 'key', labelValue);
		case 'workdir':
			return `WORKDIR ${oneLine(ins.path, 'WORKDIR')}`;
		case 'run': {
			const parts = [...(ins.mounts ?? []).map((m) => `--mount=${oneLine(m, 'mount')}`), ...ins.command.map((c) => oneLine(c, 'RUN command'))];
			return `RUN ${parts.join(CONT)}`;
		}
		case 'copy': {
			const flags = [ins.link ? '--link' : '', ins.from ? `--from=${ins.from}` : '', ins.chown ? `--chown=${ins.chown}` : ''].filter(Boolean);
			return `COPY ${[...flags, ...ins.sources, ins.dest].map((p) => oneLine(p, 'COPY path')).join(' ')}`;
		}
		case 'user':
			return `USER ${oneLine(ins.user, 'USER')}`;
		case 'expose':
			if (!Number.isInteger(ins.port) || ins.port < 1 || ins.port > 65535) throw new Error(`bad port ${ins.port}`);
			return `EXPOSE ${ins.port}`;
		case 'healthcheck': {
			const opts = ins.options.map(([k, v]) => `--${k}=${oneLine(v, 'HEALTHCHECK option')}`);
			return `HEALTHCHECK ${opts.join(' ')}${CONT}CMD ${execForm(ins.argv)}`;
		}
		case 'cmd':
			return `CMD ${execForm(ins.argv)}`;
		case 'entrypoint':
			return `ENTRYPOINT ${execForm(ins.argv)}`;
	}
}

/** Serialise instructions, one per line (continuations indented), ending with one newline. */
export function writeDockerfile(instructions: readonly Instruction[]): string {
	return instructions.map(render).join('\n').replace(/\n+$/, '') + '\n';
}
