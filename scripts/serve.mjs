// Serve the built static site (build/) on localhost, as `npm start` and the
// browser tests do. Honours SLIPWAY_BASE (the sub-path the site was built for).
import { createServer } from 'node:http';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = Number(portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? 4173));
const base = (process.env.SLIPWAY_BASE ?? '').replace(/\/$/, '');
const root = process.env.SLIPWAY_OUT ?? 'build';
// Content-hashed files are cached for good, as static/_headers tells Netlify and Cloudflare Pages
// and as SvelteKit's adapter-node serves them (sveltejs/kit packages/adapter-node/src/handler.js,
// commit 01b8102, read 2026-12-02: 200s under /<appPath>/immutable/). Without it sirv sends no
// Cache-Control and Chromium revalidates each of them (a 304 per file on the first visit).
const IMMUTABLE = `${base}/_app/immutable/`;
const assets = sirv(root, {
	dev: false,
	etag: true,
	gzip: true,
	brotli: true,
	setHeaders: (res, pathname) => {
		if (`${base}${pathname}`.startsWith(IMMUTABLE) && res.statusCode === 200) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
	}
});

/** An unknown path gets the site's not-found page (src/routes/404, prerendered to 404.html) with status 404, as static hosts answer. */
function notFound(req, res) {
	const file = join(root, '404.html');
	if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
	const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && existsSync(`${file}.gz`);
	const body = readFileSync(gzip ? `${file}.gz` : file);
	res.writeHead(404, {
		'content-type': 'text/html; charset=utf-8',
		'cache-control': 'no-cache',
		'content-length': body.length,
		...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {})
	});
	res.end(req.method === 'HEAD' ? undefined : body);
}

/** SLIPWAY_SERVE_LOG=<file>: one JSON line per answered request (method, path, status, header and body bytes sent, whether it was conditional), for scripts/bench-ui.mjs. */
const log = process.env.SLIPWAY_SERVE_LOG;
function record(req, res) {
	if (!log) return;
	let sent = 0;
	const write = res.write.bind(res);
	const end = res.end.bind(res);
	res.write = (chunk, ...rest) => ((sent += chunk ? Buffer.byteLength(chunk) : 0), write(chunk, ...rest));
	res.end = (chunk, ...rest) => {
		if (chunk && typeof chunk !== 'function') sent += Buffer.byteLength(chunk);
		return end(chunk, ...rest);
	};
	const path = req.url;
	res.once('finish', () => {
		// `_header`: the status line and headers exactly as written to the socket.
		const head = typeof res._header === 'string' ? Buffer.byteLength(res._header) : 0;
		const line = { method: req.method, path, status: res.statusCode, head, body: sent, encoding: res.getHeader('content-encoding') ?? null, conditional: !!(req.headers['if-none-match'] || req.headers['if-modified-since']) };
		appendFileSync(log, JSON.stringify(line) + '\n');
	});
}

const server = createServer((req, res) => {
	record(req, res);
	const url = req.url ?? '/';
	if (base) {
		if (url === base) {
			res.writeHead(308, { location: `${base}/` }).end();
			return;
		}
		if (!url.startsWith(`${base}/`)) {
			notFound(req, res);
			return;
		}
		req.url = url.slice(base.length) || '/';
	}
	assets(req, res, () => notFound(req, res));
});
server.listen(port, '127.0.0.1', () => {
	console.log(`Slipway is running at http://127.0.0.1:${port}${base}/  (Ctrl-C to stop)`);
});
// close() alone waits for open keep-alive connections (a browser's, a test's) and may never call back
for (const sig of ['SIGINT', 'SIGTERM'])
	process.on(sig, () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
		setTimeout(() => process.exit(0), 1000).unref();
	});
