/**
 * systemd unit files (and EnvironmentFile lines), written so that text can
 * never leave its line or its argument: line breaks and other control
 * characters are refused, `%` (specifiers) and `$` (variable expansion in
 * commands) are escaped, and command arguments are quoted when needed.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function refuseControl(text: string, what: string): void {
	if (CONTROL.test(text)) throw new Error(`${what} must not contain line breaks or control characters: ${JSON.stringify(text)}`);
}

/** A plain setting value: `%` doubled so systemd does not read a specifier. */
export function unitValue(text: string): string {
	refuseControl(text, 'systemd value');
	return text.replace(/%/g, '%%');
}

/**
 * One argument of ExecStart= and friends. Specifiers (`%`) and variables (`$`)
 * are escaped; arguments with spaces, quotes, backslashes or `;` are
 * double-quoted with C-style escapes, as systemd.syntax(7) describes.
 */
export function unitArg(arg: string): string {
	refuseControl(arg, 'systemd command argument');
	if (arg === '') return '""';
	const escaped = arg.replace(/%/g, '%%').replace(/\$/g, '$$$$');
	if (/^[A-Za-z0-9_@%+=:,./*-]+$/.test(arg) && arg !== ';') return escaped;
	return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A command line: executable (absolute path) + arguments. */
export function unitCommand(argv: readonly string[]): string {
	if (!argv.length || !argv[0].startsWith('/')) throw new Error(`systemd command must start with an absolute path: ${JSON.stringify(argv[0])}`);
	return argv.map(unitArg).join(' ');
}

/** One `[Section]` with its `Key=value` lines; comment lines start with `#`. */
export type UnitSection = { name: string; lines: ([key: string, value: string] | { comment: string })[] };

/** Serialise a unit file. Keys are ours (checked); values must already be escaped (unitValue/unitCommand). */
export function writeUnit(header: readonly string[], sections: readonly UnitSection[]): string {
	const out: string[] = header.map((h) => {
		refuseControl(h, 'comment');
		return `# ${h}`;
	});
	for (const s of sections) {
		if (out.length) out.push('');
		out.push(`[${s.name}]`);
		for (const line of s.lines) {
			if ('comment' in line) {
				refuseControl(line.comment, 'comment');
				out.push(`# ${line.comment}`);
				continue;
			}
			const [k, v] = line;
			if (!/^[A-Za-z][A-Za-z0-9]*$/.test(k)) throw new Error(`bad systemd key ${JSON.stringify(k)}`);
			refuseControl(v, `value of ${k}`);
			out.push(`${k}=${v}`);
		}
	}
	return out.join('\n') + '\n';
}

/**
 * One `NAME=value` line of an EnvironmentFile (systemd.exec(5)): the value is
 * double-quoted, with `\` and `"` escaped, so spaces, `#` and quotes stay data.
 * (EnvironmentFile= does no `%`/`$` expansion.)
 */
export function envLine(name: string, value: string): string {
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad variable name ${JSON.stringify(name)}`);
	refuseControl(value, `value of ${name}`);
	return `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
