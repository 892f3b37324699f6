/**
 * Validation with messages a person understands: each names the field, says
 * what is wrong, and shows an example of what is right. Nothing is silently
 * changed or dropped: invalid input stays as typed and is reported.
 */
import { STDLIB_MODULES, PYTHON_KEYWORDS } from './python-names.ts';
import type { Config, ReadonlyConfig } from './config.ts';
import { BACKENDS_FOR, defaultConfig, RELEASE_COOLDOWN_MAX_DAYS } from './defaults.ts';
import { DEFAULT_REGION, runsImage } from './derive.ts';
import { DHI_PYTHON, LAMBDA_PYTHON_LIFECYCLE, LAMBDA_PYTHON_RUNTIMES, PYTHON_END_OF_LIFE } from './platform-facts.ts';
import { importNameOf, isCanonicalVersion, isValidName, isValidVersion, normalizeName, parseRequirement, URL_RE } from './pep.ts';
import { CONFIG_SPEC, type FieldSpec } from './schema.ts';
// #spdx: spdx.ts in Node; in the browser spdx-lazy.ts, which loads the SPDX list when first needed (package.json imports).
import { checkSpdx } from '#spdx';
import { licenseInfo } from './licenses.ts';

/** One problem with one field. `path` is dotted, e.g. `project.dependencies.2`. */
export interface FieldError {
	path: string;
	message: string;
}

