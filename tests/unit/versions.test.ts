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
	images: Set<string>;
	preCommit: Set<string>;
	pins: Set<string>;
}

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
	const r: References = { uses: new Set(), images: new Set(), preCommit: new Set(), pins: new Set() };
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
		if (f.path === '.pre-commit-config.yaml')
			for (const repo of (load(f.content) as Doc).repos as Doc[]) if (!['local', 'meta'].includes(repo.repo)) r.preCommit.add(`${repo.repo}@${repo.rev}`);
		if (/(^|\/)README[^/]*\.md$/.test(f.path))
			for (const m of f.content.matchAll(/\b(?:pip|pipx) install\s+(?:-\S+\s+)*([A-Za-z][\w.-]*)==([\w.]+)/g)) r.pins.add(`${m[1]}==${m[2]}`);
	}
	return r;
}

/** The references of `refs` that versions.ts does not record. */
function unrecorded(refs: References): string[] {
	const uses = new Set(Object.values(ACTION_REFS).map((a) => `${a.repo}@${a.ref}`));
	const images = new Set(IMAGE_TAGS.map((i) => i.image));
	const hooks = new Set(Object.values(PRE_COMMIT_REFS).map((p) => `https://github.com/${p.repo}@${p.ref}`));
	const pinNames: Record<string, keyof typeof TOOL_VERSIONS> = { uv: 'uv', poetry: 'poetry', build: 'build', 'pip-tools': 'pipTools' };
	const out: string[] = [];
	for (const u of refs.uses) if (!uses.has(u)) out.push(`uses: ${u}`);
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
	const all: References = { uses: new Set(), images: new Set(), preCommit: new Set(), pins: new Set() };
	const missing = new Map<string, string>();
	for (const { id, config } of configs) {
		const refs = collectReferences(generate(config));
		for (const k of ['uses', 'images', 'preCommit', 'pins'] as const) for (const v of refs[k]) all[k].add(v);
		for (const m of unrecorded(refs)) if (!missing.has(m)) missing.set(m, id);
	}

	it('covers the matrix', () => {
		expect(configs.length).toBeGreaterThan(300);
		// The collector really finds each kind of reference (a silent parser would pass everything).
		expect(all.uses).toContain(ACTIONS.setupUv);
		expect(all.uses).toContain(ACTIONS.dockerBuildPush);
		expect(all.uses).toContain(ACTIONS.pypiPublish);
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

	it('derives ACTIONS and PRE_COMMIT from the record', () => {
		for (const [k, r] of Object.entries(ACTION_REFS)) expect(ACTIONS[k as keyof typeof ACTIONS]).toBe(`${r.repo}@${r.ref}`);
		for (const [k, r] of Object.entries(PRE_COMMIT_REFS))
			expect(PRE_COMMIT[k as keyof typeof PRE_COMMIT]).toEqual({ repo: `https://github.com/${r.repo}`, rev: r.ref });
	});

	it('pins setup-uv to an exact release seen upstream, never the nonexistent moving tag v10 (issue 14.1)', () => {
		const r = ACTION_REFS.setupUv;
		expect(r.ref).toMatch(/^v\d+\.\d+\.\d+$/);
		expect(r.kind).toBe('tag');
		expect(r.seen).toContain(r.ref);
		expect(r.seen).not.toContain('v10');
		// The regression: the old pin is reported by the same check the matrix runs.
		const before: References = { uses: new Set(['astral-sh/setup-uv@v10']), images: new Set(), preCommit: new Set(), pins: new Set() };
		expect(unrecorded(before)).toEqual(['uses: astral-sh/setup-uv@v10']);
		const images: References = { uses: new Set(), images: new Set(['ghcr.io/astral-sh/uv:0.12.24', 'python:3.9-slim']), preCommit: new Set(), pins: new Set() };
		expect(unrecorded(images)).toEqual(['image: ghcr.io/astral-sh/uv:0.12.24', 'image: python:3.9-slim']);
		const pins: References = { uses: new Set(), images: new Set(), preCommit: new Set(), pins: new Set(['pip-tools==7.5.1']) };
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
		expect(REQUIRES_POETRY).toBe(`>=${core![1]}`);
		expect(TOOL_VERSIONS.poetryCore.version).toBe(core![1]);
		// The Poetry that CI and the Dockerfile install satisfies requires-poetry.
		expect(compareVersions(TOOLS.poetry, REQUIRES_POETRY.slice(2))).toBeGreaterThanOrEqual(0);
	});

	it('keeps uv, its image and uv_build on one minor line', () => {
		const [major, minor] = TOOLS.uv.split('.');
		expect(BACKEND_REQUIRES.uv_build).toBe(`uv_build>=${major}.${minor},<${major}.${Number(minor) + 1}`);
		expect(TOOL_VERSIONS.uvBuild.version).toBe(`${major}.${minor}`);
		expect(IMAGE_TAGS.map((i) => i.image)).toContain(`ghcr.io/astral-sh/uv:${TOOLS.uv}`);
	});
});
