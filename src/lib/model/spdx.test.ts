import { describe, expect, it } from 'vitest';
import { expectRefused } from './refusal.test-helper.ts';
import { checkSpdx, SPDX_LICENSE_COUNT } from './spdx.ts';
import * as lazy from './spdx-lazy.ts';
import { defaultConfig } from './defaults.ts';
import { validateConfig, validationWarnings } from './validate.ts';

describe('SPDX license expressions (issue 19.4)', () => {
	it.each([
		['MIT', ['MIT'], []],
		['MIT OR Apache-2.0', ['MIT', 'Apache-2.0'], []],
		['Apache-2.0 WITH LLVM-exception', ['Apache-2.0'], ['LLVM-exception']],
		['(MIT AND BSD-3-Clause) OR Apache-2.0', ['MIT', 'BSD-3-Clause', 'Apache-2.0'], []],
		['LicenseRef-Proprietary', ['LicenseRef-Proprietary'], []],
		['GPL-3.0-or-later', ['GPL-3.0-or-later'], []]
	])('%s is valid', (e, licenses, exceptions) => {
		expect(checkSpdx(e)).toEqual({ ok: true, licenses, exceptions });
	});

	it.each([
		['BSD', 'which is not an SPDX license identifier; did you mean'],
		['mit', 'SPDX spells it "MIT"'],
		['MIT or Apache-2.0', 'write it as "OR"'],
		['GPL-3.0', 'deprecates'],
		['MIT OR', 'not a valid SPDX expression'],
		['MIT Apache-2.0', 'not a valid SPDX expression'],
		['DocumentRef-x:LicenseRef-y', 'DocumentRef'],
		['', 'is empty']
	])('%s is refused with a message', (e, message) => {
		expectRefused(checkSpdx(e), message);
	});

	it('knows the whole SPDX list (spdx-license-ids 3.0.24)', () => {
		expect(SPDX_LICENSE_COUNT).toBe(708);
	});

	it('validateConfig: an expression is accepted, a non-SPDX license refused at the field, a legacy text kept with a warning', () => {
		const c = defaultConfig();
		c.project.license = 'MIT OR Apache-2.0';
		expect(validateConfig(c)).toEqual([]);
		expect(validationWarnings(c).map((w) => w.path)).toEqual(['project.license']);
		c.project.license = 'BSD';
		expect(validateConfig(c)).toEqual([{ path: 'project.license', message: expect.stringContaining('License "BSD" uses "BSD", which is not an SPDX license identifier') }]);
		c.project.licenseForm = 'text';
		expect(validateConfig(c)).toEqual([]);
		expect(validationWarnings(c)[0].message).toContain('kept verbatim as license = { text = "BSD" }');
		c.project.licenseForm = 'file';
		c.project.license = '../LICENSE';
		expect(validateConfig(c).map((e) => e.path)).toEqual(['project.license']);
	});

	it('the browser checker: Slipway\'s own ids at once; another expression loads the list, and listeners hear of it', async () => {
		expect(lazy.checkSpdx('MIT')).toEqual({ ok: true, licenses: ['MIT'], exceptions: [] });
		const loaded = new Promise<void>((resolve) => lazy.onSpdxLoaded(resolve));
		// Accepted until the list arrives, never refused early.
		expect(lazy.checkSpdx('BSD').ok).toBe(true);
		await loaded;
		expect(lazy.checkSpdx('BSD').ok).toBe(false);
		expect(lazy.checkSpdx('MIT OR Apache-2.0')).toEqual(checkSpdx('MIT OR Apache-2.0'));
	});
});
