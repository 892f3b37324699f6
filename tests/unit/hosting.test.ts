/**
 * The static-host header files (static/_headers for Netlify and Cloudflare
 * Pages, vercel.json, deploy/nginx/security-headers.conf) carry the same
 * security headers, and their CSP never blocks the page's hashed inline
 * script (the page's own policy is in its <meta>).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

/** Headers of the `/*` block of a Netlify/Cloudflare `_headers` file. */
function netlify(text: string): Map<string, string> {
	const out = new Map<string, string>();
	let inAll = false;
	for (const line of text.split('\n')) {
		if (/^\S/.test(line) && !line.startsWith('#')) inAll = line.trim() === '/*';
		else if (inAll && /^\s+\S/.test(line)) {
			const i = line.indexOf(':');
			out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
		}
	}
	return out;
}

interface VercelJson {
	headers: { source: string; headers: { key: string; value: string }[] }[];
}

function vercel(text: string): Map<string, string> {
	const all = (JSON.parse(text) as VercelJson).headers.find((h) => h.source === '/(.*)')!;
	return new Map(all.headers.filter((h) => h.key !== 'Cache-Control').map((h) => [h.key.toLowerCase(), h.value]));
}

function nginx(text: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const m of text.matchAll(/^add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)) out.set(m[1].toLowerCase(), m[2]);
	return out;
}

const files = {
	'static/_headers': netlify(read('static/_headers')),
	'vercel.json': vercel(read('vercel.json')),
	'deploy/nginx/security-headers.conf': nginx(read('deploy/nginx/security-headers.conf'))
};

describe('host header files', () => {
	for (const [name, headers] of Object.entries(files)) {
		test(`${name} sets the lock-down headers`, () => {
			const csp = headers.get('content-security-policy') ?? '';
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("object-src 'none'");
			// A header default-src/script-src would block the page's hashed inline boot script.
			expect(csp).not.toMatch(/(^|;)\s*(default-src|script-src)/);
			expect(headers.get('x-content-type-options')).toBe('nosniff');
			expect(headers.get('referrer-policy')).toBe('no-referrer');
			expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
			expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
		});
	}

	test('all three agree', () => {
		const [first, ...rest] = Object.values(files);
		for (const other of rest) expect(Object.fromEntries(other)).toEqual(Object.fromEntries(first));
	});

	test('immutable assets are cached for a year; the worker and pages are revalidated', () => {
		const h = read('static/_headers');
		expect(h).toMatch(/\/_app\/immutable\/\*\n\s+Cache-Control: public, max-age=31536000, immutable/);
		expect(h).toMatch(/\/service-worker\.js\n\s+Cache-Control: no-cache/);
		const v = JSON.parse(read('vercel.json')) as VercelJson;
		expect(v.headers.find((x) => x.source === '/_app/immutable/(.*)')?.headers[0].value).toBe(
			'public, max-age=31536000, immutable'
		);
		expect(read('deploy/nginx/slipway.conf')).toMatch(/location \/_app\/immutable\/[^}]*max-age=31536000, immutable/);
	});
});
