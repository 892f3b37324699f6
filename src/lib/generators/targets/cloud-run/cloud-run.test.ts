/**
 * Cloud Run deploys, held to Google's documented contracts (no cloud is reachable here):
 *
 * - the image is one Cloud Run can deploy: "You can directly use container images stored in
 *   Artifact Registry, or Docker Hub ... You can use container images from other public or
 *   private registries (like JFrog Artifactory, Nexus, or GitHub Container Registry), by setting
 *   up an Artifact Registry remote repository" (https://cloud.google.com/run/docs/deploying,
 *   "Supported container registries and images"); Artifact Registry images are
 *   `LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE` (Artifact Registry, "Deploying to Cloud Run");
 * - revisions run as a named service account: `spec.template.spec.serviceAccountName`
 *   (https://cloud.google.com/run/docs/reference/yaml/v1, Cloud Run service YAML), whose account
 *   id is "6-30 characters long, and match[es] the regular expression [a-z]([-a-z0-9]*[a-z0-9])"
 *   (https://cloud.google.com/iam/reference/rest/v1/projects.serviceAccounts/create, accountId),
 *   and the README grants that same account `roles/secretmanager.secretAccessor`;
 * - PostgreSQL through Cloud SQL: the revision annotation `run.googleapis.com/cloudsql-instances:
 *   CLOUD_SQL_CONNECTION` (Cloud Run YAML reference), connection names `{project}:{location}:{instance}`,
 *   each "available under /cloudsql/[instance]" (Cloud Run Admin API v2, CloudSqlInstance), and
 *   DATABASE_URL naming that socket directory in libpq's URI form "omit the host specification in
 *   the URI and specify the host as a parameter" (PostgreSQL docs, libpq "Connection URIs":
 *   `postgresql:///dbname?host=/var/lib/postgresql`). The Python side (config.py accepts it,
 *   settings.py gives Django that HOST, a real connection over a socket) is proved in the
 *   toolchain root by tests/validate/journeys/cloudsql.test.ts.
 */
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { load } from 'js-yaml';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkCloudRun } from '../../../../../tests/validate/validators/cloudrun.ts';
import type { Config } from '../../../model/config.ts';
import { defaultConfig } from '../../../model/defaults.ts';
import { cloudRunServiceAccount, cloudRunServiceAccountId, cloudSqlConnectionName, gcpProject, imageRef, serverlessRegion } from '../../../model/derive.ts';
import { presetById } from '../../../model/presets.ts';
import { validateConfig } from '../../../model/validate.ts';
import { decodeConfig, encodeConfig } from '../../../share/codec.ts';
import { generate } from '../../index.ts';
import { imageTag } from '../../../model/deployment.ts';
import { CLOUD_RUN_DIR, cloudRunSecretId } from './index.ts';

type Doc = Record<string, any>;

const WEB = ['fastapi-service', 'django-app', 'flask-app'] as const;

function cloudRun(preset: string, edit?: (c: Config) => void): Config {
	const c = presetById(preset)!.config();
	c.target = 'serverless';
	c.serverless.provider = 'cloud-run';
	edit?.(c);
	expect(validateConfig(c)).toEqual([]);
	return c;
}

function out(c: Config): { svc: Doc; readme: string; files: Map<string, string> } {
	const files = new Map(generate(c).map((f) => [f.path, f.content]));
	return { svc: load(files.get(`${CLOUD_RUN_DIR}/service.yaml`)!) as Doc, readme: files.get(`${CLOUD_RUN_DIR}/README.md`)!, files };
}

/** Registries Cloud Run deploys from directly (Cloud Run "Deploying container images"). */
const ARTIFACT_REGISTRY = /^([a-z0-9-]+)-docker\.pkg\.dev\/([a-z][-a-z0-9]{4,28}[a-z0-9])\/([a-z][-a-z0-9]*)\/[a-z0-9][-a-z0-9._/]*$/;
const DOCKER_HUB = /^(docker\.io\/)?[a-z0-9]+([._-][a-z0-9]+)*\/[a-z0-9]+([._-][a-z0-9]+)*$/;

