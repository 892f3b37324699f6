/**
 * Outside references are facts, not guesses (issue 14, section 2).
 *
 * Generates every configuration of the full matrix (every preset x manager x
 * target, every other packaging variant, flipped services), each again on
 * every Python version, collects every outside reference the generated files
 * name (workflow `uses:`, Dockerfile `FROM` / `COPY --from=` / `# syntax=`,
 * compose and Kubernetes `image:` other than the project's own image,
 * pre-commit `repo` + `rev`, and `tool==version` pins) and asserts each is
 * in the record of versions.ts, with where and when it was checked.
 */
import { createRequire } from 'node:module';
import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/lib/model/config.ts';
import { PYTHON_VERSIONS } from '../../src/lib/model/config.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import { generate } from '../../src/lib/generators/index.ts';
import type { GeneratedFile } from '../../src/lib/generators/types.ts';
import {
	ACTIONS,
	ACTION_REFS,
	BACKEND_REQUIRES,
	CHECKED,
	IMAGE_TAGS,
	PIP_TOOLS_FIXED,
	PRE_COMMIT,
	PRE_COMMIT_REFS,
	PY_TOOLS,
	REQUIRES_POETRY,
	USES,
	COOLDOWN,
	TOOLS,
	TOOL_VERSIONS,
	type UpstreamRef
} from '../../src/lib/generators/versions.ts';
import { fullMatrix } from '../validate/matrix.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Release-number compare (`7.5.10` > `7.5.2`); enough for the final releases pinned here. */
function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	if ([...pa, ...pb].some((n) => !Number.isInteger(n))) throw new Error(`not a release number: ${a} / ${b}`);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d) return Math.sign(d);
	}
	return 0;
}

/** Every outside reference one generated project names, by kind. */
interface References {
	uses: Set<string>;
	/** Each `uses:` line of a workflow as written, from the value to the end of the line (`a/b@<sha> # v1.2.3`). */
	usesLines: Set<string>;
	images: Set<string>;
	preCommit: Set<string>;
	/** Each pre-commit `repo` with its `rev:` line as written (`<repo> <sha>  # frozen: v1.2.3`). */
	revLines: Set<string>;
	pins: Set<string>;
}

const refs0 = (): References => ({ uses: new Set(), usesLines: new Set(), images: new Set(), preCommit: new Set(), revLines: new Set(), pins: new Set() });

const yamlDocs = (text: string): Doc[] => (loadAll(text) as Doc[]).filter((d) => d && typeof d === 'object');

/** `image:` values anywhere in a YAML document. */
function imagesIn(node: unknown, out: string[] = []): string[] {
	if (Array.isArray(node)) for (const n of node) imagesIn(n, out);
	else if (node && typeof node === 'object')
		for (const [k, v] of Object.entries(node)) {
			if (k === 'image' && typeof v === 'string') out.push(v);
			else imagesIn(v, out);
		}
	return out;
}

/** Image name without tag or digest: `ghcr.io:443/a/b:1.0@sha256:..` -> `ghcr.io:443/a/b`. */
const imageName = (ref: string) => ref.replace(/@.*$/, '').replace(/:[^/:]+$/, '');

