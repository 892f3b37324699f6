/**
 * The container image's files: Dockerfile, .dockerignore, README.Docker.md,
 * for every target the registry marks `container` (model/targets.ts; today
 * docker, kubernetes, cloud-run). compose.yaml is target docker's own
 * (targets/docker/compose.ts). One registry entry.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import type { GeneratedFile } from '../types.ts';
import { dockerDocs } from './docs.ts';
import { dockerfile } from './dockerfile.ts';
import { dockerignore } from './dockerignore.ts';

/** The container image generator. */
export function image(config: ReadonlyConfig): GeneratedFile[] {
	return [...dockerfile(config), ...dockerignore(config), ...dockerDocs(config)];
}