export type ReadResult = { ok: true; config: Config } | { ok: false; errors: FieldError[]; repaired?: Config };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
	return `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * Structurally read untrusted JSON into a Config. With `base`, fields the input
 * leaves out are taken from it (an overlay, as `slipway generate --preset X
 * --config part.json` does); without it every field is required.
 * Unknown keys are errors, so a typo never passes unnoticed.
 */
export function readConfig(input: unknown, base?: ReadonlyConfig): ReadResult {
	const errors: FieldError[] = [];
	const substitute = base ?? defaultConfig();
	// Reads the value; on error records it and returns undefined. `repair` mirrors the
	// read with every bad or missing value replaced from `substitute`, so the semantic
	// checks can still run on the rest and report everything in one go.
	const read = (spec: FieldSpec, value: unknown, fallback: unknown, path: string): unknown => {
		const before = errors.length;
		const v = readRaw(spec, value, fallback, path);
		return errors.length > before && spec.type !== 'object' ? undefined : v;
	};
	const readRaw = (spec: FieldSpec, value: unknown, fallback: unknown, path: string): unknown => {
		const at = path || '(config)';
		if (value === undefined) {
			if (fallback !== undefined) return structuredClone(fallback);
			errors.push({ path: at, message: `is missing` });
			return undefined;
		}
		switch (spec.type) {
			case 'object': {
				if (!isPlainObject(value)) {
					errors.push({ path: at, message: `must be an object, not ${describe(value)}` });
					return undefined;
				}
				const out: Record<string, unknown> = {};
				for (const key of Object.keys(value)) {
					if (!Object.hasOwn(spec.fields, key)) {
						const known = Object.keys(spec.fields).join(', ');
						errors.push({ path: path ? `${path}.${key}` : key, message: `is not a known setting (known here: ${known})` });
					}
				}
				const fb = isPlainObject(fallback) ? fallback : undefined;
				for (const [key, sub] of Object.entries(spec.fields)) {
					out[key] = read(sub, value[key], fb?.[key], path ? `${path}.${key}` : key);
				}
				return out;
			}
			case 'string':
				if (typeof value !== 'string') {
					errors.push({ path: at, message: `must be text, not ${describe(value)}` });
					return undefined;
				}
				if (value.length > spec.maxLength) {
					errors.push({ path: at, message: `is ${value.length} characters long; at most ${spec.maxLength} are allowed` });
					return undefined;
				}
				if (spec.enum && !spec.enum.includes(value)) {
					errors.push({ path: at, message: `${describe(value)} is not one of: ${spec.enum.join(', ')}` });
					return undefined;
				}
				return value;
			case 'boolean':
				if (typeof value !== 'boolean') {
					errors.push({ path: at, message: `must be true or false, not ${describe(value)}` });
					return undefined;
				}
				return value;
			case 'integer':
				if (typeof value !== 'number' || !Number.isInteger(value)) {
					errors.push({ path: at, message: `must be a whole number, not ${describe(value)}` });
					return undefined;
				}
				if (value < spec.minimum || value > spec.maximum) {
					errors.push({ path: at, message: `must be between ${spec.minimum} and ${spec.maximum}, not ${value}` });
					return undefined;
				}
				return value;
			case 'list': {
				if (!Array.isArray(value)) {
					errors.push({ path: at, message: `must be a list, not ${describe(value)}` });
					return undefined;
				}
				if (value.length > spec.maxItems) {
					errors.push({ path: at, message: `has ${value.length} entries; at most ${spec.maxItems} are allowed` });
					return undefined;
				}
				return value.map((item, i) => readRaw(spec.item, item, undefined, `${at}.${i}`));
			}
			case 'string[]': {
				if (!Array.isArray(value)) {
					errors.push({ path: at, message: `must be a list of texts, not ${describe(value)}` });
					return undefined;
				}
				if (value.length > spec.maxItems) {
					errors.push({ path: at, message: `has ${value.length} entries; at most ${spec.maxItems} are allowed` });
					return undefined;
				}
				value.forEach((item, i) => {
					if (typeof item !== 'string') errors.push({ path: `${at}.${i}`, message: `must be text, not ${describe(item)}` });
					else if (item.length > spec.maxLength)
						errors.push({ path: `${at}.${i}`, message: `is ${item.length} characters long; at most ${spec.maxLength} are allowed` });
				});
				return [...value];
			}
		}
	};
	const config = read(CONFIG_SPEC, withLibraryTarget(input, base), base, '') as Config;
	if (!errors.length) return { ok: true, config };
	const repaired = repair(CONFIG_SPEC, config, substitute) as Config;
	return { ok: false, errors, repaired };
}

/**
 * A library has no deployment target, so slipway.json and share links leave
 * `target` out for one (codec.ts). Read such a config with the base's target,
 * or the default one, so the in-memory Config (and the form, should the kind
 * change) still has a value. Any other config without `target` stays
 * incomplete and is reported.
 */
function withLibraryTarget(input: unknown, base?: ReadonlyConfig): unknown {
	if (!isPlainObject(input) || input.target !== undefined) return input;
	const kind = isPlainObject(input.project) && input.project.kind !== undefined ? input.project.kind : base?.project.kind;
	if (kind !== 'library') return input;
	return { ...input, target: base?.target ?? defaultConfig().target };
}

function repair(spec: FieldSpec, value: unknown, substitute: unknown): unknown {
	if (spec.type === 'object') {
		const v = isPlainObject(value) ? value : {};
		const s = isPlainObject(substitute) ? substitute : {};
		return Object.fromEntries(Object.keys(spec.fields).map((k) => [k, repair(spec.fields[k], v[k], s[k])]));
	}
	if (value === undefined) return structuredClone(substitute);
	if (spec.type === 'string[]') return (value as unknown[]).filter((x) => typeof x === 'string');
	return value;
}

/** Python versions AWS Lambda supports (recorded with its source in versions.ts). */
export { LAMBDA_PYTHON_RUNTIMES };

/** Why AWS Lambda does not take python<v>, in words. */
function lambdaRefusal(v: string): string {
	const deprecated = LAMBDA_PYTHON_LIFECYCLE.deprecated[v];
	if (deprecated) return `AWS Lambda deprecated the python${v} runtime on ${deprecated.deprecated} (no more security patches; creating functions with it is blocked from ${deprecated.createBlocked})`;
	if (LAMBDA_PYTHON_LIFECYCLE.preview.includes(v)) return `AWS Lambda offers python${v} only as a public preview, not for production use (no SLA, may change without notice)`;
	return `AWS Lambda has no python${v} runtime`;
}

/** Control characters other than none at all: no field of Slipway's may contain them. */
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const EMAIL_RE = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const DNS_LABEL_RE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const HOSTNAME_RE = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/;
/** Docker image reference without tag/digest: registry[:port]/path, lowercase. */
const IMAGE_RE = /^(?:[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
const REGION_RE = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;
/**
 * AWS region names, the union of the partitions' `regionRegex` in the AWS SDK's
 * partitions.json (@aws-sdk/util-endpoints, checked 2026-12): `eu-west-1`,
 * `us-gov-west-1`, `us-isob-east-1`, `eu-isoe-west-1`, `cn-north-1`, `eusc-de-east-1`.
 */
const AWS_REGION_RE = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?|eusc-[a-z]{2})-[a-z]+-\d+$/;
/** Google Cloud region names (cloud.google.com/run/docs/locations): `europe-west1`, `us-central1`, `northamerica-northeast2`. */
const GCP_REGION_RE = /^[a-z]+-[a-z]+\d+$/;
/**
 * Google Cloud project ids: 6-30 lowercase letters, digits and hyphens, starting with a letter,
 * no trailing hyphen (gcloud projects create, PROJECT_ID; Resource Manager Project.projectId).
 */
const GCP_PROJECT_RE = /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/;
/** Artifact Registry repository ids, conservatively: a DNS label starting with a letter. */
const AR_REPOSITORY_RE = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Longest project name the generated Python code stays lint-clean with (ruff line length 100). */
export const MAX_PROJECT_NAME = 60;

/** Packages a project must not be named after: it would shadow what it imports. */
const FRAMEWORK_IMPORTS = new Set(['fastapi', 'flask', 'django', 'pydantic', 'pydantic_settings', 'uvicorn', 'gunicorn', 'pytest', 'starlette', 'redis', 'psycopg', 'mangum', 'a2wsgi', 'httpx']);

/**
 * Check a structurally complete Config. Returns every problem found (empty when valid).
 *
 * @example validateConfig(cfg) // [{ path: 'project.name', message: '"My App!" is not a valid ...' }]
 */
export function validateConfig(config: ReadonlyConfig): FieldError[] {
	const errors: FieldError[] = [];
	const err = (path: string, message: string) => errors.push({ path, message });
	const p = config.project;
	checkLengths(CONFIG_SPEC, config, '', err);

	const text = (path: string, value: string, label: string, opts: { required?: boolean } = {}) => {
		if (CONTROL_RE.test(value)) {
			err(path, `${label} must be a single line without control characters (tabs, newlines, NUL…)`);
			return false;
		}
		if (opts.required && !value.trim()) {
			err(path, `${label} is required`);
			return false;
		}
		if (value !== value.trim()) {
			err(path, `${label} must not start or end with spaces`);
			return false;
		}
		return true;
	};

	// project.name
	if (!p.name) err('project.name', 'Project name is required, e.g. "acme-orders"');
	else if (!isValidName(p.name))
		err('project.name', `"${p.name}" is not a valid Python distribution name: use ASCII letters, digits, and "-", "_" or "." between them, e.g. "acme-orders"`);
	else {
		const pkg = importNameOf(p.name);
		if (/^[0-9]/.test(pkg)) err('project.name', `"${p.name}" starts with a digit, so its import package "${pkg}" would not be valid Python; start with a letter, e.g. "py${p.name}"`);
		else if (PYTHON_KEYWORDS.has(pkg)) err('project.name', `"${pkg}" is a Python keyword and cannot be imported; pick another name, e.g. "${pkg}-app"`);
		else if (STDLIB_MODULES.has(pkg)) err('project.name', `"${pkg}" would shadow Python's standard-library module of that name; pick another, e.g. "my-${pkg}"`);
		else if (FRAMEWORK_IMPORTS.has(pkg)) err('project.name', `"${pkg}" would shadow the "${pkg}" package the project depends on; pick another, e.g. "my-${pkg}"`);
		// The generated Python names the package in imports and constants; beyond 60
		// characters those lines exceed the 100-column limit ruff checks in CI.
		else if (p.name.length > MAX_PROJECT_NAME)
			err('project.name', `"${p.name}" is ${p.name.length} characters long; at most ${MAX_PROJECT_NAME} keep the generated code within ruff's line length. Use a shorter name, e.g. "acme-orders"`);
	}

	text('project.description', p.description, 'Description');
	if (!p.version) err('project.version', 'Version is required, e.g. "0.1.0"');
	else if (!isValidVersion(p.version)) err('project.version', `"${p.version}" is not a PEP 440 version, e.g. "0.1.0" or "1.2.0rc1"`);
	else if (!isCanonicalVersion(p.version)) err('project.version', `"${p.version}" is valid PEP 440 but not in canonical form; write it as tools print it, e.g. "1.0.0a1", "1.0.post1" or "1.0.dev0"`);

	text('project.authorName', p.authorName, 'Author name');
	if (p.authorName && /[<>,]/.test(p.authorName)) err('project.authorName', 'Author name must not contain "<", ">" or ","; they break the "Name <email>" form tools write, e.g. "Jane Doe"');
	if (p.authorEmail && !EMAIL_RE.test(p.authorEmail)) err('project.authorEmail', `"${p.authorEmail}" is not an e-mail address, e.g. "jane@example.com" (or leave it empty)`);
	if (p.url && !(/^https?:/.test(p.url) && URL_RE.test(p.url)))
		err('project.url', `${JSON.stringify(p.url)} is not an http(s) URL (RFC 3986 characters only; percent-encode others), e.g. "https://github.com/acme/orders" (or leave it empty)`);

	if (p.kind === 'service' && p.framework === 'none')
		err('project.framework', 'A service needs a web framework: choose fastapi, flask or django');
	if (p.kind !== 'service' && p.framework !== 'none')
		err('project.framework', `A ${p.kind} has no web framework; choose "none", or set the kind to "service"`);

	checkMetadata(config, err, text);

	const seen = new Map<string, string>();
	const checkDeps = (list: readonly string[], field: 'dependencies' | 'devDependencies') => {
		list.forEach((dep, i) => {
			const path = `project.${field}.${i}`;
			const r = parseRequirement(dep);
			if (!r.ok) {
				err(path, `"${dep}" is not a valid requirement: ${r.error}. Example: "httpx>=0.27,<1"`);
				return;
			}
			const key = normalizeName(r.value.name);
			const prior = seen.get(key);
			if (prior) err(path, `"${r.value.name}" is listed twice (also at ${prior}); keep one entry`);
			else seen.set(key, path);
			if (p.name && normalizeName(p.name) === key) err(path, `the project cannot depend on itself ("${r.value.name}")`);
		});
	};
	checkDeps(p.dependencies, 'dependencies');
	checkDeps(p.devDependencies, 'devDependencies');

	const pk = config.packaging;
	if (!BACKENDS_FOR[pk.manager].includes(pk.backend))
		err('packaging.backend', `The ${pk.backend} backend does not fit ${pk.manager}; choose one of: ${BACKENDS_FOR[pk.manager].join(', ')}`);
	if (!Number.isInteger(pk.releaseCooldownDays) || pk.releaseCooldownDays < 0 || pk.releaseCooldownDays > RELEASE_COOLDOWN_MAX_DAYS)
		err(
			'packaging.releaseCooldownDays',
			`Wait a whole number of days from 0 (off) to ${RELEASE_COOLDOWN_MAX_DAYS} (Dependabot's longest cooldown) before taking a new release, not ${pk.releaseCooldownDays}; e.g. 7`
		);

	if (p.kind === 'cli' && config.target === 'serverless')
		err('target', 'A command-line tool cannot run serverless; choose docker, kubernetes or bare-metal');
	if (p.kind === 'worker' && config.target === 'serverless' && config.serverless.provider === 'cloud-run')
		err('serverless.provider', 'Cloud Run serves HTTP; run a worker on aws-lambda, or choose docker or kubernetes');

	// SQLite is a file beside the app: read-only and thrown away with every container or function instance.
	if (p.kind === 'service' && p.framework === 'django' && !config.services.postgres && config.target !== 'bare-metal')
		err(
			'services.postgres',
			`Django keeps users and sessions in its database, and on ${config.target} SQLite would sit in the read-only app folder and vanish with each container: turn PostgreSQL on (or deploy to bare metal, where SQLite lives in the service's state directory)`
		);

	// SQLAlchemy + Alembic sit on the PostgreSQL service and in a FastAPI or Flask app (Django has its own ORM and migrations).
	const sv = config.services;
	if (sv.sqlalchemy) {
		if (p.kind !== 'service' || (p.framework !== 'fastapi' && p.framework !== 'flask'))
			err('services.sqlalchemy', p.framework === 'django' ? 'Django has its own models and migrations (manage.py migrate): turn SQLAlchemy off' : 'SQLAlchemy with Alembic is for FastAPI and Flask services: choose one of them, or turn SQLAlchemy off');
		else if (!sv.postgres) err('services.sqlalchemy', 'SQLAlchemy with Alembic migrates a PostgreSQL database: turn PostgreSQL on, or SQLAlchemy off');
	}
	// Celery needs a broker and a result backend: Redis is both.
	if (sv.celery) {
		if (p.kind !== 'service' && p.kind !== 'worker') err('services.celery', 'Celery runs tasks for a web service or as a worker: choose the service or worker kind, or turn Celery off');
		else if (!sv.redis) err('services.celery', 'Celery uses Redis as its broker and result backend: turn Redis on, or Celery off');
	}

	const d = config.docker;
	// Empty: derived from the project name (derive.ts imageRef).
	if (d.image && !IMAGE_RE.test(d.image)) err('docker.image', `"${d.image}" is not an image repository: lowercase letters, digits, ".", "_", "-" and "/", without a tag, e.g. "ghcr.io/acme/orders" (or leave it empty to follow the project name)`);
	if (d.baseImageDigest && !DIGEST_RE.test(d.baseImageDigest))
		err('docker.baseImageDigest', `"${d.baseImageDigest}" is not an image digest: "sha256:" and 64 hex digits (or leave it empty)`);
	// Docker Hardened Images: a base image, so only where an image is built (derive.ts runsImage), and only
	// for the Python versions whose DHI definitions were checked (versions.ts DHI_PYTHON).
	if (d.baseImage === 'dhi') {
		if (!runsImage(config)) {
			const why = p.kind === 'library' ? 'a library is published to PyPI, not run as an image' : config.target === 'bare-metal' ? 'bare metal runs the checkout under systemd, with no image' : 'AWS Lambda deploys a zip, not an image';
			err('docker.baseImage', `Docker Hardened Images are a container base image, and ${why}: choose "python-slim" (or a container target: docker, kubernetes, Cloud Run)`);
		} else if (!(DHI_PYTHON.versions as readonly string[]).includes(p.pythonVersion))
			err('docker.baseImage', `Docker Hardened Images for Python ${p.pythonVersion} are not in Slipway's record (it has ${DHI_PYTHON.versions.join(', ')}): choose one of those versions, or "python-slim"`);
	}

	const k = config.kubernetes;
	if (!DNS_LABEL_RE.test(k.namespace)) err('kubernetes.namespace', `"${k.namespace}" is not a namespace: lowercase letters, digits and "-", at most 63, e.g. "orders"`);
	if (!HOSTNAME_RE.test(k.ingressHost)) err('kubernetes.ingressHost', `"${k.ingressHost}" is not a lowercase host name, e.g. "orders.example.com"`);
	// Empty: no ingressClassName, so the cluster's default IngressClass takes the Ingress.
	if (k.ingressClass !== '' && !DNS_LABEL_RE.test(k.ingressClass))
		err('kubernetes.ingressClass', `"${k.ingressClass}" is not an IngressClass name: lowercase letters, digits and "-", at most 63, e.g. "traefik"; or leave it empty for the cluster's default IngressClass`);
	// A Gateway's name is a Kubernetes object name (RFC 1123 subdomain); its namespace a DNS label (Gateway API's Namespace type).
	if (!/^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(k.gatewayName))
		err('kubernetes.gatewayName', `"${k.gatewayName}" is not a Gateway name: lowercase letters, digits, "-" and ".", e.g. "shared-gateway" (\`kubectl get gateways -A\` lists your cluster's)`);
	if (!DNS_LABEL_RE.test(k.gatewayNamespace))
		err('kubernetes.gatewayNamespace', `"${k.gatewayNamespace}" is not a namespace: lowercase letters, digits and "-", at most 63, e.g. "infra-ns"`);

	// Deployment targets: names each platform derives from the project name, and platform limits.
	const dname = p.name.toLowerCase().replace(/[-_.]+/g, '-');
	if (config.target === 'kubernetes' && p.kind !== 'library' && dname.length > 52)
		err('project.name', `"${dname}" (the Kubernetes name derived from the project name) is ${dname.length} characters long; Kubernetes allows at most 52 here (CronJob names, and "-migrate" Job names within 63). Use a shorter name, e.g. "acme-orders"`);
	if (config.target === 'bare-metal' && p.kind !== 'library' && dname.length > 32)
		err('project.name', `"${dname}" (the system user name derived from the project name) is ${dname.length} characters long; Linux user names have at most 32. Use a shorter name, e.g. "acme-orders"`);
	if (config.target === 'serverless' && config.serverless.provider === 'cloud-run' && p.kind !== 'library' && dname.length > 49)
		err('project.name', `"${dname}" (the Cloud Run service name derived from the project name) is ${dname.length} characters long; Cloud Run allows at most 49. Use a shorter name, e.g. "acme-orders"`);
	if (config.target === 'serverless' && config.serverless.provider === 'aws-lambda' && p.kind !== 'library') {
		if (!(LAMBDA_PYTHON_RUNTIMES as readonly string[]).includes(p.pythonVersion))
			err('project.pythonVersion', `${lambdaRefusal(p.pythonVersion)}; choose one of the runtimes it supports, ${LAMBDA_PYTHON_RUNTIMES.join(', ')}, e.g. "3.13"`);
		if (p.kind === 'service' && config.serverless.timeoutSeconds > 30)
			err('serverless.timeoutSeconds', `API Gateway HTTP APIs end every request after 30 seconds, so a ${config.serverless.timeoutSeconds}-second Lambda timeout cannot be used by a web service; choose at most 30, e.g. 29`);
	}
	if (config.target === 'serverless' && config.serverless.provider === 'cloud-run' && config.serverless.memoryMb < 512)
		err('serverless.memoryMb', `Cloud Run needs at least 512 MiB for a Python service with 1 CPU; ${config.serverless.memoryMb} is too little, e.g. 512`);

	checkRegion(config, err);
	// Empty: derived (derive.ts gcpProject, artifactRepository). Checked whatever the target, as region is.
	const gp = config.serverless.gcpProject;
	if (gp && !GCP_PROJECT_RE.test(gp))
		err('serverless.gcpProject', `${JSON.stringify(gp)} is not a Google Cloud project id: 6 to 30 lowercase letters, digits and "-", starting with a letter and not ending with "-", e.g. "acme-orders-prod" (or leave it empty for the placeholder my-project)`);
	const ar = config.serverless.artifactRepository;
	if (ar && !AR_REPOSITORY_RE.test(ar))
		err('serverless.artifactRepository', `${JSON.stringify(ar)} is not an Artifact Registry repository name: lowercase letters, digits and "-", starting with a letter, at most 63, e.g. "containers" (or leave it empty for containers)`);
	if (!HOSTNAME_RE.test(config.bareMetal.domain)) err('bareMetal.domain', `"${config.bareMetal.domain}" is not a lowercase host name, e.g. "orders.example.com"`);

	return errors;
}

