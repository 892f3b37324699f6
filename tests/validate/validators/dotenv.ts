/**
 * .env / .env.example: every non-comment line must be `NAME=value` with a
 * POSIX-style name, no name twice, and python-dotenv (what pydantic-settings
 * uses to read it) must parse every statement without its "could not parse"
 * warning. The run proof additionally loads it through the generated settings.
 */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';
import { base } from './util.ts';

const SCRIPT = String.raw`
import json, logging, sys
msgs = []
class H(logging.Handler):
    def emit(self, record):
        msgs.append(record.getMessage())
logging.getLogger("dotenv").addHandler(H())
logging.getLogger("dotenv").setLevel(logging.WARNING)
from dotenv import dotenv_values
out = []
for p in sys.argv[1:]:
    msgs.clear()
    dotenv_values(p, interpolate=False)
    for m in msgs:
        out.append({"file": p, "message": m})
print(json.dumps(out))
`;

export const dotenv: Validator = {
	id: 'dotenv',
	tool: 'python-dotenv 1.x parser (trixie) + NAME=value line check',
	role: 'primary',
	chroot: true,
	match: (path) => /^(\.env(\.[A-Za-z0-9_-]+)?|env\.template|[\w-]+\.env)$/.test(base(path)),
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			const seen = new Map<string, number>();
			f.content.split('\n').forEach((raw, i) => {
				const line = raw.trim();
				if (!line || line.startsWith('#')) return;
				const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
				if (!m) {
					out.push({ file: f.path, line: i + 1, tool: 'dotenv-lines', message: `not a NAME=value line: ${JSON.stringify(raw.slice(0, 80))}` });
					return;
				}
				if (seen.has(m[1])) out.push({ file: f.path, line: i + 1, tool: 'dotenv-lines', message: `${m[1]} is set twice (also line ${seen.get(m[1])})` });
				seen.set(m[1], i + 1);
				if (/^\s/.test(m[2])) out.push({ file: f.path, line: i + 1, tool: 'dotenv-lines', message: `space after "=" in ${m[1]}` });
			});
			if (f.content && !f.content.endsWith('\n')) out.push({ file: f.path, tool: 'dotenv-lines', message: 'file does not end with a newline' });
		}
		await withWorkdir('dotenv', [...files.map((f, i) => ({ path: `f${i}/${base(f.path)}`, content: f.content })), { path: 'check.py', content: SCRIPT }], async (w) => {
			const r = await run(['python3', 'check.py', ...files.map((f, i) => `f${i}/${base(f.path)}`)], { cwd: w.inRoot });
			if (r.code !== 0) {
				out.push({ file: files[0].path, tool: 'python-dotenv', message: `checker failed: ${r.stderr.slice(-1500)}` });
				return;
			}
			for (const x of JSON.parse(r.stdout) as { file: string; message: string }[]) {
				const idx = Number(x.file.slice(1, x.file.indexOf('/')));
				const m = /line (\d+)/.exec(x.message);
				out.push({ file: files[idx].path, line: m ? Number(m[1]) : undefined, tool: 'python-dotenv', message: x.message });
			}
		});
		return out;
	}
};
