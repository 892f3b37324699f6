/** INI-like files (setup.cfg, *.ini, .flake8, .coveragerc, .editorconfig): Python's configparser (strict: no duplicate sections/keys), as the tools reading them do. */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';
import { base } from './util.ts';

const SCRIPT = String.raw`
import configparser, json, sys
out = []
for i, p in enumerate(sys.argv[1:]):
    text = open(p, encoding="utf-8").read()
    if p.endswith(".editorconfig"):
        text = "[__preamble__]\n" + text  # EditorConfig allows root=true before any section
    cp = configparser.ConfigParser(strict=True, interpolation=None)
    try:
        cp.read_string(text, source=p)
    except configparser.Error as e:
        out.append({"i": i, "message": str(e).replace("\n", " ")})
print(json.dumps(out))
`;

export const ini: Validator = {
	id: 'ini',
	tool: 'Python configparser, strict (trixie)',
	role: 'primary',
	chroot: true,
	match: (path) => /\.(ini|cfg)$/.test(path) || ['.flake8', '.coveragerc', '.editorconfig', '.pylintrc'].includes(base(path)),
	async check(files) {
		return withWorkdir('ini', [...files.map((f, i) => ({ path: `f${i}/${base(f.path)}`, content: f.content })), { path: 'check.py', content: SCRIPT }], async (w) => {
			const r = await run(['python3', 'check.py', ...files.map((f, i) => `f${i}/${base(f.path)}`)], { cwd: w.inRoot });
			if (r.code !== 0) return [{ file: files[0].path, tool: 'configparser', message: r.stderr.slice(-1500) }];
			return (JSON.parse(r.stdout) as { i: number; message: string }[]).map((x) => {
				const m = /line:? (\d+)/.exec(x.message);
				return { file: files[x.i].path, line: m ? Number(m[1]) : undefined, tool: 'configparser', message: x.message };
			});
		});
	}
};
