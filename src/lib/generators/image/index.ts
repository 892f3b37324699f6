/**
 * The container outputs: Dockerfile, .dockerignore, README.Docker.md for
 * every container target (docker, kubernetes, Cloud Run), plus compose.yaml
 * and compose.override.yaml for target `docker`. One registry entry.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import type { GeneratedFile } from '../types.ts';
import { compose } from '../targets/docker/compose.ts';
import { dockerDocs } from './docs.ts';
import { dockerfile } from './dockerfile.ts';
import { dockerignore } from './dockerignore.ts';

export { usesContainer } from './common.ts';

/** The container generator. */
export function docker(config: ReadonlyConfig): GeneratedFile[] {
	return [...dockerfile(config), ...dockerignore(config), ...compose(config), ...dockerDocs(config)];
}
