/**
 * The configuration matrix: every preset x packaging variant x target x
 * backing services on/off, and a covering slice of it for `npm test`.
 *
 * Packaging variants: every backend BACKENDS_FOR allows per manager, Poetry's
 * classic layout, and pip's pip-tools workflow. Targets: docker, kubernetes,
 * serverless/aws-lambda, serverless/cloud-run, bare-metal. Combinations
 * validateConfig() rejects are kept as "not applicable" with its message.
 */
import type { Config } from '../../src/lib/model/config.ts';
import { PACKAGE_MANAGERS } from '../../src/lib/model/config.ts';
import { BACKENDS_FOR } from '../../src/lib/model/defaults.ts';
import { PRESETS } from '../../src/lib/model/presets.ts';
import { DEPLOYABLES } from '../../src/lib/model/targets.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import { applyTarget as applyDeployable, matrixLabel, packagingVariants, type PackagingVariant } from '../support/cases.ts';

export { packagingVariants, type PackagingVariant } from '../support/cases.ts';

/** Every registry target, as the matrix names it (model/targets.ts order). */
export const TARGET_VARIANTS: readonly string[] = DEPLOYABLES.map(matrixLabel);
export type TargetVariant = string;

/**
 * Backing services: `preset` keeps the preset's own choice; `flipped` flips all of them (on if the preset
 * has none, off otherwise); `stack` turns PostgreSQL and Redis on with the app pieces that ride on them
 * (issue 20): SQLAlchemy + Alembic for FastAPI and Flask, Celery for services and workers.
 */
export const SERVICE_VARIANTS = ['preset', 'flipped', 'stack'] as const;
export type ServiceVariant = (typeof SERVICE_VARIANTS)[number];

export interface MatrixEntry {
	id: string;
	preset: string;
	packaging: string;
	target: TargetVariant;
	services: string;
	config: Config;
	/** validateConfig's messages when the combination is invalid (the entry is then "not applicable"). */
	invalid: string[];
}

function applyTarget(c: Config, t: TargetVariant): void {
	const d = DEPLOYABLES.find((x) => matrixLabel(x) === t);
	if (!d) throw new Error(`no target ${t} in the registry`);
	applyDeployable(c, d);
}

function servicesLabel(c: Config): string {
	const on = [c.services.postgres && 'postgres', c.services.redis && 'redis', c.services.sqlalchemy && 'sqlalchemy', c.services.celery && 'celery'].filter(Boolean);
	return on.length ? on.join('+') : 'none';
}

/** The preset whose Kubernetes entries use the Ingress instead of the HTTPRoute (kubernetes.exposure). */
export const INGRESS_PRESET = 'flask-app';

/** Build one entry (`dhi`: on Docker Hardened Images instead of python:X-slim-trixie; the id says so). */
function entry(presetId: string, pv: PackagingVariant, target: TargetVariant, sv: ServiceVariant, dhi = false): MatrixEntry {
	const preset = PRESETS.find((p) => p.id === presetId)!;
	const c = preset.config();
	pv.apply(c);
	applyTarget(c, target);
	if (dhi) c.docker.baseImage = 'dhi';
	if (sv === 'flipped') {
		const any = c.services.postgres || c.services.redis;
		c.services = { postgres: !any, redis: !any, sqlalchemy: false, celery: false };
	}
	if (sv === 'stack') {
		const p = c.project;
		c.services = { postgres: true, redis: true, sqlalchemy: p.kind === 'service' && (p.framework === 'fastapi' || p.framework === 'flask'), celery: p.kind === 'service' || p.kind === 'worker' };
	}
	// On Kubernetes, Flask's entries expose the service with the Ingress (no class: the cluster's default
	// IngressClass); every other service with the default Gateway API HTTPRoute.
	if (c.target === 'kubernetes' && presetId === INGRESS_PRESET) c.kubernetes.exposure = 'ingress';
	const ingress = c.target === 'kubernetes' && c.project.kind === 'service' && c.kubernetes.exposure === 'ingress';
	const services = servicesLabel(c);
	const invalid = validateConfig(c).map((e) => `${e.path}: ${e.message}`);
	return { id: `${preset.id} | ${pv.id} | ${target} | ${services}${dhi ? ' | dhi' : ''}${ingress ? ' | ingress' : ''}`, preset: preset.id, packaging: pv.id, target, services, config: c, invalid };
}

/**
 * The full matrix (`npm run test:matrix`, CI): every preset x package manager x
 * target with the manager's default backend and the preset's services; then,
 * for every preset, every other packaging variant (each backend, Poetry's
 * classic layout, pip-tools) and the flipped services for every manager, each
 * on a target that rotates so the variants meet every target too.
 */
