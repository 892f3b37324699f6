/**
 * Alembic (issue 20.1): alembic.ini and migrations/script.py.mako, checked by
 * Alembic itself (Debian 13's python3-alembic 1.13.2 and python3-mako in the
 * toolchain root) in a copy of the project, with .env.example as `.env` (the
 * settings the migrations read):
 *
 *   - alembic.ini loads with Alembic's Config; it names script_location and
 *     no sqlalchemy.url (DATABASE_URL is the one URL);
 *   - `alembic history` lists the revisions (script_location resolves, every
 *     versions/ file loads, the chain has one head);
 *   - `alembic upgrade head --sql` writes the migration SQL offline (env.py
 *     imports the app's engine and models; CREATE TABLE comes out);
 *   - `alembic revision -m ... --rev-id ...` renders script.py.mako with
 *     Mako as a real revision, which then compiles and names its revision.
 */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';

const isMako = (path: string) => /(^|\/)migrations\/script\.py\.mako$/.test(path);

const SCRIPT = String.raw`
import json, os, py_compile, subprocess, sys
from alembic.config import Config

out = []
def add(file, message):
    out.append({"file": file, "message": message})

cfg = Config("alembic.ini")
loc = cfg.get_main_option("script_location")
if not loc:
    add("alembic.ini", "[alembic] names no script_location")
if cfg.get_main_option("sqlalchemy.url"):
    add("alembic.ini", "sqlalchemy.url is set: the URL must come from the settings (DATABASE_URL) only")

def alembic(*args):
    return subprocess.run([sys.executable, "-m", "alembic", "-c", "alembic.ini", *args], capture_output=True, text=True, timeout=120)

if loc:
    h = alembic("history")
    if h.returncode != 0 or "(head)" not in h.stdout:
        add("alembic.ini", "alembic history failed: " + (h.stderr or h.stdout)[-1200:])
    s = alembic("upgrade", "head", "--sql")
    if s.returncode != 0 or "CREATE TABLE" not in s.stdout:
        add("alembic.ini", "alembic upgrade head --sql (offline) wrote no CREATE TABLE: " + (s.stderr or s.stdout)[-1200:])
    mako = sys.argv[1] if len(sys.argv) > 1 else None
    if mako:
        r = alembic("revision", "-m", "validator check", "--rev-id", "zz_validator_check")
        made = [os.path.join(d, f) for d, _, fs in os.walk(os.path.dirname(mako)) for f in fs if f.startswith("zz_validator_check")]
        if r.returncode != 0 or not made:
            add(mako, "alembic revision did not render the template: " + (r.stderr or r.stdout)[-1200:])
        else:
            text = open(made[0], encoding="utf-8").read()
            try:
                py_compile.compile(made[0], doraise=True)
            except py_compile.PyCompileError as e:
                add(mako, "the rendered revision does not compile: " + str(e)[-800:])
            if "revision: str = 'zz_validator_check'" not in text and 'revision: str = "zz_validator_check"' not in text:
                add(mako, "the rendered revision does not name its revision id: " + text[:400])
print(json.dumps(out))
`;

export const alembic: Validator = {
	id: 'alembic',
	tool: 'Alembic 1.13 + Mako (trixie): Config, alembic history, upgrade head --sql (offline), revision (renders script.py.mako, then py_compile)',
	role: 'primary',
	chroot: true,
	match: (path) => path === 'alembic.ini' || isMako(path),
	// The migrations import the package (env.py: the app's engine and models) and read .env.example's settings.
	reads: (set) => set.files.filter((f) => f.path.startsWith('src/') || f.path === '.env.example' || f.path === 'pyproject.toml').map((f) => f.path),
	async check(claimed, set) {
		const ini = set.byPath.get('alembic.ini');
		if (!ini) return claimed.map((f) => ({ file: f.path, tool: 'alembic', message: 'script.py.mako without an alembic.ini to use it' }));
		const mako = claimed.find((f) => isMako(f.path));
		const files = [
			...set.files.filter((f) => f.path.startsWith('src/') || f.path === 'alembic.ini').map((f) => ({ path: f.path, content: f.content })),
			{ path: '.env', content: set.byPath.get('.env.example')?.content ?? '' },
			{ path: 'zz_alembic_check.py', content: SCRIPT }
		];
		return withWorkdir('alembic', files, async (w) => {
			const r = await run(['python3', 'zz_alembic_check.py', ...(mako ? [mako.path] : [])], { cwd: w.inRoot, env: { PYTHONDONTWRITEBYTECODE: '1' } });
			if (r.code !== 0) return [{ file: 'alembic.ini', tool: 'alembic', message: `check failed (exit ${r.code}): ${(r.stderr || r.stdout).slice(-1500)}` }];
			return (JSON.parse(r.stdout) as { file: string; message: string }[]).map((x): Finding => ({ file: x.file, tool: 'alembic', message: x.message }));
		});
	}
};
