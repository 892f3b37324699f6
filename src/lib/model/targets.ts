/**
 * The deployment targets, one descriptor per deployable, in the order the
 * Deployment step shows them. The Config keeps its shape (`target`, plus
 * `serverless.provider` for the two serverless ones), so share links and
 * slipway.json need no migration: `applies` maps a config to its target.
 *
 * This is the light half of the registry (model types only, no generator
 * code), which the wizard imports for labels, hints and fields. The other half,
 * src/lib/generators/targets/index.ts, adds each target's generate(); both
 * are keyed by TargetId, so a new target is one entry here and one there.
 * Nothing else compares `config.target` or `serverless.provider`: it asks
 * targetOf(config) and reads the descriptor.
 */
import type { Kind, ReadonlyConfig, ServerlessProvider, Target } from './config.ts';

export type TargetId = 'docker' | 'kubernetes' | 'aws-lambda' | 'cloud-run' | 'bare-metal';

/** The Config sections holding a target's settings: the Deployment step's blocks, in this order. */
export const TARGET_SECTIONS = ['docker', 'kubernetes', 'serverless', 'bareMetal'] as const;
export type TargetSection = (typeof TARGET_SECTIONS)[number];

export interface Deployable {
	id: TargetId;
	/** The Config values that choose it. */
	select: { target: Target; provider?: ServerlessProvider };
	/** Choice label and hint in the Deployment step. */
	label: string;
	hint: string;
	/** Its name in a sentence ("not used by Cloud Run"). */
	name: string;
	/** Whether it ships a container image (Dockerfile, .dockerignore, README.Docker.md, the image in CI). */
	container: boolean;
	/** The README it writes, where the project's README points for deploying. */
	guide: string;
	/** The Config sections whose fields it reads (shown in the Deployment step while it is chosen). */
	fields: readonly TargetSection[];
	/** Fields of a shared section that only it reads (shown while it is the section's choice). */
	ownFields?: readonly string[];
	/** Why a project kind cannot use it, or undefined when it can. */
	unavailable?: (kind: Kind) => string | undefined;
	/** The platform calls a handler, not a server: a web app is wrapped in an adapter (Mangum, and a2wsgi for WSGI). */
	wrapsApp?: boolean;
	/** Without an image, what it deploys instead (the base image's help text). */
	withoutImage?: string;
	/** Where the deployment sets the app server's variables (serverEnv() in derive.ts), as README.Docker.md says it. */
	setsServerEnv?: string;
	/** Whether it is the one that runs the backing services next to the app (compose). */
	compose?: boolean;
	/**
	 * For the Services step (generators/services-text.ts): where its files put PostgreSQL's
	 * (`pg`) or Redis's URL and who runs the server, naming only files this target writes.
	 */
	serviceSetting(config: ReadonlyConfig, pg: boolean): string;
	/** Whether it fits this config: the config chooses it and the project deploys (a library does not). */
	applies(config: ReadonlyConfig): boolean;
}

type Entry = Omit<Deployable, 'applies'>;

/** Whether the config's `target` (and `serverless.provider`) name this target, whatever the kind. */
function selects(d: Entry, config: ReadonlyConfig): boolean {
	return config.target === d.select.target && (d.select.provider === undefined || config.serverless.provider === d.select.provider);
}

function entry(d: Entry): Deployable {
	return { ...d, applies: (config) => config.project.kind !== 'library' && selects(d, config) };
}

/** Every deployment target, in UI order. */
export const DEPLOYABLES: readonly Deployable[] = [
	entry({ id: 'docker', select: { target: 'docker' }, label: 'Docker', hint: 'Dockerfile + compose', name: 'Docker', container: true, guide: 'README.Docker.md', fields: ['docker'], setsServerEnv: 'compose.yaml sets', compose: true,
		serviceSetting: (_, pg) => (pg ? 'compose.yaml runs a postgres service for it, with a health check and a volume' : 'compose.yaml runs a redis service for it') }),
	entry({ id: 'kubernetes', select: { target: 'kubernetes' }, label: 'Kubernetes', hint: 'Kustomize manifests', name: 'Kubernetes', container: true, guide: 'deploy/kubernetes/README.md', fields: ['docker', 'kubernetes'], setsServerEnv: 'The Kubernetes ConfigMap sets',
		serviceSetting: (config, pg) =>
			pg
				? "its value goes in the Secret (deploy/kubernetes/secret.example.yaml); the cluster's own PostgreSQL serves it"
				: `its value is in the ConfigMap (deploy/kubernetes/${config.project.kind === 'service' && config.project.framework === 'django' ? 'config/' : ''}configmap.yaml), pointing at a redis Service in the namespace` }),
	entry({ id: 'aws-lambda', select: { target: 'serverless', provider: 'aws-lambda' }, label: 'AWS Lambda', hint: 'SAM template, zip package', name: 'AWS Lambda', container: false, guide: 'deploy/aws-lambda/README.md', fields: ['serverless'], wrapsApp: true, withoutImage: 'AWS Lambda deploys a zip',
		serviceSetting: (config, pg) => {
			if (!pg && config.project.kind === 'worker') return 'on Lambda, an SQS queue in deploy/aws-lambda/template.yaml brings the jobs a Redis list brings elsewhere';
			return pg ? 'deploy/aws-lambda/template.yaml resolves it from Secrets Manager; use RDS, Aurora or your own server' : 'deploy/aws-lambda/template.yaml sets it; point it at ElastiCache or your own server';
		} }),
	entry({ id: 'cloud-run', select: { target: 'serverless', provider: 'cloud-run' }, label: 'Google Cloud Run', hint: 'Container service', name: 'Cloud Run', container: true, guide: 'deploy/cloud-run/README.md', fields: ['docker', 'serverless'], ownFields: ['serverless.gcpProject', 'serverless.artifactRepository'], unavailable: (kind) => (kind === 'worker' ? 'Cloud Run serves HTTP, not workers' : undefined),
		serviceSetting: (_, pg) => (pg ? 'deploy/cloud-run/service.yaml reads it from Secret Manager; use Cloud SQL or your own server' : 'deploy/cloud-run/service.yaml sets it; point it at Memorystore or your own server') }),
	entry({ id: 'bare-metal', select: { target: 'bare-metal' }, label: 'Bare metal', hint: 'systemd + nginx', name: 'bare metal', container: false, guide: 'deploy/README.md', fields: ['bareMetal'], withoutImage: 'bare metal runs no image',
		serviceSetting: (_, pg) => `deploy/env.template holds it, for ${pg ? 'PostgreSQL' : 'Redis'} on the same host or elsewhere` })
];