export function fullMatrix(): MatrixEntry[] {
	const out: MatrixEntry[] = [];
	const variants = packagingVariants();
	const defaults = variants.filter((v) => PACKAGE_MANAGERS.some((m) => v.id === `${m}/${BACKENDS_FOR[m][0]}`));
	const others = variants.filter((v) => !defaults.includes(v));
	let rotate = 0;
	const nextTarget = () => TARGET_VARIANTS[rotate++ % TARGET_VARIANTS.length];
	for (const preset of PRESETS) {
		for (const pv of defaults) for (const target of TARGET_VARIANTS) out.push(entry(preset.id, pv, target, 'preset'));
		for (const pv of others) out.push(entry(preset.id, pv, nextTarget(), 'preset'));
		for (const pv of defaults) out.push(entry(preset.id, pv, nextTarget(), 'flipped'));
	}
	// Docker Hardened Images (docker.baseImage dhi): each manager's builder once, on each target that
	// builds an image, with Django's collectstatic and a CLI's ENTRYPOINT among them.
	for (const [preset, pv, target] of DHI_ENTRIES) out.push(entry(preset, variants.find((v) => v.id === pv)!, target, 'preset', true));
	// The app pieces of issue 20 (SQLAlchemy + Alembic, Celery) on every target, for each preset that can
	// have one, with the managers' default packaging taking turns.
	let turn = 0;
	for (const preset of PRESETS) {
		const probe = preset.config().project;
		if (probe.kind !== 'service' && probe.kind !== 'worker') continue;
		for (const target of TARGET_VARIANTS) out.push(entry(preset.id, defaults[turn++ % defaults.length], target, 'stack'));
	}
	return out;
}

const DHI_ENTRIES: readonly (readonly [string, string, TargetVariant])[] = [
	['django-app', 'uv/uv_build', 'docker'],
	['fastapi-service', 'poetry/poetry-core', 'kubernetes'],
	['flask-app', 'pip/setuptools', 'serverless/cloud-run'],
	['cli-tool', 'uv/uv_build', 'docker']
];

/** Every combination of every dimension (600 configs, hours): SLIPWAY_MATRIX=product, for exhaustive local runs. */
export function productMatrix(): MatrixEntry[] {
	const out: MatrixEntry[] = [];
	for (const preset of PRESETS)
		for (const pv of packagingVariants())
			for (const target of TARGET_VARIANTS) for (const sv of SERVICE_VARIANTS) out.push(entry(preset.id, pv, target, sv));
	return out;
}

/**
 * A covering slice: every preset, packaging variant (so every manager and
 * backend), target and services variant appears at least once among the
 * valid entries. Greedy: walk presets and rotate the other dimensions.
 */
export function coveringSlice(all: MatrixEntry[] = fullMatrix()): MatrixEntry[] {
	const valid = all.filter((e) => !e.invalid.length);
	const packagings = [...new Set(all.map((e) => e.packaging))];
	const presets = [...new Set(all.map((e) => e.preset))];
	const chosen: MatrixEntry[] = [];
	const n = Math.max(packagings.length, presets.length, TARGET_VARIANTS.length);
	for (let i = 0; i < n; i++) {
		const preset = presets[i % presets.length];
		const packaging = packagings[i % packagings.length];
		// Prefer a target/services combination not yet covered for this index.
		const candidates = valid.filter((e) => e.preset === preset && e.packaging === packaging);
		const want = TARGET_VARIANTS[i % TARGET_VARIANTS.length];
		const pick =
			candidates.find((e) => e.target === want && e.services !== (i % 2 ? chosen[0]?.services : '')) ??
			candidates.find((e) => e.target === want) ??
			candidates[0];
		if (pick && !chosen.includes(pick)) chosen.push(pick);
	}
	// Fill any dimension value still missing.
	const covered = (k: 'preset' | 'packaging' | 'target' | 'services', v: string) => chosen.some((e) => e[k] === v);
	for (const k of ['preset', 'packaging', 'target', 'services'] as const) {
		for (const v of new Set(valid.map((e) => e[k]))) {
			if (!covered(k, v)) {
				const pick = valid.find((e) => e[k] === v);
				if (pick) chosen.push(pick);
			}
		}
	}
	// One on Docker Hardened Images, whose runtime stage has no shell.
	const dhi = valid.find((e) => e.config.docker.baseImage === 'dhi');
	if (dhi && !chosen.includes(dhi)) chosen.push(dhi);
	// A Kubernetes service of each exposure: the Gateway API HTTPRoute and the Ingress.
	for (const exposure of ['gateway', 'ingress'] as const) {
		const k8s = (e: MatrixEntry) => e.target === 'kubernetes' && e.config.project.kind === 'service' && e.config.kubernetes.exposure === exposure;
		const pick = valid.find(k8s);
		if (pick && !chosen.some(k8s)) chosen.push(pick);
	}
	// And one invalid combination, to show the "not applicable" path.
	const invalid = all.find((e) => e.invalid.length);
	if (invalid) chosen.push(invalid);
	return chosen;
}

/**
 * SLIPWAY_MATRIX=full|slice|product (default slice). SLIPWAY_MATRIX_ONLY=<regex> keeps the entries whose id
 * matches (a developer's re-run of a few configurations; the mode then says so in the report).
 */
export function selectedMatrix(mode = process.env.SLIPWAY_MATRIX ?? 'slice', only = process.env.SLIPWAY_MATRIX_ONLY): { mode: string; entries: MatrixEntry[] } {
	const picked = pick(mode);
	if (!only) return picked;
	const re = new RegExp(only);
	const entries = picked.entries.filter((e) => re.test(e.id));
	if (!entries.length) throw new Error(`SLIPWAY_MATRIX_ONLY=${JSON.stringify(only)} matches no configuration of the ${mode} matrix`);
	return { mode: `${picked.mode} (only ${only})`, entries };
}

function pick(mode: string): { mode: string; entries: MatrixEntry[] } {
	if (mode === 'product') return { mode, entries: productMatrix() };
	const all = fullMatrix();
	if (mode === 'full') return { mode, entries: all };
	if (mode !== 'slice') throw new Error(`SLIPWAY_MATRIX must be "full", "slice" or "product", not ${JSON.stringify(mode)}`);
	return { mode, entries: coveringSlice(all) };
}
