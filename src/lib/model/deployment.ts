/**
 * Deployment facts several targets share: the image tag a release pushes (and
 * its label form), and the names of the Kubernetes resources. Derived from the
 * Config only; the generators read them and never restate them.
 */
import type { ReadonlyConfig } from './config.ts';
import { deployName } from './derive.ts';

/** Canonical PEP 440 versions as validate.ts accepts them: [N!]N(.N)*[{a|b|rc}N][.postN][.devN]. */
const CANONICAL = /^(?:(\d+)!)?(\d+(?:\.\d+)*)((?:a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$/;

/**
 * The image tag release.yml pushes for the tag `v<version>`: docker/metadata-action's
 * `type=pep440,pattern={{version}}` writes the PEP 440 normal form (numbers without
 * leading zeros, no `0!` epoch) and replaces characters a Docker tag cannot hold
 * (`!`, `+`) with `-`: `1!2.0` -> `1-2.0`, `1.01rc01` -> `1.1rc1`.
 */
export function imageTag(version: string): string {
	const m = CANONICAL.exec(version);
	let v = version;
	if (m) {
		const num = (s: string) => s.replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, ''));
		const epoch = m[1] !== undefined ? num(m[1]) : '0';
		v = `${epoch === '0' ? '' : `${epoch}!`}${num(m[2])}${num(m[3] ?? '')}${num(m[4] ?? '')}${num(m[5] ?? '')}`;
	}
	return v.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

/** `app.kubernetes.io/version`: the image tag cut to a label value (63 characters, alphanumeric at both ends). */
export function versionLabel(version: string): string {
	return imageTag(version).slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/** Names of the resources, all derived from deployName(). */
export function k8sNames(config: ReadonlyConfig) {
	const n = deployName(config);
	return {
		app: n,
		config: `${n}-config`,
		secret: `${n}-secret`,
		tls: `${n}-tls`,
		migrate: `${n}-migrate`,
		/** The image pull Secret (type kubernetes.io/dockerconfigjson) every pod names in imagePullSecrets. */
		pull: `${n}-registry`
	};
}
