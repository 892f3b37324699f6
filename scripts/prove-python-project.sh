#!/bin/sh
# Prove one generated Python project with the real tools of Slipway's Debian 13
# ("trixie") toolchain root. Runs INSIDE the root; $1 = project dir (inside it).
# Steps: validate-pyproject; poetry check (Poetry layouts); python3 -m build
# --no-isolation --wheel with the project's backend (uv_build, not packaged in
# Debian, is swapped for hatchling in a temporary copy of pyproject.toml); the
# wheel must hold <pkg>/__init__.py, py.typed, __main__.py and METADATA/entry
# points matching pyproject.toml; install it into a --system-site-packages venv
# with pip --no-index --no-deps; run the project's tests (pytest) against it;
# mypy with the project's own configuration (strict for libraries).
# Driven by scripts/prove-python-packaging.mjs.
set -u
d="$1"; cd "$d" || exit 2
T=$(mktemp -d /tmp/proof.XXXXXX)
name=$(basename "$d")
fail() { echo "FAIL $name: $*"; exit 1; }
validate-pyproject pyproject.toml >$T/vp.log 2>&1 || { cat $T/vp.log; fail validate-pyproject; }
if grep -q '^\[tool.poetry\]' pyproject.toml || grep -q 'poetry.core' pyproject.toml; then
  HOME=$T poetry check >$T/pc.log 2>&1 || { cat $T/pc.log; fail poetry-check; }
fi
cp pyproject.toml $T/pyproject.orig
if grep -q 'build-backend = "uv_build"' pyproject.toml; then
  # uv_build is not packaged in Debian: prove the same project with hatchling.
  python3 - <<'PY'
import re
s = open("pyproject.toml").read()
s = s.replace('requires = ["uv_build>=0.12,<0.13"]', 'requires = ["hatchling>=1.26"]').replace('build-backend = "uv_build"', 'build-backend = "hatchling.build"')
pkg = re.search(r'module-name = "([^"]+)"', s).group(1)
s += f'\n[tool.hatch.build.targets.wheel]\npackages = ["src/{pkg}"]\n'
open("pyproject.toml", "w").write(s)
PY
fi
rm -rf dist build
python3 -m build --no-isolation --wheel >$T/b.log 2>&1 || { cat $T/b.log; cp $T/pyproject.orig pyproject.toml; fail build; }
cp $T/pyproject.orig pyproject.toml
python3 - <<'PY' || fail wheel-contents
import glob, re, sys, tomllib, zipfile
from email.parser import Parser
data = tomllib.load(open("pyproject.toml", "rb"))
proj = data.get("project") or data["tool"]["poetry"]
whl = glob.glob("dist/*.whl")[0]
z = zipfile.ZipFile(whl)
names = z.namelist()
pkg = re.sub(r"[-_.]+", "_", proj["name"].lower())
need = [f"{pkg}/__init__.py", f"{pkg}/py.typed", f"{pkg}/__main__.py"]
missing = [n for n in need if n not in names]
if missing: sys.exit(f"missing in wheel: {missing} (has {names})")
meta = Parser().parsestr(z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
assert meta["Name"] == proj["name"], (meta["Name"], proj["name"])
assert meta["Version"] == proj["version"]
rp = meta["Requires-Python"]
assert rp and rp.replace(" ", "").startswith(">="), rp
deps = meta.get_all("Requires-Dist") or []
want = proj.get("dependencies", [])
if isinstance(want, dict): want = [k for k in want if k != "python"]
from packaging.requirements import Requirement
got = {Requirement(d).name.lower() for d in deps}
exp = {(Requirement(w).name if isinstance(w, str) else w).lower() for w in want}
assert exp <= got, (exp, got)
scripts = proj.get("scripts", {})
ep = next((n for n in names if n.endswith(".dist-info/entry_points.txt")), None)
if scripts:
    txt = z.read(ep).decode()
    for k, v in scripts.items():
        assert re.search(rf"^{re.escape(k)}\s*=\s*{re.escape(v)}\s*$", txt, re.M), (k, v, txt)
print(f"wheel ok: {whl} files={len(names)} deps={sorted(got)} scripts={scripts}")
PY
rm -rf $T/venv && python3 -m venv --system-site-packages $T/venv || fail venv
$T/venv/bin/pip install --no-index --no-deps -q dist/*.whl >$T/pi.log 2>&1 || { cat $T/pi.log; fail pip-install; }
(cd "$d" && $T/venv/bin/python -m pytest -q -p no:cacheprovider >$T/pt.log 2>&1) || { cat $T/pt.log; fail pytest; }
tail -1 $T/pt.log
if [ -z "${SKIP_MYPY:-}" ]; then
  $T/venv/bin/python -m mypy --cache-dir=$T/mypy >$T/my.log 2>&1 || { cat $T/my.log; fail mypy; }
  tail -1 $T/my.log
fi
echo "OK $name"
rm -rf "$T"
