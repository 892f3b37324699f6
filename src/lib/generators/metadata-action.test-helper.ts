/**
 * What docker/metadata-action (v6 = v6.2.0, dc802804100637a589fabce1cb79ff13a1411302) pushes
 * for a tag push, for the tag rules release.yml writes: a faithful port, for tests, of
 *
 * - src/meta.ts at v6: procPep440 (a `refs/tags/` ref, `/` -> `-`, `pep440.valid`, then
 *   `pep440.clean` for pre/post/dev releases whatever the pattern, or the Handlebars pattern
 *   with raw/version/major/minor/patch for final releases, which also set `latest`),
 *   procSha (`sha-` + the first 7 characters), tcl.Transform (rules sorted by priority), setVersion (sanitizeTag, first value is the
 *   main tag, later different ones are partials) and generateTags (main, partials, latest);
 * - @renovate/pep440 1.0.0 (the version metadata-action's yarn.lock resolves; the same code
 *   is bundled in its dist/index.cjs): VERSION_PATTERN, valid, clean (parse + stringify,
 *   including its way of printing a local segment: the parsed array in a template string),
 *   explain and semantic.major/minor/patch.
 *
 * Read from the fetched sources (github:docker/metadata-action, github:renovatebot/pep440
 * tag 1.0.0); the action itself cannot run here (it needs the Actions runtime), so this port
 * stands in for it. Only the rule types release.yml uses are ported; any other type throws.
 */

const VERSION_PATTERN = [
	'v?',
	'(?:',
	'(?:(?<epoch>[0-9]+)!)?',
	'(?<release>[0-9]+(?:\\.[0-9]+)*)',
	'(?<pre>',
	'[-_\\.]?',
	'(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
	'[-_\\.]?',
	'(?<pre_n>[0-9]+)?',
	')?',
	'(?<post>',
	'(?:-(?<post_n1>[0-9]+))',
	'|',
	'(?:',
	'[-_\\.]?',
	'(?<post_l>post|rev|r)',
	'[-_\\.]?',
	'(?<post_n2>[0-9]+)?',
	')',
	')?',
	'(?<dev>',
	'[-_\\.]?',
	'(?<dev_l>dev)',
	'[-_\\.]?',
	'(?<dev_n>[0-9]+)?',
	')?',
	')',
	'(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?'
].join('');

const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');
const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');

type Letter = [string, number] | null;
interface Parsed {
	epoch: number;
	release: number[];
	pre: Letter;
	post: Letter;
	dev: Letter;
	local: (string | number)[] | null;
}

function normalizeLetterVersion(letter: string | undefined, number: string | undefined): Letter {
	if (letter) {
		let l = letter.toLowerCase();
		if (l === 'alpha') l = 'a';
		else if (l === 'beta') l = 'b';
		else if (['c', 'pre', 'preview'].includes(l)) l = 'rc';
		else if (['rev', 'r'].includes(l)) l = 'post';
		return [l, Number(number || 0)];
	}
	if (!letter && number) return ['post', Number(number)];
	return null;
}

function parseLocal(local: string | undefined): (string | number)[] | null {
	if (!local) return null;
	return local.split(/[._-]/).map((part) => (Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part)));
}

function parse(version: string, regex = validRegex): Parsed | null {
	const g = regex.exec(version)?.groups;
	if (!g) return null;
	return {
		epoch: Number(g.epoch ? g.epoch : 0),
		release: g.release.split('.').map(Number),
		pre: normalizeLetterVersion(g.pre_l, g.pre_n),
		post: normalizeLetterVersion(g.post_l, g.post_n1 || g.post_n2),
		dev: normalizeLetterVersion(g.dev_l, g.dev_n),
		local: parseLocal(g.local)
	};
}

function stringify(p: Parsed | null): string | null {
	if (!p) return null;
	const parts: string[] = [];
	if (p.epoch !== 0) parts.push(`${p.epoch}!`);
	parts.push(p.release.join('.'));
	if (p.pre) parts.push(p.pre.join(''));
	if (p.post) parts.push('.' + p.post.join(''));
	if (p.dev) parts.push('.' + p.dev.join(''));
	// As in @renovate/pep440 1.0.0: `${array}` joins the local parts with commas.
	if (p.local) parts.push(`+${String(p.local)}`);
	return parts.join('');
}

