/**
 * The one case builder of the tests: configurations enumerated from the model
 * (presets, package managers and their backends) and the target registry
 * (model/targets.ts DEPLOYABLES). Every test sweep takes its configs from here:
 *
 * - targetCases() / applyTarget(): every registry target as the matrix names it;
 * - packagingVariants() / packagingEdits(): the packaging variants (validation matrix
 *   and packaging unit tests);
 * - packagingCases(): every preset x packaging edit (pyproject, requirements, CI, README);
 * - dockerCases(): every preset x manager x services on the compose target (the image tests);
 * - deployMatrix(): every preset x manager x deployment target (the target generators' tests).
 *
 * tests/validate/matrix.ts builds the validation matrix from the same pieces.
 * CASE_TWEAKS is keyed by TargetId: a target added to the registry does not
 * compile here until it says how its cases are made, and
 * tests/unit/target-coverage.test.ts fails until they exist and are validated.
 */
import { PACKAGE_MANAGERS, type Config } from '../../src/lib/model/config.ts';
import { BACKENDS_FOR, DEFAULT_BACKEND } from '../../src/lib/model/defaults.ts';
import { PRESETS } from '../../src/lib/model/presets.ts';
import { DEPLOYABLES, deployable, type Deployable, type TargetId } from '../../src/lib/model/targets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';

/** A target as the validation matrix names it: `docker`, `serverless/aws-lambda`. */
export function matrixLabel(d: Deployable): string {
	return d.select.provider ? `${d.select.target}/${d.select.provider}` : d.select.target;
}

/** Make the config choose this target (its `target`, and `serverless.provider` for a group member). */
export function applyTarget(c: Config, d: Deployable): void {
	c.target = d.select.target;
	if (d.select.provider) c.serverless.provider = d.select.provider;
}

/**
 * Every preset on every registry target, then `edit`; the valid ones, named
 * `<preset> <target>` (`<preset> serverless <provider>` for a serverless one).
 */
export function presetTargetCases(edit: (c: Config) => void = () => {}): [string, Config][] {
	const out: [string, Config][] = [];
	for (const preset of PRESETS)
		for (const d of DEPLOYABLES) {
			const c = preset.config();
			applyTarget(c, d);
			edit(c);
			if (validateConfig(c).length) continue;
			out.push([`${preset.id} ${c.target}${c.target === 'serverless' ? ` ${c.serverless.provider}` : ''}`, c]);
		}
	return out;
}

/** A preset's config on a registry target, then `edit` (a test's own settings). */
export function presetOn(preset: string, target: TargetId, edit: (c: Config) => void = () => {}): Config {
	const found = PRESETS.find((p) => p.id === preset);
	if (!found) throw new Error(`no preset ${preset}`);
	const c = found.config();
	applyTarget(c, deployable(target));
	edit(c);
	return c;
}

interface Variant {
	/** Suffix of the case id (`kubernetes-ingress`), or '' for the plain target. */
	id: string;
	apply(c: Config): void;
	/** Only for some configs (after the target is applied). */
	only?(c: Config): boolean;
}

/**
 * How each target's deployment cases are made: the plain target, plus variants
 * of its own settings. `deploy: false` keeps a target out of deployMatrix()
 * when another sweep covers it (docker: dockerCases()).
 */
const CASE_TWEAKS: Readonly<Record<TargetId, { deploy: boolean; variants: readonly Variant[] }>> = {
	docker: { deploy: false, variants: [] },
	kubernetes: {
		deploy: true,
		// The Ingress instead of the default HTTPRoute, with no class (the cluster's default IngressClass);
		// only a service is exposed: a worker's or CLI's manifests are the same either way.
		variants: [{ id: 'ingress', apply: (c) => ((c.kubernetes.exposure = 'ingress'), (c.kubernetes.ingressClass = '')), only: (c) => c.project.kind === 'service' }]
	},
	// API Gateway ends a request after 29-30 s: keep the function's timeout within it.
	'aws-lambda': { deploy: true, variants: [{ id: '', apply: (c) => void (c.serverless.timeoutSeconds = Math.min(c.serverless.timeoutSeconds, 29)) }] },
	'cloud-run': { deploy: true, variants: [] },
	'bare-metal': { deploy: true, variants: [] }
};

export interface TargetCase {
	/** `kubernetes`, `kubernetes-ingress`, `aws-lambda`. */
	id: string;
	target: Deployable;
	apply(c: Config): void;
	only?(c: Config): boolean;
}

/** The deployment cases of every registry target, in registry order. */
export function targetCases(opts: { deployOnly?: boolean } = {}): TargetCase[] {
	const out: TargetCase[] = [];
	for (const d of DEPLOYABLES) {
		const tweaks = CASE_TWEAKS[d.id];
		if (opts.deployOnly && !tweaks.deploy) continue;
		const plain = tweaks.variants.find((v) => v.id === '');
		out.push({ id: d.id, target: d, apply: (c) => (applyTarget(c, d), plain?.apply(c)) });
		for (const v of tweaks.variants.filter((x) => x.id !== ''))
			out.push({ id: `${d.id}-${v.id}`, target: d, apply: (c) => (applyTarget(c, d), v.apply(c)), only: v.only });
	}
	return out;
}

export interface MatrixCase {
	id: string;
	config: Config;
}

