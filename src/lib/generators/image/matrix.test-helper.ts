/** Configs the docker tests sweep: every preset x manager x services, on every container target. */
import { PACKAGE_MANAGERS, type Config } from '../../model/config.ts';
import { DEFAULT_BACKEND } from '../../model/defaults.ts';
import { PRESETS } from '../../model/presets.ts';
import { validateConfig } from '../../model/validate.ts';

export interface Case {
	name: string;
	config: Config;
}

const SERVICES = [
	{ postgres: false, redis: false },
	{ postgres: true, redis: false },
	{ postgres: false, redis: true },
	{ postgres: true, redis: true }
] as const;

/** preset x manager x services for target docker (plus pip-tools and poetry classic variants). */
export function dockerCases(): Case[] {
	const out: Case[] = [];
	for (const preset of PRESETS) {
		for (const manager of PACKAGE_MANAGERS) {
			for (const services of SERVICES) {
				// Django needs PostgreSQL in a container (validate.ts: SQLite would sit in the read-only image).
				if (preset.id === 'django-app' && !services.postgres) continue;
				const c = preset.config();
				c.target = 'docker';
				c.packaging.manager = manager;
				c.packaging.backend = DEFAULT_BACKEND[manager];
				c.services = { ...services };
				const name = `${preset.id}/${manager}/${services.postgres ? 'pg' : '-'}${services.redis ? '+redis' : ''}`;
				out.push({ name, config: c });
			}
		}
	}
	const tools = PRESETS[0].config();
	tools.packaging = { ...tools.packaging, manager: 'pip', backend: 'setuptools', poetryLayout: 'poetry2', pipWorkflow: 'pip-tools' };
	out.push({ name: 'fastapi-service/pip-tools', config: tools });
	const classic = PRESETS[1].config();
	classic.packaging.poetryLayout = 'classic';
	out.push({ name: 'django-app/poetry-classic', config: classic });
	for (const c of out) {
		const errors = validateConfig(c.config);
		if (errors.length) throw new Error(`${c.name}: invalid test config: ${JSON.stringify(errors)}`);
	}
	return out;
}
