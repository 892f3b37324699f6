#!/usr/bin/env bash
# End-to-end test of Slipway's container outputs with a real Docker engine.
# Not run in CI (CI has no Docker engine); run it by hand on a machine with one.
#
# For each package manager it:
#   1. generates a project with the Slipway CLI (or takes the folder given with --dir);
#   2. checks that building WITHOUT the lock file (moved aside if present) fails
#      with the Dockerfile's message;
#   3. creates the lock inside a python:X-slim container (uv lock / poetry lock /
#      pip-compile), so the host needs nothing but Docker;
#   4. builds the image, starts it (docker compose when compose.yaml exists, else
#      docker run), polls its HEALTHCHECK until healthy, asks the health endpoint;
#   5. with compose: does the same with the development override merged;
#   6. stops everything and removes the containers, volumes and images.
#
# Usage:
#   tests/docker/run.sh [--preset ID] [--manager uv|poetry|pip]... [--keep]
#   tests/docker/run.sh --dir PATH        # test an already generated project
#
# Environment:
#   SLIPWAY      command that runs the CLI (default: node dist/cli/slipway.js;
#                build it first with npm run build)
#   HEALTH_WAIT  seconds to wait for (healthy), default 180
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PRESET=fastapi-service
MANAGERS=()
DIR=
KEEP=0
HEALTH_WAIT=${HEALTH_WAIT:-180}
APP_PORT=8000
HEALTH_PATH=/health
WORK=
CLEANUP=()

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
log() { printf '\n==> %s\n' "$*" >&2; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
	case $1 in
		--preset) PRESET=${2:?--preset needs a value}; shift 2 ;;
		--manager) MANAGERS+=("${2:?--manager needs a value}"); shift 2 ;;
		--dir) DIR=${2:?--dir needs a path}; shift 2 ;;
		--keep) KEEP=1; shift ;;
		-h|--help) usage; exit 0 ;;
		*) usage >&2; exit 2 ;;
	esac
done
[ ${#MANAGERS[@]} -gt 0 ] || MANAGERS=(uv poetry pip)

command -v docker >/dev/null || fail "docker is not installed"
docker info >/dev/null 2>&1 || fail "no Docker engine answers (docker info failed)"
docker compose version >/dev/null 2>&1 || fail "Docker Compose v2 (docker compose) is required"

cleanup() {
	local i
	for ((i = ${#CLEANUP[@]} - 1; i >= 0; i--)); do
		eval "${CLEANUP[i]}" >/dev/null 2>&1 || true
	done
	if [ -n "$WORK" ] && [ "$KEEP" = 0 ]; then rm -rf "$WORK"; fi
	if [ -n "$WORK" ] && [ "$KEEP" = 1 ]; then echo "kept: $WORK" >&2; fi
}
trap cleanup EXIT

# Value of a Dockerfile line like "ARG PYTHON_VERSION=3.12", or "" when absent.
dockerfile_value() {
	local pattern=$1 file=$2
	sed -n "s|.*${pattern}\\([0-9][0-9a-z.]*\\).*|\\1|p" "$file" | head -n 1
}

# Run a shell snippet in python:X-slim with the project mounted at /w, as the host user.
in_python() {
	local proj=$1 snippet=$2 py
	py=$(dockerfile_value 'ARG PYTHON_VERSION=' "$proj/Dockerfile")
	docker run --rm -v "$proj:/w" -w /w -u "$(id -u):$(id -g)" -e HOME=/tmp \
		"python:${py}-slim" sh -ec "python -m venv /tmp/tools; . /tmp/tools/bin/activate; $snippet"
}

lock_file() {
	case $1 in
		uv) echo uv.lock ;;
		poetry) echo poetry.lock ;;
		*) echo requirements.txt ;;
	esac
}

manager_of() {
	local proj=$1
	if grep -q 'ghcr.io/astral-sh/uv:' "$proj/Dockerfile"; then echo uv
	elif grep -q 'pip install poetry==' "$proj/Dockerfile"; then echo poetry
	else echo pip
	fi
}

make_lock() {
	local proj=$1 manager=$2 version
	case $manager in
		uv)
			version=$(dockerfile_value 'ghcr.io/astral-sh/uv:' "$proj/Dockerfile")
			in_python "$proj" "pip install -q uv==$version && uv lock"
			;;
		poetry)
			version=$(dockerfile_value 'pip install poetry==' "$proj/Dockerfile")
			in_python "$proj" "pip install -q poetry==$version && poetry lock"
			;;
		pip)
			if [ -f "$proj/requirements.in" ]; then
				in_python "$proj" "pip install -q pip-tools && pip-compile --quiet --strip-extras -o requirements.txt requirements.in"
			fi
			;;
	esac
	[ -f "$proj/$(lock_file "$manager")" ] || fail "no $(lock_file "$manager") after locking"
}

expect_missing_lock_message() {
	local proj=$1 manager=$2 lock out
	lock=$(lock_file "$manager")
	if [ -f "$proj/$lock" ]; then mv "$proj/$lock" "$proj/$lock.aside"; fi
	log "$manager: a build without $lock must fail with a clear message"
	if out=$(docker build --progress=plain --no-cache "$proj" 2>&1); then
		fail "$manager: the build succeeded without $lock"
	fi
	if [ -f "$proj/$lock.aside" ]; then mv "$proj/$lock.aside" "$proj/$lock"; fi
	grep -q "error: $lock is missing" <<<"$out" || {
		printf '%s\n' "$out" | tail -n 20 >&2
		fail "$manager: the build failed without the expected message"
	}
}