/** Every valid preset x manager x deployment target case (libraries and impossible combinations left out). */
export function deployMatrix(): MatrixCase[] {
	const out: MatrixCase[] = [];
	// The presets, plus a periodic worker (no Redis queue), which deploys differently on Lambda.
	const starts = PRESETS.filter((p) => p.config().project.kind !== 'library').map((p) => ({ id: p.id, config: p.config }));
	const periodic = PRESETS.find((p) => p.id === 'worker')!;
	starts.push({ id: 'worker-periodic', config: () => ({ ...periodic.config(), services: { postgres: false, redis: false, sqlalchemy: false, celery: false } }) });
	for (const preset of starts) {
		for (const manager of ['uv', 'poetry', 'pip'] as const) {
			for (const t of targetCases({ deployOnly: true })) {
				const c = preset.config();
				c.packaging = { ...c.packaging, manager, backend: DEFAULT_BACKEND[manager] };
				t.apply(c);
				if (validateConfig(c).length) continue;
				if (t.only && !t.only(c)) continue;
				out.push({ id: `${preset.id}.${manager}.${t.id}`, config: c });
			}
		}
	}
	return out;
}

export interface Case {
	name: string;
	config: Config;
}

const SERVICES = [
	{ postgres: false, redis: false, sqlalchemy: false, celery: false },
	{ postgres: true, redis: false, sqlalchemy: false, celery: false },
	{ postgres: false, redis: true, sqlalchemy: false, celery: false },
	{ postgres: true, redis: true, sqlalchemy: false, celery: false }
] as const;

/** preset x manager x services on the compose target (plus pip-tools and poetry classic variants): the image tests' sweep. */
export function dockerCases(): Case[] {
	const composeTarget = DEPLOYABLES.find((d) => d.compose)!;
	const out: Case[] = [];
	for (const preset of PRESETS) {
		for (const manager of PACKAGE_MANAGERS) {
			for (const services of SERVICES) {
				// Django needs PostgreSQL in a container (validate.ts: SQLite would sit in the read-only image).
				if (preset.id === 'django-app' && !services.postgres) continue;
				const c = preset.config();
				applyTarget(c, composeTarget);
				c.packaging.manager = manager;
				c.packaging.backend = DEFAULT_BACKEND[manager];
				c.services = { ...services };
				const name = `${preset.id}/${manager}/${services.postgres ? 'pg' : '-'}${services.redis ? '+redis' : ''}`;
				out.push({ name, config: c });
			}
		}
	}
	const tools = PRESETS[0].config();
	tools.packaging = { ...tools.packaging, manager: 'pip', backend: 'setuptools', poetryLayout: 'poetry2', pipWorkflow: 'pip-tools' };
	out.push({ name: 'fastapi-service/pip-tools', config: tools });
	const classic = PRESETS[1].config();
	classic.packaging.poetryLayout = 'classic';
	out.push({ name: 'django-app/poetry-classic', config: classic });
	for (const c of out) {
		const errors = validateConfig(c.config);
		if (errors.length) throw new Error(`${c.name}: invalid test config: ${JSON.stringify(errors)}`);
	}
	return out;
}

export interface PackagingVariant {
	id: string;
	apply(c: Config): void;
}

/** The validation matrix's packaging variants: every backend per manager, Poetry's classic layout, pip's pip-tools workflow. */
export function packagingVariants(): PackagingVariant[] {
	const out: PackagingVariant[] = [];
	for (const manager of PACKAGE_MANAGERS) {
		for (const backend of BACKENDS_FOR[manager]) {
			out.push({
				id: `${manager}/${backend}`,
				apply: (c) => {
					c.packaging.manager = manager;
					c.packaging.backend = backend;
					c.packaging.poetryLayout = 'poetry2';
					c.packaging.pipWorkflow = 'requirements';
				}
			});
		}
	}
	const poetryBackend = BACKENDS_FOR.poetry[0];
	out.push({
		id: `poetry/${poetryBackend}/classic`,
		apply: (c) => {
			c.packaging.manager = 'poetry';
			c.packaging.backend = poetryBackend;
			c.packaging.poetryLayout = 'classic';
		}
	});
	const pipBackend = BACKENDS_FOR.pip[0];
	out.push({
		id: `pip/${pipBackend}/pip-tools`,
		apply: (c) => {
			c.packaging.manager = 'pip';
			c.packaging.backend = pipBackend;
			c.packaging.pipWorkflow = 'pip-tools';
		}
	});
	return out;
}

/** The packaging unit tests' variants: every uv backend, both Poetry layouts, every pip backend x workflow. */
export function packagingEdits(): { id: string; edit: (c: Config) => void }[] {
	const out: { id: string; edit: (c: Config) => void }[] = [];
	for (const backend of BACKENDS_FOR.uv) out.push({ id: `uv-${backend}`, edit: (c) => (c.packaging = { ...c.packaging, manager: 'uv', backend }) });
	for (const layout of ['poetry2', 'classic'] as const)
		out.push({ id: `poetry-${layout}`, edit: (c) => (c.packaging = { ...c.packaging, manager: 'poetry', backend: 'poetry-core', poetryLayout: layout }) });
	for (const backend of BACKENDS_FOR.pip)
		for (const workflow of ['requirements', 'pip-tools'] as const)
			out.push({ id: `pip-${backend}-${workflow}`, edit: (c) => (c.packaging = { ...c.packaging, manager: 'pip', backend, pipWorkflow: workflow }) });
	return out;
}

export interface PackagingCase {
	id: string;
	config: Config;
}

/** Every preset x packaging edit, for the packaging unit tests and the proof. */
export function packagingCases(): PackagingCase[] {
	const cases: PackagingCase[] = [];
	for (const preset of PRESETS)
		for (const v of packagingEdits()) {
			const config = preset.config();
			v.edit(config);
			cases.push({ id: `${preset.id}/${v.id}`, config });
		}
	return cases;
}