/** PEP 508 names compared as PEP 503 normalises them (extras and group names too: PEP 685, PEP 735). */
const nameKey = (n: string) => normalizeName(n);

/**
 * Issue 19.4's metadata: authors and maintainers, keywords, classifiers, the license
 * expression, extras and dependency groups. Each message names the entry.
 */
function checkMetadata(
	config: ReadonlyConfig,
	err: (path: string, message: string) => void,
	text: (path: string, value: string, label: string) => boolean
): void {
	const p = config.project;
	const person = (list: readonly { name: string; email: string }[], field: 'moreAuthors' | 'maintainers', label: string) =>
		list.forEach((a, i) => {
			const at = `project.${field}.${i}`;
			if (!a.name.trim() && !a.email.trim()) err(at, `${label} ${i + 1} needs a name, an e-mail address or both, e.g. "Jane Doe" and "jane@example.com" (or remove the entry)`);
			if (text(`${at}.name`, a.name, `${label} ${i + 1}'s name`) && /[<>,]/.test(a.name))
				err(`${at}.name`, `${label} ${i + 1}'s name must not contain "<", ">" or ","; they break the "Name <email>" form tools write, e.g. "Jane Doe"`);
			if (a.email && !EMAIL_RE.test(a.email)) err(`${at}.email`, `"${a.email}" is not an e-mail address, e.g. "jane@example.com" (or leave it empty)`);
		});
	person(p.moreAuthors, 'moreAuthors', 'Author');
	person(p.maintainers, 'maintainers', 'Maintainer');

	p.keywords.forEach((k, i) => {
		const at = `project.keywords.${i}`;
		if (!text(at, k, `Keyword ${i + 1}`)) return;
		if (!k) err(at, `Keyword ${i + 1} is empty; remove it or write a word, e.g. "http"`);
		else if (k.includes(',')) err(at, `Keyword "${k}" must not contain ",": the package metadata joins keywords with commas; make it two keywords`);
	});
	const seenClassifiers = new Set<string>();
	p.classifiers.forEach((c, i) => {
		const at = `project.classifiers.${i}`;
		if (!text(at, c, `Classifier ${i + 1}`)) return;
		if (!/^[A-Za-z0-9][^:]*( :: [^:]*[^:\s])+$/.test(c)) err(at, `"${c}" is not a Trove classifier: parts separated by " :: ", e.g. "Topic :: Internet :: WWW/HTTP" (pypi.org/classifiers lists them)`);
		else if (seenClassifiers.has(c)) err(at, `"${c}" is listed twice; keep one`);
		seenClassifiers.add(c);
	});

	// The license: an SPDX expression, or a legacy text/file value kept verbatim (validationWarnings says what that means).
	if (p.licenseForm === 'spdx') {
		const r = checkSpdx(p.license);
		if (!r.ok) err('project.license', `License "${p.license}" ${r.error}${/[?.]$/.test(r.error) ? '' : '.'} Write an SPDX expression, e.g. "MIT" or "MIT OR Apache-2.0"`);
	} else if (text('project.license', p.license, p.licenseForm === 'text' ? 'License text' : 'License file')) {
		if (!p.license) err('project.license', `The license ${p.licenseForm} is empty: write it, or choose an SPDX expression, e.g. "MIT"`);
		else if (p.licenseForm === 'file' && (/^\/|^[A-Za-z]:|\\/.test(p.license) || p.license.split('/').includes('..')))
			err('project.license', `License file "${p.license}" must be a path inside the project, relative and with "/", e.g. "LICENSE.txt"`);
	}

	const classic = config.packaging.manager === 'poetry' && config.packaging.poetryLayout === 'classic';
	const extraNames = new Map<string, number>();
	p.extras.forEach((x, i) => {
		const at = `project.extras.${i}`;
		if (!isValidName(x.name)) err(`${at}.name`, `"${x.name}" is not a valid extra name: ASCII letters, digits, and "-", "_" or "." between them, e.g. "socks"`);
		else if (extraNames.has(nameKey(x.name))) err(`${at}.name`, `the extra "${x.name}" is listed twice (also entry ${extraNames.get(nameKey(x.name))! + 1}); merge them`);
		else extraNames.set(nameKey(x.name), i);
		if (!x.requirements.length) err(`${at}.requirements`, `the extra "${x.name}" has no requirements; add one, e.g. "brotli", or remove the extra`);
		checkRequirementList(x.requirements, `${at}.requirements`, `the extra "${x.name}"`, err);
	});
	if (classic && p.extras.length)
		err('project.extras', 'Extras are written as PEP 621 [project.optional-dependencies], which the classic Poetry 1 layout has not: choose the Poetry 2 layout (packaging.poetryLayout "poetry2")');

	const groupNames = new Map<string, number>();
	p.dependencyGroups.forEach((g, i) => {
		const at = `project.dependencyGroups.${i}`;
		if (!isValidName(g.name)) err(`${at}.name`, `"${g.name}" is not a valid dependency group name: ASCII letters, digits, and "-", "_" or "." between them, e.g. "docs"`);
		else if (nameKey(g.name) === 'dev') err(`${at}.name`, 'The "dev" group is the development dependencies (and Slipway\'s tooling): put its requirements there, and the groups it includes under "dev includes"');
		else if (groupNames.has(nameKey(g.name))) err(`${at}.name`, `the group "${g.name}" is listed twice (also entry ${groupNames.get(nameKey(g.name))! + 1}); merge them`);
		else groupNames.set(nameKey(g.name), i);
		checkRequirementList(g.requirements, `${at}.requirements`, `the group "${g.name}"`, err);
	});
	const includesOf = new Map<string, string[]>(p.dependencyGroups.map((g) => [nameKey(g.name), g.includes.map(nameKey)]));
	const checkIncludes = (list: readonly string[], at: string, owner: string) =>
		list.forEach((inc, j) => {
			if (!groupNames.has(nameKey(inc))) err(`${at}.${j}`, `${owner} includes "${inc}", which is not one of the dependency groups${groupNames.size ? ` (${p.dependencyGroups.map((g) => g.name).join(', ')})` : ''}; add that group or remove the include`);
			else if (nameKey(inc) === nameKey(owner.replace(/^the group "|"$/g, ''))) err(`${at}.${j}`, `${owner} includes itself`);
		});
	p.dependencyGroups.forEach((g, i) => checkIncludes(g.includes, `project.dependencyGroups.${i}.includes`, `the group "${g.name}"`));
	checkIncludes(p.devIncludes, 'project.devIncludes', 'the dev group');
	// PEP 735: includes must not form a cycle.
	p.dependencyGroups.forEach((g, i) => {
		const start = nameKey(g.name);
		const stack = [...(includesOf.get(start) ?? [])];
		const seen = new Set<string>();
		while (stack.length) {
			const n = stack.pop()!;
			if (n === start) {
				err(`project.dependencyGroups.${i}.includes`, `the group "${g.name}" includes itself through other groups (PEP 735 forbids cycles); remove one of the includes`);
				break;
			}
			if (seen.has(n)) continue;
			seen.add(n);
			stack.push(...(includesOf.get(n) ?? []));
		}
	});
	if (classic && (p.devIncludes.length || p.dependencyGroups.some((g) => g.includes.length)))
		err('project.dependencyGroups', 'Groups that include other groups need Poetry 2.2 or later (include-groups); the classic layout is for Poetry 1: choose the Poetry 2 layout, or list the requirements in each group');
}

