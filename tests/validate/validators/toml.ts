/** Any TOML file: smol-toml (TOML 1.0) must parse it. */
import { parse, TomlError } from 'smol-toml';
import type { Validator } from '../registry.ts';

export const toml: Validator = {
	id: 'toml',
	tool: 'smol-toml parse (TOML 1.0)',
	role: 'secondary',
	chroot: false,
	match: (path) => /\.toml$/i.test(path),
	async check(files) {
		const out = [];
		for (const f of files) {
			try {
				parse(f.content);
			} catch (err) {
				const e = err as TomlError;
				out.push({ file: f.path, line: e.line, tool: 'smol-toml', message: e.message.split('\n')[0] });
			}
		}
		return out;
	}
};
