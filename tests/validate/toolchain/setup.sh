#!/usr/bin/env bash
# Build (once per machine) the Debian 13 "trixie" root that holds the
# Python-side validators Slipway's tests run generated projects with.
#
#   bash tests/validate/toolchain/setup.sh          # build or bring up to date
#   SLIPWAY_TOOLCHAIN=/some/dir bash .../setup.sh   # another location
#
# Environment:
#   SLIPWAY_TOOLCHAIN       root location (default /var/cache/slipway/trixie)
#   SLIPWAY_DEBIAN_MIRROR   Debian mirror URL (default: taken from this
#                           machine's own apt sources)
#   SLIPWAY_SKIP_CHROMIUM=1 do not install chromium on the host
#   SLIPWAY_SKIP_NGINX=1    do not install nginx-light (1.22) on the host
#   SLIPWAY_FORCE_REBUILD=1 rebuild the root from scratch
#
# Idempotent: the stamp file <root>/.slipway-toolchain records the sha256 of
# the normalised packages.txt. Same hash: nothing to do. Packages only added
# (or a package newly taken from another suite, `name/suite`): apt-get install
# them inside the existing root. Anything else: rebuild in a temporary
# directory beside the root and rename it into place, so a failed build never
# leaves a half root that looks done.
#
# `name/suite` lines (e.g. python3-django/trixie-backports) are installed from
# that suite of the same mirror, main only, after debootstrap: the suite gets
# its own sources.list.d entry in the root, and `apt-get install name/suite`
# takes only that package (and what it needs) from it.
set -euo pipefail

readonly STAMP_NAME=.slipway-toolchain
readonly SUITE=trixie

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=${SLIPWAY_TOOLCHAIN:-/var/cache/slipway/trixie}
root=${root%/}
parent=$(dirname "$root")
pkg_file="$here/packages.txt"

log() { printf 'toolchain: %s\n' "$*" >&2; }
die() { printf 'toolchain: ERROR: %s\n' "$*" >&2; exit 1; }

# Sorted, de-duplicated package names, one per line (comments stripped).
# index.ts computes the same normalisation; keep them in step.
read_packages() {
	sed -e 's/#.*//' -e 's/[[:space:]]//g' "$pkg_file" | grep -v '^$' | LC_ALL=C sort -u
}

# Entries debootstrap installs from $SUITE, and entries `name/suite` taken from another suite.
base_packages() { read_packages | grep -v / || true; }
suite_packages() { read_packages | grep / || true; }

packages_hash() {
	read_packages | sha256sum | cut -d' ' -f1
}

stamp_field() { # stamp_field FILE KEY
	sed -n "s/^$2=//p" "$1" | head -n1
}

need_root_msg() {
	cat >&2 <<EOF
toolchain: this needs root (debootstrap, chroot, mount namespaces).
Run as root:
  apt-get update
  apt-get install -y debootstrap chromium
  bash $here/setup.sh
EOF
}

