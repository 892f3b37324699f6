/**
 * The journey harness itself: the extractor finds every kind of command, the
 * ledger accounts for them (and fails on one it does not know), and the run
 * in the root fails when a generated step is broken. Each "broken" case is a
 * real generated project with one line changed, so a pass here means the
 * harness can tell.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generators/index.ts';
import type { GeneratedFile } from '../../../src/lib/generators/types.ts';
import { presetById } from '../../../src/lib/model/presets.ts';
import type { Config } from '../../../src/lib/model/config.ts';
import { extractCommands, shellLines } from './extract.ts';
import { account, normalise } from './ledger.ts';
import { journeyOf } from './journey.ts';
import { planJourney } from './plan.ts';

function project(id: string, edit: (c: Config) => void = () => {}): { config: Config; files: GeneratedFile[] } {
	const config = presetById(id)!.config();
	edit(config);
	return { config, files: generate(config) };
}

const replace = (files: GeneratedFile[], path: string, from: string | RegExp, to: string): GeneratedFile[] =>
	files.map((f) => {
		if (f.path !== path) return f;
		const content = f.content.replace(from, to);
		if (content === f.content) throw new Error(`${path}: nothing replaced for ${String(from)}`);
		return { ...f, content };
	});

const PASS = { status: 'pass', detail: '' };
/** Every matrix check the ledger can name, passed (these tests judge the journey, not the other checks). */
const allPass: Record<string, { status: string; detail: string }> = Object.fromEntries(
	['coverage', 'python', 'compose', 'kustomize', 'sam', 'poetry-check', 'wheel', 'install', 'tests', 'types', 'settings', 'serve', 'handler'].map((c) => [c, PASS])
);

describe('extractCommands', () => {
	it('finds README, workflow, Dockerfile, compose, manifest and systemd commands', () => {
		const docker = extractCommands(project('fastapi-service').files);
		const texts = (src: string) => docker.filter((c) => c.source === src).map((c) => c.text);
		expect(texts('readme')).toContain('uv run pytest');
		expect(texts('readme')).toContain('docker compose up --build');
		expect(texts('workflow')).toContain('uv sync --locked');
		expect(texts('dockerfile').some((t) => t.startsWith('uvicorn fastapi_service.main:app'))).toBe(true);
		expect(texts('dockerfile').some((t) => t.startsWith('python -c import urllib.request'))).toBe(true);
		expect(texts('compose').length).toBeGreaterThan(0);
		const k8s = extractCommands(project('django-app', (c) => (c.target = 'kubernetes')).files);
		expect(k8s.some((c) => c.source === 'kubernetes' && /migrate/.test(c.text))).toBe(true);
		expect(k8s.some((c) => c.source === 'kubernetes' && c.text.startsWith('GET /health'))).toBe(true);
		const bare = extractCommands(project('flask-app', (c) => (c.target = 'bare-metal')).files);
		expect(bare.some((c) => c.source === 'systemd' && /gunicorn/.test(c.text))).toBe(true);
		expect(bare.some((c) => c.source === 'script' && c.text === 'sh deploy/install.sh')).toBe(true);
	});

	it('joins continuations and drops comments, prompts and shell structure', () => {
		expect(shellLines('$ uv sync  # make .venv\nif [ ! -f uv.lock ]; then\n  echo "::error::x"\n  exit 1\nfi\ndocker run \\\n  --rm img\n')).toEqual(['uv sync', 'echo "::error::x"', 'exit 1', 'docker run --rm img']);
	});
});

describe('the ledger', () => {
	const cmd = (text: string, source: 'readme' | 'workflow' = 'readme') => ({ source, file: 'README.md', text });
	it('says what is run, what is checked and what cannot run, and why', () => {
		expect(normalise('uv run --locked pytest --cov')).toBe('pytest --cov');
		expect(account(cmd('uv run pytest'), new Set(), allPass)).toMatchObject({ status: 'executed', by: 'tests' });
		expect(account(cmd('docker compose up --build'), new Set(), allPass)).toMatchObject({ status: 'cannot', why: expect.stringMatching(/Docker engine/) });
		expect(account(cmd('sam validate --lint'), new Set(), allPass)).toMatchObject({ status: 'static', by: 'sam' });
	});
	it('turns "executed" into "cannot run here" with the reason when its check did not apply', () => {
		const na: Record<string, { status: string; detail: string }> = { handler: { status: 'na', detail: 'not applicable: needs mangum, which Debian 13 does not package' } };
		expect(account({ source: 'sam', file: 'template.yaml', text: 'lambda handler x.y' }, new Set(), new Proxy(na, { get: (t, k: string) => t[k] ?? PASS }))).toMatchObject({ status: 'cannot', why: expect.stringMatching(/mangum/) });
	});
	it('fails on a command nobody runs or lists', () => {
		expect(account(cmd('frobnicate --all'), new Set(), allPass).status).toBe('unaccounted');
		expect(account(cmd('frobnicate --all'), new Set(['frobnicate --all']), allPass).status).toBe('executed');
	});
});

