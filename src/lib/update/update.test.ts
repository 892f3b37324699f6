/**
 * src/lib/update (issue 19) by example: the hash record in slipway.json, the
 * file statuses of planUpdate, git-style conflict markers, line ends, input
 * that is not text, and the patches (checked with real `git apply`).
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate } from '../generators/index.ts';
import { fileHash } from '../generators/file-hash.ts';
import type { Config } from '../model/config.ts';
import { DEFAULT_BACKEND } from '../model/defaults.ts';
import { presetById } from '../model/presets.ts';
import { decodeText, diffProject, pathsToRead, planUpdate, readRecorded, unifiedPatch, type RecordedProject } from './index.ts';

function uv(): Config {
	const c = presetById('fastapi-service')!.config();
	c.packaging = { ...c.packaging, manager: 'uv', backend: DEFAULT_BACKEND.uv };
	c.target = 'docker';
	return c;
}
function poetry(c: Config): Config {
	const n = structuredClone(c);
	n.packaging = { ...n.packaging, manager: 'poetry', backend: DEFAULT_BACKEND.poetry };
	return n;
}
function recordOf(c: Config): RecordedProject {
	const r = readRecorded(generate(c).find((f) => f.path === 'slipway.json')!.content);
	if (!r.ok) throw new Error(r.message);
	return r.recorded;
}
const filesOf = (c: Config) => new Map(generate(c).map((f) => [f.path, f.content] as [string, string | Uint8Array | null]));
const entry = (plan: ReturnType<typeof planUpdate>, path: string) => plan.files.find((f) => f.path === path)!;

describe('slipway.json records a hash of every other generated file', () => {
	it('sha256 of the UTF-8 bytes, as sha256sum prints it, for every file but slipway.json, sorted by path', () => {
		const files = generate(uv());
		const sj = JSON.parse(files.find((f) => f.path === 'slipway.json')!.content);
		const others = files.filter((f) => f.path !== 'slipway.json');
		expect(Object.keys(sj.files)).toEqual(others.map((f) => f.path));
		for (const f of others) expect(sj.files[f.path], f.path).toBe(`sha256:${createHash('sha256').update(f.content, 'utf8').digest('hex')}`);
		expect(fileHash('Zoë\n')).toBe(`sha256:${createHash('sha256').update('Zoë\n', 'utf8').digest('hex')}`);
	});

	it('generate() stays deterministic and reproduces slipway.json from itself (generate --config slipway.json)', () => {
		const a = generate(uv());
		const rec = recordOf(uv());
		expect(generate(rec.config)).toEqual(a);
	});
});

describe('readRecorded', () => {
	const text = generate(uv()).find((f) => f.path === 'slipway.json')!.content;

	it('reads config and hashes; a file without hashes (older Slipway) reads with hashes null', () => {
		const r = readRecorded(text);
		expect(r.ok && r.recorded.hashes?.get('pyproject.toml')).toMatch(/^sha256:[0-9a-f]{64}$/);
		const old = JSON.parse(text);
		delete old.files;
		const o = readRecorded(JSON.stringify(old));
		expect(o.ok && o.recorded.hashes).toBeNull();
		expect(o.ok && o.recorded.config).toEqual(r.ok && r.recorded.config);
	});

	it('refuses a newer format, bad JSON, a malformed hash and an invalid configuration, with messages', () => {
		const d = JSON.parse(text);
		const newer = readRecorded(JSON.stringify({ ...d, slipway: 7 }));
		expect(newer).toMatchObject({ ok: false, newer: true });
		expect(!newer.ok && newer.message).toMatch(/newer Slipway \(format 7; this one reads formats 1 to 1\)/);
		expect(readRecorded('{')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
		expect(readRecorded('{"project": {}}')).toMatchObject({ ok: false, message: expect.stringMatching(/not a Slipway project file/) });
		expect(readRecorded(JSON.stringify({ ...d, files: { Dockerfile: 'md5:abc' } }))).toMatchObject({ ok: false, message: expect.stringMatching(/"files"\."Dockerfile" must be "sha256:"/) });
		expect(readRecorded(JSON.stringify({ ...d, files: [] }))).toMatchObject({ ok: false });
		const bad = readRecorded(JSON.stringify({ ...d, config: { ...d.config, project: { ...d.config.project, name: 'Bad Name!' } } }));
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.errors?.[0].path).toBe('project.name');
	});
});

describe('planUpdate statuses', () => {
	it('an untouched project at the same configuration: every file unchanged, nothing to write, empty patch', () => {
		const plan = planUpdate({ theirs: filesOf(uv()), recorded: recordOf(uv()), next: uv() });
		expect(plan.files.every((f) => f.status === 'unchanged' && f.action === 'none')).toBe(true);
		expect(unifiedPatch(plan)).toBe('');
	});

	it('uv -> Poetry on an untouched project: changed-by-slipway, new (poetry.toml), deleted (.python-version), never a conflict', () => {
		const plan = planUpdate({ theirs: filesOf(uv()), recorded: recordOf(uv()), next: poetry(uv()) });
		const ours = new Map(generate(poetry(uv())).map((f) => [f.path, f.content]));
		expect(entry(plan, 'pyproject.toml')).toMatchObject({ status: 'changed-by-slipway', action: 'write', result: ours.get('pyproject.toml') });
		expect(entry(plan, 'poetry.toml')).toMatchObject({ status: 'new', action: 'write' });
		expect(entry(plan, '.python-version')).toMatchObject({ status: 'changed-by-slipway', action: 'delete', result: null, ours: null });
		expect(plan.counts.conflict).toBe(0);
		for (const f of plan.files) expect(f.result, f.path).toBe(ours.get(f.path) ?? null);
	});

	it('the hash decides "never edited": a file equal to its recorded hash is replaced even when today\'s base differs from it', () => {
		const rec = recordOf(uv());
		const theirs = filesOf(uv());
		// What an older Slipway wrote: not today's base, but what the record's hash says was generated.
		const older = 'FROM python:3.11\n';
		theirs.set('Dockerfile', older);
		const hashes = new Map(rec.hashes!);
		hashes.set('Dockerfile', fileHash(older));
		const plan = planUpdate({ theirs, recorded: { ...rec, hashes }, next: poetry(uv()) });
		expect(entry(plan, 'Dockerfile')).toMatchObject({ status: 'changed-by-slipway', result: generate(poetry(uv())).find((f) => f.path === 'Dockerfile')!.content });
		// Without that hash the same file is an edit, merged against base: both changed line 1 -> conflict, nothing lost.
		const merged = planUpdate({ theirs, recorded: rec, next: poetry(uv()) });
		expect(entry(merged, 'Dockerfile').status).toBe('conflict');
		expect(entry(merged, 'Dockerfile').result).toContain(older);
	});

	it('changed-by-you (Slipway did not change it), merged (both, apart), conflict (the same line) with git-style markers', () => {
		const c = uv();
		const theirs = filesOf(c);
		const base = generate(c);
		const ours = generate(poetry(c));
		const readme = theirs.get('LICENSE') as string;
		theirs.set('LICENSE', readme + 'Mine.\n');
		const py = (theirs.get('pyproject.toml') as string).replace(/^(description = .*)$/m, '$1\n# my comment');
		theirs.set('pyproject.toml', py);
		const docker = (theirs.get('Dockerfile') as string).split('\n');
		const oursDocker = new Set(ours.find((f) => f.path === 'Dockerfile')!.content.split('\n'));
		const i = docker.findIndex((l) => l.trim() && !l.startsWith('#') && !oursDocker.has(l));
		const mine = docker[i] + ' # mine';
		docker[i] = mine;
		theirs.set('Dockerfile', docker.join('\n'));
		const plan = planUpdate({ theirs, recorded: recordOf(c), next: poetry(c) });
		expect(base.find((f) => f.path === 'LICENSE')!.content).toBe(ours.find((f) => f.path === 'LICENSE')!.content);
		expect(entry(plan, 'LICENSE')).toMatchObject({ status: 'changed-by-you', action: 'none', result: readme + 'Mine.\n' });
		const p = entry(plan, 'pyproject.toml');
		expect(p.status).toBe('merged');
		expect(p.result).toContain('# my comment');
		expect(p.result).toContain('poetry');
		const d = entry(plan, 'Dockerfile');
		expect(d).toMatchObject({ status: 'conflict', action: 'write', conflicts: 1 });
		expect(d.result).toMatch(new RegExp(`^<<<<<<< yours\\n[^]*${mine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n[^]*^=======\\n[^]*^>>>>>>> slipway\\n`, 'm'));
		expect(d.result!.endsWith('\n') || !docker.at(-1)).toBe(true);
	});

	it('a user-deleted file stays deleted (removed-by-you); an edited file Slipway no longer generates is kept and reported as a conflict', () => {
		const c = uv();
		const theirs = filesOf(c);
		theirs.delete('README.Docker.md');
		theirs.set('.python-version', '3.13\n'); // edited, and Poetry's generation has none
		const plan = planUpdate({ theirs, recorded: recordOf(c), next: poetry(c) });
		expect(entry(plan, 'README.Docker.md')).toMatchObject({ status: 'removed-by-you', action: 'none', result: null });
		expect(entry(plan, '.python-version')).toMatchObject({ status: 'conflict', action: 'none', result: '3.13\n', conflicts: 0 });
	});

	it('a slipway.json without hashes: equal-to-base files are replaced, edits merged, a missing file counts as deleted', () => {
		const c = uv();
		const rec = { ...recordOf(c), hashes: null };
		const theirs = filesOf(c);
		theirs.delete('compose.yaml');
		const plan = planUpdate({ theirs, recorded: rec, next: poetry(c) });
		expect(entry(plan, 'pyproject.toml').status).toBe('changed-by-slipway');
		expect(entry(plan, 'compose.yaml').status).toBe('removed-by-you');
	});

	it('an imported configuration (no slipway.json): missing files are new, present ones are kept or merged, never replaced outright', () => {
		const c = uv();
		const theirs = new Map<string, string>([['pyproject.toml', '[project]\nname = "x"\n']]);
		const plan = planUpdate({ theirs, recorded: { config: c, hashes: null, imported: true }, next: c });
		expect(entry(plan, 'Dockerfile').status).toBe('new');
		expect(entry(plan, 'slipway.json')).toMatchObject({ status: 'new', action: 'write' });
		expect(entry(plan, 'pyproject.toml')).toMatchObject({ status: 'changed-by-you', result: '[project]\nname = "x"\n' });
	});

	it('no record at all: two-way, lines only Slipway has are added, lines only the user has kept, differing lines marked', () => {
		const c = uv();
		const ours = generate(c).find((f) => f.path === '.gitignore')!.content;
		const ls = ours.split('\n');
		const mine = ['# mine', ...ls.slice(0, 2), 'changed line', ...ls.slice(3)].join('\n');
		const plan = planUpdate({ theirs: new Map([['.gitignore', mine]]), recorded: null, next: c });
		const g = entry(plan, '.gitignore');
		expect(g.status).toBe('conflict');
		expect(g.result).toContain('# mine');
		expect(g.result).toMatch(/^<<<<<<< yours\nchanged line\n=======\n/m);
		expect(entry(plan, 'Dockerfile').status).toBe('new');
	});

	it('a CRLF checkout is merged in CRLF and an unedited CRLF file counts as untouched', () => {
		const c = uv();
		const theirs = filesOf(c);
		const crlf = (s: string) => s.replace(/\n/g, '\r\n');
		theirs.set('pyproject.toml', crlf(theirs.get('pyproject.toml') as string));
		theirs.set('compose.yaml', crlf((theirs.get('compose.yaml') as string) + '# mine\n'));
		const plan = planUpdate({ theirs, recorded: recordOf(c), next: poetry(c) });
		const ours = new Map(generate(poetry(c)).map((f) => [f.path, f.content]));
		expect(entry(plan, 'pyproject.toml')).toMatchObject({ status: 'changed-by-slipway', result: crlf(ours.get('pyproject.toml')!) });
		const compose = entry(plan, 'compose.yaml');
		expect(compose.result).toBe(crlf(ours.get('compose.yaml')! + '# mine\n'));
		expect(compose.status).not.toBe('conflict');
	});

	it('input that is not text is a problem, not a crash: NUL bytes, invalid UTF-8, a NUL in a string; UTF-8 bytes are read', () => {
		const c = uv();
		const theirs = filesOf(c);
		theirs.set('Dockerfile', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0]));
		theirs.set('LICENSE', new Uint8Array([0xff, 0xfe, 0x41]));
		theirs.set('README.md', 'a\u0000b');
		theirs.set('compose.yaml', new TextEncoder().encode(theirs.get('compose.yaml') as string));
		const plan = planUpdate({ theirs, recorded: recordOf(c), next: c });
		expect(plan.problems.map((p) => p.path).sort()).toEqual(['Dockerfile', 'LICENSE', 'README.md']);
		expect(plan.problems.find((p) => p.path === 'LICENSE')!.message).toMatch(/not a text file \(not valid UTF-8\)/);
		expect(entry(plan, 'compose.yaml').status).toBe('unchanged');
		expect(decodeText(new Uint8Array(3_000_000))).toHaveProperty('problem');
		const d = diffProject(theirs, generate(c));
		expect(d.problems.map((p) => p.path).sort()).toEqual(['Dockerfile', 'LICENSE', 'README.md']);
	});

	it('pathsToRead covers base, ours and every recorded hash', () => {
		const rec = recordOf(uv());
		const paths = pathsToRead(rec, poetry(uv()));
		for (const p of [...rec.hashes!.keys(), ...generate(poetry(uv())).map((f) => f.path)]) expect(paths).toContain(p);
	});
});

describe('patches apply with git apply', () => {
	function gitApply(files: Map<string, string | Uint8Array | null>, patch: string, paths: readonly string[], modes: Record<string, number> = {}): Map<string, string> {
		const dir = mkdtempSync(join(tmpdir(), 'slipway-patch-'));
		try {
			for (const [p, t] of files) {
				if (t === null) continue;
				mkdirSync(dirname(join(dir, p)), { recursive: true });
				writeFileSync(join(dir, p), t);
			}
			const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };
			execFileSync('git', ['init', '-q'], { cwd: dir, env });
			writeFileSync(join(dir, '..', `${dir.split('/').pop()}.patch`), patch);
			const file = join(dir, '..', `${dir.split('/').pop()}.patch`);
			execFileSync('git', ['apply', '--check', file], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
			execFileSync('git', ['apply', file], { cwd: dir, env });
			rmSync(file);
			const out = new Map<string, string>();
			for (const p of new Set([...files.keys(), ...paths])) {
				try {
					out.set(p, readFileSync(join(dir, p), 'utf8'));
					if (modes[p] !== undefined) expect(statSync(join(dir, p)).mode & 0o777, p).toBe(modes[p]);
				} catch (e) {
					if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
				}
			}
			return out;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	it('unifiedPatch of a plan with merges, conflicts, new, deleted and a file without a final newline applies and gives each result', () => {
		const c = uv();
		const theirs = filesOf(c);
		theirs.set('compose.yaml', (theirs.get('compose.yaml') as string) + '# mine, no newline');
		theirs.delete('README.Docker.md');
		theirs.set('pyproject.toml', (theirs.get('pyproject.toml') as string).replace(/\n/g, '\r\n') + '# mine\r\n'); // a Windows checkout
		const plan = planUpdate({ theirs, recorded: recordOf(c), next: poetry(c) });
		const got = gitApply(theirs, unifiedPatch(plan), plan.files.map((f) => f.path));
		for (const f of plan.files) expect(got.get(f.path) ?? null, f.path).toBe(f.action === 'delete' ? null : f.result);
		expect(got.has('.python-version')).toBe(false);
		expect(got.get('pyproject.toml')).toMatch(/poetry[^\n]*\r\n/);
		expect(got.get('pyproject.toml')).toContain('# mine\r\n');
		expect(got.get('pyproject.toml')).not.toMatch(/[^\r]\n/);
	});

	it('diffProject: a missing file is a creation (an executable one with mode 100755), a changed one a modification', () => {
		const c = presetById('django-app')!.config();
		c.target = 'bare-metal';
		const files = generate(c);
		const script = files.find((f) => f.mode === 0o755);
		expect(script, 'a generated script').toBeDefined();
		const theirs = new Map(files.map((f) => [f.path, f.content] as [string, string | Uint8Array | null]));
		theirs.delete(script!.path);
		theirs.set('pyproject.toml', 'x = 1\n');
		const d = diffProject(theirs, files);
		expect(d.files.find((f) => f.path === script!.path)!.status).toBe('new');
		expect(d.files.find((f) => f.path === 'pyproject.toml')!.status).toBe('modified');
		expect(d.patch).toContain(`diff --git a/${script!.path} b/${script!.path}\nnew file mode 100755\n`);
		const got = gitApply(theirs, d.patch, files.map((f) => f.path), { [script!.path]: 0o755 });
		for (const f of files) expect(got.get(f.path), f.path).toBe(f.content);
		expect(diffProject(new Map(files.map((f) => [f.path, f.content])), files).patch).toBe('');
	});

	it('skipConflicts leaves the conflicted files out of the patch', () => {
		const c = uv();
		const theirs = filesOf(c);
		theirs.set('Dockerfile', 'FROM scratch\n');
		const plan = planUpdate({ theirs, recorded: recordOf(c), next: poetry(c) });
		expect(entry(plan, 'Dockerfile').status).toBe('conflict');
		expect(unifiedPatch(plan)).toContain('diff --git a/Dockerfile');
		expect(unifiedPatch(plan, { skipConflicts: true })).not.toContain('diff --git a/Dockerfile');
	});
});
