/**
 * services.sqlalchemy through the CLI (issue 20.1): the CLI has no per-field flags; fields come
 * from --config (a slipway.json or inline JSON), merged over the preset, validated once.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli as runCli, tempDirs } from '../support/cli.ts';

const tmp = tempDirs('slipway-cli-sql-');
const cli = (args: string[]) => runCli(args, tmp());

describe('slipway generate with services.sqlalchemy', () => {
	it('--config turns it on: db.py, alembic.ini and the migrations are written, and slipway.json keeps it', async () => {
		const r = await cli(['generate', '--preset', 'fastapi-service', '--config', '{"services":{"postgres":true,"sqlalchemy":true}}', '--out', 'x']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		for (const p of ['src/fastapi_service/db.py', 'alembic.ini', 'src/fastapi_service/migrations/env.py', 'src/fastapi_service/migrations/versions/0001_create_items.py'])
			expect(existsSync(join(r.cwd, 'x', p)), p).toBe(true);
		const saved = JSON.parse(readFileSync(join(r.cwd, 'x', 'slipway.json'), 'utf8')) as { config: { services: Record<string, boolean> } };
		expect(saved.config.services.sqlalchemy).toBe(true);
		// The same slipway.json gives the same files back.
		const again = await cli(['generate', '--config', join(r.cwd, 'x', 'slipway.json'), '--out', 'y']);
		expect(again.code).toBe(0);
		expect(readFileSync(join(again.cwd, 'y', 'src/fastapi_service/db.py'), 'utf8')).toBe(readFileSync(join(r.cwd, 'x', 'src/fastapi_service/db.py'), 'utf8'));
	});

	it('without PostgreSQL it is refused (exit 2) with the field and its message, and nothing is written', async () => {
		const r = await cli(['generate', '--preset', 'fastapi-service', '--config', '{"services":{"postgres":false,"sqlalchemy":true}}', '--out', 'x']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('services.sqlalchemy');
		expect(r.stderr).toContain('turn PostgreSQL on');
		expect(existsSync(join(r.cwd, 'x'))).toBe(false);
	});
});
