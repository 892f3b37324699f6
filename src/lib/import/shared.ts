/** What every importer shares: the result and report types and the overlay steps. */
import type { BuildBackend, Config, PackageManager } from '../model/config.ts';
import { BACKENDS_FOR, DEFAULT_BACKEND } from '../model/defaults.ts';
import { LICENSES } from '../model/licenses.ts';
import { normalizeName, parseRequirement } from '../model/pep.ts';
import type { FieldError } from '../model/validate.ts';

export interface ImportReport {
	source: 'pyproject.toml' | 'requirements.txt' | 'slipway.json';
	/** What was read into the configuration. */
	taken: string[];
	/** What was skipped or changed, and why. */
	ignored: string[];
}

export type ImportResult =
	| { ok: true; config: Config; report: ImportReport }
	| { ok: false; message: string; line?: number; column?: number; errors?: FieldError[] };

/** Most items Slipway keeps per dependency list (the model's limit). */
const MAX_DEPS = 200;

const LICENSE_ALIASES: Record<string, string> = {
	mit: 'MIT',
	'mit license': 'MIT',
	'apache 2.0': 'Apache-2.0',
	'apache-2': 'Apache-2.0',
	'apache license 2.0': 'Apache-2.0',
	'apache software license': 'Apache-2.0',
	'apache license, version 2.0': 'Apache-2.0',
	'bsd-3': 'BSD-3-Clause',
	'bsd 3-clause': 'BSD-3-Clause',
	'new bsd': 'BSD-3-Clause',
	'bsd-2': 'BSD-2-Clause',
	'simplified bsd': 'BSD-2-Clause',
	'gplv3+': 'GPL-3.0-or-later',
	'gpl-3.0+': 'GPL-3.0-or-later',
	'agplv3+': 'AGPL-3.0-or-later',
	'agpl-3.0+': 'AGPL-3.0-or-later',
	'mpl 2.0': 'MPL-2.0',
	'mpl-2': 'MPL-2.0',
	unlicense: 'Unlicense',
	proprietary: 'LicenseRef-Proprietary',
	'all rights reserved': 'LicenseRef-Proprietary'
};

/** An SPDX id Slipway offers for a license string, or undefined. */
export function licenseFromText(text: string): string | undefined {
	const t = text.trim();
	const exact = LICENSES.find((l) => l.id.toLowerCase() === t.toLowerCase() || l.name.toLowerCase() === t.toLowerCase());
	return exact?.id ?? LICENSE_ALIASES[t.toLowerCase()];
}

export function applyManager(
	config: Config,
	manager: PackageManager,
	backend: BuildBackend | undefined,
	backendName: string | undefined,
	why: string,
	report: ImportReport
): void {
	config.packaging.manager = manager;
	report.taken.push(`package manager: ${manager} (${why})`);
	if (backend && BACKENDS_FOR[manager].includes(backend)) {
		config.packaging.backend = backend;
		report.taken.push(`build backend: ${backend}`);
	} else {
		if (!BACKENDS_FOR[manager].includes(config.packaging.backend)) config.packaging.backend = DEFAULT_BACKEND[manager];
		if (backendName) report.ignored.push(`build backend "${backendName}" does not fit ${manager} in Slipway; using ${config.packaging.backend}`);
	}
}

const FRAMEWORK_OF: Record<string, Config['project']['framework']> = { fastapi: 'fastapi', django: 'django', flask: 'flask' };

/**
 * Put imported dependencies in the config: de-duplicated (runtime wins over dev,
 * first entry wins), without the project itself, capped at the model's limit.
 * Sets kind/framework from what the dependencies say, and turns on backing
 * services whose client library is listed.
 */
export function applyDependencies(
	config: Config,
	runtime: string[] | null,
	dev: string[] | null,
	hints: { hasScripts: boolean; workerScript?: boolean } | null,
	report: ImportReport
): void {
	const p = config.project;
	const self = normalizeName(p.name);
	const seen = new Set<string>();
	const dedupe = (list: string[], label: string): string[] => {
		const out: string[] = [];
		for (const d of list) {
			const r = parseRequirement(d);
			const key = r.ok ? normalizeName(r.value.name) : d;
			if (key === self) {
				report.ignored.push(`${label}: "${d}" is the project itself; skipped`);
				continue;
			}
			if (seen.has(key)) {
				report.ignored.push(`${label}: "${d}" listed more than once; kept the first`);
				continue;
			}
			seen.add(key);
			out.push(d);
		}
		if (out.length > MAX_DEPS) {
			report.ignored.push(`${label}: only the first ${MAX_DEPS} of ${out.length} kept`);
			return out.slice(0, MAX_DEPS);
		}
		return out;
	};
	if (runtime) {
		p.dependencies = dedupe(runtime, 'runtime');
		report.taken.push(`${p.dependencies.length} runtime dependenc${p.dependencies.length === 1 ? 'y' : 'ies'}`);
	} else for (const d of p.dependencies) seen.add(nameKey(d));
	if (dev) {
		p.devDependencies = dedupe(dev, 'development');
		report.taken.push(`${p.devDependencies.length} development dependenc${p.devDependencies.length === 1 ? 'y' : 'ies'}`);
	}
	if (!runtime || !hints) return;
	const names = new Set(p.dependencies.map(nameKey));
	const fw = ['fastapi', 'django', 'flask'].find((f) => names.has(f));
	if (fw) {
		p.kind = 'service';
		p.framework = FRAMEWORK_OF[fw];
		report.taken.push(`kind: web service with ${fw} (${fw} is a dependency)`);
	} else if (hints.workerScript) {
		p.kind = 'worker';
		p.framework = 'none';
		report.taken.push('kind: background worker (an entry point runs a worker module)');
	} else if (hints.hasScripts) {
		p.kind = 'cli';
		p.framework = 'none';
		report.taken.push('kind: command-line tool (it has entry-point scripts and no web framework)');
	} else if (p.kind === 'service') {
		p.kind = 'library';
		p.framework = 'none';
		report.taken.push('kind: library (no web framework and no scripts found)');
	}
	if (['psycopg', 'psycopg2', 'psycopg2-binary', 'asyncpg'].some((n) => names.has(n)) && !config.services.postgres) {
		config.services.postgres = true;
		report.taken.push('services: PostgreSQL turned on (a Postgres driver is a dependency)');
	}
	if (names.has('redis') && !config.services.redis) {
		config.services.redis = true;
		report.taken.push('services: Redis turned on (redis is a dependency)');
	}
}

function nameKey(d: string): string {
	const r = parseRequirement(d);
	return r.ok ? normalizeName(r.value.name) : d;
}
