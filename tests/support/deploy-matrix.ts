/**
 * The configurations the deployment generators are proven on: every preset x
 * package manager x deployment target (Kubernetes with an HTTPRoute, and for
 * services with an Ingress; Lambda, Cloud Run, bare metal), keeping only valid ones. Shared by the unit tests and by
 * `realtools.sh`, which runs the real validators on the same files.
 */
import type { Config } from '../../src/lib/model/config.ts';
import { DEFAULT_BACKEND } from '../../src/lib/model/defaults.ts';
import { PRESETS } from '../../src/lib/model/presets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';

export interface MatrixCase {
	id: string;
	config: Config;
}

export const DEPLOY_TARGETS = [
	{ id: 'kubernetes', apply: (c: Config) => void (c.target = 'kubernetes') },
	// The Ingress instead of the default HTTPRoute, with no class (the cluster's default IngressClass).
	{ id: 'kubernetes-ingress', apply: (c: Config) => ((c.target = 'kubernetes'), (c.kubernetes.exposure = 'ingress'), (c.kubernetes.ingressClass = '')) },
	{ id: 'aws-lambda', apply: (c: Config) => ((c.target = 'serverless'), (c.serverless.provider = 'aws-lambda'), (c.serverless.timeoutSeconds = Math.min(c.serverless.timeoutSeconds, 29))) },
	{ id: 'cloud-run', apply: (c: Config) => ((c.target = 'serverless'), (c.serverless.provider = 'cloud-run')) },
	{ id: 'bare-metal', apply: (c: Config) => void (c.target = 'bare-metal') }
] as const;

/** Every valid preset x manager x target case (libraries and impossible combinations left out). */
export function deployMatrix(): MatrixCase[] {
	const out: MatrixCase[] = [];
	// The presets, plus a periodic worker (no Redis queue), which deploys differently on Lambda.
	const starts = PRESETS.filter((p) => p.config().project.kind !== 'library').map((p) => ({ id: p.id, config: p.config }));
	const periodic = PRESETS.find((p) => p.id === 'worker')!;
	starts.push({ id: 'worker-periodic', config: () => ({ ...periodic.config(), services: { postgres: false, redis: false } }) });
	for (const preset of starts) {
		for (const manager of ['uv', 'poetry', 'pip'] as const) {
			for (const t of DEPLOY_TARGETS) {
				const c = preset.config();
				c.packaging = { ...c.packaging, manager, backend: DEFAULT_BACKEND[manager] };
				t.apply(c);
				if (validateConfig(c).length) continue;
				// Only a service is exposed: a worker's or CLI's manifests are the same either way.
				if (t.id === 'kubernetes-ingress' && c.project.kind !== 'service') continue;
				out.push({ id: `${preset.id}.${manager}.${t.id}`, config: c });
			}
		}
	}
	return out;
}