/** Collect the references of one project's files. */
function collectReferences(files: readonly GeneratedFile[]): References {
	const r = refs0();
	// The project's own image: what release.yml pushes and kustomize retags.
	const own = new Set<string>();
	for (const f of files) {
		if (f.path === '.github/workflows/release.yml') {
			for (const job of Object.values((load(f.content) as Doc).jobs ?? {}) as Doc[])
				for (const s of (job.steps ?? []) as Doc[]) if (s.with?.images) own.add(String(s.with.images));
		}
		if (/(^|\/)kustomization\.yaml$/.test(f.path)) for (const i of (load(f.content) as Doc).images ?? []) own.add(i.name);
	}
	for (const f of files) {
		if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(f.path)) {
			// The text as written: the comment after the SHA is not in the parsed YAML.
			for (const m of f.content.matchAll(/^\s*(?:- )?uses:\s*(.+)$/gm)) if (!m[1].startsWith('./')) r.usesLines.add(m[1]);
			const wf = load(f.content) as Doc;
			for (const job of Object.values(wf.jobs ?? {}) as Doc[]) {
				// A job's `uses: ./.github/workflows/x.yml` calls a workflow of the same repository: not an outside reference.
				if (job.uses && !String(job.uses).startsWith('./')) r.uses.add(job.uses);
				for (const s of (job.steps ?? []) as Doc[]) {
					if (s.uses && !String(s.uses).startsWith('./')) r.uses.add(s.uses);
					if (s.uses && String(s.uses).startsWith('astral-sh/setup-uv@') && s.with?.version) r.pins.add(`uv==${s.with.version}`);
					for (const m of String(s.run ?? '').matchAll(/\b([A-Za-z][\w.-]*)==([\w.]+)/g)) r.pins.add(`${m[1]}==${m[2]}`);
				}
				for (const i of imagesIn({ container: job.container, services: job.services })) r.images.add(i);
			}
		}
		if (/(^|\/)Dockerfile[^/]*$/.test(f.path)) {
			const args = new Map<string, string>();
			const stages = new Set<string>();
			const expand = (s: string) => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => args.get(a ?? b) ?? `\${${a ?? b}}`);
			for (const line of f.content.split('\n')) {
				const syntax = /^#\s*syntax=(\S+)/.exec(line);
				if (syntax) r.images.add(syntax[1]);
				const arg = /^ARG\s+(\w+)=(\S+)/.exec(line);
				if (arg && !stages.size) args.set(arg[1], arg[2]);
				const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
				if (from) {
					const img = expand(from[1]);
					if (!stages.has(img)) r.images.add(img);
					if (from[2]) stages.add(from[2]);
				}
				const copy = /^COPY\s.*--from=(\S+)/.exec(line);
				if (copy && !stages.has(copy[1]) && !/^\d+$/.test(copy[1])) r.images.add(expand(copy[1]));
				for (const m of line.matchAll(/\b(pip install|pipx install)\s+([A-Za-z][\w.-]*)==([\w.]+)/g)) r.pins.add(`${m[2]}==${m[3]}`);
			}
		}
		const isCompose = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(f.path);
		const isManifest = /^deploy\/.+\.ya?ml$/.test(f.path) && !/template\.ya?ml$/.test(f.path);
		if (isCompose || isManifest) {
			for (const doc of yamlDocs(f.content)) {
				// A compose service that builds from the context runs the project's own image.
				if (isCompose) for (const svc of Object.values(doc.services ?? {}) as Doc[]) if (svc?.build && svc.image) own.add(imageName(svc.image));
				for (const i of imagesIn(doc)) if (!own.has(imageName(i))) r.images.add(i);
			}
		}
		if (f.path === '.pre-commit-config.yaml') {
			for (const repo of (load(f.content) as Doc).repos as Doc[]) if (!['local', 'meta'].includes(repo.repo)) r.preCommit.add(`${repo.repo}@${repo.rev}`);
			for (const m of f.content.matchAll(/^\s*- repo:\s*(\S+)\n\s*rev:\s*(.+)$/gm)) if (!['local', 'meta'].includes(m[1])) r.revLines.add(`${m[1]} ${m[2]}`);
		}
		// The dev container: its image (the compose form names it in .devcontainer/compose.yaml, above) and the manager its lifecycle commands pin.
		if (/(^|\/)\.?devcontainer\.json$/.test(f.path)) {
			const dc = JSON.parse(f.content) as Doc;
			if (typeof dc.image === 'string') r.images.add(dc.image);
			for (const k of ['onCreateCommand', 'postCreateCommand'])
				for (const m of String(dc[k] ?? '').matchAll(/\b(?:pip|pipx) install\s+(?:-\S+\s+)*([A-Za-z][\w.-]*)==([\w.]+)/g)) r.pins.add(`${m[1]}==${m[2]}`);
		}
		if (/(^|\/)README[^/]*\.md$/.test(f.path))
			for (const m of f.content.matchAll(/\b(?:pip|pipx) install\s+(?:-\S+\s+)*([A-Za-z][\w.-]*)==([\w.]+)/g)) r.pins.add(`${m[1]}==${m[2]}`);
	}
	return r;
}

/**
 * What is wrong with one `uses:` line as written, or null: it must be `owner/repo@<40-hex sha> # vX.Y.Z`,
 * the repo and SHA one record of ACTION_REFS, the comment that record's release tag.
 */