describe('Cloud Run: the image is in a registry Cloud Run deploys from', () => {
	test.each(WEB)('%s: service.yaml deploys REGION-docker.pkg.dev/PROJECT/REPO/NAME:TAG, the path imageRef() gives release.yml', (preset) => {
		const c = cloudRun(preset);
		const { svc, readme } = out(c);
		const image: string = svc.spec.template.spec.containers[0].image;
		expect(image).toBe(`${imageRef(c)}:${imageTag(c.project.version)}`);
		const repo = image.replace(/:[^:/]+$/, '');
		const m = ARTIFACT_REGISTRY.exec(repo);
		expect(m, repo).not.toBeNull();
		expect(m![1]).toBe(serverlessRegion(c));
		expect(m![2]).toBe(gcpProject(c));
		expect(repo).toBe(`europe-west1-docker.pkg.dev/my-project/containers/${preset}`);
		expect(repo.startsWith('ghcr.io/')).toBe(false);
		// The README creates that repository and says the placeholder project must be replaced.
		expect(readme).toContain(`gcloud artifacts repositories create containers --project=my-project --location=europe-west1 --repository-format=docker`);
		expect(readme).toContain('placeholder `my-project`');
		// The GHCR route, as Cloud Run's docs give it: an Artifact Registry remote repository.
		expect(readme).toMatch(/GHCR[\s\S]*remote repository[\s\S]*--mode=remote-repository/);
	});

	test('the project, repository and region the user sets are the ones in the image, and the placeholder note goes', () => {
		const c = cloudRun('fastapi-service', (x) => {
			x.serverless.gcpProject = 'acme-orders-prod';
			x.serverless.artifactRepository = 'docker';
			x.serverless.region = 'us-central1';
		});
		expect(imageRef(c)).toBe('us-central1-docker.pkg.dev/acme-orders-prod/docker/fastapi-service');
		const { svc, readme, files } = out(c);
		expect(svc.spec.template.spec.containers[0].image).toBe(`us-central1-docker.pkg.dev/acme-orders-prod/docker/fastapi-service:${imageTag(c.project.version)}`);
		expect(readme).not.toContain('my-project');
		expect([...files.values()].join('\n')).not.toContain('my-project');
	});

	test('an explicit image is kept as written; on Docker Hub it is one Cloud Run can deploy', () => {
		const c = cloudRun('fastapi-service', (x) => (x.docker.image = 'acme/orders'));
		expect(imageRef(c)).toBe('acme/orders');
		expect(DOCKER_HUB.test(imageRef(c))).toBe(true);
		expect(out(c).svc.spec.template.spec.containers[0].image).toBe(`acme/orders:${imageTag(c.project.version)}`);
	});

	test('other targets keep the GHCR default (release.yml logs in there with GITHUB_TOKEN)', () => {
		const c = presetById('fastapi-service')!.config();
		for (const target of ['docker', 'kubernetes'] as const) expect(imageRef({ ...c, target })).toBe('ghcr.io/example/fastapi-service');
		expect(imageRef({ ...c, target: 'serverless', serverless: { ...c.serverless, provider: 'aws-lambda' } })).toBe('ghcr.io/example/fastapi-service');
	});
});

describe('Cloud Run: revisions run as the service account the README creates and grants', () => {
	test.each(WEB)('%s: serviceAccountName is the account created and given secretAccessor on every secret', (preset) => {
		const c = cloudRun(preset, (x) => (x.services.postgres = true));
		const { svc, readme } = out(c);
		const sa: string = svc.spec.template.spec.serviceAccountName;
		expect(sa).toBe(cloudRunServiceAccount(c));
		expect(sa).toBe(`${preset}-run@my-project.iam.gserviceaccount.com`);
		expect(readme).toContain(`gcloud iam service-accounts create ${cloudRunServiceAccountId(c)} --project=my-project `);
		const secrets = readme.split('\n').filter((l) => l.includes('--role=roles/secretmanager.secretAccessor'));
		expect(secrets.length).toBeGreaterThan(0);
		for (const l of secrets) expect(l).toContain(`--member=serviceAccount:${sa} `);
		for (const e of svc.spec.template.spec.containers[0].env.filter((v: Doc) => v.valueFrom))
			expect(readme).toContain(`gcloud secrets add-iam-policy-binding ${e.valueFrom.secretKeyRef.name} `);
		expect(readme).not.toContain('SERVICE_ACCOUNT');
		// Connecting to Cloud SQL needs the Cloud SQL Client role on the same account.
		expect(readme).toContain(`--member=serviceAccount:${sa} --role=roles/cloudsql.client`);
		// The repository's Cloud Run validator (Cloud Run YAML reference fields) accepts the file.
		expect(checkCloudRun('service.yaml', svc)).toEqual([]);
	});

	test('the account id fits IAM\'s rule for every project name Cloud Run allows (1 to 49 characters)', () => {
		for (const name of ['a', 'ab', 'ord', 'orders', 'a'.repeat(26), 'a'.repeat(25) + '-b' + 'c'.repeat(10), 'x'.repeat(49)]) {
			const c = defaultConfig();
			c.project.name = name;
			c.target = 'serverless';
			c.serverless.provider = 'cloud-run';
			expect(validateConfig(c).filter((e) => e.path === 'project.name'), name).toEqual([]);
			const id = cloudRunServiceAccountId(c);
			expect(id.length, id).toBeGreaterThanOrEqual(6);
			expect(id.length, id).toBeLessThanOrEqual(30);
			expect(id).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])$/);
		}
	});
});

