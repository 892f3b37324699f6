import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/defaults.ts';
import { LICENSES } from '../model/licenses.ts';
import { licenseText } from './license-texts.ts';
import { copyrightHolder, repoFiles } from '../generators/repo-files.ts';

/** Phrases each canonical text must contain, and the least length of the full text. */
const EXPECT: Record<string, { phrases: string[]; min: number }> = {
	MIT: { phrases: ['MIT License', 'Permission is hereby granted, free of charge', 'THE SOFTWARE IS PROVIDED "AS IS"'], min: 1000 },
	'Apache-2.0': { phrases: ['Apache License', 'Version 2.0, January 2004', '9. Accepting Warranty or Additional Liability', 'END OF TERMS AND CONDITIONS', 'APPENDIX: How to apply'], min: 11000 },
	'BSD-3-Clause': { phrases: ['Neither the name of the copyright holder', 'Redistributions in binary form'], min: 1400 },
	'BSD-2-Clause': { phrases: ['Redistributions of source code must retain'], min: 1200 },
	ISC: { phrases: ['Permission to use, copy, modify, and/or distribute this software for any'], min: 700 },
	'MPL-2.0': { phrases: ['Mozilla Public License Version 2.0', '10.4. Distributing Source Code Form', 'Exhibit B - "Incompatible With Secondary Licenses" Notice'], min: 16000 },
	'GPL-3.0-or-later': { phrases: ['GNU GENERAL PUBLIC LICENSE', 'Version 3, 29 June 2007', '13. Use with the GNU Affero General Public License.', '17. Interpretation of Sections 15 and 16.', 'How to Apply These Terms'], min: 34000 },
	'AGPL-3.0-or-later': { phrases: ['GNU AFFERO GENERAL PUBLIC LICENSE', 'Version 3, 19 November 2007', '13. Remote Network Interaction; Use with the GNU General Public License.', 'version 3 of the GNU Affero General Public License'], min: 33000 },
	Unlicense: { phrases: ['This is free and unencumbered software released into the public domain.', 'https://unlicense.org'], min: 1100 },
	'0BSD': { phrases: ['BSD Zero Clause License', 'Permission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted.'], min: 600 },
	'LicenseRef-Proprietary': { phrases: ['All rights reserved.'], min: 400 }
};

describe('LICENSE texts', () => {
	it('has an expectation for every offered license', () => {
		expect(Object.keys(EXPECT).sort()).toEqual(LICENSES.map((l) => l.id).sort());
	});
	for (const l of LICENSES) {
		it(`${l.id}: full, non-trivial text with the holder where the license has a copyright line`, () => {
			const text = licenseText(l.id, 'Zoë "Z" O\'Brien');
			const e = EXPECT[l.id];
			expect(text.length).toBeGreaterThanOrEqual(e.min);
			for (const p of e.phrases) expect(text).toContain(p);
			expect(text.endsWith('\n')).toBe(true);
			expect(text).not.toMatch(/\[year\]|\[fullname\]|<year>\s+<copyright holders>/);
			if (['MIT', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC', '0BSD', 'LicenseRef-Proprietary'].includes(l.id))
				expect(text).toContain('Copyright (c) Zoë "Z" O\'Brien');
			expect(text).not.toMatch(/\d{4}/.test(l.id) ? /$^/ : /Copyright \(c\) \d{4}/);
		});
	}
	it('GPL and AGPL differ where they must and share sections 1-12', () => {
		const gpl = licenseText('GPL-3.0-or-later', 'x');
		const agpl = licenseText('AGPL-3.0-or-later', 'x');
		expect(gpl).toContain('"This License" refers to version 3 of the GNU General Public License.');
		expect(agpl).toContain('"This License" refers to version 3 of the GNU Affero General Public License.');
		const s12 = (t: string) => t.slice(t.indexOf('  1. Source Code.'), t.indexOf('  13. '));
		expect(s12(gpl)).toBe(s12(agpl));
		expect(s12(gpl).length).toBeGreaterThan(20000);
	});
	it('LICENSE uses the author, or "the <name> authors" without one', () => {
		const c = defaultConfig();
		expect(repoFiles(c).find((f) => f.path === 'LICENSE')!.content).toContain('Copyright (c) Jane Doe');
		c.project.authorName = '';
		expect(copyrightHolder(c)).toBe('the my-service authors');
		expect(repoFiles(c).find((f) => f.path === 'LICENSE')!.content).toContain('Copyright (c) the my-service authors');
	});
	it('unknown ids are a programming error', () => {
		expect(() => licenseText('WTFPL', 'x')).toThrow();
	});
});
