/**
 * nginx configuration text, built from directives whose arguments are
 * checked: a user-derived argument may only hold characters that cannot end
 * a directive or open a block (`;`, `{`, `}`, quotes, `#`, whitespace) or
 * expand a variable (`$`). Our own arguments that need `$variables` go through
 * `raw()`, which refuses user text by construction (only literals in code).
 */

/** An argument we wrote ourselves (may use `$variables` and quotes). */
export interface Raw {
	raw: string;
}
export const raw = (text: string): Raw => ({ raw: text });

/** Checked argument: host names, paths, names, numbers. */
export function nginxArg(text: string): string {
	if (!/^[A-Za-z0-9._:/[\]*=@~+,-]+$/.test(text)) throw new Error(`unsafe nginx argument ${JSON.stringify(text)}`);
	return text;
}

export type NginxNode = { d: string; args?: (string | Raw)[] } | { block: string; args?: (string | Raw)[]; body: NginxNode[] } | { comment: string } | { blank: true };

function args(list: (string | Raw)[] | undefined): string {
	return (list ?? []).map((a) => (typeof a === 'string' ? nginxArg(a) : a.raw)).map((a) => ` ${a}`).join('');
}

/** Serialise nodes with 4-space indentation. */
export function writeNginx(nodes: readonly NginxNode[], depth = 0): string {
	const pad = '    '.repeat(depth);
	const out: string[] = [];
	for (const n of nodes) {
		if ('blank' in n) out.push('');
		else if ('comment' in n) {
			if (/[\r\n]/.test(n.comment)) throw new Error('nginx comment must be one line');
			out.push(`${pad}# ${n.comment}`);
		} else if ('block' in n) {
			out.push(`${pad}${n.block}${args(n.args)} {`);
			out.push(writeNginx(n.body, depth + 1).replace(/\n$/, ''));
			out.push(`${pad}}`);
		} else {
			if (!/^[a-z_0-9]+$/.test(n.d)) throw new Error(`bad nginx directive ${JSON.stringify(n.d)}`);
			out.push(`${pad}${n.d}${args(n.args)};`);
		}
	}
	return out.join('\n') + '\n';
}
