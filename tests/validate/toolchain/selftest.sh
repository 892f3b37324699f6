#!/usr/bin/env bash
# Proves the toolchain root works: each validator is run on a valid sample
# (must pass) and, where it has one, on a broken sample (must fail).
#
#   bash tests/validate/toolchain/selftest.sh     # as root, after setup.sh
#
# Prints PASS/FAIL per check and a closing "N passed, N failed" line; exits
# non-zero on any unexpected result.
# Sample files are single-quoted on purpose ($VARs are their content):
# shellcheck disable=SC2016
set -euo pipefail

root=${SLIPWAY_TOOLCHAIN:-/var/cache/slipway/trixie}
root=${root%/}
readonly ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

[[ $(id -u) -eq 0 ]] || { echo "selftest: needs root" >&2; exit 1; }
[[ -f $root/.slipway-toolchain ]] || {
	echo "selftest: no toolchain at $root; run: bash $(dirname "$0")/setup.sh" >&2
	exit 1
}

passed=0
failed=0
failures=()

# run CMD...: run CMD inside the root, cwd = the work dir, with /proc and /dev
# mounted in a private mount namespace (same as index.ts).
run() {
	unshare -m --propagation private /bin/sh -c '
		set -e
		r=$1; shift
		mount -t proc proc "$r/proc"
		mount --rbind /dev "$r/dev"
		exec chroot "$r" "$@"
	' selftest "$root" /usr/bin/env -i -C "$win" PATH="$ROOT_PATH" HOME=/root LANG=C.UTF-8 "$@"
}

pass() {
	passed=$((passed + 1))
	printf 'PASS  %s\n' "$1"
}
fail() {
	failed=$((failed + 1))
	failures+=("$1")
	printf 'FAIL  %s\n' "$1"
	if [[ -n ${2:-} && -s $2 ]]; then sed 's/^/      | /' "$2" | tail -n 25; fi
}

# expect_ok NAME CMD...   / expect_fail NAME CMD...   (CMD runs in the root)
expect_ok() {
	local name=$1 log
	shift
	log=$(mktemp)
	if run "$@" >"$log" 2>&1; then pass "$name"; else fail "$name (exit $?)" "$log"; fi
	rm -f "$log"
}
expect_fail() {
	local name=$1 log
	shift
	log=$(mktemp)
	if run "$@" >"$log" 2>&1; then fail "$name (expected a failure, got exit 0)" "$log"; else pass "$name"; fi
	rm -f "$log"
}
# expect_output NAME REGEX CMD...: exit 0 and combined output matches REGEX
expect_output() {
	local name=$1 re=$2 log
	shift 2
	log=$(mktemp)
	if run "$@" >"$log" 2>&1 && grep -Eq -- "$re" "$log"; then
		pass "$name: $(grep -Eo -- "$re" "$log" | head -n1)"
	else
		fail "$name (wanted /$re/)" "$log"
	fi
	rm -f "$log"
}

mounts_under_root() { grep -cF " $root/" /proc/self/mountinfo || true; }

# put PATH CONTENT: write a file in the work dir (host side)
put() {
	mkdir -p "$(dirname "$work/$1")"
	printf '%s' "$2" >"$work/$1"
}

mkdir -p "$root/tmp/slipway-work"
work=$(mktemp -d "$root/tmp/slipway-work/selftest-XXXXXX")
chmod 755 "$work"
win=/tmp/slipway-work/$(basename "$work")
server_pid=""
cleanup() {
	if [[ -n $server_pid ]]; then kill -KILL -- "-$server_pid" 2>/dev/null || true; fi
	rm -rf --one-file-system "$work"
}
trap cleanup EXIT

mounts_before=$(mounts_under_root)

echo "== toolchain root: $root"
sed -n 's/^\(built\|build_seconds\|size_mb\)=/  \1: /p' "$root/.slipway-toolchain"

# --- the root itself --------------------------------------------------------
expect_output "python3 >= 3.12" 'Python 3\.(1[2-9]|[2-9][0-9])\.[0-9]+' python3 --version
expect_ok "/proc, /dev/null, /dev/urandom usable" /bin/bash -c \
	'test -r /proc/self/status && echo x >/dev/null && head -c 16 /dev/urandom | od -An -tx1 | grep -q . && test -e /dev/fd/1'
expect_output "pydantic-settings imports" 'pydantic [0-9.]+ settings [0-9.]+' python3 -c \
	'import pydantic, pydantic_settings; print("pydantic", pydantic.VERSION, "settings", pydantic_settings.__version__)'

