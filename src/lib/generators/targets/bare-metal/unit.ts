/** deploy/<script>.service: the hardened systemd unit (dedicated user, the venv's app server on loopback, EnvironmentFile). */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { facts } from '../../../model/derive.ts';
import { unitCommand, unitValue, writeUnit, type UnitSection } from '../../writers/systemd.ts';
import { hostPaths, execStart, dropIn } from './paths.ts';
import { celeryFacts } from '../../../model/runtime.ts';
import { GENERATED_BY as GENERATED } from '../../header.ts';

/**
 * Another process of the app with the same user, settings and hardening (Celery's worker and beat,
 * celery-units.ts): its unit file name, what it is, its command and how long systemd waits on stop.
 */
export interface UnitRole {
	unit: string;
	what: string;
	argv: string[];
	stopSeconds: number;
}

export function unit(config: ReadonlyConfig, role?: UnitRole): string {
	const p = { ...hostPaths(config), ...(role ? { unit: role.unit } : {}) };
	const f = facts(config);
	const kind = config.project.kind;
	// The worker kind with Celery: a Celery worker, whose warm shutdown may take as long as its longest task.
	const celery = kind === 'worker' ? celeryFacts(config) : null;
	const after = ['network-online.target'];
	if (config.services.postgres) after.push('postgresql.service');
	if (config.services.redis) after.push('redis-server.service');
	const unitLines: UnitSection['lines'] = [
		['Description', unitValue(`${p.name} ${role ? role.what : kind === 'service' ? 'web service' : kind === 'worker' ? (celery ? 'Celery worker' : 'worker') : 'command'}`)],
		['Wants', 'network-online.target'],
		['After', after.map(unitValue).join(' ')]
	];
	const svc: UnitSection['lines'] = [];
	if (kind === 'cli') svc.push(['Type', 'oneshot']);
	else svc.push(['Type', 'exec']);
	svc.push(
		['User', unitValue(p.user)],
		['Group', unitValue(p.user)],
		['WorkingDirectory', unitValue(p.appDir)],
		{ comment: 'Settings (secrets included): root-owned, readable by the service group only (0640).' },
		['EnvironmentFile', unitValue(p.envFile)],
		['Environment', 'PYTHONUNBUFFERED=1']
	);
	if (kind === 'service' && !role) {
		svc.push({ comment: 'Worker processes; override in the EnvironmentFile (it wins over Environment=).' });
		svc.push(['Environment', 'WEB_CONCURRENCY=2']);
		svc.push({ comment: 'Only nginx on this host sets X-Forwarded-*: the app server trusts nobody else.' });
		svc.push(['Environment', 'FORWARDED_ALLOW_IPS=127.0.0.1']);
	}
	svc.push(['ExecStart', unitCommand(role ? role.argv : execStart(config))]);
	if (kind !== 'cli') {
		svc.push(['Restart', 'on-failure'], ['RestartSec', '5s']);
	}
	const stop = role?.stopSeconds ?? celery?.stopGraceSeconds;
	if (stop) svc.push({ comment: "SIGTERM starts Celery's warm shutdown: running tasks finish (task time limit + margin)." });
	svc.push(['TimeoutStopSec', `${stop ?? 30}s`], ['KillMode', 'mixed']);
	svc.push(
		{ comment: 'Writable state lives in /var/lib/<name> (created and owned by systemd); nothing else is writable.' },
		['StateDirectory', unitValue(p.name)],
		['StateDirectoryMode', '0750'],
		['UMask', '0027'],
		{ comment: 'Hardening (systemd.exec(5)); `systemd-analyze security ' + p.unit + '` rates it.' },
		['NoNewPrivileges', 'yes'],
		['ProtectSystem', 'strict'],
		['ProtectHome', 'yes'],
		['PrivateTmp', 'yes'],
		['PrivateDevices', 'yes'],
		['ProtectKernelTunables', 'yes'],
		['ProtectKernelModules', 'yes'],
		['ProtectKernelLogs', 'yes'],
		['ProtectControlGroups', 'yes'],
		['ProtectClock', 'yes'],
		['ProtectHostname', 'yes'],
		['ProtectProc', 'invisible'],
		['ProcSubset', 'pid'],
		['RestrictAddressFamilies', 'AF_UNIX AF_INET AF_INET6'],
		['RestrictNamespaces', 'yes'],
		['RestrictRealtime', 'yes'],
		['RestrictSUIDSGID', 'yes'],
		['RemoveIPC', 'yes'],
		['LockPersonality', 'yes'],
		{ comment: 'CPython, uvloop, psycopg and pydantic-core need no W+X memory; a JIT (PyPy, numba) does: then remove this line.' },
		['MemoryDenyWriteExecute', 'yes'],
		['SystemCallArchitectures', 'native'],
		['SystemCallFilter', '@system-service'],
		['SystemCallFilter', '~@privileged @resources'],
		['SystemCallErrorNumber', 'EPERM'],
		['CapabilityBoundingSet', ''],
		['AmbientCapabilities', '']
	);
	const sections: UnitSection[] = [
		{ name: 'Unit', lines: unitLines },
		{ name: 'Service', lines: svc }
	];
	if (kind !== 'cli') sections.push({ name: 'Install', lines: [['WantedBy', 'multi-user.target']] });
	return writeUnit(
		[
			GENERATED,
			`Installed by deploy/install.sh as /etc/systemd/system/${p.unit}; each run replaces that copy unless you edited it.`,
			`Put your own settings in a drop-in instead: systemctl edit ${p.unit} (${dropIn(p.unit)}).`
		],
		sections
	);
}
