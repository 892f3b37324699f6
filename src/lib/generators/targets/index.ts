/**
 * The registry of deployment targets: each descriptor of model/targets.ts
 * (id, label, hint, applies, container, guide, fields) with its generate().
 * The list's order is the Deployment step's order. A target is its folder
 * here, one entry in DEPLOYABLES and one line in GENERATE (keyed by TargetId,
 * so the compiler asks for it).
 *
 * The container image (Dockerfile, .dockerignore, README.Docker.md) is not a
 * target's own output: ../image/ writes it for every target marked `container`.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { DEPLOYABLES, targetOf, type Deployable, type TargetId } from '../../model/targets.ts';
import type { GeneratedFile, Generator } from '../types.ts';
import { awsLambda } from './aws-lambda/index.ts';
import { bareMetal } from './bare-metal/index.ts';
import { cloudRun } from './cloud-run/index.ts';
import { compose } from './docker/compose.ts';
import { kubernetes } from './kubernetes/index.ts';

export { DEPLOYABLES, deployable, targetOf, type Deployable, type TargetId } from '../../model/targets.ts';

/** Each target's own files: a pure function of the config, [] when the target does not apply. */
const GENERATE: Readonly<Record<TargetId, Generator>> = {
	docker: compose,
	kubernetes,
	'aws-lambda': awsLambda,
	'cloud-run': cloudRun,
	'bare-metal': bareMetal
};

export interface DeploymentTarget extends Deployable {
	generate: Generator;
}

/** Every target, in UI order, with its generator. */
export const TARGET_REGISTRY: readonly DeploymentTarget[] = DEPLOYABLES.map((d) => ({ ...d, generate: GENERATE[d.id] }));

/** The files of the target the config deploys to (none for a library). One registry entry of generators/index.ts. */
export function deploymentFiles(config: ReadonlyConfig): GeneratedFile[] {
	const t = targetOf(config);
	return t ? GENERATE[t.id](config) : [];
}