describe('the journey plan reads the files, not the model', () => {
	it('starts the image as Docker would: ENV, WORKDIR, USER, CMD, HEALTHCHECK', () => {
		const plan = planJourney(project('fastapi-service').files);
		const w = plan.workloads.find((x) => x.id === 'docker:image')!;
		expect(w.argv[0]).toBe('uvicorn');
		expect(w.user).toBe('10001:10001');
		expect(w.cwd).toBe('/app');
		expect(w.env.PATH.startsWith('/app/.venv/bin:')).toBe(true);
		expect(w.healthcheck?.argv[0]).toBe('python');
		expect(plan.services.postgres.length).toBe(1);
		expect(plan.services.redis).toBe(true);
	});
	it('runs the migration Job before the Deployment', () => {
		const plan = planJourney(project('django-app', (c) => (c.target = 'kubernetes')).files);
		const ids = plan.workloads.map((w) => w.id);
		expect(ids.findIndex((i) => /Job\//.test(i))).toBeLessThan(ids.findIndex((i) => /Deployment\//.test(i)));
	});
});

describe('the journey run fails on broken steps (needs the toolchain root: fails without it)', () => {
	it('a working project passes, and every command is accounted for', async () => {
		const { config, files } = project('fastapi-service');
		const r = await journeyOf(config, files, allPass as never);
		expect(r.journey.detail).not.toMatch(/^fail/);
		expect(r.journey.status, r.journey.detail).toBe('pass');
		expect(r.commands.status, r.commands.detail).toBe('pass');
		expect(r.counts.executed).toBeGreaterThan(10);
	});
	it('a CMD naming a module that does not exist fails the workload', async () => {
		const { config, files } = project('fastapi-service');
		const broken = replace(files, 'Dockerfile', '"fastapi_service.main:app"', '"fastapi_service.nope:app"');
		const r = await journeyOf(config, broken, allPass as never);
		expect(r.journey.status).toBe('fail');
		expect(r.journey.detail).toMatch(/workload:docker:image/);
	});
	it('a lock guard that never fails, and a tag check that accepts any tag, fail', async () => {
		const { config, files } = project('cli-tool');
		let broken = replace(files, '.github/workflows/ci.yml', /exit 1/g, 'exit 0');
		broken = replace(broken, '.github/workflows/release.yml', /exit 1/, 'exit 0');
		const r = await journeyOf(config, broken, allPass as never);
		expect(r.journey.detail).toMatch(/ci\.yml:.*did not fail without/);
		expect(r.journey.detail).toMatch(/release\.yml:.*accepted tag v999/);
	});
	it('Django + SQLite on bare metal: migrate as the service user works only with the database in StateDirectory', async () => {
		const { config, files } = project('django-app', (c) => {
			c.target = 'bare-metal';
			c.services.postgres = false;
		});
		const ok = await journeyOf(config, files, allPass as never);
		expect(ok.journey.status, ok.journey.detail).toBe('pass');
		expect(ok.steps.find((s) => s.id.startsWith('workload:install.sh:systemd-run'))?.status).toBe('pass');
		// Before the fix: SQLite in the working directory, /opt/<name>, which the service user cannot write.
		const broken = replace(files, 'src/django_app/settings.py', 'Path(os.environ.get("STATE_DIRECTORY") or Path.cwd())', 'Path.cwd()');
		const r = await journeyOf(config, broken, allPass as never);
		expect(r.journey.detail).toMatch(/workload:install\.sh:systemd-run -m django migrate --noinput: exit [1-9]/);
	});

	it('a README dev server on the wrong port fails', async () => {
		const { config, files } = project('flask-app');
		const broken = replace(files, 'README.md', /run --debug --port 8000/, 'run --debug --port 8000 --host 127.0.0.2');
		const r = await journeyOf(config, broken, allPass as never);
		expect(r.journey.status).toBe('fail');
		expect(r.journey.detail).toMatch(/readme:.*flask --app/);
	});
});
