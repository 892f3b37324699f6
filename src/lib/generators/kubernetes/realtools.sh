#!/bin/sh
# Real-tool checks of the deployment targets (Kubernetes, Lambda, Cloud Run, bare metal)
# on every preset x manager x target case of deploy-matrix.ts. Needs root and the trixie
# toolchain root (tests/validate/toolchain/setup.sh). Usage, from the repository root:
#     sudo sh src/lib/generators/kubernetes/realtools.sh
# Exit status 0 only when every check passes; each failure is printed.
#
#   kubernetes   kubectl kustomize (renders the kustomization offline), yamllint (relaxed)
#   bare metal   systemd-analyze verify (any stderr fails; ExecStart's binary is stubbed in a
#                private /opt), nginx -t (site wrapped in a minimal main config, test certs
#                from openssl), shellcheck install.sh, py_compile gunicorn.conf.py
#   aws-lambda   py_compile lambda_handler.py, yamllint template.yaml
#   cloud-run    yamllint service.yaml
# Schema checks (kubernetes-models, @kubernetes/client-node round trip, SAM property lists,
# Knative structure, ruff) run in-process in the unit tests beside the generators.
set -eu

ROOT=${SLIPWAY_TOOLCHAIN:-/var/cache/slipway/trixie}
[ -x "$ROOT/usr/bin/python3" ] || { echo "no toolchain root at $ROOT" >&2; exit 2; }
WORK_REL=/tmp/slipway-deploy-check.$$
WORK="$ROOT$WORK_REL"
rm -rf "$WORK"; mkdir -p "$WORK/dump"
trap 'rm -rf "$WORK"' EXIT

SLIPWAY_DUMP_DIR="$WORK/dump" npx vitest run --project unit src/lib/generators/kubernetes/dump.test.ts >/dev/null

cat > "$WORK/check.sh" <<'INNER'
set -u
cd "$1"
fail=0
bad() { echo "FAIL $*"; fail=1; }
yl() { yamllint -d relaxed -f parsable "$1" | grep -v '\[warning\]' | grep . && bad "yamllint $1"; }
# Test certificate for nginx -t.
mkdir -p /tmp/tls && openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=test \
	-keyout /tmp/tls/key.pem -out /tmp/tls/cert.pem >/dev/null 2>&1
for case in */; do
	case=${case%/}
	d="$PWD/$case"
	if [ -f "$d/deploy/kubernetes/kustomization.yaml" ]; then
		kubectl kustomize "$d/deploy/kubernetes" >/tmp/out.yaml 2>/tmp/err || bad "$case kustomize: $(cat /tmp/err)"
		for f in "$d"/deploy/kubernetes/*.yaml; do yl "$f"; done
		echo "ok   $case kubernetes ($(grep -c '^kind:' /tmp/out.yaml) resources rendered)"
	fi
	if [ -f "$d/deploy/aws-lambda/template.yaml" ]; then
		yl "$d/deploy/aws-lambda/template.yaml"
		handler=$(ls "$d"/src/*/lambda_handler.py)
		python3 -m py_compile "$handler" || bad "$case py_compile lambda_handler.py"
		# Import the handler with the generated skeleton and call it with a sample event.
		# Debian has no mangum: a stub stands in (it only wraps the app); a2wsgi is real.
		mkdir -p /tmp/stubs && printf 'class Mangum:\n    def __init__(self, app, lifespan="auto"):\n        self.app = app\n    def __call__(self, event, context):\n        return {"statusCode": 200}\n' >/tmp/stubs/mangum.py
		pkg=$(basename "$(dirname "$handler")")
		(cd "$d" && set -a && . ./.env.example && set +a && PYTHONPATH="$d/src:/tmp/stubs" python3 -c "
import json, $pkg.lambda_handler as h
ev = {'Records': [{'messageId': 'm1', 'body': json.dumps({'id': 1})}, {'messageId': 'm2', 'body': '[1]'}]}
r = h.handler(ev, None)
print('handler returned', r)
assert r is None or r == {'statusCode': 200} or r == {'batchItemFailures': [{'itemIdentifier': 'm2'}]}, r
") >/tmp/out 2>&1 || bad "$case import/call lambda_handler: $(tail -5 /tmp/out)"
		echo "ok   $case aws-lambda"
	fi
	if [ -f "$d/deploy/cloud-run/service.yaml" ]; then
		yl "$d/deploy/cloud-run/service.yaml"
		echo "ok   $case cloud-run"
	fi
	if [ -f "$d/deploy/install.sh" ]; then
		shellcheck -s sh -f gcc "$d/deploy/install.sh" || bad "$case shellcheck install.sh"
		[ -f "$d/deploy/gunicorn.conf.py" ] && { python3 -m py_compile "$d/deploy/gunicorn.conf.py" || bad "$case py_compile gunicorn.conf.py"; }
		for u in "$d"/deploy/*.service; do
			exe=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$u")
			mkdir -p "$(dirname "$exe")"; printf '#!/bin/sh\n' >"$exe"; chmod 755 "$exe"
			# The unit's user must exist for a faithful check, as install.sh creates it.
			user=$(sed -n 's/^User=//p' "$u")
			id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
			units="$u"; t="${u%.service}.timer"; [ -f "$t" ] && units="$u $t"
			# shellcheck disable=SC2086
			SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no $units >/tmp/out 2>&1 || bad "$case systemd-analyze exit $?"
			[ -s /tmp/out ] && bad "$case systemd-analyze: $(cat /tmp/out)"
		done
		for site in "$d"/deploy/nginx/*.conf; do
			[ -f "$site" ] || continue
			sed -e 's#ssl_certificate /[^;]*;#ssl_certificate /tmp/tls/cert.pem;#' \
			    -e 's#ssl_certificate_key /[^;]*;#ssl_certificate_key /tmp/tls/key.pem;#' \
			    -e 's#access_log /var/log/nginx/[^;]*;#access_log /tmp/nginx/access.log;#' \
			    -e 's#error_log /var/log/nginx/[^;]*;#error_log /tmp/nginx/error.log;#' "$site" >/tmp/site.conf
			mkdir -p /tmp/nginx
			cat >/tmp/nginx/main.conf <<NGINX
pid /tmp/nginx/nginx.pid;
error_log /tmp/nginx/error.log;
events {}
http {
    client_body_temp_path /tmp/nginx/body; proxy_temp_path /tmp/nginx/proxy;
    fastcgi_temp_path /tmp/nginx/fastcgi; uwsgi_temp_path /tmp/nginx/uwsgi; scgi_temp_path /tmp/nginx/scgi;
    access_log /tmp/nginx/access.log;
    include /tmp/site.conf;
}
NGINX
			nginx -t -q -c /tmp/nginx/main.conf -e /tmp/nginx/error.log >/tmp/out 2>&1 || bad "$case nginx -t: $(cat /tmp/out)"
			[ -s /tmp/out ] && bad "$case nginx -t output: $(cat /tmp/out)"
		done
		echo "ok   $case bare-metal"
	fi
done
exit $fail
INNER

unshare -m --propagation private sh -c '
	mount -t proc proc "$1/proc"
	mount --rbind /dev "$1/dev"
	mount -t tmpfs tmpfs "$1/opt"
	# Users made for the check stay in this namespace: /etc is a bind-mounted copy.
	cp -a "$1/etc" "$1$2/etc"; mount --bind "$1$2/etc" "$1/etc"
	exec chroot "$1" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
		sh "$2/check.sh" "$2/dump"
' sh "$ROOT" "$WORK_REL"
