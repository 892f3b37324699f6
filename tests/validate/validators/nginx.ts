/**
 * nginx site configs: `nginx -t` (trixie's nginx 1.26). A site (`server {}`
 * blocks) is wrapped in a minimal main config with private pid/temp paths;
 * TLS files it references are replaced by a throw-away self-signed pair made
 * with openssl, and absolute `include`s outside /etc/nginx (certbot's
 * options file) by empty files. Both substitutions are textual, in a copy.
 */
import type { Finding, Validator } from '../registry.ts';
import { run, sq, withWorkdir } from '../root.ts';

export const isNginx = (path: string, content: string): boolean =>
	/\.conf$/.test(path) && (/(^|\/)nginx/.test(path) || /^\s*server\s*\{/m.test(content) || /^\s*http\s*\{/m.test(content));

export const nginx: Validator = {
	id: 'nginx',
	tool: 'nginx -t (nginx 1.26, trixie) in a minimal main config',
	role: 'primary',
	chroot: true,
	match: isNginx,
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			await withWorkdir('nginx', [], async (w) => {
				const d = w.inRoot;
				let text = f.content;
				const substitutions: string[] = [];
				text = text.replace(/^(\s*ssl_certificate_key\s+)([^;\s]+)(\s*;)/gm, (_m, a: string, p: string, b: string) => {
					substitutions.push(p);
					return `${a}${d}/tls/key.pem${b}`;
				});
				text = text.replace(/^(\s*(?:ssl_certificate|ssl_trusted_certificate|ssl_client_certificate)\s+)([^;\s]+)(\s*;)/gm, (_m, a: string, p: string, b: string) => {
					substitutions.push(p);
					return `${a}${d}/tls/cert.pem${b}`;
				});
				text = text.replace(/^(\s*ssl_dhparam\s+)([^;\s]+)(\s*;)/gm, (_m, a: string, p: string, b: string) => {
					substitutions.push(p);
					return `${a}${d}/tls/dhparam.pem${b}`;
				});
				text = text.replace(/^(\s*include\s+)(\/[^;\s]+)(\s*;)/gm, (m, a: string, p: string, b: string) => {
					if (p.startsWith('/etc/nginx/')) return m;
					substitutions.push(p);
					return `${a}${d}/empty.conf${b}`;
				});
				const full = /^\s*(events|http)\s*\{/m.test(text);
				const main = full
					? text
					: [
							'# harness wrapper',
							`pid ${d}/nginx.pid;`,
							'error_log stderr;',
							'events {}',
							'http {',
							'    include /etc/nginx/mime.types;',
							`    client_body_temp_path ${d}/tmp/body;`,
							`    proxy_temp_path ${d}/tmp/proxy;`,
							`    fastcgi_temp_path ${d}/tmp/fastcgi;`,
							`    uwsgi_temp_path ${d}/tmp/uwsgi;`,
							`    scgi_temp_path ${d}/tmp/scgi;`,
							`    include ${d}/site.conf;`,
							'}',
							''
						].join('\n');
				const script = [
					'set -e',
					`mkdir -p ${d}/tls ${d}/tmp`,
					`: > ${d}/empty.conf`,
					`openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout ${d}/tls/key.pem -out ${d}/tls/cert.pem 2>/dev/null`,
					`openssl dhparam -dsaparam -out ${d}/tls/dhparam.pem 1024 2>/dev/null`,
					`printf '%s' ${sq(text)} > ${d}/site.conf`,
					`printf '%s' ${sq(main)} > ${d}/nginx.conf`,
					`exec nginx -t -q -e stderr -p ${d}/ -c ${d}/nginx.conf`
				].join('\n');
				const r = await run(['/bin/sh', '-c', script], { cwd: d });
				const msg = (r.stdout + r.stderr).trim();
				if (r.code !== 0 || msg) {
					for (const line of msg.split('\n').filter(Boolean)) {
						const m = /in \S*site\.conf:(\d+)/.exec(line);
						out.push({ file: f.path, line: m ? Number(m[1]) : undefined, tool: 'nginx -t', message: line.replace(/\S*\/slipway-work\/[^/]+\//g, '') });
					}
					if (!msg) out.push({ file: f.path, tool: 'nginx -t', message: `exit ${r.code}` });
				}
			});
		}
		return out;
	}
};
