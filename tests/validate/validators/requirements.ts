/**
 * requirements*.txt / *.in / constraints*.txt: every requirement line must
 * parse with Debian's `packaging.requirements.Requirement` (pip's vendored
 * copy is laxer), options must be ones pip knows, and `-r`/`-c` targets must
 * exist in the generated set.
 */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';

const SCRIPT = String.raw`
import json, os, re, sys
from packaging.requirements import Requirement, InvalidRequirement
OPTS_WITH_ARG = {"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
                 "--extra-index-url", "-f", "--find-links", "--no-binary", "--only-binary", "--trusted-host"}
FLAGS = {"--no-index", "--pre", "--prefer-binary", "--require-hashes"}
present = set(json.loads(sys.argv[1]))
out = []
for path in sorted(present):
    if not re.search(r"(^|/)(requirements|constraints)[^/]*\.(txt|in)$", path):
        continue
    text = open(path, encoding="utf-8").read()
    if text and not text.endswith("\n"):
        out.append({"file": path, "message": "file does not end with a newline"})
    logical, start = [], None
    for n, raw in enumerate(text.split("\n"), 1):
        if start is None:
            start = n
        if raw.endswith("\\"):
            logical.append(raw[:-1]); continue
        logical.append(raw)
        line = " ".join(logical); logical = []; ln = start; start = None
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        if not line:
            continue
        if line.startswith("-"):
            parts = line.split(None, 1)
            opt = parts[0].split("=", 1)[0]
            arg = parts[0].split("=", 1)[1] if "=" in parts[0] else (parts[1] if len(parts) > 1 else "")
            if opt in OPTS_WITH_ARG:
                if not arg:
                    out.append({"file": path, "line": ln, "message": f"option {opt} needs an argument"})
                elif opt in ("-r", "--requirement", "-c", "--constraint"):
                    target = os.path.normpath(os.path.join(os.path.dirname(path), arg))
                    # pip-tools: a .in may constrain on the compiled .txt, which pip-compile writes from its .in
                    compiled_from = target[:-4] + ".in" if target.endswith(".txt") else None
                    if target not in present and compiled_from not in present:
                        out.append({"file": path, "line": ln, "message": f"{opt} {arg}: no such generated file"})
            elif opt not in FLAGS:
                out.append({"file": path, "line": ln, "message": f"unknown pip option {opt}"})
            continue
        # per-requirement options: --hash=..., --config-settings ...
        req_text = re.split(r"\s+--", line, 1)[0].strip()
        rest = line[len(req_text):].strip()
        for opt in re.findall(r"--([a-z-]+)", rest):
            if opt not in ("hash", "config-settings", "global-option"):
                out.append({"file": path, "line": ln, "message": f"unknown per-requirement option --{opt}"})
        try:
            Requirement(req_text)
        except InvalidRequirement as e:
            out.append({"file": path, "line": ln, "message": f"{req_text!r}: {e}"})
print(json.dumps(out))
`;

export const requirements: Validator = {
	id: 'requirements',
	tool: "packaging.requirements.Requirement (Debian's packaging 25) + pip option check",
	role: 'primary',
	chroot: true,
	match: (path) => /(^|\/)(requirements|constraints)[^/]*\.(txt|in)$/.test(path),
	async check(files) {
		return withWorkdir('reqs', [...files, { path: 'check_reqs.py', content: SCRIPT }], async (w) => {
			const r = await run(['python3', 'check_reqs.py', JSON.stringify(files.map((f) => f.path))], { cwd: w.inRoot });
			if (r.code !== 0) return [{ file: files[0].path, tool: 'packaging', message: `checker failed: ${r.stderr.slice(-1500)}` }];
			return (JSON.parse(r.stdout) as Omit<Finding, 'tool'>[]).map((f) => ({ ...f, tool: 'packaging.requirements' }));
		});
	}
};
