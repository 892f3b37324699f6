/**
 * Property-based tests over the whole option space (fast-check, fixed seed).
 * For arbitrary configs — every enum and option, names and text from wide
 * alphabets — either the model rejects the config with per-field messages,
 * or generate() returns files that all pass the in-process validators.
 * `npm run test:long` runs 10,000+ cases (SLIPWAY_PROPERTY_RUNS).
 * A failing case is shrunk and saved to tests/unit/regressions/ (outside CI),
 * and every saved case is replayed first on every run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../src/lib/generators/index.ts';
import {
	BUILD_BACKENDS,
	FRAMEWORKS,
	K8S_EXPOSURES,
	KINDS,
	PACKAGE_MANAGERS,
	PIP_WORKFLOWS,
	POETRY_LAYOUTS,
	PYTHON_VERSIONS,
	SERVERLESS_PROVIDERS,
	TARGETS,
	BASE_IMAGES,
	type Config
} from '../../src/lib/model/config.ts';
import { LICENSES } from '../../src/lib/model/licenses.ts';
import { BACKENDS_FOR } from '../../src/lib/model/defaults.ts';
import { validateConfig } from '../../src/lib/model/validate.ts';
import { decodeConfig, encodeConfig, portableConfig } from '../../src/lib/share/codec.ts';
import { checkFile } from '../support/inprocess-checks.ts';

const RUNS = Number(process.env.SLIPWAY_PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.SLIPWAY_PROPERTY_SEED ?? 20261124);
const REGRESSIONS = join(import.meta.dirname, 'regressions');

const text = (max: number) =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.string({ maxLength: max, unit: 'grapheme' }) },
		{ weight: 1, arbitrary: fc.string({ maxLength: Math.min(max, 12), unit: 'binary' }) },
		{ weight: 1, arbitrary: fc.constantFrom('', 'Jane Doe', "O'Brien", 'Zoë "Z" Ünal', '$(id) `x` ${y} {{ z }} %h') }
	);
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}(-[a-z0-9]{1,8}){0,2}$/);
const name = fc.oneof(label, fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,30}[A-Za-z0-9]$/));
const version = fc.oneof(
	fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30)).map(([a, b, c]) => `${a}.${b}.${c}`),
	fc.constantFrom('1.0.0rc1', '2!1.0', '1.0.post1', '0.1.dev3', '1.0a1')
);
const req = fc.oneof(
	fc.tuple(label, fc.constantFrom('', '>=1.0', '>=2,<3', '~=1.4', '==1.*', '!=1.5')).map(([n, s]) => `${n}${s}`),
	fc.tuple(label, fc.constantFrom('http2', 'socks')).map(([n, e]) => `${n}[${e}]>=1`),
	fc.tuple(label, text(20)).map(([n, m]) => `${n}; platform_release == '${m.replace(/'/g, '')}'`),
	fc.string({ maxLength: 20 })
);

const sparse = <T,>(a: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> => fc.oneof({ weight: 8, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary: a });
const person = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', 'Jane Doe', "O'Brien", 'Zoë Ünal') }, { weight: 1, arbitrary: text(20) });

/** Mostly-valid configs: valid structure, random choices, wide-alphabet text. */
const arbConfig: fc.Arbitrary<Config> = fc
	.record({
		name,
		description: text(120),
		version,
		authorName: text(40),
		authorEmail: fc.oneof(fc.constant(''), fc.emailAddress()),
		license: fc.constantFrom(...LICENSES.map((l) => l.id)),
		url: fc.oneof(fc.constant(''), fc.webUrl()),
		pythonVersion: fc.constantFrom(...PYTHON_VERSIONS),
		kind: fc.constantFrom(...KINDS),
		framework: fc.constantFrom(...FRAMEWORKS),
		dependencies: fc.uniqueArray(req, { maxLength: 4 }),
		devDependencies: fc.uniqueArray(req, { maxLength: 3 }),
		manager: fc.constantFrom(...PACKAGE_MANAGERS),
		backendPick: fc.nat(3),
		anyBackend: fc.constantFrom(...BUILD_BACKENDS),
		backendValid: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
		poetryLayout: fc.constantFrom(...POETRY_LAYOUTS),
		pipWorkflow: fc.constantFrom(...PIP_WORKFLOWS),
		target: fc.constantFrom(...TARGETS),
		postgres: fc.boolean(),
		redis: fc.boolean(),
		// Empty: derived from the project name (imageRef).
		image: fc.oneof(fc.constant(''), fc.tuple(label, label).map(([a, b]) => `ghcr.io/${a}/${b}`)),
		digest: fc.oneof(fc.constant(''), fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`)),
		// Mostly python-slim: dhi is refused off container targets, which would thin out the valid configs.
		baseImage: fc.oneof({ arbitrary: fc.constant(BASE_IMAGES[0]), weight: 4 }, { arbitrary: fc.constant(BASE_IMAGES[1]), weight: 1 }),
		namespace: label,
		replicas: fc.integer({ min: 1, max: 100 }),
		host: fc.tuple(label, label).map(([a, b]) => `${a}.${b}.example`),
		// Empty: no ingressClassName (the cluster's default IngressClass).
		ingressClass: fc.oneof(fc.constant(''), label),
		exposure: fc.constantFrom(...K8S_EXPOSURES),
		gatewayName: fc.oneof(label, fc.tuple(label, label).map(([a, b]) => `${a}.${b}`)),
		gatewayNamespace: label,
		provider: fc.constantFrom(...SERVERLESS_PROVIDERS),
		memoryMb: fc.integer({ min: 128, max: 10240 }),
		timeoutSeconds: fc.integer({ min: 1, max: 900 }),
		// Empty: the provider's default; otherwise a name that may or may not fit the provider.
		region: fc.constantFrom('', 'eu-west-1', 'us-east-1', 'europe-west1'),
		gcpProject: fc.constantFrom('', 'acme-orders-prod'),
		artifactRepository: fc.constantFrom('', 'docker'),
		// 0 = off (no cooldown block, no lock-time setting); 1 = the singular forms; 90 = Dependabot's maximum.
		releaseCooldownDays: fc.constantFrom(0, 1, 7, 90),
		domain: fc.tuple(label, label).map(([a, b]) => `${a}.${b}.example`),
		// Issue 19.4's metadata: more people, keywords, classifiers, license expressions and forms, extras, groups.

	})
	.map((r) => ({
		project: {
			name: r.name,
			description: r.description,
			version: r.version,
			authorName: r.authorName,
			authorEmail: r.authorEmail,
			// In the model's field order (schema.ts), as a decoded link has it.
			moreAuthors: [],
			maintainers: [],
			license: r.license,
			licenseForm: 'spdx',
			keywords: [],
			classifiers: [],
			extras: [],
			dependencyGroups: [],
			devIncludes: [],
			url: r.url,
			pythonVersion: r.pythonVersion,
			kind: r.kind,
			// Keep most configs valid: pick a framework that fits the kind most of the time.
			framework: r.kind === 'service' ? (r.framework === 'none' ? 'fastapi' : r.framework) : 'none',
			dependencies: r.dependencies,
			devDependencies: r.devDependencies
		},
		packaging: {
			manager: r.manager,
			backend: r.backendValid ? BACKENDS_FOR[r.manager][r.backendPick % BACKENDS_FOR[r.manager].length] : r.anyBackend,
			poetryLayout: r.poetryLayout,
			pipWorkflow: r.pipWorkflow,
			releaseCooldownDays: r.releaseCooldownDays
		},
		target: r.target,
		// SQLAlchemy and Celery ride on draws already made (no new draws: the seed's stream stays as it was); each is
			// valid only with its server and app kind (validate.ts), so both valid and refused combinations come up.
			services: { postgres: r.postgres, redis: r.redis, sqlalchemy: r.postgres && r.name.length % 7 === 0, celery: r.redis && r.description.length % 7 === 1 },
		docker: { image: r.image, baseImageDigest: r.digest, baseImage: r.baseImage },
		kubernetes: { namespace: r.namespace, replicas: r.replicas, ingressHost: r.host, exposure: r.exposure, gatewayName: r.gatewayName, gatewayNamespace: r.gatewayNamespace, ingressClass: r.ingressClass },
		serverless: { provider: r.provider, memoryMb: r.memoryMb, timeoutSeconds: r.timeoutSeconds, region: r.region, gcpProject: r.gcpProject, artifactRepository: r.artifactRepository },
		bareMetal: { domain: r.domain }
	}));

/**
 * Issue 19.4's metadata on top of arbConfig: more people, keywords, classifiers, license
 * expressions and forms, extras, dependency groups with includes. Sparse (each mostly
 * empty), so most configs stay valid. A separate arbitrary, so arbConfig's stream (and
 * the configs its seed has always drawn) is unchanged.
 */
const arbMeta = fc.record({
	moreAuthors: sparse(fc.array(fc.record({ name: person, email: fc.oneof(fc.constant(''), fc.emailAddress()) }), { maxLength: 2 })),
	maintainers: sparse(fc.array(fc.record({ name: person, email: fc.oneof(fc.constant(''), fc.emailAddress()) }), { maxLength: 2 })),
	expression: fc.constantFrom('', '', '', '', '', '', 'MIT OR Apache-2.0', 'Apache-2.0 WITH LLVM-exception', '(MIT AND BSD-3-Clause) OR Apache-2.0', 'mit'),
	licenseForm: fc.oneof({ weight: 12, arbitrary: fc.constant('spdx' as const) }, { weight: 1, arbitrary: fc.constantFrom('text' as const, 'file' as const) }),
	keywords: sparse(fc.array(fc.oneof(label, text(15)), { maxLength: 3 })),
	classifiers: sparse(fc.constantFrom(['Development Status :: 4 - Beta', 'Topic :: Internet :: WWW/HTTP'], ['Framework :: FastAPI', 'Intended Audience :: Developers'], ['not a classifier'])),
	extras: sparse(fc.uniqueArray(fc.record({ name: label, requirements: fc.uniqueArray(req, { minLength: 1, maxLength: 2 }) }), { maxLength: 2, selector: (x) => x.name })),
	groups: sparse(fc.uniqueArray(fc.record({ name: label, includePrevious: fc.boolean(), requirements: fc.uniqueArray(req, { maxLength: 2 }) }), { maxLength: 3, selector: (x) => x.name })),
	devIncludesFirst: fc.boolean()
});

const arbConfigWithMeta: fc.Arbitrary<Config> = fc.tuple(arbConfig, arbMeta).map(([c, m]) => ({
	...c,
	project: {
		...c.project,
		moreAuthors: m.moreAuthors,
		maintainers: m.maintainers,
		license: m.licenseForm === 'file' ? 'LICENSE.txt' : m.expression || c.project.license,
		licenseForm: m.licenseForm,
		keywords: m.keywords,
		classifiers: m.classifiers,
		extras: m.extras,
		dependencyGroups: m.groups.map((g, i) => ({ name: g.name, includes: g.includePrevious && i > 0 ? [m.groups[i - 1].name] : [], requirements: g.requirements })),
		devIncludes: m.devIncludesFirst && m.groups.length ? [m.groups[0].name] : []
	}
}));

/** The property: rejected with field messages, or every file passes. Returns problems. */
function check(config: Config): string[] {
	const errors = validateConfig(config);
	if (errors.length) {
		return errors.filter((e) => !e.path || e.message.length < 10).map((e) => `bad message: ${JSON.stringify(e)}`);
	}
	const files = generate(config);
	const problems = files.flatMap((f) => checkFile(f));
	const link = encodeConfig(config);
	const back = decodeConfig(link);
	// The link holds the whole config except a library's target, which it does not carry (codec.ts portableConfig).
	if (!back.ok || JSON.stringify(portableConfig(back.config)) !== JSON.stringify(portableConfig(config))) problems.push('share link does not round-trip');
	return problems;
}

function save(config: Config): string {
	const json = JSON.stringify(config, null, 2);
	const file = join(REGRESSIONS, `${createHash('sha256').update(json).digest('hex').slice(0, 12)}.json`);
	if (!process.env.CI) {
		mkdirSync(REGRESSIONS, { recursive: true });
		writeFileSync(file, json + '\n');
	}
	return file;
}

describe('property: any config is rejected clearly or generates valid files', () => {
	const saved = existsSync(REGRESSIONS) ? readdirSync(REGRESSIONS).filter((f) => f.endsWith('.json')) : [];
	it.each(saved.map((f) => [f]))('regression %s', (f) => {
		const config = JSON.parse(readFileSync(join(REGRESSIONS, f), 'utf8')) as Config;
		expect(check(config)).toEqual([]);
	});

	it(`holds for ${RUNS} random configs (seed ${SEED})`, { timeout: 60 * 60_000 }, () => {
		let valid = 0;
		const result = fc.check(
			fc.property(arbConfig, (c) => {
				const problems = check(c);
				if (!validateConfig(c).length) valid++;
				return problems.length === 0;
			}),
			{ numRuns: RUNS, seed: SEED }
		);
		if (result.failed && result.counterexample) {
			const [config] = result.counterexample;
			const file = save(config);
			expect.fail(`shrunk counterexample saved to ${file}:\n${check(config).join('\n')}\n${JSON.stringify(config)}`);
		}
		expect(result.failed).toBe(false);
		// The generator must mostly produce valid configs, or the property says little.
		expect(valid).toBeGreaterThan(RUNS * 0.3);
	});

	it(`holds for ${RUNS} random configs with authors, extras, groups and license expressions (seed ${SEED})`, { timeout: 60 * 60_000 }, () => {
		let valid = 0;
		let withMeta = 0;
		const result = fc.check(
			fc.property(arbConfigWithMeta, (c) => {
				const problems = check(c);
				if (!validateConfig(c).length) {
					valid++;
					const p = c.project;
					if (p.extras.length || p.dependencyGroups.length || p.moreAuthors.length || p.licenseForm !== 'spdx' || / /.test(p.license)) withMeta++;
				}
				return problems.length === 0;
			}),
			{ numRuns: RUNS, seed: SEED }
		);
		if (result.failed && result.counterexample) {
			const [config] = result.counterexample;
			const file = save(config);
			expect.fail(`shrunk counterexample saved to ${file}:\n${check(config).join('\n')}\n${JSON.stringify(config)}`);
		}
		expect(result.failed).toBe(false);
		expect(valid).toBeGreaterThan(RUNS * 0.2);
		expect(withMeta).toBeGreaterThan(RUNS * 0.05);
	});
});
