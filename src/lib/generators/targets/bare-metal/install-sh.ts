/** deploy/install.sh: the idempotent POSIX sh installer, which keeps local edits. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { APP_PORT, HEALTH_PATH } from '../../../model/derive.ts';
import { migrateCommand } from '../../../model/runtime.ts';
import { shQuote, shWord } from '../../writers/shell.ts';
import { celeryUnitRoles } from './celery-units.ts';
import { hostPaths } from './paths.ts';
import { GENERATED_BY as GENERATED } from '../../header.ts';
import { collectStaticLine, installVenv } from './install-venv.ts';

export function installSh(config: ReadonlyConfig): string {
	const p = hostPaths(config);
	const kind = config.project.kind;
	const web = kind === 'service';
	const L: string[] = [];
	L.push('#!/bin/sh');
	L.push(`# ${GENERATED}`);
	L.push(`# Installs ${p.name} on a systemd host${web ? ' behind nginx' : ''}. Run from a checkout, as root:`);
	L.push('#     sudo sh deploy/install.sh');
	L.push('# Idempotent: run it again after `git pull` to upgrade. It keeps your changes: the env file is');
	L.push('# written once, drop-ins (`systemctl edit`) are never touched, and an installed unit or nginx site');
	L.push('# you edited stays as it is, with the new version written beside it as <file>.new.');
	L.push('set -eu', '');
	L.push(`APP_USER=${shQuote(p.user)}`);
	L.push(`APP_DIR=${shQuote(p.appDir)}`);
	L.push('VENV="$APP_DIR/.venv"');
	L.push(`CONF_DIR=${shQuote(p.confDir)}`);
	L.push('# Copies of what this script installed last time: a file that differs from its copy is your edit.');
	L.push('RECORD_DIR="$CONF_DIR/installed"');
	L.push(`UNIT=${shQuote(p.unit)}`);
	if (kind === 'cli') L.push(`TIMER=${shQuote(p.timer)}`);
	if (web) {
		L.push(`NGINX_SITE=${shQuote(p.nginxFile)}`);
		L.push(`NGINX_TLS_SITE=${shQuote(p.nginxTlsFile)}`);
		L.push(`ACME_ROOT=${shQuote(p.acmeRoot)}`);
	}
	L.push('SRC_DIR=$(CDPATH=\'\' cd -- "$(dirname -- "$0")/.." && pwd)', '');
	L.push('die() { printf \'install.sh: %s\\n\' "$1" >&2; exit 1; }');
	L.push('need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed: see $2"; }', '');
	if (config.packaging.manager !== 'pip') {
		L.push('# find_tool NAME DIR...: PATH first, then each DIR; sets tool_path, or lists where it looked in $looked.');
		L.push('find_tool() {');
		L.push('\ttool=$1');
		L.push('\tshift');
		L.push('\ttool_path=$(command -v "$tool" 2>/dev/null || true)');
		L.push('\t[ -n "$tool_path" ] && return 0');
		L.push('\tlooked="PATH=$PATH"');
		L.push('\tfor dir in "$@"; do');
		L.push('\t\t[ -n "$dir" ] || continue');
		L.push('\t\tlooked="$looked, $dir"');
		L.push('\t\tif [ -x "$dir/$tool" ]; then');
		L.push('\t\t\ttool_path="$dir/$tool"');
		L.push('\t\t\treturn 0');
		L.push('\t\tfi');
		L.push('\tdone');
		L.push('\treturn 1');
		L.push('}');
		L.push('# The home of the user who ran sudo: their ~/.local/bin is where the official installers put tools.');
		L.push('user_home=');
		L.push('if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then');
		L.push('\tuser_home=$(getent passwd "$SUDO_USER" | cut -d: -f6) || user_home=');
		L.push('fi', '');
	}
	L.push('# install_file SRC DEST: install SRC as DEST (0644) unless DEST holds your edits.');
	L.push('install_file() {');
	L.push('\tsrc=$1');
	L.push('\tdest=$2');
	L.push('\trecord="$RECORD_DIR/$(basename "$dest")"');
	L.push('\tif [ -f "$record" ] && cmp -s "$src" "$record"; then');
	L.push('\t\t# Same version as last time: DEST stays as it is, edited or not.');
	L.push('\t\t[ -e "$dest" ] || install -m 0644 "$src" "$dest"');
	L.push('\telif [ ! -e "$dest" ] || cmp -s "$dest" "$src" || { [ -f "$record" ] && cmp -s "$dest" "$record"; }; then');
	L.push('\t\tinstall -m 0644 "$src" "$dest"');
	L.push('\telse');
	L.push('\t\tinstall -m 0644 "$src" "$dest.new"');
	L.push('\t\techo "    WARNING: $dest has local changes: kept it. The new version is $dest.new:" >&2');
	L.push('\t\techo "    merge what you need from it (diff -u $dest $dest.new), then delete $dest.new." >&2');
	L.push('\tfi');
	L.push('\tinstall -m 0600 "$src" "$record"');
	L.push('\tif [ -e "$dest.new" ]; then echo "    note: $dest.new is waiting to be merged"; fi');
	L.push('}', '');
	L.push('[ "$(id -u)" -eq 0 ] || die "run as root: sudo sh deploy/install.sh"');
	L.push('need systemctl "https://systemd.io"');
	L.push('');
	L.push('echo "==> system user $APP_USER"');
	L.push('if ! id -u "$APP_USER" >/dev/null 2>&1; then');
	L.push('\tuseradd --system --user-group --home-dir "$APP_DIR" --no-create-home --shell /usr/sbin/nologin "$APP_USER"');
	L.push('fi', '');
	L.push('echo "==> project files -> $APP_DIR (owned by root, read-only for the service)"');
	L.push('install -d -m 0755 "$APP_DIR"');
	L.push('rm -rf "$APP_DIR/src"');
	L.push("tar -C \"$SRC_DIR\" --exclude=./.git --exclude=./.venv --exclude=./.env --exclude='*.pyc' -cf - . \\");
	L.push('\t| tar -C "$APP_DIR" --no-same-owner -xf -', '');
	L.push('echo "==> virtual environment $VENV"');
	L.push(...installVenv(config), '');
	L.push('echo "==> settings $CONF_DIR/env"');
	L.push('install -d -m 0750 -o root -g "$APP_USER" "$CONF_DIR"');
	L.push('install -d -m 0700 "$RECORD_DIR"');
	L.push('first_install=no');
	L.push('if [ ! -f "$CONF_DIR/env" ]; then');
	L.push('\tinstall -m 0640 -o root -g "$APP_USER" "$SRC_DIR/deploy/env.template" "$CONF_DIR/env"');
	L.push('\tfirst_install=yes');
	L.push('fi', '');
	L.push(`echo "==> systemd unit $UNIT${kind === 'cli' ? ' and $TIMER' : ''} (your settings: systemctl edit $UNIT)"`);
	L.push('install_file "$SRC_DIR/deploy/$UNIT" "/etc/systemd/system/$UNIT"');
	if (kind === 'cli') L.push('install_file "$SRC_DIR/deploy/$TIMER" "/etc/systemd/system/$TIMER"');
	// Celery's worker and beat units (celery-units.ts).
	const celeryUnits = celeryUnitRoles(config).map((r) => r.unit);
	for (const u of celeryUnits) L.push(`install_file "$SRC_DIR/deploy/${u}" ${shQuote(`/etc/systemd/system/${u}`)}`);
	L.push('systemctl daemon-reload', '');
	if (web) {
		L.push('if [ -d /etc/nginx ]; then');
		L.push('\techo "==> nginx: $NGINX_SITE (HTTP: ACME challenges, redirect to HTTPS) and $NGINX_TLS_SITE (HTTPS)"');
		L.push('\tif [ -d /etc/nginx/sites-available ] && [ -d /etc/nginx/sites-enabled ]; then');
		L.push('\t\tsites=/etc/nginx/sites-available');
		L.push('\t\tenabled=/etc/nginx/sites-enabled');
		L.push('\t\tlink_to=../sites-available');
		L.push('\telse');
		L.push('\t\tsites=/etc/nginx');
		L.push('\t\tenabled=/etc/nginx/conf.d');
		L.push('\t\tlink_to=/etc/nginx');
		L.push('\tfi');
		L.push('\tinstall -d -m 0755 "$ACME_ROOT"');
		L.push('\tinstall_file "$SRC_DIR/deploy/nginx/$NGINX_SITE" "$sites/$NGINX_SITE"');
		L.push('\tinstall_file "$SRC_DIR/deploy/nginx/$NGINX_TLS_SITE" "$sites/$NGINX_TLS_SITE"');
		L.push('\tln -sfn "$link_to/$NGINX_SITE" "$enabled/$NGINX_SITE"');
		L.push('\t# HTTPS joins once the certificate files the installed site names exist.');
		L.push('\tsite_path() { sed -n "s/^[[:space:]]*$1[[:space:]]\\{1,\\}\\([^;[:space:]]*\\)[[:space:]]*;.*/\\1/p" "$sites/$NGINX_TLS_SITE" | head -n 1; }');
		L.push('\ttls_cert=$(site_path ssl_certificate)');
		L.push('\ttls_key=$(site_path ssl_certificate_key)');
		L.push('\tif [ -n "$tls_cert" ] && [ -f "$tls_cert" ] && [ -n "$tls_key" ] && [ -f "$tls_key" ]; then');
		L.push('\t\tln -sfn "$link_to/$NGINX_TLS_SITE" "$enabled/$NGINX_TLS_SITE"');
		L.push('\t\techo "    HTTPS enabled: $tls_cert"');
		L.push('\telse');
		L.push('\t\trm -f "$enabled/$NGINX_TLS_SITE"');
		L.push('\t\techo "    HTTPS not enabled yet: no certificate at $tls_cert / $tls_key."');
		L.push('\t\techo "    Get one (deploy/README.md, step 4), then run this script again."');
		L.push('\tfi');
		L.push('\tnginx -t');
		L.push('\tsystemctl reload-or-restart nginx');
		L.push('else');
		L.push('\techo "==> nginx is not installed: skipping the sites (apt-get install nginx, then run again)"');
		L.push('fi', '');
	}
	L.push('if [ "$first_install" = yes ]; then');
	L.push('\techo "==> first install: edit $CONF_DIR/env (replace every CHANGE-ME), then run this script again."');
	L.push('\texit 0');
	L.push('fi');
	L.push('if grep -q \'^[^#]*CHANGE-ME\' "$CONF_DIR/env"; then');
	L.push('\tdie "$CONF_DIR/env still contains CHANGE-ME placeholders"');
	L.push('fi', '');
	const cs = collectStaticLine(config);
	// The deploy's one-off migration (model/runtime.ts migrateCommand): Django's migrate or Alembic's upgrade.
	const migrate = migrateCommand(config);
	if (migrate) {
		L.push('# Migrations run like the service: same user and settings file (systemd reads the EnvironmentFile).');
		L.push('echo "==> database migrations"');
		L.push('systemd-run --quiet --wait --pipe --collect --uid="$APP_USER" --gid="$APP_USER" \\');
		L.push(`\t--working-directory="$APP_DIR" -p EnvironmentFile="$CONF_DIR/env" -p StateDirectory=${shQuote(p.name)} \\`);
		for (const [k, v] of Object.entries(migrate.env)) L.push(`\t--setenv=${k}=${shQuote(v)} \\`);
		L.push(`\t"$VENV/bin/python" ${migrate.argv.slice(1).map(shWord).join(' ')}`);
	}
	if (cs) {
		L.push('# Static files need no secret: collectstatic runs as the app user with its settings module only.');
		L.push(`echo "==> static files -> ${p.staticDir}"`);
		L.push(`install -d -m 0755 -o "$APP_USER" -g "$APP_USER" ${shQuote(p.staticDir)}`);
		L.push(cs, '');
	} else if (migrate) L.push('');
	if (kind === 'cli') {
		L.push('echo "==> done. Run once: systemctl start $UNIT. On a schedule: systemctl edit $TIMER (OnCalendar=), then systemctl enable --now $TIMER"');
	} else {
		L.push('echo "==> starting $UNIT"');
		L.push('systemctl enable "$UNIT"');
		L.push('systemctl restart "$UNIT"');
		L.push('systemctl --no-pager --lines=5 status "$UNIT" || true');
		for (const u of celeryUnits) L.push(`systemctl enable ${shQuote(u)}`, `systemctl restart ${shQuote(u)}`);
		if (web) L.push(`echo "==> done: curl -fsS http://127.0.0.1:${APP_PORT}${HEALTH_PATH}"`);
		else L.push('echo "==> done: journalctl -u $UNIT -f"');
	}
	return L.join('\n') + '\n';
}