describe('Cloud Run: PostgreSQL through the Cloud SQL socket', () => {
	test.each(WEB)('%s with PostgreSQL: the revision names the instance, and DATABASE_URL names its /cloudsql socket directory', (preset) => {
		const c = cloudRun(preset, (x) => (x.services.postgres = true));
		const { svc, readme, files } = out(c);
		const conn: string = svc.spec.template.metadata.annotations['run.googleapis.com/cloudsql-instances'];
		expect(conn).toBe(cloudSqlConnectionName(c));
		expect(conn).toBe(`my-project:europe-west1:${preset}`);
		expect(conn.split(':')).toHaveLength(3);
		// The secret the README stores is the socket form, for that same instance.
		const url = `postgresql://app:CHANGE-ME@/app?host=/cloudsql/${conn}`;
		expect(readme).toContain(`printf '%s' '${url}' | gcloud secrets create ${cloudRunSecretId(c, 'DATABASE_URL')} `);
		const env = svc.spec.template.spec.containers[0].env.find((e: Doc) => e.name === 'DATABASE_URL');
		expect(env.valueFrom.secretKeyRef.name).toBe(cloudRunSecretId(c, 'DATABASE_URL'));
		// config.py's type accepts that URL (PostgresDsn does not: "empty host"); .env.example documents it.
		const pkg = presetById(preset)!.config().project.name.replace(/-/g, '_');
		expect(files.get(`src/${pkg}/config.py`)).toContain('    database_url: PostgresUrl\n');
		expect(files.get(`src/${pkg}/config.py`)).not.toContain('PostgresDsn\n');
		expect(files.get('.env.example')).toContain('postgresql://user:password@/name?host=/cloudsql/PROJECT:REGION:INSTANCE');
		expect(checkCloudRun('service.yaml', svc)).toEqual([]);
	});

	test.each(WEB)('%s with PostgreSQL: config.py (and Django\'s settings.py) pass the project\'s own ruff rules', (preset) => {
		const c = cloudRun(preset, (x) => (x.services.postgres = true));
		const pkg = c.project.name.replace(/-/g, '_');
		// The generated pyproject.toml's [tool.ruff] settings.
		const ws = new Workspace(
			{ 'line-length': 100, 'target-version': 'py312', lint: { select: ['E', 'W', 'F', 'I', 'B', 'UP', 'SIM', 'RUF'], isort: { 'known-first-party': [pkg] } } },
			PositionEncoding.Utf16
		);
		const { files } = out(c);
		for (const path of [`src/${pkg}/config.py`, `src/${pkg}/settings.py`].filter((p) => files.has(p)))
			expect((ws.check(files.get(path)!) as { code: string; message: string }[]).map((d) => `${path} ${d.code}: ${d.message}`)).toEqual([]);
	});

	test('without PostgreSQL there is no Cloud SQL annotation and no Cloud SQL role', () => {
		const c = cloudRun('fastapi-service', (x) => (x.services.postgres = false));
		const { svc, readme } = out(c);
		expect(svc.spec.template.metadata.annotations['run.googleapis.com/cloudsql-instances']).toBeUndefined();
		expect(readme).not.toContain('cloudsql');
	});
});

describe('serverless.gcpProject and serverless.artifactRepository', () => {
	test('validation: Google Cloud project ids (6-30, lowercase, starts with a letter, no trailing "-"), repository names', () => {
		// gcloud projects create, PROJECT_ID: "must start with a lowercase letter and can have lowercase ASCII
		// letters, digits or hyphens. Project IDs must be between 6 and 30 characters."
		for (const bad of ['short', 'Acme-orders', '1acme-orders', 'acme-orders-', 'acme_orders', 'a'.repeat(31)]) {
			const c = cloudRun('fastapi-service');
			c.serverless.gcpProject = bad;
			const errs = validateConfig(c);
			// (31 characters is also over the schema's maxLength: two messages, same field.)
			expect(new Set(errs.map((e) => e.path)), bad).toEqual(new Set(['serverless.gcpProject']));
			expect(errs.some((e) => e.message.includes('e.g. "acme-orders-prod"'))).toBe(true);
		}
		for (const good of ['acme-orders-prod', 'abcdef', 'a'.repeat(30)]) {
			const c = cloudRun('fastapi-service');
			c.serverless.gcpProject = good;
			expect(validateConfig(c), good).toEqual([]);
		}
		for (const bad of ['Docker', '-docker', 'docker-', 'my repo', '1docker']) {
			const c = cloudRun('fastapi-service');
			c.serverless.artifactRepository = bad;
			expect(validateConfig(c).map((e) => e.path), bad).toEqual(['serverless.artifactRepository']);
		}
	});

	test('a share link made before the fields existed still opens, with both empty (derived)', () => {
		const old = defaultConfig() as unknown as { serverless: Record<string, unknown> };
		delete old.serverless.gcpProject;
		delete old.serverless.artifactRepository;
		const r = decodeConfig('1.' + Buffer.from(deflateRawSync(Buffer.from(JSON.stringify(old)))).toString('base64url'));
		expect(r).toEqual({ ok: true, config: defaultConfig() });
	});

	test('set values round-trip through the link', () => {
		const c = cloudRun('django-app', (x) => ((x.serverless.gcpProject = 'acme-orders-prod'), (x.serverless.artifactRepository = 'docker')));
		expect(decodeConfig(encodeConfig(c))).toEqual({ ok: true, config: c });
	});
});
