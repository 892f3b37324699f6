/**
 * Python sources: ruff (WebAssembly build, in-process) with the project's own
 * `[tool.ruff]` settings from the generated pyproject.toml, plus `py_compile`
 * under the toolchain's CPython 3.13 (a real compile, not just a parse).
 */
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { parse } from 'smol-toml';
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';
import { isObj } from './util.ts';

interface RuffDiag {
	code: string | null;
	message: string;
	start_location: { row: number; column: number };
}

function ruffSettings(pyproject: string | undefined): { settings: Record<string, unknown>; note?: string } {
	const fallback = { lint: { select: ['E4', 'E7', 'E9', 'F'] } };
	if (!pyproject) return { settings: fallback };
	try {
		const doc = parse(pyproject) as Record<string, unknown>;
		const tool = isObj(doc.tool) ? doc.tool : {};
		const ruff = isObj(tool.ruff) ? { ...tool.ruff } : null;
		if (!ruff) return { settings: fallback };
		// Path-based settings mean nothing to an in-memory check.
		for (const k of ['src', 'exclude', 'extend-exclude', 'include', 'extend-include', 'cache-dir', 'namespace-packages']) delete ruff[k];
		// Without files on disk ruff cannot tell first-party imports; tell it, as `src = ["src"]` would.
		const name = isObj(doc.project) && typeof doc.project.name === 'string' ? doc.project.name : isObj(tool.poetry) && typeof tool.poetry.name === 'string' ? tool.poetry.name : null;
		if (name) {
			const lint = isObj(ruff.lint) ? { ...ruff.lint } : {};
			const isort = isObj(lint.isort) ? { ...lint.isort } : {};
			isort['known-first-party'] ??= [name.toLowerCase().replace(/[-.]+/g, '_')];
			lint.isort = isort;
			ruff.lint = lint;
		}
		return { settings: ruff };
	} catch (err) {
		return { settings: fallback, note: `pyproject.toml unreadable: ${String(err)}` };
	}
}

/** Rule prefixes `[tool.ruff.lint.per-file-ignores]` ignores for `path` (globs: *, **, ?). */
function perFileIgnores(settings: Record<string, unknown>, path: string): string[] {
	const lint = isObj(settings.lint) ? settings.lint : {};
	const table = isObj(lint['per-file-ignores']) ? lint['per-file-ignores'] : isObj(settings['per-file-ignores']) ? settings['per-file-ignores'] : {};
	const out: string[] = [];
	for (const [glob, codes] of Object.entries(table)) {
		const re = new RegExp(
			'^(?:.*/)?' +
				glob
					.replace(/[.+^${}()|[\]\\]/g, '\\$&')
					.replace(/\*\*\//g, '\u0000')
					.replace(/\*\*/g, '.*')
					.replace(/\*/g, '[^/]*')
					.replace(/\?/g, '[^/]')
					.replace(/\u0000/g, '(?:.*/)?') +
				'$'
		);
		if (re.test(path) && Array.isArray(codes)) out.push(...codes.map(String));
	}
	return out;
}

export const python: Validator = {
	id: 'python',
	tool: 'ruff check + ruff format --check (wasm, project settings) + compile() under CPython 3.13 (trixie)',
	role: 'primary',
	chroot: true,
	match: (path) => /\.pyi?$/.test(path),
	reads: () => ['pyproject.toml'],
	async check(files, set) {
		const out: Finding[] = [];
		const { settings, note } = ruffSettings(set.byPath.get('pyproject.toml')?.content);
		if (note) out.push({ file: 'pyproject.toml', tool: 'ruff', message: note });
		let ws: Workspace;
		try {
			ws = new Workspace(settings, PositionEncoding.Utf16);
		} catch (err) {
			out.push({ file: 'pyproject.toml', tool: 'ruff', message: `[tool.ruff] settings rejected by ruff: ${String(err)}` });
			ws = new Workspace({}, PositionEncoding.Utf16);
		}
		for (const f of files) {
			const diags = ws.check(f.content) as RuffDiag[];
			const ignored = perFileIgnores(settings, f.path);
			for (const d of diags) {
				// Per-file ignores from the project's own settings (e.g. tests may use assert): the
				// in-memory check has no path, so apply them here.
				if (d.code && ignored.some((c) => d.code!.startsWith(c))) continue;
				out.push({ file: f.path, line: d.start_location.row, tool: 'ruff', message: `${d.code ?? 'syntax'}: ${d.message}` });
			}
			// `ruff format --check .`, as the README and CI run it: the file must already be formatted.
			if (f.path.endsWith('.py') && !diags.some((d) => d.code === null)) {
				let formatted: string | null = null;
				try {
					formatted = ws.format(f.content);
				} catch (err) {
					out.push({ file: f.path, tool: 'ruff format', message: `ruff format failed: ${String(err)}` });
				}
				if (formatted !== null && formatted !== f.content) {
					const a = f.content.split('\n');
					const b = formatted.split('\n');
					let i = 0;
					while (i < a.length && a[i] === b[i]) i++;
					out.push({ file: f.path, line: i + 1, tool: 'ruff format --check', message: `would reformat: line ${i + 1} ${JSON.stringify(a[i] ?? '')} -> ${JSON.stringify(b[i] ?? '')}` });
				}
			}
		}
		ws.free();
		const pyFiles = files.filter((f) => f.path.endsWith('.py'));
		if (pyFiles.length) {
			await withWorkdir('pyc', pyFiles, async (w) => {
				// compile() is what py_compile does, minus writing a .pyc: same parser, same compiler, same SyntaxErrors.
				const script = [
					'import sys, warnings',
					'warnings.simplefilter("error", SyntaxWarning)',
					'bad = 0',
					'for p in sys.argv[1:]:',
					'    try:',
					'        compile(open(p, "rb").read(), p, "exec", dont_inherit=True)',
					'    except (SyntaxError, ValueError, SyntaxWarning) as e:',
					'        bad += 1',
					'        print(p + "\\t" + "line " + str(getattr(e, "lineno", "?")) + ": " + str(e).replace("\\n", " "))',
					'sys.exit(1 if bad else 0)'
				].join('\n');
				const r = await run(['python3', '-W', 'error::SyntaxWarning', '-c', script, ...pyFiles.map((f) => f.path)], { cwd: w.inRoot });
				if (r.code !== 0) {
					for (const line of r.stdout.split('\n').filter(Boolean)) {
						const [file, msg] = line.split('\t');
						const m = /line (\d+)/.exec(msg ?? '');
						out.push({ file, line: m ? Number(m[1]) : undefined, tool: 'python3 compile()', message: msg ?? line });
					}
					if (!r.stdout.trim()) out.push({ file: pyFiles[0].path, tool: 'python3 compile()', message: r.stderr.slice(-1500) });
				}
			});
		}
		return out;
	}
};