function usesLineProblem(line: string): string | null {
	const m = /^([\w.-]+\/[\w.-]+)@(\S+)(?: # (\S+))?$/.exec(line);
	if (!m) return 'not owner/repo@ref # tag';
	const [, repo, at, tag] = m;
	if (!/^[0-9a-f]{40}$/.test(at)) return 'not pinned to a commit SHA';
	const rec = Object.values(ACTION_REFS).find((a) => a.repo === repo && a.sha === at);
	if (!rec) return 'SHA not in ACTION_REFS';
	if (tag === undefined) return 'no release comment';
	if (tag !== rec.ref) return `comment ${tag}, record ${rec.ref}`;
	return null;
}

/** The same for a pre-commit `rev:` line: frozen (`<sha>  # frozen: <tag>`) when the record has the SHA, else the tag. */
function revLineProblem(line: string): string | null {
	const [repo, ...rest] = line.split(' ');
	const rev = rest.join(' ');
	const rec = Object.values(PRE_COMMIT_REFS).find((p) => `https://github.com/${p.repo}` === repo);
	if (!rec) return 'repo not in PRE_COMMIT_REFS';
	const sha: string | null = rec.sha;
	const want = sha ? `${sha}  # frozen: ${rec.ref}` : rec.ref;
	return rev === want ? null : `want ${want}`;
}

/** The references of `refs` that versions.ts does not record. */
function unrecorded(refs: References): string[] {
	const uses = new Set(Object.values(ACTION_REFS).map((a) => `${a.repo}@${a.sha}`));
	const images = new Set(IMAGE_TAGS.map((i) => i.image));
	const hooks = new Set(Object.values(PRE_COMMIT_REFS).map((p) => `https://github.com/${p.repo}@${p.sha ?? p.ref}`));
	const pinNames: Record<string, keyof typeof TOOL_VERSIONS> = { uv: 'uv', poetry: 'poetry', build: 'build', 'pip-tools': 'pipTools' };
	const out: string[] = [];
	for (const u of refs.uses) if (!uses.has(u)) out.push(`uses: ${u}`);
	for (const line of refs.usesLines) {
		const problem = usesLineProblem(line);
		if (problem) out.push(`uses line: ${line} (${problem})`);
	}
	for (const line of refs.revLines) {
		const problem = revLineProblem(line);
		if (problem) out.push(`rev line: ${line} (${problem})`);
	}
	for (const i of refs.images) if (!images.has(i.replace(/@sha256:[0-9a-f]{64}$/, ''))) out.push(`image: ${i}`);
	for (const h of refs.preCommit) if (!hooks.has(h)) out.push(`pre-commit: ${h}`);
	for (const p of refs.pins) {
		const [name, version] = p.split('==');
		const key = pinNames[name.toLowerCase()];
		if (!key || TOOL_VERSIONS[key].version !== version) out.push(`pin: ${p}`);
	}
	return out;
}

/** Every matrix configuration, then each valid one on every supported Python, and one with a base-image digest. */
function configurations(): { id: string; config: Config }[] {
	const out: { id: string; config: Config }[] = [];
	for (const e of fullMatrix()) {
		if (e.invalid.length) continue;
		for (const py of PYTHON_VERSIONS) {
			const config = structuredClone(e.config);
			config.project.pythonVersion = py;
			if (validateConfig(config).length) continue;
			out.push({ id: `${e.id} | python ${py}`, config });
		}
	}
	const digest = structuredClone(out.find((c) => c.config.target === 'docker')!.config);
	digest.docker.baseImageDigest = `sha256:${'0123456789abcdef'.repeat(4)}`;
	out.push({ id: 'docker with a base-image digest', config: digest });
	return out;
}

describe('every outside reference a generated file names is recorded in versions.ts', () => {
	const configs = configurations();
	const all = refs0();
	const missing = new Map<string, string>();
	for (const { id, config } of configs) {
		const refs = collectReferences(generate(config));
		for (const k of ['uses', 'usesLines', 'images', 'preCommit', 'revLines', 'pins'] as const) for (const v of refs[k]) all[k].add(v);
		for (const m of unrecorded(refs)) if (!missing.has(m)) missing.set(m, id);
	}

	it('covers the matrix', () => {
		expect(configs.length).toBeGreaterThan(300);
		// The collector really finds each kind of reference (a silent parser would pass everything).
		expect(all.uses).toContain(ACTIONS.setupUv);
		expect(all.uses).toContain(ACTIONS.dockerBuildPush);
		expect(all.uses).toContain(ACTIONS.pypiPublish);
		// The raw lines too: every `uses:` written (parsed and as text), every pre-commit rev line.
		expect(all.usesLines.size).toBe(all.uses.size);
		expect(all.usesLines).toContain(`${ACTIONS.attest} # ${ACTION_REFS.attest.ref}`);
		expect(all.revLines.size).toBe(Object.keys(PRE_COMMIT_REFS).length);
		for (const py of PYTHON_VERSIONS) expect(all.images).toContain(`python:${py}-slim-trixie`);
		// Docker Hardened Images (docker.baseImage dhi in the matrix): builder and runtime tags.
		expect([...all.images].some((i) => /^dhi\.io\/python:3\.\d+-debian13-dev$/.test(i))).toBe(true);
		expect([...all.images].some((i) => /^dhi\.io\/python:3\.\d+-debian13$/.test(i))).toBe(true);
		expect(all.images).toContain(`ghcr.io/astral-sh/uv:${TOOLS.uv}`);
		expect(all.images).toContain('docker/dockerfile:1');
		expect([...all.images].some((i) => /^postgres:/.test(i))).toBe(true);
		expect([...all.images].some((i) => /^redis:/.test(i))).toBe(true);
		expect([...all.images].some((i) => i.includes('@sha256:'))).toBe(true);
		expect(all.preCommit.size).toBe(Object.keys(PRE_COMMIT_REFS).length);
		expect([...all.pins].sort()).toEqual(
			[`build==${PY_TOOLS.build}`, `pip-tools==${PY_TOOLS.pipTools}`, `poetry==${TOOLS.poetry}`, `uv==${TOOLS.uv}`].sort()
		);
	});

	it('names no ref, image, rev or pin that is not recorded', () => {
		expect(Object.fromEntries(missing)).toEqual({});
	});

	it('records every recorded action and image as used (no stale entries)', () => {
		for (const a of Object.values(ACTIONS)) expect(all.uses).toContain(a);
		for (const i of IMAGE_TAGS) expect(all.images).toContain(i.image);
	});
});

describe('the record itself', () => {
	const refs: [string, UpstreamRef][] = [
		...Object.entries(ACTION_REFS).map(([k, r]) => [`action ${k}`, r] as [string, UpstreamRef]),
		...Object.entries(PRE_COMMIT_REFS).map(([k, r]) => [`pre-commit ${k}`, r] as [string, UpstreamRef])
	];

	it.each(refs)('%s says what, where and when', (_, r) => {
		expect(r.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
		// An exact release tag, never a moving major or a branch (issue 16.1).
		expect(r.ref).toMatch(/^v\d+\.\d+\.\d+$/);
		expect(r.kind).toBe('tag');
		if (r.date !== null) expect(r.date).toMatch(/^20\d\d-\d\d-\d\d$/);
		expect(['tag', 'branch']).toContain(r.kind);
		expect(r.checked).toBe(CHECKED);
		expect(r.source).toContain(`github:${r.repo}`);
		expect(r.source).toMatch(/via fetch/);
		if (r.sha === null) {
			// Not in the snapshot read: the evidence must say why it exists and that issue 16 must fetch it.
			expect(r.evidence).toMatch(/SHA not seen here/);
		} else {
			expect(r.sha).toMatch(/^[0-9a-f]{40}$/);
			expect(r.seen).toContain(r.ref);
		}
	});

	it('pins every action to the commit of its release tag, and keeps both (issue 16.1)', () => {
		for (const [k, r] of Object.entries(ACTION_REFS)) {
			expect(r.sha, k).toMatch(/^[0-9a-f]{40}$/);
			expect(ACTIONS[k as keyof typeof ACTIONS]).toBe(`${r.repo}@${r.sha}`);
			expect(USES[k as keyof typeof USES]).toMatchObject({ value: `${r.repo}@${r.sha}`, comment: r.ref, gap: ' ' });
		}
	});

	it('derives PRE_COMMIT from the record: frozen SHA when known, else the tag', () => {
		for (const [k, r] of Object.entries(PRE_COMMIT_REFS)) {
			const p = PRE_COMMIT[k as keyof typeof PRE_COMMIT];
			const sha: string | null = r.sha;
			expect(p.repo).toBe(`https://github.com/${r.repo}`);
			expect(p.tag).toBe(r.ref);
			expect(p.rev).toBe(sha ?? r.ref);
			if (sha) expect(p.yaml).toMatchObject({ value: sha, comment: `frozen: ${r.ref}`, gap: '  ' });
			else expect(p.yaml).toBe(r.ref);
		}
		// pre-commit-hooks' SHA was read from the fetched repository: it is written frozen.
		expect(PRE_COMMIT.hooks.rev).toMatch(/^[0-9a-f]{40}$/);
	});

	it('flags a uses: line that is not SHA-pinned, not recorded, or whose comment is not the recorded tag', () => {
		const c = ACTION_REFS.checkout;
		const lines = (...l: string[]): References => ({ ...refs0(), usesLines: new Set(l) });
		expect(unrecorded(lines(`${c.repo}@${c.sha} # ${c.ref}`))).toEqual([]);
		// The pins before issue 16: moving tags.
		expect(unrecorded(lines('actions/checkout@v6'))).toEqual(['uses line: actions/checkout@v6 (not pinned to a commit SHA)']);
		expect(unrecorded(lines(`${c.repo}@${c.sha}`))).toEqual([`uses line: ${c.repo}@${c.sha} (no release comment)`]);
		expect(unrecorded(lines(`${c.repo}@${c.sha} # v6.1.0`))).toEqual([`uses line: ${c.repo}@${c.sha} # v6.1.0 (comment v6.1.0, record ${c.ref})`]);
		expect(unrecorded(lines(`${c.repo}@${'0'.repeat(40)} # ${c.ref}`))).toEqual([`uses line: ${c.repo}@${'0'.repeat(40)} # ${c.ref} (SHA not in ACTION_REFS)`]);
		const h = PRE_COMMIT_REFS.hooks;
		const revs = (...l: string[]): References => ({ ...refs0(), revLines: new Set(l) });
		expect(unrecorded(revs(`https://github.com/${h.repo} ${h.sha}  # frozen: ${h.ref}`))).toEqual([]);
		expect(unrecorded(revs(`https://github.com/${h.repo} ${h.ref}`))).toEqual([`rev line: https://github.com/${h.repo} ${h.ref} (want ${h.sha}  # frozen: ${h.ref})`]);
	});

	it('pins setup-uv to an exact release seen upstream, never the nonexistent moving tag v10 (issue 14.1)', () => {
		const r = ACTION_REFS.setupUv;
		expect(r.ref).toMatch(/^v\d+\.\d+\.\d+$/);
		expect(r.kind).toBe('tag');
		expect(r.seen).toContain(r.ref);
		expect(r.seen).not.toContain('v10');
		// The regression: the old pin is reported by the same check the matrix runs.
		const before: References = { ...refs0(), uses: new Set(['astral-sh/setup-uv@v10']) };
		expect(unrecorded(before)).toEqual(['uses: astral-sh/setup-uv@v10']);
		const images: References = { ...refs0(), images: new Set(['ghcr.io/astral-sh/uv:0.12.24', 'python:3.9-slim']) };
		expect(unrecorded(images)).toEqual(['image: ghcr.io/astral-sh/uv:0.12.24', 'image: python:3.9-slim']);
		const pins: References = { ...refs0(), pins: new Set(['pip-tools==7.5.1']) };
		expect(unrecorded(pins)).toEqual(['pin: pip-tools==7.5.1']);
	});

	it('records an image for every supported Python', () => {
		for (const py of PYTHON_VERSIONS) expect(IMAGE_TAGS.map((i) => i.image)).toContain(`python:${py}-slim-trixie`);
		for (const i of IMAGE_TAGS) {
			expect(i.checked).toBe(CHECKED);
			expect(i.source).toMatch(/github:\S+ .*via fetch/);
			expect(i.evidence.length).toBeGreaterThan(10);
		}
	});

	it('records every pinned tool version with its evidence', () => {
		expect(TOOL_VERSIONS.uv.version).toBe(TOOLS.uv);
		expect(TOOL_VERSIONS.poetry.version).toBe(TOOLS.poetry);
		expect(TOOL_VERSIONS.build.version).toBe(PY_TOOLS.build);
		expect(TOOL_VERSIONS.pipTools.version).toBe(PY_TOOLS.pipTools);
		for (const t of Object.values(TOOL_VERSIONS)) {
			expect(t.checked).toBe(CHECKED);
			expect(t.source.length).toBeGreaterThan(10);
			expect(t.evidence.length).toBeGreaterThan(10);
		}
	});
});

describe('pinned versions agree with each other', () => {
	it('pins a pip-tools that works with pip >= 25.3 (issue 14.4: 7.5.1 crashes, pip-tools issue 2252)', () => {
		expect(compareVersions('7.5.1', PIP_TOOLS_FIXED.version)).toBe(-1);
		expect(compareVersions('7.5.10', '7.5.2')).toBe(1);
		expect(compareVersions(PY_TOOLS.pipTools, PIP_TOOLS_FIXED.version)).toBeGreaterThanOrEqual(0);
		expect(PIP_TOOLS_FIXED.reason).toMatch(/2252/);
	});

	it('requires the poetry-core and Poetry that write PEP 639 metadata (issue 14.15: poetry-core PR 870)', () => {
		const core = /^poetry-core>=(\d+\.\d+),<3\.0\.0$/.exec(BACKEND_REQUIRES['poetry-core']);
		expect(core?.[1]).toBe('2.2');
		// requires-poetry is the higher of that floor and the Poetry that reads the release cooldown (issue 16.2).
		expect(compareVersions(REQUIRES_POETRY.slice(2), core![1])).toBeGreaterThanOrEqual(0);
		expect(compareVersions(REQUIRES_POETRY.slice(2), COOLDOWN.poetry.introduced!)).toBeGreaterThanOrEqual(0);
		expect(TOOL_VERSIONS.poetryCore.version).toBe(core![1]);
		// The Poetry that CI and the Dockerfile install satisfies requires-poetry.
		expect(compareVersions(TOOLS.poetry, REQUIRES_POETRY.slice(2))).toBeGreaterThanOrEqual(0);
	});

	it('requires the releases that read the release cooldown Slipway writes (issue 16.2, versions.ts COOLDOWN)', () => {
		for (const [name, c] of Object.entries(COOLDOWN)) {
			expect(c.checked, name).toBe(CHECKED);
			expect(c.source.length, name).toBeGreaterThan(20);
			expect(c.evidence.length, name).toBeGreaterThan(20);
		}
		// uv: the pyproject's required-version floor (TOOLS.uv's minor) accepts relative exclude-newer durations.
		expect(compareVersions(TOOLS.uv.split('.').slice(0, 2).join('.'), COOLDOWN.uv.introduced!)).toBeGreaterThanOrEqual(0);
		// pip-compile --uploaded-prior-to: the pinned pip-tools passes it on.
		expect(compareVersions(PY_TOOLS.pipTools, COOLDOWN.pipTools.introduced!)).toBeGreaterThanOrEqual(0);
		expect(COOLDOWN.poetry.introduced).toBe('2.4.0');
		expect(COOLDOWN.pip.introduced).toBe('26.1');
	});

	it("pins the pre-commit ruff hook to the ruff Slipway checks generated code with (package.json's @astral-sh/ruff-wasm-nodejs)", () => {
		// The hook formats and lints as the tests did; bump both together (pypi.tsv has ruff 0.17.5, npm's wasm build stops at 0.17.4).
		const wasm = (createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs/package.json') as { version: string }).version;
		expect(PRE_COMMIT_REFS.ruff.ref).toBe(`v${wasm}`);
	});

	it('keeps uv, its image and uv_build on one minor line', () => {
		const [major, minor] = TOOLS.uv.split('.');
		expect(BACKEND_REQUIRES.uv_build).toBe(`uv_build>=${major}.${minor},<${major}.${Number(minor) + 1}`);
		expect(TOOL_VERSIONS.uvBuild.version).toBe(`${major}.${minor}`);
		expect(IMAGE_TAGS.map((i) => i.image)).toContain(`ghcr.io/astral-sh/uv:${TOOLS.uv}`);
	});
});
