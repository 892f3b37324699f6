/**
 * Facts about how the generated project runs that several outputs share:
 * the Python versions it supports (pyproject's classifiers, CI's matrix) and
 * the worker's mode. Derived from the Config only.
 */
import { PYTHON_VERSIONS, type ReadonlyConfig } from './config.ts';
import { facts } from './derive.ts';

/** Python versions from the project's minimum up to the newest Slipway knows. */
export function supportedPythons(config: ReadonlyConfig): string[] {
	return PYTHON_VERSIONS.slice(PYTHON_VERSIONS.indexOf(config.project.pythonVersion));
}

/**
 * How a worker gets its work: `queue`, JSON jobs from a Redis list (the
 * worker's Redis service is on; SQS on Lambda), or `periodic`, a tick on a
 * schedule (no queue). Null for the other kinds. The Config has no field for
 * it: the Redis service decides, here and only here.
 */
export type WorkerMode = 'queue' | 'periodic';

export function workerMode(config: ReadonlyConfig): WorkerMode | null {
	if (config.project.kind !== 'worker') return null;
	return config.services.redis ? 'queue' : 'periodic';
}

/** The Redis list a queue worker reads (producers RPUSH onto it). */
export function workerQueue(config: ReadonlyConfig): string {
	return `${facts(config).pkg}:jobs`;
}
