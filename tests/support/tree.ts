/** Every file below `dir`, by path relative to it (forward slashes), with its text. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function filesUnder(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!e.isFile()) continue;
		const full = join(e.parentPath, e.name);
		out.set(relative(dir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
	}
	return out;
}
