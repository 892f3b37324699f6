/**
 * Trove classifiers: the ones the model derives (Python versions, status, framework, typing,
 * license, private) and the user's own (project.classifiers). Shared by the pyproject.toml
 * generator, which writes derived + own, and the import, which keeps as the user's own only
 * what the model would not derive, so import -> generate -> import is stable.
 */
import type { ReadonlyConfig } from './config.ts';
import { isOpenSource, licenseInfo } from './licenses.ts';
import { supportedPythons } from './runtime.ts';

/** `Programming Language :: Python :: 3.N`: the model owns these (from pythonVersion); the import never keeps one as the user's. */
export const PYTHON_VERSION_CLASSIFIER = /^Programming Language :: Python :: 3\.\d+$/;

/** The classifiers the model derives. `withLicense`: add the license's (only layouts that cannot say SPDX, Poetry classic). */
export function derivedClassifiers(config: ReadonlyConfig, withLicense: boolean): string[] {
	const p = config.project;
	const out: string[] = [];
	// The status is a guess from the version; a status of the user's replaces it.
	if (!p.classifiers.some((c) => c.startsWith('Development Status ::')))
		out.push(/^0\./.test(p.version) ? 'Development Status :: 3 - Alpha' : 'Development Status :: 5 - Production/Stable');
	out.push('Programming Language :: Python :: 3');
	for (const v of supportedPythons(config)) out.push(`Programming Language :: Python :: ${v}`);
	if (p.kind === 'library') out.push('Typing :: Typed');
	if (p.framework === 'fastapi') out.push('Framework :: FastAPI');
	if (p.framework === 'flask') out.push('Framework :: Flask');
	if (p.framework === 'django') out.push('Framework :: Django');
	if (withLicense && p.licenseForm === 'spdx') {
		const c = licenseInfo(p.license)?.classifier;
		if (c) out.push(c);
	}
	if (p.licenseForm === 'spdx' && !isOpenSource(p.license)) out.push('Private :: Do Not Upload');
	return out;
}

/** What pyproject.toml lists: the derived classifiers, then the user's that are not among them. */
export function allClassifiers(config: ReadonlyConfig, withLicense: boolean): string[] {
	const derived = derivedClassifiers(config, withLicense);
	const have = new Set(derived);
	return [...derived, ...config.project.classifiers.filter((c) => !have.has(c))];
}