function checkRequirementList(list: readonly string[], at: string, owner: string, err: (path: string, message: string) => void): void {
	const seen = new Map<string, number>();
	list.forEach((dep, i) => {
		const r = parseRequirement(dep);
		if (!r.ok) return err(`${at}.${i}`, `"${dep}" is not a valid requirement: ${r.error}. Example: "httpx>=0.27,<1"`);
		const key = nameKey(r.value.name);
		// The same package may appear twice with different markers (PEP 508), not twice with the same one.
		const k = `${key};${r.value.marker ?? ''}`;
		if (seen.has(k)) err(`${at}.${i}`, `"${r.value.name}" is listed twice in ${owner} (also entry ${seen.get(k)! + 1}); keep one`);
		else seen.set(k, i);
	});
}

/**
 * serverless.region: empty means the provider's default (derive.ts
 * serverlessRegion). Deploying serverless, it must be a region in that
 * provider's own naming; otherwise (the setting is kept, unused) either form.
 */
function checkRegion(config: ReadonlyConfig, err: (path: string, message: string) => void): void {
	const region = config.serverless.region;
	if (!region) return;
	const shown = JSON.stringify(region);
	const deploys = config.target === 'serverless' && config.project.kind !== 'library';
	if (!deploys) {
		if (!REGION_RE.test(region)) err('serverless.region', `${shown} is not a region, e.g. "eu-west-1" (AWS) or "europe-west1" (Google Cloud), or leave it empty`);
		return;
	}
	if (config.serverless.provider === 'cloud-run') {
		if (GCP_REGION_RE.test(region)) return;
		const why = AWS_REGION_RE.test(region) ? `${shown} is an AWS region name, not a Google Cloud one` : `${shown} is not a Google Cloud region`;
		err('serverless.region', `${why}: Cloud Run regions look like "${DEFAULT_REGION['cloud-run']}" or "us-central1" (leave it empty for ${DEFAULT_REGION['cloud-run']})`);
	} else {
		if (AWS_REGION_RE.test(region)) return;
		const why = GCP_REGION_RE.test(region) ? `${shown} is a Google Cloud region name, not an AWS one` : `${shown} is not an AWS region`;
		err('serverless.region', `${why}: AWS Lambda regions look like "${DEFAULT_REGION['aws-lambda']}" or "us-east-1" (leave it empty for ${DEFAULT_REGION['aws-lambda']})`);
	}
}

