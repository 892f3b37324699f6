/**
 * Helper programs the bare-metal journey copies into its host (Python 3.13 of
 * the toolchain root), and the list of generated commands the journey runs.
 */

/**
 * Commands of the bare-metal files (deploy/README.md, install.sh, the unit)
 * that tests/validate/journeys/baremetal.test.ts executes literally, as the
 * command extractor (tests/validate/commands/extract.ts) spells them. The
 * journey runs `sh deploy/install.sh` as root three times (first install,
 * after the env file and certificate, upgrade), `nginx -t` (install.sh runs
 * it, and the test on nginx 1.22 and 1.26). The ledger (commands/ledger.ts)
 * accounts install.sh as executed only because this list names it; the matrix
 * starts each configuration's ExecStart= itself.
 */
export const BAREMETAL_EXECUTED: readonly string[] = ['sudo sh deploy/install.sh', 'sh deploy/install.sh', 'nginx -t'];

/**
 * GET one URL without following redirects; prints {status, location, body}.
 * argv: URL [Host header] [CA file]. HTTPS verifies the chain against the CA
 * file and the host name (the test's /etc/hosts points the domain at 127.0.0.1).
 */
export const GET_PY = String.raw`
import http.client, json, ssl, sys, time, urllib.parse
url = sys.argv[1]
host = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
cafile = sys.argv[3] if len(sys.argv) > 3 else None
wait = float(sys.argv[4]) if len(sys.argv) > 4 else 0
u = urllib.parse.urlsplit(url)
deadline = time.time() + wait
while True:
    try:
        if u.scheme == "https":
            ctx = ssl.create_default_context(cafile=cafile)
            c = http.client.HTTPSConnection(u.hostname, u.port or 443, context=ctx, timeout=10)
        else:
            c = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=10)
        c.request("GET", u.path + ("?" + u.query if u.query else ""), headers={"Host": host or u.hostname})
        r = c.getresponse()
        body = r.read()
        if r.status >= 500 and time.time() < deadline:
            raise OSError(f"HTTP {r.status}")
        print(json.dumps({"status": r.status, "location": r.getheader("Location"), "body": body[:400].decode("utf-8", "replace")}))
        break
    except OSError as e:
        if time.time() >= deadline:
            print(json.dumps({"status": 0, "location": None, "body": f"{type(e).__name__}: {e}"}))
            break
        time.sleep(0.3)
`;

/**
 * Starts a systemd service unit as systemd would start it, minus systemd: no
 * manager runs in the test's namespace, so this reads the installed unit and
 * its drop-ins (User=, Group=, WorkingDirectory=, Environment=,
 * EnvironmentFile=, ExecStart=, with systemd's `$$`/`%%` escapes and quoting)
 * and execs ExecStart= with that user, directory and environment. The
 * sandboxing settings (ProtectSystem= ...) are not applied; the systemd
 * validator checks them with systemd-analyze. argv: unit name.
 */
export const RUN_UNIT_PY = String.raw`
import glob, os, pwd, grp, shlex, sys
name = sys.argv[1]
files = ["/etc/systemd/system/" + name] + sorted(glob.glob(f"/etc/systemd/system/{name}.d/*.conf"))
cfg = {"User": None, "Group": None, "WorkingDirectory": "/", "Environment": [], "EnvironmentFile": [], "ExecStart": []}
for path in files:
    section = None
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        if section != "Service" or "=" not in line:
            continue
        key, value = line.split("=", 1)
        if key in ("Environment", "EnvironmentFile", "ExecStart"):
            if value == "":
                cfg[key] = []
            else:
                cfg[key].append(value)
        elif key in cfg:
            cfg[key] = value
unescape = lambda s: s.replace("$$", "\0").replace("%%", "%").replace("\0", "$")
env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin", "LANG": "C.UTF-8"}
for value in cfg["Environment"]:
    for word in shlex.split(value.replace("%%", "%")):
        k, _, v = word.partition("=")
        env[k] = v
for value in cfg["EnvironmentFile"]:
    optional = value.startswith("-")
    path = value.lstrip("-")
    if optional and not os.path.exists(path):
        continue
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.lstrip().startswith(("#", ";")):
            for word in shlex.split(line, comments=False):
                k, _, v = word.partition("=")
                env[k] = v
assert len(cfg["ExecStart"]) == 1, cfg["ExecStart"]
argv = shlex.split(unescape(cfg["ExecStart"][0]))
user = pwd.getpwnam(cfg["User"])
gid = grp.getgrnam(cfg["Group"]).gr_gid if cfg["Group"] else user.pw_gid
env.update({"HOME": user.pw_dir, "USER": user.pw_name, "LOGNAME": user.pw_name})
os.chdir(cfg["WorkingDirectory"])
os.setgroups([])
os.setgid(gid)
os.setuid(user.pw_uid)
os.umask(0o027)
os.execve(argv[0], argv, env)
`;

/**
 * The one test double: systemd's clients (systemctl, systemd-run) log their
 * argv and succeed, because no systemd manager (PID 1) runs in the test's
 * namespace. Everything else install.sh calls is the real program.
 */
export const RECORDER_SH = `#!/bin/sh
# Test double (bare-metal journey): records the call instead of asking systemd.
printf '%s\\n' "$(basename "$0") $*" >> /var/log/systemd-calls.log
exit 0
`;

/**
 * Writes the console-script wrapper pip writes for an entry point (argv: name,
 * bin folder), for a distribution Debian installed outside the venv.
 */
export const CONSOLE_SCRIPT_PY = String.raw`
import os, sys
from importlib.metadata import entry_points
name, bindir = sys.argv[1], sys.argv[2]
(ep,) = entry_points(group="console_scripts", name=name)
path = os.path.join(bindir, name)
with open(path, "w") as f:
    f.write(f"#!{sys.executable}\nimport re\nimport sys\nfrom {ep.module} import {ep.attr}\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit({ep.attr}())\n")
os.chmod(path, 0o755)
`;
