import { describe, expect, it } from 'vitest';
import { expectRefused } from './refusal.test-helper.ts';
import { formatRequirement, importNameOf, isCanonicalVersion, normalizeName, parseRequirement } from './pep.ts';

describe('names', () => {
	it('normalises per PEP 503 and derives the import name', () => {
		expect(normalizeName('Foo.Bar__baz')).toBe('foo-bar-baz');
		expect(importNameOf('Acme-Orders.API')).toBe('acme_orders_api');
	});
});

describe('canonical versions (what the wheel, the git tag check and the image tag all carry)', () => {
	it('accepts the form packaging prints and refuses leading zeros and the default epoch', () => {
		for (const v of ['0.1.0', '1.0', '1!2.0', '1.0rc1', '2.0.0.post1', '1.0.dev0', '10.20.30']) expect(isCanonicalVersion(v), v).toBe(true);
		// packaging.version.Version prints these as 1.1, 1.0, 1.0rc1 and 1.0.post1: release.yml's tag check would refuse v1.01.
		for (const v of ['1.01', '0!1.0', '1.0rc01', '1.0.post01', '01.0']) expect(isCanonicalVersion(v), v).toBe(false);
	});
});

describe('parseRequirement', () => {
	it.each([
		['requests', { name: 'requests', extras: [], specifier: '', url: '', marker: '' }],
		['httpx[http2] >= 0.27, < 1', { name: 'httpx', extras: ['http2'], specifier: '>=0.27,<1', url: '', marker: '' }],
		['tomli>=2; python_version < "3.11"', { name: 'tomli', extras: [], specifier: '>=2', url: '', marker: 'python_version < "3.11"' }],
		['pkg @ https://example.com/pkg-1.0.tar.gz', { name: 'pkg', extras: [], specifier: '', url: 'https://example.com/pkg-1.0.tar.gz', marker: '' }],
		['django~=5.2', { name: 'django', extras: [], specifier: '~=5.2', url: '', marker: '' }],
		['numpy==2.*', { name: 'numpy', extras: [], specifier: '==2.*', url: '', marker: '' }],
		['x; (os_name == "nt" or sys_platform == "darwin") and extra == "a"', { name: 'x', extras: [], specifier: '', url: '', marker: '(os_name == "nt" or sys_platform == "darwin") and extra == "a"' }]
	])('parses %j', (input, expected) => {
		expect(parseRequirement(input)).toEqual({ ok: true, value: expected });
	});

	it.each([
		['', 'empty'],
		['-r requirements.txt', 'pip options'],
		['requests>>2', 'PEP 440'],
		['requests>=', 'no version'],
		['requests~=1', 'two release segments'],
		['requests>=1.*', 'only allowed'],
		['requests[', 'closing'],
		['requests; ', 'empty marker'],
		['requests; python_version', 'comparison'],
		['requests; foo == "1"', 'unknown marker variable'],
		['requests\nevil', 'single line'],
		['pkg @ notaurl', 'not a URL'],
		['"quoted"', 'package name']
	])('rejects %j with a message', (input, fragment) => {
		expectRefused(parseRequirement(input), fragment);
	});

	it('formats back to an equivalent string', () => {
		for (const s of ['httpx[http2]>=0.27,<1', 'tomli>=2; python_version < "3.11"', 'pkg @ https://x.org/p.whl ; os_name == "nt"']) {
			const r = parseRequirement(s);
			expect(r.ok).toBe(true);
			if (r.ok) expect(parseRequirement(formatRequirement(r.value))).toEqual(r);
		}
	});
});
