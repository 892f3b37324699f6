import { describe, expect, it } from 'vitest';
import { reachable } from './precache.ts';

/** A site as the service worker sees it: path -> [content type, body]. */
const SITE: Record<string, [string, string]> = {
	'/': [
		'text/html',
		'<link href="./_app/immutable/assets/inlined.HHH.css" rel="stylesheet" disabled media="(max-width: 0)">' +
			'<link rel="icon" href="./icons/favicon-32.png"><link rel="apple-touch-icon" href="./icons/apple-touch-icon.png">' +
			'<script type="module" src="./_app/immutable/entry/page.AAA.js"></script>'
	],
	'/404.html': ['text/html', '<link href="./_app/immutable/assets/inlined.HHH.css" rel="stylesheet" disabled><title>Page not found</title>'],
	'/_app/immutable/entry/page.AAA.js': ['text/javascript', 'import "./../chunks/main.BBB.js"'],
	'/_app/immutable/chunks/main.BBB.js': ['text/javascript', 'import("./step.CCC.js"); new URL("../workers/gen-DDD.js", import.meta.url)'],
	'/_app/immutable/chunks/step.CCC.js': ['text/javascript', '__vite__mapDeps(["_app/immutable/assets/step.EEE.css","_app/immutable/assets/inlined.HHH.css"])'],
	'/_app/immutable/assets/step.EEE.css': ['text/css', '.x { background: url(never-followed.FFF.js) }'],
	'/_app/immutable/workers/gen-DDD.js': ['text/javascript', 'self.onmessage = () => {}'],
	'/_app/immutable/entry/start.GGG.js': ['text/javascript', 'SvelteKit client router'],
	'/_app/immutable/chunks/never-followed.FFF.js': ['text/javascript', ''],
	'/icons/favicon-32.png': ['image/png', 'PNG'],
	'/icons/icon-512.png': ['image/png', 'PNG'],
	'/icons/apple-touch-icon.png': ['image/png', 'PNG'],
	'/_app/immutable/assets/inlined.HHH.css': ['text/css', '.inlined {}'],
	'/robots.txt': ['text/plain', 'User-agent: *']
};
const FILES = Object.keys(SITE).filter((p) => p !== '/' && p !== '/404.html');

function server() {
	const asked: string[] = [];
	const get = async (path: string) => {
		asked.push(path);
		const hit = SITE[path];
		return hit ? new Response(hit[1], { headers: { 'content-type': hit[0] } }) : new Response('', { status: 404 });
	};
	return { asked, get };
}

describe('service worker precache list', () => {
	it('takes the pages and every file they name, then what those scripts name, transitively', async () => {
		const { asked, get } = server();
		const got = await reachable(['/', '/404.html'], FILES, get);
		expect([...got.keys()].sort()).toEqual(
			[
				'/',
				'/404.html',
				'/_app/immutable/assets/step.EEE.css',
				'/_app/immutable/chunks/main.BBB.js',
				'/_app/immutable/chunks/step.CCC.js',
				'/_app/immutable/entry/page.AAA.js',
				'/_app/immutable/workers/gen-DDD.js',
				'/icons/favicon-32.png'
			].sort()
		);
		// Nothing unreachable is downloaded: SvelteKit's unused client router, install icons, robots.txt,
		// a disabled stylesheet (its CSS is inlined in every page, so the preload helper that a script names it
		// for finds the page's link and fetches nothing), the home-screen icon; and a CSS file's text is not followed.
		expect(asked).not.toContain('/_app/immutable/assets/inlined.HHH.css');
		expect(asked).not.toContain('/icons/apple-touch-icon.png');
		expect(asked).not.toContain('/_app/immutable/entry/start.GGG.js');
		expect(asked).not.toContain('/icons/icon-512.png');
		expect(asked).not.toContain('/robots.txt');
		expect(asked).not.toContain('/_app/immutable/chunks/never-followed.FFF.js');
		// Each file once.
		expect(new Set(asked).size).toBe(asked.length);
		expect(await got.get('/_app/immutable/workers/gen-DDD.js')!.text()).toBe('self.onmessage = () => {}');
	});

	it('takes a stylesheet a script names when some page has not inlined it', async () => {
		const { get } = server();
		const plain = async (path: string) => (path === '/404.html' ? new Response('<title>Page not found</title>', { headers: { 'content-type': 'text/html' } }) : get(path));
		const got = await reachable(['/', '/404.html'], FILES, plain);
		expect(got.has('/_app/immutable/assets/inlined.HHH.css')).toBe(true);
	});

	it('fails when a reachable file cannot be downloaded (the install must not half-succeed)', async () => {
		const { get } = server();
		const broken = async (path: string) => (path.includes('step.CCC') ? new Response('', { status: 500 }) : get(path));
		await expect(reachable(['/'], FILES, broken)).rejects.toThrow(/step\.CCC\.js answered 500/);
	});
});
