/**
 * requirements.txt -> requirement strings. Comments, blank lines and pip
 * options (-r, -c, -e, --index-url, --hash...) are skipped and reported; every
 * kept line is checked with the model's PEP 508 parser.
 */
import { formatRequirement, parseRequirement } from '../model/pep.ts';

export interface RequirementsRead {
	requirements: string[];
	/** Human-readable notes about what was skipped and why. */
	skipped: string[];
}

export function readRequirementsTxt(text: string): RequirementsRead {
	const requirements: string[] = [];
	const skipped: string[] = [];
	// Join backslash continuations first (pip does), keeping the first line number.
	const raw = text.replace(/\r\n?/g, '\n').split('\n');
	const logical: { line: number; text: string }[] = [];
	for (let i = 0; i < raw.length; i++) {
		let s = raw[i];
		const start = i + 1;
		while (s.endsWith('\\') && i + 1 < raw.length) s = s.slice(0, -1) + ' ' + raw[++i];
		logical.push({ line: start, text: s });
	}
	let comments = 0;
	for (const { line, text: l } of logical) {
		// A comment starts at "#" at the start of the line or after whitespace (pip's rule).
		const noComment = l.replace(/(^|\s)#.*$/, '').trim();
		if (!noComment) {
			if (l.trim()) comments++;
			continue;
		}
		if (noComment.startsWith('-')) {
			skipped.push(`line ${line}: pip option "${clip(noComment)}" skipped (options are not requirements)`);
			continue;
		}
		// Per-requirement options such as --hash=sha256:... are dropped.
		const [req, ...opts] = noComment.split(/\s+(?=--)/);
		if (opts.length) skipped.push(`line ${line}: option(s) ${opts.map((o) => o.split('=')[0]).join(', ')} dropped from "${clip(req)}"`);
		if (/^(\.|\/|[a-z+]+:\/\/|git\+)/i.test(req)) {
			skipped.push(`line ${line}: "${clip(req)}" is a path or URL, not a named requirement; add it by hand as "name @ url"`);
			continue;
		}
		const r = parseRequirement(req);
		if (!r.ok) {
			skipped.push(`line ${line}: "${clip(req)}" skipped: ${r.error}`);
			continue;
		}
		requirements.push(formatRequirement(r.value));
	}
	if (comments) skipped.unshift(`${comments} comment line${comments > 1 ? 's' : ''} skipped`);
	return { requirements, skipped };
}

function clip(s: string): string {
	return s.length > 60 ? s.slice(0, 57) + '…' : s;
}