/**
 * Targets that share one `target` value (the serverless two) are one choice
 * there, and a second choice (`serverless.provider`) picks among them.
 */
const GROUPS: Partial<Record<Target, { label: string; hint: string; unavailable?: (kind: Kind) => string | undefined }>> = {
	serverless: { label: 'Serverless', hint: 'AWS Lambda or Cloud Run', unavailable: (kind) => (kind === 'cli' ? 'Not for command-line tools' : undefined) }
};

/** The descriptor with this id. */
export function deployable(id: TargetId): Deployable {
	return DEPLOYABLES.find((d) => d.id === id)!;
}

/** The target the config deploys to, or null for a library (it is published, not deployed). */
export function targetOf(config: ReadonlyConfig): Deployable | null {
	return DEPLOYABLES.find((d) => d.applies(config)) ?? null;
}

/**
 * The target the config's fields name, also for a library (which keeps them
 * unused, so switching the kind back brings them back): what the form shows.
 * Generators ask targetOf() instead.
 */
export function selectedTarget(config: ReadonlyConfig): Deployable {
	return DEPLOYABLES.find((d) => selects(d, config))!;
}

/** The `target` values that `serverless.provider` chooses within ("serverless"): a group's. */
export const PROVIDER_TARGETS: readonly Target[] = [...new Set(DEPLOYABLES.filter((d) => d.select.provider).map((d) => d.select.target))];

/** The serverless target `serverless.provider` names, whatever `target` is (the Serverless block shows its fields). */
export function providerTarget(config: ReadonlyConfig): Deployable {
	return DEPLOYABLES.find((d) => d.select.provider !== undefined && selects(d, { ...config, target: d.select.target }))!;
}

export interface TargetChoice<V extends string> {
	value: V;
	label: string;
	hint: string;
	/** Why this kind cannot choose it. */
	unavailable?: (kind: Kind) => string | undefined;
}

/** The options of the `target` field, in registry order (a group once, where its first member stands). */
export const TARGET_CHOICES: readonly TargetChoice<Target>[] = DEPLOYABLES.filter((d, i) => DEPLOYABLES.findIndex((e) => e.select.target === d.select.target) === i).map((d) => {
	const g = GROUPS[d.select.target];
	return g ? { value: d.select.target, ...g } : { value: d.select.target, label: d.label, hint: d.hint, unavailable: d.unavailable };
});

/** The options of `serverless.provider`: the members of the serverless group. */
export const PROVIDER_CHOICES: readonly TargetChoice<ServerlessProvider>[] = DEPLOYABLES.filter((d) => d.select.provider).map((d) => ({
	value: d.select.provider!,
	label: d.label,
	hint: d.hint,
	unavailable: d.unavailable
}));

/** The targets that build an image, in a sentence: "Docker, Kubernetes and Cloud Run". */
export const IMAGE_TARGETS: string = ((names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('')))(
	DEPLOYABLES.filter((d) => d.container).map((d) => d.name)
);

/** The label of a `target` value (the group's for a group). */
export function targetChoiceLabel(target: Target): string {
	return TARGET_CHOICES.find((c) => c.value === target)!.label;
}

/** The target as the Config spells it: `docker`, or `serverless (cloud-run)` for a group member. */
export function configSpelling(d: Deployable, labels = false): string {
	const t = labels ? targetChoiceLabel(d.select.target) : d.select.target;
	return d.select.provider ? `${t} (${d.select.provider})` : t;
}

/** Config paths edited with the targets (the Deployment step): `target` and every section's fields. */
export function isTargetField(path: string): boolean {
	return path === 'target' || DEPLOYABLES.some((d) => d.fields.some((s) => path.startsWith(`${s}.`)));
}