host_apt_updated=0
host_install() { # host_install PACKAGE... (root only)
	if [[ $host_apt_updated -eq 0 ]]; then
		log "apt-get update (host)"
		apt-get update -qq >&2
		host_apt_updated=1
	fi
	log "installing on the host: $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# The host's own nginx (Debian 12: 1.22, nginx-light) for the bare-metal
# journey's `nginx -t` on an old nginx (tests/validate/journeys/baremetal.test.ts);
# the root has Debian 13's 1.26. Installed without starting it: a temporary
# policy-rc.d (invoke-rc.d's hook) refuses the start the package would do, so
# nothing listens on port 80. SLIPWAY_SKIP_NGINX=1 skips it.
host_nginx() {
	[[ ${SLIPWAY_SKIP_NGINX:-0} == 1 ]] && return 0
	command -v nginx >/dev/null 2>&1 && return 0
	local policy=/usr/sbin/policy-rc.d made_policy=0
	if [[ ! -e $policy ]]; then
		printf '#!/bin/sh\n# slipway setup.sh: no service starts while nginx-light installs\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		made_policy=1
	fi
	local rc=0
	host_install nginx-light || rc=$?
	[[ $made_policy == 1 ]] && rm -f "$policy"
	[[ $rc == 0 ]] || die "could not install nginx-light on the host"
}

# All Debian mirrors named in the machine's apt sources (one-line and deb822
# formats), security archives left out, in the order apt lists them.
apt_source_uris() {
	local f
	shopt -s nullglob
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[[ -r $f ]] || continue
		# deb [options] URI suite component...
		sed -e 's/#.*//' "$f" | awk '$1 == "deb" {
			i = 2
			if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
			if (i <= NF) print $i
		}'
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[[ -r $f ]] || continue
		# deb822: stanzas separated by blank lines; keep Types: deb, Enabled != no
		awk 'BEGIN { RS = ""; FS = "\n" }
		{
			types = ""; uris = ""; enabled = "yes"
			for (n = 1; n <= NF; n++) {
				line = $n
				sub(/#.*/, "", line)
				if (line ~ /^[Tt]ypes:/) { sub(/^[^:]*:/, "", line); types = line }
				else if (line ~ /^URIs:/) { sub(/^[^:]*:/, "", line); uris = line }
				else if (line ~ /^Enabled:/) { sub(/^[^:]*:/, "", line); gsub(/[[:space:]]/, "", line); enabled = line }
			}
			if (types ~ /(^|[[:space:]])deb([[:space:]]|$)/ && enabled != "no") {
				m = split(uris, u, /[[:space:]]+/)
				for (k = 1; k <= m; k++) if (u[k] != "") print u[k]
			}
		}' "$f"
	done
	shopt -u nullglob
}

url_ok() { # url_ok URL: does the URL answer (HEAD/GET)?
	if command -v curl >/dev/null 2>&1; then
		curl -fsS -o /dev/null --max-time 20 "$1" 2>/dev/null
	elif command -v wget >/dev/null 2>&1; then
		wget -q -O /dev/null --timeout=20 "$1"
	else
		return 0 # cannot probe: let debootstrap find out
	fi
}

pick_mirror() {
	if [[ -n ${SLIPWAY_DEBIAN_MIRROR:-} ]]; then
		printf '%s\n' "${SLIPWAY_DEBIAN_MIRROR%/}"
		return
	fi
	local uri seen=" "
	while IFS= read -r uri; do
		uri=${uri%/}
		case $uri in
		http://* | https://*) ;;
		*) continue ;;
		esac
		case $uri in *security*) continue ;; esac
		case $seen in *" $uri "*) continue ;; esac
		seen+="$uri "
		if url_ok "$uri/dists/$SUITE/Release"; then
			printf '%s\n' "$uri"
			return
		fi
		log "mirror $uri has no dists/$SUITE; trying the next source"
	done < <(apt_source_uris)
	die "no apt source on this machine serves Debian $SUITE (looked in /etc/apt/sources.list*); set SLIPWAY_DEBIAN_MIRROR=http://<your debian mirror>/debian"
}

# Run a command inside ROOT with /proc and /dev mounted in a private mount
# namespace: the mounts vanish with the namespace, nothing leaks to the host.
in_root() { # in_root ROOT CMD...
	local r=$1
	shift
	# shellcheck disable=SC2016 # expanded by the inner shell
	unshare -m --propagation private /bin/sh -c '
		set -e
		r=$1; shift
		mount -t proc proc "$r/proc"
		mount --rbind /dev "$r/dev"
		exec chroot "$r" /usr/bin/env -i \
			PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
	' in_root "$r" "$@"
}

