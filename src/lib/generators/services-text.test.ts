import { describe, expect, it } from 'vitest';
import { SERVERLESS_PROVIDERS, TARGETS, type Config } from '../model/config.ts';
import { presetTargetCases } from '../../../tests/support/cases.ts';
import { PRESETS } from '../model/presets.ts';
import { generate } from './index.ts';
import { serviceHelp, servicesNote, type BackingService } from './services-text.ts';

/** Every valid (preset, target, provider) with both services on. */
function cases(): [string, Config][] {
	const all = presetTargetCases((c) => void (c.services = { postgres: true, redis: true, sqlalchemy: false, celery: false }));
	return all.filter(([, c]) => c.project.kind !== 'library'); // the step shows its library notice instead
}

const FILE = /[\w./-]*\w\.(?:ya?ml|py|toml|txt|md|json|sh|cfg|example|template)\b/g;

describe('Services step text speaks of the files the target has', () => {
	const all = cases();
	it('covers every target and both serverless providers', () => {
		expect(new Set(all.map(([, c]) => c.target))).toEqual(new Set(TARGETS));
		expect(new Set(all.filter(([, c]) => c.target === 'serverless').map(([, c]) => c.serverless.provider))).toEqual(new Set(SERVERLESS_PROVIDERS));
	});

	it.each(all)('%s', (_id, c) => {
		const files = generate(c);
		const byPath = new Map(files.map((f) => [f.path, f.content]));
		const hasCompose = byPath.has('compose.yaml');
		for (const service of ['postgres', 'redis'] as BackingService[]) {
			const text = serviceHelp(c, service);
			expect(/compose/.test(text), text).toBe(hasCompose);
			expect(/manifest|ConfigMap|the Secret\b/.test(text), text).toBe(c.target === 'kubernetes');
			const setting = service === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL';
			for (const [name] of text.matchAll(FILE)) {
				const path = [...byPath.keys()].find((p) => p === name || p.endsWith(`/${name}`));
				expect(path, `${name} named for ${service}`).toBeDefined();
				// The file named is where the setting (or the SQS queue that replaces Redis) really is.
				expect(byPath.get(path!)!, `${name} for ${service}`).toMatch(text.includes('SQS') ? /AWS::SQS::Queue/ : new RegExp(setting));
			}
		}
		const note = servicesNote(c);
		expect(/compose/.test(note), note).toBe(hasCompose);
		for (const [name] of note.matchAll(FILE)) expect(byPath.has(name), name).toBe(true);
	});

	it('docker keeps the compose wording; other targets name their own files', () => {
		const docker = PRESETS[0].config();
		expect(serviceHelp(docker, 'postgres')).toBe('Adds psycopg and a DATABASE_URL setting; compose.yaml runs a postgres service for it, with a health check and a volume.');
		const k8s = { ...docker, target: 'kubernetes' as const };
		expect(serviceHelp(k8s, 'postgres')).toContain('deploy/kubernetes/secret.example.yaml');
		const metal = { ...docker, target: 'bare-metal' as const };
		expect(serviceHelp(metal, 'redis')).toContain('deploy/env.template');
		expect(servicesNote(metal)).not.toContain('compose');
	});
});