# Wait until the container's HEALTHCHECK reports healthy.
wait_healthy() {
	local cid=$1 deadline status
	deadline=$((SECONDS + HEALTH_WAIT))
	while :; do
		status=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$cid")
		case $status in
			healthy) return 0 ;;
			none) fail "container $cid has no health check" ;;
		esac
		if [ "$(docker inspect -f '{{.State.Running}}' "$cid")" != true ]; then
			docker logs "$cid" 2>&1 | tail -n 30 >&2
			fail "container $cid exited"
		fi
		if [ "$SECONDS" -ge "$deadline" ]; then
			docker logs "$cid" 2>&1 | tail -n 30 >&2
			fail "container $cid not healthy after ${HEALTH_WAIT}s (status: $status)"
		fi
		sleep 2
	done
}

# Ask the health endpoint from the host (curl when present, else python3).
probe() {
	local url="http://127.0.0.1:${APP_PORT}${HEALTH_PATH}"
	if command -v curl >/dev/null; then curl -fsS --max-time 5 "$url" >/dev/null
	else python3 -c "import urllib.request; urllib.request.urlopen('$url', timeout=5)"
	fi || fail "GET $url failed"
	echo "ok: GET $url" >&2
}

is_web() { grep -q '^HEALTHCHECK' "$1/Dockerfile"; }
is_cli() { grep -q '^ENTRYPOINT' "$1/Dockerfile"; }

test_with_compose() {
	local proj=$1 name=$2 cid
	local -a files=(-f "$proj/compose.yaml")
	log "$name: docker compose up (compose.yaml only)"
	CLEANUP+=("docker compose -p '$name' --project-directory '$proj' -f '$proj/compose.yaml' down -v --remove-orphans --rmi local")
	if is_cli "$proj"; then
		docker compose -p "$name" --project-directory "$proj" "${files[@]}" run --rm --build app --help
		return
	fi
	docker compose -p "$name" --project-directory "$proj" "${files[@]}" up -d --build
	cid=$(docker compose -p "$name" --project-directory "$proj" "${files[@]}" ps -q app)
	[ -n "$cid" ] || fail "$name: no app container"
	if is_web "$proj"; then wait_healthy "$cid"; probe
	else sleep 5; [ "$(docker inspect -f '{{.State.Running}}' "$cid")" = true ] || fail "$name: worker exited"
	fi
	docker compose -p "$name" --project-directory "$proj" "${files[@]}" down

	# What a plain "docker compose up" reads: compose.yaml + compose.override.yaml.
	files+=(-f "$proj/compose.override.yaml")
	log "$name: docker compose up (with the development override)"
	docker compose -p "$name" --project-directory "$proj" "${files[@]}" up -d
	cid=$(docker compose -p "$name" --project-directory "$proj" "${files[@]}" ps -q app)
	[ -n "$cid" ] || fail "$name: no app container (development)"
	if is_web "$proj"; then wait_healthy "$cid"; probe; fi
	docker compose -p "$name" --project-directory "$proj" "${files[@]}" down -v --remove-orphans
}

test_with_docker_run() {
	local proj=$1 name=$2 cid
	local -a env=()
	[ -f "$proj/.env" ] && env=(--env-file "$proj/.env")
	log "$name: docker build + docker run"
	docker build -t "$name" "$proj"
	CLEANUP+=("docker image rm '$name'")
	if is_cli "$proj"; then docker run --rm "${env[@]}" "$name" --help; return; fi
	if is_web "$proj"; then
		cid=$(docker run -d "${env[@]}" -p "127.0.0.1:${APP_PORT}:${APP_PORT}" "$name")
	else
		cid=$(docker run -d "${env[@]}" "$name")
	fi
	CLEANUP+=("docker rm -f '$cid'")
	if is_web "$proj"; then wait_healthy "$cid"; probe
	else sleep 5; [ "$(docker inspect -f '{{.State.Running}}' "$cid")" = true ] || fail "$name: worker exited"
	fi
	docker stop "$cid" >/dev/null
}

test_project() {
	local proj=$1 manager name
	[ -f "$proj/Dockerfile" ] || fail "$proj has no Dockerfile"
	manager=$(manager_of "$proj")
	name="slipway-e2e-$(basename "$proj" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9\n' '-')"
	case $name in *-"$manager") ;; *) name="$name-$manager" ;; esac
	expect_missing_lock_message "$proj" "$manager"
	if [ ! -f "$proj/$(lock_file "$manager")" ] || [ -f "$proj/requirements.in" ]; then
		make_lock "$proj" "$manager"
	fi
	if [ -f "$proj/.env.example" ] && [ ! -f "$proj/.env" ]; then cp "$proj/.env.example" "$proj/.env"; fi
	if [ -f "$proj/compose.yaml" ]; then test_with_compose "$proj" "$name"
	else test_with_docker_run "$proj" "$name"
	fi
	echo "PASS: $proj ($manager)" >&2
}

if [ -n "$DIR" ]; then
	test_project "$(cd "$DIR" && pwd)"
	exit 0
fi

read -r -a SLIPWAY_CMD <<<"${SLIPWAY:-node $REPO/dist/cli/slipway.js}"
if [ -z "${SLIPWAY:-}" ] && [ ! -f "$REPO/dist/cli/slipway.js" ]; then
	fail "dist/cli/slipway.js is missing: run npm run build (or set SLIPWAY)"
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/slipway-docker.XXXXXX")
for manager in "${MANAGERS[@]}"; do
	proj="$WORK/$PRESET-$manager"
	log "generating $PRESET with $manager"
	"${SLIPWAY_CMD[@]}" generate --preset "$PRESET" --manager "$manager" --target docker --out "$proj"
	test_project "$proj"
done
echo "all passed: ${MANAGERS[*]}" >&2