# --- pyproject validation -----------------------------------------------------
put valid/pyproject.toml '[build-system]
requires = ["hatchling>=1.26"]
build-backend = "hatchling.build"

[project]
name = "demo-app"
version = "0.1.0"
description = "Demo"
readme = "README.md"
requires-python = ">=3.12"
license = "MIT"
license-files = ["LICENSE"]
dependencies = ["fastapi>=0.110", "pydantic-settings>=2"]

[project.optional-dependencies]
dev = ["pytest>=8"]

[project.scripts]
demo-app = "demo_app.main:run"

[tool.hatch.build.targets.wheel]
packages = ["src/demo_app"]
'
put valid/README.md '# demo
'
put valid/LICENSE 'MIT License
'
put valid/src/demo_app/__init__.py '__version__ = "0.1.0"
'
put valid/src/demo_app/main.py 'from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


def run() -> None:
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=8000)
'
put valid/tests/test_main.py 'from fastapi.testclient import TestClient

from demo_app.main import app


def test_health() -> None:
    client = TestClient(app)
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
'
put invalid/pyproject.toml '[project]
name = "broken"
version = "0.1.0"
dependencies = "fastapi"
'
expect_ok "validate-pyproject: valid (PEP 639 license)" validate-pyproject valid/pyproject.toml
expect_fail "validate-pyproject: invalid rejected" validate-pyproject invalid/pyproject.toml

# --- wheel builds -------------------------------------------------------------
# wheel_has NAME DIR MEMBER: the built wheel in DIR/dist contains MEMBER
wheel_has() {
	expect_ok "$1" python3 -c '
import glob, sys, zipfile
wheels = glob.glob(sys.argv[1] + "/dist/*.whl")
assert len(wheels) == 1, wheels
names = zipfile.ZipFile(wheels[0]).namelist()
assert sys.argv[2] in names, names
print(wheels[0])
' "$2" "$3"
}
expect_ok "build --no-isolation --wheel (hatchling, src layout)" \
	/bin/bash -c 'cd valid && python3 -m build --no-isolation --wheel'
wheel_has "hatchling wheel contains demo_app/main.py" valid demo_app/main.py

put poetry/pyproject.toml '[project]
name = "poetry-demo"
version = "0.1.0"
description = "Poetry 2 layout"
readme = "README.md"
requires-python = ">=3.12"
license = "MIT"
authors = [{ name = "Slipway", email = "slipway@example.com" }]
dependencies = ["flask>=3"]

[tool.poetry]
packages = [{ include = "poetry_demo", from = "src" }]

[tool.poetry.group.dev.dependencies]
pytest = ">=8"

[build-system]
requires = ["poetry-core>=2.0"]
build-backend = "poetry.core.masonry.api"
'
put poetry/README.md '# poetry demo
'
put poetry/src/poetry_demo/__init__.py 'from flask import Flask

app = Flask(__name__)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
'
put poetry-bad/pyproject.toml '[tool.poetry]
name = "bad"
version = "0.1.0"
description = "missing authors, unknown key"
colour = "blue"

[tool.poetry.dependencies]
python = "^3.12"
flask = 3
'
expect_ok "build --no-isolation --wheel (poetry-core)" \
	/bin/bash -c 'cd poetry && python3 -m build --no-isolation --wheel'
wheel_has "poetry-core wheel contains poetry_demo/__init__.py" poetry poetry_demo/__init__.py
expect_ok "poetry check: valid" /bin/bash -c 'cd poetry && poetry check --no-interaction'
expect_fail "poetry check: invalid rejected" /bin/bash -c 'cd poetry-bad && poetry check --no-interaction'

put setuptools/pyproject.toml '[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "st-demo"
version = "0.1.0"
license = "Apache-2.0"
requires-python = ">=3.12"

[tool.setuptools.packages.find]
where = ["src"]
'
put setuptools/src/st_demo/__init__.py 'X = 1
'
expect_ok "build --no-isolation --wheel (setuptools, PEP 639)" \
	/bin/bash -c 'cd setuptools && python3 -m build --no-isolation --wheel'
wheel_has "setuptools wheel contains st_demo/__init__.py" setuptools st_demo/__init__.py

put flit/pyproject.toml '[build-system]
requires = ["flit_core>=3.11"]
build-backend = "flit_core.buildapi"

[project]
name = "flit_demo"
version = "0.1.0"
description = "flit demo"
license = "MIT"
'
put flit/flit_demo/__init__.py '"""flit demo."""
'
expect_ok "build --no-isolation --wheel (flit-core)" \
	/bin/bash -c 'cd flit && python3 -m build --no-isolation --wheel'