/** Length limits from the spec, for configs that did not come through readConfig (the form). */
function checkLengths(spec: FieldSpec, value: unknown, path: string, err: (path: string, message: string) => void): void {
	if (spec.type === 'object' && isPlainObject(value)) {
		for (const [k, sub] of Object.entries(spec.fields)) checkLengths(sub, value[k], path ? `${path}.${k}` : k, err);
	} else if (spec.type === 'string' && typeof value === 'string' && value.length > spec.maxLength) {
		err(path, `is ${value.length} characters long; at most ${spec.maxLength} are allowed`);
	} else if (spec.type === 'list' && Array.isArray(value)) {
		if (value.length > spec.maxItems) err(path, `has ${value.length} entries; at most ${spec.maxItems} are allowed`);
		value.forEach((v, i) => checkLengths(spec.item, v, `${path}.${i}`, err));
	} else if (spec.type === 'string[]' && Array.isArray(value)) {
		if (value.length > spec.maxItems) err(path, `has ${value.length} entries; at most ${spec.maxItems} are allowed`);
		value.forEach((v, i) => {
			if (typeof v === 'string' && v.length > spec.maxLength) err(`${path}.${i}`, `is ${v.length} characters long; at most ${spec.maxLength} are allowed`);
		});
	}
}

/**
 * Advice on a config that is valid: it does not block generation. The CLI prints each
 * to stderr ("warning: path: message"), the form shows it under its field. Today: a
 * lowest Python past its end of life (versions.ts PYTHON_END_OF_LIFE).
 */
