/**
 * systemd units: `systemd-analyze verify` (systemd 257, trixie). It exits 0
 * even on "Unknown key", so ANY output is a finding. Binaries and folders the
 * unit names (ExecStart*, WorkingDirectory) are stubbed inside the job's
 * private mount namespace (a tmpfs over their nearest existing, non-system
 * parent), so the check sees them without touching the root.
 */
import type { Finding, Validator } from '../registry.ts';
import { run, sq, withWorkdir } from '../root.ts';
import { base } from './util.ts';

const UNIT_RE = /\.(service|socket|timer|path|target|mount)$/;
/** Folders that must never be shadowed by a tmpfs. */
const PROTECTED = ['/', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/bin', '/sbin', '/lib', '/lib64', '/etc', '/var', '/proc', '/dev', '/sys', '/tmp', '/run'];

export function referencedPaths(unit: string): { execs: string[]; dirs: string[] } {
	const execs = new Set<string>();
	const dirs = new Set<string>();
	for (const line of unit.split('\n')) {
		const m = /^\s*(Exec(?:Start|StartPre|StartPost|Stop|StopPost|Reload|Condition))\s*=\s*(.*)$/.exec(line);
		if (m) {
			const cmd = m[2].replace(/^[-@:+!]+/, '').trim();
			const bin = cmd.split(/\s+/)[0];
			if (bin.startsWith('/')) execs.add(bin);
		}
		const d = /^\s*(WorkingDirectory|RootDirectory)\s*=\s*-?(\/\S*)/.exec(line);
		if (d) dirs.add(d[2]);
	}
	return { execs: [...execs], dirs: [...dirs] };
}

export const systemd: Validator = {
	id: 'systemd',
	tool: 'systemd-analyze verify (systemd 257, trixie), any output fails',
	role: 'primary',
	chroot: true,
	match: (path) => UNIT_RE.test(path),
	async check(files) {
		const out: Finding[] = [];
		const names = files.map((f) => base(f.path));
		await withWorkdir('systemd', files.map((f) => ({ path: `units/${base(f.path)}`, content: f.content })), async (w) => {
			const stubs: string[] = [];
			for (const f of files) {
				const { execs, dirs } = referencedPaths(f.content);
				for (const p of execs) stubs.push(`stub_file ${sq(p)}`);
				for (const p of dirs) stubs.push(`stub_dir ${sq(p)}`);
			}
			const script = [
				'set -e',
				`protected=' ${PROTECTED.join(' ')} '`,
				'shadow() { # make the missing path $1 creatable: tmpfs over its nearest existing parent',
				'  a=$1; while [ ! -e "$a" ]; do a=$(dirname "$a"); done',
				'  [ -d "$a" ] || { echo "stub: $a is not a folder" >&2; exit 3; }',
				'  # Already on a tmpfs (one mounted for an earlier stub): a second one would hide what that stub made.',
				'  [ "$(stat -f -c %T "$a")" = tmpfs ] && return 0',
				'  case "$protected" in *" $a "*) echo "stub: will not shadow system folder $a for $1" >&2; exit 3;; esac',
				'  grep -q " $a tmpfs " /proc/mounts || mount -t tmpfs tmpfs "$a"',
				'}',
				'stub_file() { [ -e "$1" ] && return 0; shadow "$1"; mkdir -p "$(dirname "$1")"; printf "#!/bin/sh\\n" > "$1"; chmod 755 "$1"; }',
				'stub_dir() { [ -e "$1" ] && return 0; shadow "$1"; mkdir -p "$1"; }',
				...stubs,
				`cd ${w.inRoot}/units`,
				`exec systemd-analyze verify --man=no ${names.map((n) => `./${sq(n)}`).join(' ')}`
			].join('\n');
			const r = await run(['/bin/sh', '-c', script], { cwd: w.inRoot, env: { SYSTEMD_LOG_COLOR: '0', SYSTEMD_PAGER: '' } });
			const lines = (r.stdout + r.stderr).split('\n').map((l) => l.trim()).filter(Boolean);
			for (const line of lines) {
				const m = /^(?:\S*\/)?([^/:\s]+):(\d+):\s*(.*)$/.exec(line);
				const idx = m ? names.indexOf(m[1]) : -1;
				out.push({ file: idx >= 0 ? files[idx].path : files[0].path, line: m ? Number(m[2]) : undefined, tool: 'systemd-analyze verify', message: m ? m[3] : line });
			}
			if (r.code !== 0 && !lines.length) out.push({ file: files[0].path, tool: 'systemd-analyze verify', message: `exit ${r.code}` });
		});
		return out;
	}
};
