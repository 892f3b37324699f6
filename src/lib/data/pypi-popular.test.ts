import { describe, expect, it } from 'vitest';
import { isValidName } from '../model/pep.ts';
import { POPULAR_PACKAGES, suggestPackages } from './pypi-popular.ts';

describe('POPULAR_PACKAGES', () => {
	it('has about 300 valid, unique, described names', () => {
		expect(POPULAR_PACKAGES.length).toBeGreaterThanOrEqual(280);
		const names = new Set(POPULAR_PACKAGES.map((p) => p.name));
		expect(names.size).toBe(POPULAR_PACKAGES.length);
		for (const p of POPULAR_PACKAGES) {
			expect(isValidName(p.name), p.name).toBe(true);
			expect(p.description.length, p.name).toBeGreaterThan(5);
			expect(p.description, p.name).not.toMatch(/[\n|]/);
		}
	});
	it('suggests exact, then prefix matches', () => {
		const s = suggestPackages('pytest');
		expect(s[0].name).toBe('pytest');
		expect(s.slice(1).every((p) => p.name.startsWith('pytest'))).toBe(true);
		expect(suggestPackages('')).toEqual([]);
		expect(suggestPackages('postgres').map((p) => p.name)).toContain('psycopg');
		expect(suggestPackages('Flask_SQL')[0].name).toBe('flask-sqlalchemy');
	});
});
