/** The host's paths and names, all derived from deployName() and the domain, and the app server's command line. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { deployName, facts, scheduledArgs, serveArgv } from '../../../model/derive.ts';
import type { DeployPlace } from '../../../model/deploy-env.ts';

/** Paths on the server, all derived from deployName() and the domain. */
export function hostPaths(config: ReadonlyConfig) {
	const name = deployName(config);
	const script = facts(config).script ?? name;
	const domain = config.bareMetal.domain;
	return {
		name,
		user: name,
		appDir: `/opt/${name}`,
		venv: `/opt/${name}/.venv`,
		confDir: `/etc/${name}`,
		envFile: `/etc/${name}/env`,
		/** Copies of the files install.sh last installed: tells the user's edits from ours. */
		recordDir: `/etc/${name}/installed`,
		stateDir: `/var/lib/${name}`,
		staticDir: `/opt/${name}/staticfiles`,
		unit: `${script}.service`,
		timer: `${script}.timer`,
		/** HTTP site: ACME challenges and the redirect; enabled from the first install. */
		nginxFile: `${name}.conf`,
		/** HTTPS site: enabled once the certificate files it names exist. */
		nginxTlsFile: `${name}-https.conf`,
		/** certbot --webroot writes its HTTP-01 tokens under here. */
		acmeRoot: '/var/www/letsencrypt',
		/** Where `certbot certonly -d <domain>` puts the chain and key (certbot's live/ folder). */
		cert: `/etc/letsencrypt/live/${domain}/fullchain.pem`,
		key: `/etc/letsencrypt/live/${domain}/privkey.pem`
	};
}

/** Services and backing services share the host: everything on loopback. */
export function hostPlace(config: ReadonlyConfig): DeployPlace {
	return { redisHost: '127.0.0.1', postgresHost: '127.0.0.1', allowedHosts: `${config.bareMetal.domain},localhost,127.0.0.1` };
}

/** ExecStart argv: serveArgv() on 127.0.0.1 with the venv's binaries (gunicorn reads the package's own config module). */
export function execStart(config: ReadonlyConfig): string[] {
	const p = hostPaths(config);
	const argv = serveArgv(config, '127.0.0.1');
	// Only nginx on this host talks to the app: trust its X-Forwarded-* headers and nobody else's.
	for (let i = 1; i < argv.length; i++) if (argv[i - 1] === '--forwarded-allow-ips') argv[i] = '127.0.0.1';
	const [bin, ...rest] = argv;
	return [`${p.venv}/bin/${bin}`, ...rest, ...scheduledArgs(config)];
}

/** Where the user's own unit settings go: `systemctl edit <unit>` writes this drop-in, which install.sh never touches. */
export function dropIn(unitName: string): string {
	return `/etc/systemd/system/${unitName}.d/override.conf`;
}
