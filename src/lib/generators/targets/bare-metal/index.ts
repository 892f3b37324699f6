/**
 * Bare metal (target `bare-metal`): a systemd + nginx host.
 *
 * deploy/<script>.service        hardened unit: dedicated system user, the venv's
 *                                app server on 127.0.0.1:APP_PORT (serveArgv: gunicorn
 *                                reads the package's own gunicorn_conf), EnvironmentFile
 * deploy/<script>.timer          (CLI only) schedule, not enabled
 * deploy/nginx/<name>.conf       HTTP: ACME challenges + redirect (services; enabled
 *                                from the first install, so certbot --webroot works)
 * deploy/nginx/<name>-https.conf TLS reverse proxy, enabled by install.sh once the
 *                                certificate files it names exist
 * deploy/env.template            the EnvironmentFile install.sh copies once
 * deploy/install.sh              idempotent installer (POSIX sh); keeps local edits
 *
 * One module per output: unit.ts, timer.ts, nginx-site.ts, env-template.ts,
 * install-sh.ts (with install-venv.ts, the per-manager venv steps), readme.ts;
 * paths.ts holds the host paths they all name.
 */
import type { ReadonlyConfig } from '../../../model/config.ts';
import type { GeneratedFile } from '../../types.ts';
import { deployable } from '../../../model/targets.ts';
import { hostPaths } from './paths.ts';
import { unit } from './unit.ts';
import { celeryUnits } from './celery-units.ts';
import { timer } from './timer.ts';
import { nginxHttpSite, nginxTlsSite } from './nginx-site.ts';
import { envTemplate } from './env-template.ts';
import { installSh } from './install-sh.ts';
import { readme } from './readme.ts';

const TARGET = deployable('bare-metal');

/** deploy/*: unit, nginx sites, env template, install.sh, README.md. */
export function bareMetal(config: ReadonlyConfig): GeneratedFile[] {
	if (!TARGET.applies(config)) return [];
	const p = hostPaths(config);
	const files: GeneratedFile[] = [
		{ path: `deploy/${p.unit}`, content: unit(config), language: 'ini' },
		{ path: 'deploy/env.template', content: envTemplate(config), language: 'text' },
		{ path: 'deploy/install.sh', content: installSh(config), language: 'shell', mode: 0o755 },
		{ path: TARGET.guide, content: readme(config), language: 'markdown' }
	];
	if (config.project.kind === 'cli') files.push({ path: `deploy/${p.timer}`, content: timer(config), language: 'ini' });
	for (const u of celeryUnits(config)) files.push({ ...u, language: 'ini' });
	if (config.project.kind === 'service') {
		files.push({ path: `deploy/nginx/${p.nginxFile}`, content: nginxHttpSite(config), language: 'nginx' });
		files.push({ path: `deploy/nginx/${p.nginxTlsFile}`, content: nginxTlsSite(config), language: 'nginx' });
	}
	return files;
}

export { dropIn, execStart, hostPaths, hostPlace } from './paths.ts';
export { TOOL_INSTALL } from './install-venv.ts';