# Settings the root gets after debootstrap or an extension.
finish_root() { # finish_root ROOT
	local r=$1
	# DNS for a later apt-get inside the root; localhost for servers in tests.
	cp -L /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
	if ! grep -q 'localhost' "$r/etc/hosts" 2>/dev/null; then
		printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >>"$r/etc/hosts"
	fi
	mkdir -p "$r/tmp/slipway-work"
	chmod 1777 "$r/tmp"
	# Downloaded .debs and package lists (~60 MB) are not needed once
	# installed; extend_root runs apt-get update again.
	rm -f "$r"/var/cache/apt/archives/*.deb "$r"/var/cache/apt/*.bin
	find "$r/var/lib/apt/lists" -maxdepth 1 -type f ! -name lock -delete 2>/dev/null || true
}

# Give the root an apt source for every other suite packages.txt names
# (`name/suite`), on the same mirror, main only; then install those entries.
install_suite_packages() { # install_suite_packages ROOT MIRROR
	local r=$1 mirror=$2 suites suite entries=()
	mapfile -t entries < <(suite_packages)
	[[ ${#entries[@]} -gt 0 ]] || return 0
	suites=$(printf '%s\n' "${entries[@]}" | sed 's#^[^/]*/##' | LC_ALL=C sort -u)
	for suite in $suites; do
		# check-valid-until=no: a mirror snapshot's Release of a moving suite (testing) outlives its
		# Valid-Until; its signature is still checked.
		printf 'deb [check-valid-until=no] %s %s main\n' "$mirror" "$suite" >"$r/etc/apt/sources.list.d/slipway-$suite.list" || return 1
		# Priority 100 (what backports' NotAutomatic gives): a plain `apt-get install name` keeps
		# taking $SUITE's version; only `name/suite` reaches into that suite.
		printf 'Package: *\nPin: release n=%s\nPin-Priority: 100\n' "$suite" >"$r/etc/apt/preferences.d/slipway-$suite.pref" || return 1
	done
	log "installing from other suites: ${entries[*]}"
	in_root "$r" apt-get update -qq >&2 || return 1
	in_root "$r" apt-get install -y -qq --no-install-recommends "${entries[@]}" >&2 || return 1
}

write_stamp() { # write_stamp ROOT BUILD_SECONDS UPDATE_SECONDS MIRROR
	local r=$1 build_secs=$2 update_secs=$3 mirror=$4 tmp
	tmp="$r/$STAMP_NAME.tmp"
	{
		echo "version=1"
		echo "suite=$SUITE"
		echo "hash=$(packages_hash)"
		echo "packages=$(read_packages | tr '\n' ' ' | sed 's/ $//')"
		echo "mirror=$mirror"
		echo "updated=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
		echo "build_seconds=$build_secs"
		echo "update_seconds=$update_secs"
		echo "size_mb=$(du -sxm "$r" | cut -f1)"
	} >"$tmp"
	mv -f "$tmp" "$r/$STAMP_NAME"
}

tmp_root=""
cleanup_tmp() {
	if [[ -n $tmp_root && -d $tmp_root ]]; then
		# debootstrap ran in a private mount namespace, so nothing should be
		# mounted here; unmount anyway before deleting, and never cross into
		# another filesystem.
		if grep -qF " $tmp_root/" /proc/self/mountinfo; then
			umount -R "$tmp_root" 2>/dev/null || true
		fi
		if grep -qF " $tmp_root/" /proc/self/mountinfo; then
			log "mounts remain under $tmp_root; not deleting it"
		else
			rm -rf --one-file-system "$tmp_root"
		fi
	fi
}

# Leftovers of a build that was killed (SIGKILL, power loss): safe to delete
# while we hold the lock. They never look done: only $root has a stamp.
remove_stale_builds() {
	local d
	for d in "$parent/.$(basename "$root").build."* "$parent/.$(basename "$root").old."*; do
		[[ -d $d ]] || continue
		if grep -qF " $d/" /proc/self/mountinfo; then
			log "mounts remain under $d; leaving it"
			continue
		fi
		log "removing leftover $d"
		rm -rf --one-file-system "$d"
	done
}

full_build() { # full_build MIRROR
	local mirror=$1 include start build_log
	start=$(date +%s)
	build_log="$parent/.$(basename "$root").build.log"
	include=$(base_packages | paste -sd, -)
	tmp_root=$(mktemp -d "$parent/.$(basename "$root").build.XXXXXX")
	trap cleanup_tmp EXIT
	chmod 755 "$tmp_root"
	log "debootstrap $SUITE from $mirror into $tmp_root (a few minutes)"
	# A private mount namespace: whatever debootstrap mounts (proc, sys,
	# a /dev bind in containers) disappears with it, even on failure.
	if ! unshare -m --propagation private \
		debootstrap --variant=minbase --components=main \
		--include="$include" "$SUITE" "$tmp_root" "$mirror" >"$build_log" 2>&1; then
		tail -n 30 "$build_log" >&2 || true
		log "full log: $build_log"
		die "debootstrap failed"
	fi
	rm -f "$build_log"
	finish_root "$tmp_root"
	install_suite_packages "$tmp_root" "$mirror" || die "installing packages from other suites failed"
	finish_root "$tmp_root"
	local secs=$(($(date +%s) - start))
	write_stamp "$tmp_root" "$secs" "$secs" "$mirror"
	if [[ -e $root ]]; then
		local old
		old=$(mktemp -d "$parent/.$(basename "$root").old.XXXXXX")
		mv "$root" "$old/root"
		mv "$tmp_root" "$root"
		log "removing the previous root"
		rm -rf --one-file-system "$old"
	else
		mv "$tmp_root" "$root"
	fi
	tmp_root=""
	trap - EXIT
}

