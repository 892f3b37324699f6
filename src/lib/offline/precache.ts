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
 * The files to precache, with their responses: the `roots` (the pages), then,
 * breadth first, each of `files` whose name appears in an HTML or JavaScript
 * file already taken. A failed download rejects (the install then fails and
 * the browser retries on the next visit).
 */
export async function reachable(
	roots: readonly string[],
	files: readonly string[],
	get: (path: string) => Promise<Response>
): Promise<Map<string, Response>> {
	const out = new Map<string, Response>();
	let wave = [...new Set(roots)];
	const taken = new Set(wave);
	while (wave.length) {
		const next: string[] = [];
		await Promise.all(
			wave.map(async (path) => {
				const response = await get(path);
				if (!response.ok) throw new Error(`precache: ${path} answered ${response.status}`);
				out.set(path, response);
				if (!/html|javascript/.test(response.headers.get('content-type') ?? '')) return;
				const type = response.headers.get('content-type') ?? '';
				const text = type.includes('html') ? loadedPart(await response.clone().text()) : await response.clone().text();
				for (const file of files) {
					if (!taken.has(file) && text.includes(fileName(file))) {
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

