/**
 * `src/<pkg>/gunicorn_conf.py`: gunicorn's settings for Flask and Django,
 * shipped inside the package so the wheel carries them to every target.
 * serveArgv() (derive.ts) names it as `--config python:<pkg>.gunicorn_conf`;
 * the command line's `--bind` wins over it, and `GUNICORN_CMD_ARGS` (read by
 * gunicorn after the config file, before the command line) overrides it too.
 *
 * Workers: gunicorn's own default reads WEB_CONCURRENCY and falls back to 1
 * (gunicorn/config.py, Workers). A config that sets `workers` replaces that
 * default, so the module reads WEB_CONCURRENCY itself and falls back to a fixed
 * GUNICORN_DEFAULT_WORKERS (2), not gunicorn's suggested 2 x cores + 1: in a
 * container os.cpu_count() reports the host's cores, not the container's CPU
 * limit, and 2 x 64 + 1 workers of a Django app do not fit a 512 MiB pod.
 * Deployment files set WEB_CONCURRENCY explicitly.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { GUNICORN_DEFAULT_THREADS, GUNICORN_DEFAULT_WORKERS, gunicornConfModule } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { packageModule } from './common.ts';

export function gunicornFiles(config: ReadonlyConfig): GeneratedFile[] {
	const module = gunicornConfModule(config);
	if (!module) return [];
	return [
		packageModule(config, 'gunicorn_conf', {
			doc: [
				'gunicorn settings, the same in the container, on Kubernetes and under systemd.',
				'',
				"Every deployment names this module on gunicorn's command line, as",
				'``gunicorn --config python:<package>.gunicorn_conf --bind HOST:PORT APP``.',
				'``--bind`` on the command line wins over this module, and so does',
				'``GUNICORN_CMD_ARGS`` (e.g. ``GUNICORN_CMD_ARGS="--timeout 60"``).',
				'',
				'Environment:',
				'',
				`- \`\`WEB_CONCURRENCY\`\`: worker processes (default ${GUNICORN_DEFAULT_WORKERS}). A fixed default rather than`,
				'  2 x cores + 1: in a container ``os.cpu_count()`` counts the host\'s cores, not the',
				'  container\'s CPU limit. About 2 x the CPUs the app may use is a good value.',
				`- \`\`GUNICORN_THREADS\`\`: threads per worker (default ${GUNICORN_DEFAULT_THREADS}), so a health probe gets a`,
				'  thread while slow requests hold the others.',
				'- ``FORWARDED_ALLOW_IPS``: proxies trusted to set ``X-Forwarded-*`` (default ``*``:',
				'  the app is reached only through the platform\'s proxy or the local nginx).',
				'- ``LOG_LEVEL``: gunicorn\'s log level, as for the app (default ``INFO``).',
				'',
				'See https://docs.gunicorn.org/en/stable/settings.html for every setting.',
				''
			].join('\n'),
			imports: [['import os']],
			body: [
				'def _positive_int(name: str, default: int) -> int:',
				'    """Read a positive integer from the environment; unset or empty means ``default``."""',
				'    raw = os.environ.get(name, "").strip()',
				'    if not raw:',
				'        return default',
				'    value = int(raw)',
				'    if value < 1:',
				'        msg = f"{name} must be a positive integer, not {raw!r}"',
				'        raise ValueError(msg)',
				'    return value',
				'',
				'',
				`workers = _positive_int("WEB_CONCURRENCY", ${GUNICORN_DEFAULT_WORKERS})`,
				`threads = _positive_int("GUNICORN_THREADS", ${GUNICORN_DEFAULT_THREADS})`,
				'worker_class = "gthread"',
				'# A worker silent this long is killed and replaced (gthread workers heartbeat while busy).',
				'timeout = 30',
				"# On SIGTERM, in-flight requests get this long; below Kubernetes' 30 s termination grace period.",
				'graceful_timeout = 25',
				"# Idle keep-alive connections stay open this long; gunicorn's 2 s suits direct clients, not proxies.",
				'keepalive = 5',
				'forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")',
				'# Access and error logs to stdout/stderr, where the container runtime and journald collect them.',
				'accesslog = "-"',
				'errorlog = "-"',
				'loglevel = os.environ.get("LOG_LEVEL", "INFO").lower()'
			]
		})
	];
}
