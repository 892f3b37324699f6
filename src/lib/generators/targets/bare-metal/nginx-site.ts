/** deploy/nginx/<name>.conf (ACME challenges + redirect) and <name>-https.conf (TLS reverse proxy), for services. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { APP_PORT } from '../../../model/derive.ts';
import { raw, writeNginx, type NginxNode } from '../../writers/nginx.ts';
import { hostPaths } from './paths.ts';
import { GENERATED_BY as GENERATED } from '../../header.ts';

/** The HTTP site: ACME HTTP-01 challenges from the webroot, everything else redirected to HTTPS. */
export function nginxHttpSite(config: ReadonlyConfig): string {
	const p = hostPaths(config);
	return writeNginx([
		{ comment: GENERATED },
		{ comment: `HTTP for ${config.bareMetal.domain}. install.sh enables it from the first run, before any certificate exists,` },
		{ comment: `so \`certbot certonly --webroot -w ${p.acmeRoot}\` can answer its challenge here; ${p.nginxTlsFile} is the HTTPS server.` },
		{
			block: 'server',
			body: [
				{ d: 'listen', args: ['80'] },
				{ d: 'listen', args: ['[::]:80'] },
				{ d: 'server_name', args: [config.bareMetal.domain] },
				{ blank: true },
				{ comment: 'ACME HTTP-01 challenges: certbot writes the tokens under the webroot, Let\'s Encrypt fetches them over HTTP.' },
				{ block: 'location', args: ['/.well-known/acme-challenge/'], body: [{ d: 'root', args: [p.acmeRoot] }, { d: 'default_type', args: ['text/plain'] }] },
				{ block: 'location', args: ['/'], body: [{ d: 'return', args: ['301', raw('https://$host$request_uri')] }] }
			]
		}
	]);
}

/** The HTTPS site: TLS termination and the reverse proxy to the app on loopback. */
export function nginxTlsSite(config: ReadonlyConfig): string {
	const p = hostPaths(config);
	const domain = config.bareMetal.domain;
	const upstream = `${p.name}_app`;
	const proxy: NginxNode[] = [
		{ d: 'proxy_pass', args: [`http://${upstream}`] },
		{ d: 'proxy_http_version', args: ['1.1'] },
		{ d: 'proxy_set_header', args: ['Connection', raw('""')] },
		{ d: 'proxy_set_header', args: ['Host', raw('$host')] },
		{ d: 'proxy_set_header', args: ['X-Real-IP', raw('$remote_addr')] },
		{ d: 'proxy_set_header', args: ['X-Forwarded-For', raw('$proxy_add_x_forwarded_for')] },
		{ d: 'proxy_set_header', args: ['X-Forwarded-Proto', raw('$scheme')] },
		{ d: 'proxy_set_header', args: ['X-Forwarded-Host', raw('$host')] },
		{ d: 'proxy_redirect', args: ['off'] },
		{ d: 'proxy_connect_timeout', args: ['5s'] },
		{ d: 'proxy_send_timeout', args: ['60s'] },
		{ d: 'proxy_read_timeout', args: ['60s'] },
		// The app may send its own HSTS (Django does with HTTPS_ONLY): this server adds the one header.
		{ d: 'proxy_hide_header', args: ['Strict-Transport-Security'] }
	];
	const tlsServer: NginxNode[] = [
		{ d: 'listen', args: ['443', 'ssl'] },
		{ d: 'listen', args: ['[::]:443', 'ssl'] },
		{ comment: 'HTTP/1.1 only, so the site passes `nginx -t` on every nginx (Debian 12 ships 1.22, Ubuntu 24.04 1.24).' },
		{ comment: 'HTTP/2: on nginx >= 1.25.1 add `http2 on;` here; before 1.25.1 write `listen 443 ssl http2;` instead.' },
		{ d: 'server_name', args: [domain] },
		{ blank: true },
		{ comment: `certbot's files (deploy/README.md, step 4). Your own certificate: change these two paths, then run install.sh.` },
		{ d: 'ssl_certificate', args: [p.cert] },
		{ d: 'ssl_certificate_key', args: [p.key] },
		{ comment: "Mozilla's \"intermediate\" profile (ssl-config.mozilla.org)." },
		{ d: 'ssl_protocols', args: ['TLSv1.2', 'TLSv1.3'] },
		{
			d: 'ssl_ciphers',
			args: ['ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305']
		},
		{ d: 'ssl_prefer_server_ciphers', args: ['off'] },
		{ d: 'ssl_session_timeout', args: ['1d'] },
		{ d: 'ssl_session_cache', args: [`shared:${p.name}_tls:10m`] },
		{ d: 'ssl_session_tickets', args: ['off'] },
		{ d: 'add_header', args: ['Strict-Transport-Security', raw('"max-age=63072000"'), 'always'] },
		{ d: 'add_header', args: ['X-Content-Type-Options', 'nosniff', 'always'] },
		{ blank: true },
		{ d: 'client_max_body_size', args: ['10m'] },
		{ d: 'access_log', args: [`/var/log/nginx/${p.name}.access.log`] },
		{ d: 'error_log', args: [`/var/log/nginx/${p.name}.error.log`] },
		{ blank: true }
	];
	if (config.project.framework === 'django') {
		tlsServer.push(
			{ comment: 'Static files collected by `manage.py collectstatic` (STATIC_ROOT), served without Python.' },
			{ block: 'location', args: ['/static/'], body: [{ d: 'alias', args: [`${p.staticDir}/`] }, { d: 'expires', args: ['7d'] }, { d: 'access_log', args: ['off'] }] }
		);
	}
	tlsServer.push({ block: 'location', args: ['/'], body: proxy });
	return writeNginx([
		{ comment: GENERATED },
		{ comment: `HTTPS for ${domain}. install.sh enables it once the certificate files named below exist; ${p.nginxFile} serves HTTP.` },
		{ block: 'upstream', args: [upstream], body: [{ d: 'server', args: [`127.0.0.1:${APP_PORT}`] }, { d: 'keepalive', args: ['16'] }] },
		{ blank: true },
		{ block: 'server', body: tlsServer }
	]);
}