extend_root() { # extend_root MIRROR PACKAGE...
	local mirror=$1 start
	shift
	start=$(date +%s)
	log "adding to the existing root: $*"
	# Called as an `if` condition, where set -e is off: check each step.
	finish_root "$root" || return 1
	local plain=() p
	for p in "$@"; do [[ $p == */* ]] || plain+=("$p"); done
	if [[ ${#plain[@]} -gt 0 ]]; then
		in_root "$root" apt-get update -qq >&2 || return 1
		in_root "$root" apt-get install -y -qq --no-install-recommends "${plain[@]}" >&2 || return 1
	fi
	# Every `name/suite` entry again (apt-get install is a no-op for those already there).
	install_suite_packages "$root" "$mirror" || return 1
	finish_root "$root" || return 1
	write_stamp "$root" "$(stamp_field "$root/$STAMP_NAME" build_seconds)" \
		"$(($(date +%s) - start))" "$mirror"
}

main() {
	[[ -r $pkg_file ]] || die "missing $pkg_file"

	if [[ $(id -u) -ne 0 ]]; then
		need_root_msg
		exit 1
	fi

	# Host tools: debootstrap to build the root, chromium for browser tests.
	local missing=()
	command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
	command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
	if [[ ${SLIPWAY_SKIP_CHROMIUM:-0} != 1 && ! -x /usr/bin/chromium ]]; then
		missing+=(chromium)
	fi
	if [[ ${#missing[@]} -gt 0 ]]; then
		host_install "${missing[@]}" || {
			need_root_msg
			die "could not install on the host: ${missing[*]}"
		}
	fi
	host_nginx
	command -v debootstrap >/dev/null 2>&1 || {
		need_root_msg
		exit 1
	}

	mkdir -p "$parent"
	# One build at a time per root (parallel test suites may call this).
	exec 9>"$parent/.$(basename "$root").lock"
	flock 9
	trap 'exit 130' INT TERM # so the EXIT trap removes a half-built root
	remove_stale_builds

	local want have="" stamp="$root/$STAMP_NAME"
	want=$(packages_hash)
	if [[ -f $stamp && -x $root/usr/bin/python3 ]]; then
		have=$(stamp_field "$stamp" hash)
	fi
	if [[ $have == "$want" && ${SLIPWAY_FORCE_REBUILD:-0} != 1 ]]; then
		log "up to date: $root"
		return 0
	fi

	local mirror
	mirror=$(pick_mirror)

	if [[ -n $have && ${SLIPWAY_FORCE_REBUILD:-0} != 1 ]]; then
		# Only additions? Then install them in place instead of rebuilding.
		local old_list added removed
		old_list=$(stamp_field "$stamp" packages | tr ' ' '\n' | grep -v '^$' | LC_ALL=C sort -u)
		added=$(LC_ALL=C comm -13 <(printf '%s\n' "$old_list") <(read_packages))
		# Removed: an old plain entry whose name is gone (python3-django -> python3-django/trixie-backports
		# is an upgrade in place, not a removal), or an old `name/suite` entry no longer listed as such.
		removed=$(LC_ALL=C comm -23 <(printf '%s\n' "$old_list") <(read_packages) |
			LC_ALL=C comm -23 - <(read_packages | sed 's#/.*##' | LC_ALL=C sort -u) |
			grep -v '^$' || true)
		if [[ -z $removed && -n $added ]]; then
			local add=()
			mapfile -t add <<<"$added"
			if extend_root "$mirror" "${add[@]}"; then
				log "extended: $root"
				return 0
			fi
			log "extending failed; rebuilding from scratch"
		fi
	fi

	full_build "$mirror"
	log "ready: $root ($(stamp_field "$root/$STAMP_NAME" size_mb) MB, built in $(stamp_field "$root/$STAMP_NAME" build_seconds) s)"
}

main "$@"
