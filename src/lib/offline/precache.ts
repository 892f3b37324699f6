/**
 * What the service worker (src/service-worker.ts) precaches: the files a page
 * of this deploy can ever load, found by following names from the pages.
 * Pure apart from the `get` it is given (the worker's fetch); unit-tested in
 * precache.test.ts.
 */

/**
 * A file's name: how a page or script names it. Built files' names are
 * content-hashed, so unique; static files are matched by their name too
 * (`favicon-32.png`), which is as specific as the site's own links.
 */
const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * An HTML page without the links a page never loads: SvelteKit's `disabled`
 * stylesheet links (their CSS is inlined in the page) and the home-screen
 * icon (`apple-touch-icon`, fetched only when someone adds the site to a home
 * screen, online).
 */
export function loadedPart(html: string): string {
	return html.replace(/<link\b[^>]*>/gi, (tag) => (/\sdisabled\b|rel=["']?apple-touch-icon/i.test(tag) ? '' : tag));
}

/**
 * The file names of a page's disabled stylesheet links: CSS the page has
 * inlined. A script may still name such a file (Vite lists a lazy chunk's CSS
 * for its preload helper), but the helper first looks for a stylesheet link
 * with that address in the document, finds the page's own and fetches
 * nothing: so a file every page links that way is never loaded.
 */
export function inlinedStylesheets(html: string): Set<string> {
	const out = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		if (!/\sdisabled\b/i.test(tag) || !/rel=["']?stylesheet/i.test(tag)) continue;
		const href = /\shref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
		if (href) out.add(fileName(href.replace(/[?#].*$/, '')));
	}
	return out;
}

/**
 * The files to precache, with their responses: the `roots` (the pages), then,
 * breadth first, each of `files` whose name appears in an HTML or JavaScript
 * file already taken, except the stylesheets every page has inlined
 * ({@link inlinedStylesheets}). A failed download rejects (the install then
 * fails and the browser retries on the next visit).
 */
export async function reachable(
	roots: readonly string[],
	files: readonly string[],
	get: (path: string) => Promise<Response>
): Promise<Map<string, Response>> {
	const out = new Map<string, Response>();
	let wave = [...new Set(roots)];
	const taken = new Set(wave);
	/** Names every HTML page links as an inlined (disabled) stylesheet; null before the first page. */
	let inlined: Set<string> | null = null;
	while (wave.length) {
		const next: string[] = [];
		await Promise.all(
			wave.map(async (path) => {
				const response = await get(path);
				if (!response.ok) throw new Error(`precache: ${path} answered ${response.status}`);
				out.set(path, response);
				if (!/html|javascript/.test(response.headers.get('content-type') ?? '')) return;
				const type = response.headers.get('content-type') ?? '';
				const raw = await response.clone().text();
				if (type.includes('html')) {
					const here = inlinedStylesheets(raw);
					inlined = inlined === null ? here : new Set([...inlined].filter((name) => here.has(name)));
				}
				const text = type.includes('html') ? loadedPart(raw) : raw;
				for (const file of files) {
					if (!taken.has(file) && !inlined?.has(fileName(file)) && text.includes(fileName(file))) {
						taken.add(file);
						next.push(file);
					}
				}
			})
		);
		wave = next;
	}
	return out;
}

