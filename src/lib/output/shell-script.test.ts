import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { GeneratedFile } from '../generators/types.ts';
import { generate } from '../generators/index.ts';
import { PRESETS } from '../model/presets.ts';
import { delimiterFor, shellQuote, shellScript } from './shell-script.ts';

function runScript(script: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'slipway-sh-'));
	writeFileSync(join(dir, 'create-project.sh'), script);
	execFileSync('sh', ['create-project.sh'], { cwd: dir, stdio: 'pipe' });
	return dir;
}

function listFiles(root: string, prefix = ''): string[] {
	return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listFiles(root, prefix + e.name + '/') : [prefix + e.name]
	);
}

function expectRecreated(files: GeneratedFile[], top = 'proj'): void {
	const dir = runScript(shellScript(files, top));
	try {
		const root = join(dir, top);
		expect(listFiles(root).sort()).toEqual(files.map((f) => f.path).sort());
		for (const f of files) {
			expect(readFileSync(join(root, f.path)).equals(Buffer.from(f.content, 'utf8')), f.path).toBe(true);
			expect(statSync(join(root, f.path)).mode & 0o777, f.path).toBe(f.mode ?? 0o644);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const NASTY: GeneratedFile[] = [
	{ path: 'plain.txt', content: 'hello\n' },
	{ path: 'no-newline.txt', content: 'no final newline' },
	{ path: 'empty.txt', content: '' },
	{ path: 'blank-lines.txt', content: 'a\n\n\n' },
	{ path: 'only-newlines.txt', content: '\n\n' },
	{ path: 'sub/dir/expand.sh', content: 'echo $(id) `whoami` ${HOME} $HOME \\n \\\nend\n', mode: 0o755 },
	{ path: 'quotes.txt', content: `'single' "double" '\\'' \n` },
	{ path: 'delim.txt', content: 'x\nSLIPWAY_EOF_0\nSLIPWAY_EOF_1\nEOF\n' },
	{ path: "it's a file.txt", content: 'spaces and quote in path\n' },
	{ path: 'unicode/ünï €.md', content: '# ✓ 日本語 \t tab\r\nCRLF line\r\n' },
	{ path: 'sub/dir/trailing-delim.txt', content: 'SLIPWAY_EOF_7' }
];

describe('shellScript', () => {
	it('recreates nasty content byte for byte, with modes', () => {
		expectRecreated(NASTY);
	});

	it('recreates every preset file set', () => {
		for (const p of PRESETS) expectRecreated(generate(p.config()), p.config().project.name);
	}, 60_000);

	it('recreates arbitrary text (property)', () => {
		const line = fc.oneof(fc.string(), fc.constantFrom('SLIPWAY_EOF_0', 'EOF', '$(touch pwned)', '`touch pwned`', "'", ')"'));
		fc.assert(
			fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), (lines, nl) => {
				const content = lines.join('\n').replace(/\0/g, '') + (nl ? '\n' : '');
				expectRecreated([{ path: 'f.txt', content }]);
			}),
			{ numRuns: 25 }
		);
	}, 60_000);

	it('uses a delimiter that does not occur in the content', () => {
		expect(delimiterFor('SLIPWAY_EOF_0\nSLIPWAY_EOF_1')).toBe('SLIPWAY_EOF_2');
		const s = shellScript([{ path: 'a', content: 'SLIPWAY_EOF_0\n' }]);
		expect(s).toContain("cat > 'a' <<'SLIPWAY_EOF_1'\nSLIPWAY_EOF_0\nSLIPWAY_EOF_1\n");
	});

	it('works without a top folder and refuses unsafe paths', () => {
		const dir = runScript(shellScript([{ path: 'x/y.txt', content: 'y\n' }]));
		expect(readFileSync(join(dir, 'x/y.txt'), 'utf8')).toBe('y\n');
		rmSync(dir, { recursive: true, force: true });
		expect(() => shellScript([{ path: '../evil', content: '' }])).toThrow(/unsafe/);
		expect(() => shellScript([{ path: '/etc/passwd', content: '' }])).toThrow(/unsafe/);
	});

	it('quotes words safely', () => {
		expect(shellQuote("it's")).toBe(`'it'\\''s'`);
		expect(execFileSync('sh', ['-c', `printf %s ${shellQuote("a'b $(x) `y` \"z\"")}`], { encoding: 'utf8' })).toBe("a'b $(x) `y` \"z\"");
	});
});