export const pep440 = {
	valid: (v: string) => (validRegex.test(v) ? v : null),
	clean: (v: string) => stringify(parse(v, cleanRegex)),
	explain(v: string) {
		const p = parse(v);
		if (!p) return null;
		return { release: p.release, is_prerelease: Boolean(p.dev || p.pre), is_devrelease: Boolean(p.dev), is_postrelease: Boolean(p.post) };
	},
	major: (v: string) => pep440.explain(v)!.release[0],
	minor: (v: string) => {
		const r = pep440.explain(v)!.release;
		return r.length < 2 ? 0 : r[1];
	},
	patch: (v: string) => {
		const r = pep440.explain(v)!.release;
		return r.length < 3 ? 0 : r[2];
	}
};

const sanitizeTag = (tag: string) => tag.replace(/[^a-zA-Z0-9._-]+/g, '-');

/** Handlebars as metadata-action uses it: `{{name}}` expressions, HTML-escaped (none of a version's characters are). */
function handlebars(pattern: string, values: Record<string, () => string | number>): string {
	return pattern.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
		const f = values[name];
		if (!f) throw new Error(`pattern expression {{${name}}} not ported`);
		return String(f()).replace(/[&<>"'`=]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
	});
}

/** The `tags` input: one rule a line, `type=...,key=value`. */
function parseRules(tags: string): { type: string; attrs: Record<string, string> }[] {
	return tags
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.map((line) => {
			const attrs: Record<string, string> = {};
			for (const kv of line.split(',')) {
				const i = kv.indexOf('=');
				attrs[kv.slice(0, i)] = kv.slice(i + 1);
			}
			const type = attrs.type;
			delete attrs.type;
			return { type, attrs };
		});
}

/** The image tags (without the image name) metadata-action outputs for a push of `ref` at commit `sha`. */
export function metadataTags(tagsInput: string, ref: string, sha: string): string[] {
	const version: { main?: string; partial: string[]; latest?: boolean } = { partial: [] };
	const setVersion = (val: string, latest: boolean) => {
		if (!val.length) return;
		val = sanitizeTag(val);
		if (version.main === undefined) version.main = val;
		else if (val !== version.main) version.partial.push(val);
		if (version.latest === undefined) version.latest = latest;
	};
	// tcl.Transform sorts the rules by priority, highest first (DefaultPriorities: pep440 900, sha 100); the sort is stable.
	const priority: Record<string, number> = { pep440: 900, sha: 100 };
	const rank = (r: { type: string; attrs: Record<string, string> }) => Number(r.attrs.priority ?? priority[r.type] ?? 0);
	const rules = parseRules(tagsInput).sort((a, b) => rank(b) - rank(a));
	for (const { type, attrs } of rules) {
		if (type === 'pep440') {
			if (!/^refs\/tags\//.test(ref) && !attrs.value) continue;
			let vraw = attrs.value || ref.replace(/^refs\/tags\//g, '');
			if (attrs.match) throw new Error('match= not ported');
			vraw = vraw.replace(/\//g, '-');
			if (!pep440.valid(vraw)) continue; // the action warns "does not conform to PEP 440" and pushes nothing for the rule
			const pver = pep440.explain(vraw)!;
			if (pver.is_prerelease || pver.is_postrelease || pver.is_devrelease) {
				// isRawStatement: the pattern is exactly {{raw}}
				setVersion(/^\{\{\s*raw\s*\}\}$/.test(attrs.pattern) ? vraw : pep440.clean(vraw)!, false);
			} else {
				const v = vraw;
				setVersion(
					handlebars(attrs.pattern, { raw: () => v, version: () => pep440.clean(v)!, major: () => pep440.major(v), minor: () => pep440.minor(v), patch: () => pep440.patch(v) }),
					true
				);
			}
		} else if (type === 'sha') {
			setVersion(`sha-${sha.slice(0, 7)}`, false);
		} else throw new Error(`tag rule type=${type} is not ported`);
	}
	if (!version.main) return [];
	return [version.main, ...version.partial, ...(version.latest ? ['latest'] : [])];
}