# --- venv + offline install + tests -------------------------------------------
expect_ok "venv --system-site-packages + pip install --no-index --no-deps" /bin/bash -c '
	set -e
	python3 -m venv --system-site-packages venv
	venv/bin/pip install --no-index --no-deps --no-build-isolation -q valid/dist/*.whl
	venv/bin/python -c "import demo_app.main, pydantic_settings; print(demo_app.__file__)" | grep -q /venv/
	test -x venv/bin/demo-app'
expect_ok "pip install --no-index --no-build-isolation (sdist-less source dir)" \
	venv/bin/pip install --no-index --no-deps --no-build-isolation -q ./poetry
expect_output "pytest: project tests pass" '1 passed' \
	/bin/bash -c 'cd valid && ../venv/bin/python -m pytest -q -p no:cacheprovider tests'
put valid/tests/test_broken.py 'def test_broken() -> None:
    assert 1 == 2
'
expect_fail "pytest: failing test fails" \
	/bin/bash -c 'cd valid && ../venv/bin/python -m pytest -q -p no:cacheprovider tests/test_broken.py'
rm -f "$work/valid/tests/test_broken.py"

put settings/config.py 'from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")
    app_name: str = "demo"
    port: int = 8000
    database_url: str
'
put settings/.env 'APP_NAME=from-env
PORT=9001
DATABASE_URL=postgresql://u:p@db:5432/app
'
expect_output "pydantic-settings reads .env" 'from-env 9001' \
	/bin/bash -c 'cd settings && python3 -c "from config import Settings; s = Settings(); print(s.app_name, s.port)"'
expect_fail "pydantic-settings: missing required field fails" \
	/bin/bash -c 'cd settings && python3 -c "from config import Settings; Settings(_env_file=None)"'

# --- a server inside, reached from the host ----------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18765)
# setsid: own process group, so kill -- -PID takes the whole tree.
setsid unshare -m --propagation private /bin/sh -c '
	set -e; r=$1; shift
	mount -t proc proc "$r/proc"; mount --rbind /dev "$r/dev"
	exec chroot "$r" "$@"' selftest "$root" /usr/bin/env -i -C "$win/valid" PATH="$ROOT_PATH" HOME=/root LANG=C.UTF-8 \
	../venv/bin/python -m uvicorn demo_app.main:app --host 127.0.0.1 --port "$port" >"$work/uvicorn.log" 2>&1 &
server_pid=$!
body=""
for _ in $(seq 1 100); do
	if body=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null); then break; fi
	sleep 0.1
done
if [[ $body == '{"status":"ok"}' ]]; then
	pass "uvicorn in the root answers /health on 127.0.0.1:$port (curl from the host)"
else
	fail "uvicorn /health from the host (got '$body')" "$work/uvicorn.log"
fi
kill -TERM -- "-$server_pid" 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 -- "-$server_pid" 2>/dev/null; then
	kill -KILL -- "-$server_pid" 2>/dev/null || true
	fail "uvicorn process group did not stop on SIGTERM"
else
	pass "uvicorn process group stopped"
fi
server_pid=""
if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null; then
	fail "port $port still answers after stop"
else
	pass "port $port closed after stop"
fi

expect_output "django imports, flask test client works" 'django 4\.2[.0-9]* flask 200' python3 -c '
import django, sys
sys.path.insert(0, "poetry/src")
from poetry_demo import app
print("django", django.get_version(), "flask", app.test_client().get("/health").status_code)'

# --- compose ------------------------------------------------------------------
put compose/compose.yaml 'services:
  web:
    image: example/web:1
    ports:
      - "8000:8000"
    env_file: .env
    environment:
      DATABASE_URL: postgresql://app:${POSTGRES_PASSWORD:-dev}@db:5432/app
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app"]
      interval: 5s
'
put compose/.env 'X=1
'
put compose/bad.yaml 'services:
  web:
    imagee: example/web:1
'
expect_ok "docker-compose config -q: valid" docker-compose -f compose/compose.yaml config -q
expect_fail "docker-compose config -q: invalid rejected" docker-compose -f compose/bad.yaml config -q

# --- kubernetes ---------------------------------------------------------------
put k8s/kustomization.yaml 'apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: demo
resources:
  - deployment.yaml
'
put k8s/deployment.yaml 'apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: example/web:1
'
put k8s-bad/kustomization.yaml 'resources:
  - missing.yaml
'
expect_output "kubectl kustomize renders" 'namespace: demo' kubectl kustomize k8s
expect_fail "kubectl kustomize: missing resource rejected" kubectl kustomize k8s-bad

# --- nginx, openssl -------------------------------------------------------------
nginx_main() { # nginx_main SITE_FILE
	printf '%s\n' "pid $win/nginx/nginx.pid;" "error_log stderr;" "events {}" "http {" \
		"  client_body_temp_path $win/nginx/body;" "  proxy_temp_path $win/nginx/proxy;" \
		"  fastcgi_temp_path $win/nginx/fastcgi;" "  uwsgi_temp_path $win/nginx/uwsgi;" \
		"  scgi_temp_path $win/nginx/scgi;" "  access_log off;" "  include $win/nginx/$1;" "}"
}
mkdir -p "$work/nginx"
put nginx/site.conf 'upstream app { server 127.0.0.1:8000; }
server {
    listen 127.0.0.1:8080;
    server_name localhost;
    location / { proxy_pass http://app; proxy_set_header Host $host; }
    location /static/ { alias /srv/static/; }
}
'
put nginx/bad.conf 'server { listen 8080; proxy_pas http://app; }
'
nginx_main site.conf >"$work/nginx/ok.conf"
nginx_main bad.conf >"$work/nginx/bad-main.conf"
expect_ok "nginx -t: valid" nginx -t -q -c "$win/nginx/ok.conf"
expect_fail "nginx -t: invalid rejected" nginx -t -q -c "$win/nginx/bad-main.conf"
expect_ok "openssl makes a test certificate" openssl req -x509 -newkey rsa:2048 -nodes \
	-keyout nginx/key.pem -out nginx/cert.pem -days 1 -subj /CN=localhost

# --- shell, yaml, types --------------------------------------------------------
put sh/good.sh '#!/bin/sh
set -eu
exec gunicorn "app:app" --bind "0.0.0.0:${PORT:-8000}"
'
put sh/bad.sh '#!/bin/sh
for f in $(ls *.txt); do echo $f; done
'
expect_ok "shellcheck: clean script" shellcheck -f gcc sh/good.sh
expect_fail "shellcheck: bad script rejected" shellcheck -f gcc sh/bad.sh

put yaml/good.yaml 'name: demo
on:
  push:
    branches: [main]
'
put yaml/bad.yaml 'key: 1
key: 2
'
expect_ok "yamllint (relaxed): valid" yamllint -d relaxed yaml/good.yaml
expect_fail "yamllint: duplicate key rejected" yamllint -d relaxed yaml/bad.yaml

put types/good.py 'def add(a: int, b: int) -> int:
    return a + b
'
put types/bad.py 'def add(a: int, b: int) -> int:
    return str(a + b)
'
expect_ok "mypy --strict: typed code passes" mypy --strict --no-incremental types/good.py
expect_fail "mypy: type error rejected" mypy --no-incremental types/bad.py
expect_ok "py_compile: generated code compiles" python3 -m py_compile valid/src/demo_app/main.py

if run /bin/sh -c 'command -v ruff' >/dev/null 2>&1; then
	expect_ok "ruff check" ruff check --no-cache valid/src
else
	echo "SKIP  ruff (not packaged in trixie; use npm @astral-sh/ruff-wasm-nodejs)"
fi

# --- systemd ------------------------------------------------------------------
put systemd/app.service '[Unit]
Description=demo

[Service]
ExecStart=/usr/bin/true
Restart=on-failure

[Install]
WantedBy=multi-user.target
'
put systemd/bad.service '[Unit]
Description=demo

[Service]
ExecStart=/usr/bin/true
Restartt=always
'
# systemd-analyze verify exits 0 even on "Unknown key": judge by its output.
sa_log=$(mktemp)
if run systemd-analyze verify systemd/app.service >"$sa_log" 2>&1 && ! grep -q . "$sa_log"; then
	pass "systemd-analyze verify: valid unit, no output"
else
	fail "systemd-analyze verify: valid unit" "$sa_log"
fi
run systemd-analyze verify systemd/bad.service >"$sa_log" 2>&1 || true
if grep -q "Unknown key" "$sa_log"; then
	pass "systemd-analyze verify: unknown key reported"
else
	fail "systemd-analyze verify: unknown key not reported" "$sa_log"
fi
rm -f "$sa_log"

# --- nothing leaked -----------------------------------------------------------
mounts_after=$(mounts_under_root)
if [[ $mounts_after -eq $mounts_before && $mounts_after -eq 0 ]]; then
	pass "no mounts under the root leaked to the host"
else
	fail "mounts under $root: before $mounts_before, after $mounts_after"
fi

echo
if [[ $failed -gt 0 ]]; then
	printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