export function validationWarnings(config: ReadonlyConfig): FieldError[] {
	const warnings: FieldError[] = [];
	warnings.push(...licenseWarnings(config));
	const v = config.project.pythonVersion;
	const eol = PYTHON_END_OF_LIFE[v];
	if (eol)
		warnings.push({
			path: 'project.pythonVersion',
			message: `Python ${v} reached its end of life on ${eol.date} (${eol.source}): it gets no more security fixes. The project still supports it (requires-python >=${v}); choose "3.11" or later unless you must keep ${v} users`
		});
	return warnings;
}

/** Whether Slipway writes the license's full text (LICENSE): one SPDX identifier whose text it has (licenses.ts). */
export function hasLicenseText(config: ReadonlyConfig): boolean {
	return config.project.licenseForm === 'spdx' && licenseInfo(config.project.license) !== undefined;
}

/** A license kept verbatim, or one whose text Slipway cannot write: said, never replaced (issue 19.4). */
function licenseWarnings(config: ReadonlyConfig): FieldError[] {
	const p = config.project;
	if (hasLicenseText(config)) return [];
	if (p.licenseForm === 'text')
		return [{ path: 'project.license', message: `The license is kept verbatim as license = { text = ${JSON.stringify(p.license)} }, the legacy form: it is not an SPDX expression, so PyPI and tools cannot read it (PEP 639 deprecates the table), and Slipway writes no LICENSE file. Keep your own LICENSE, or write an SPDX expression, e.g. "BSD-3-Clause"` }];
	if (p.licenseForm === 'file')
		return [{ path: 'project.license', message: `The license is kept verbatim as license = { file = ${JSON.stringify(p.license)} }, the legacy form (PEP 639 deprecates it): Slipway writes no LICENSE file, so keep ${p.license} in the project, or write an SPDX expression, e.g. "MIT"` }];
	const r = checkSpdx(p.license);
	if (!r.ok) return [];
	return [{ path: 'project.license', message: `Slipway has no license text for "${p.license}", so it writes no LICENSE file (rather than a wrong one) and pyproject.toml names no license-files: add the text of ${r.licenses.length > 1 ? `each license (${[...r.licenses, ...r.exceptions].join(', ')})` : p.license} yourself, e.g. from https://spdx.org/licenses/, and list it in [project] license-files` }];
}

/** Read and validate untrusted JSON in one go. */
export function parseAndValidate(input: unknown, base?: ReadonlyConfig): ReadResult {
	const read = readConfig(input, base);
	if (!read.ok) {
		// Also report semantic problems of the fields that were readable.
		const known = new Set(read.errors.map((e) => e.path));
		const more = read.repaired ? validateConfig(read.repaired).filter((e) => !known.has(e.path)) : [];
		return { ok: false, errors: [...read.errors, ...more] };
	}
	const errors = validateConfig(read.config);
	return errors.length ? { ok: false, errors } : read;
}

/** Messages grouped by field path, for forms. */
export function errorsByPath(errors: readonly FieldError[]): Map<string, string[]> {
	const m = new Map<string, string[]>();
	for (const e of errors) m.set(e.path, [...(m.get(e.path) ?? []), e.message]);
	return m;
}

/** `path: message` lines, as the CLI prints them. */
export function formatErrors(errors: readonly FieldError[]): string {
	return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
