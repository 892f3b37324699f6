// Serve the built static site (build/) on localhost, as `npm start` and the
// browser tests do. Honours SLIPWAY_BASE (the sub-path the site was built for).
import { createServer } from 'node:http';
import sirv from 'sirv';

const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = Number(portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? 4173));
const base = (process.env.SLIPWAY_BASE ?? '').replace(/\/$/, '');
const assets = sirv(process.env.SLIPWAY_OUT ?? 'build', { single: '404.html', dev: false, etag: true, gzip: true, brotli: true });

const server = createServer((req, res) => {
	const url = req.url ?? '/';
	if (base) {
		if (url === base) {
			res.writeHead(308, { location: `${base}/` }).end();
			return;
		}
		if (!url.startsWith(`${base}/`)) {
			res.writeHead(404).end('Not found');
			return;
		}
		req.url = url.slice(base.length) || '/';
	}
	assets(req, res, () => res.writeHead(404).end('Not found'));
});
server.listen(port, '127.0.0.1', () => {
	console.log(`Slipway is running at http://127.0.0.1:${port}${base}/  (Ctrl-C to stop)`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
