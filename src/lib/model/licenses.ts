/**
 * The SPDX licenses Slipway offers. Each has its full text in
 * `data/license-texts.ts`, so a generated LICENSE is never a stub.
 * `LicenseRef-Proprietary` is SPDX's way to say "all rights reserved".
 */
export interface LicenseInfo {
	/** SPDX identifier, used verbatim in PEP 639 `license`. */
	id: string;
	name: string;
	/** Trove classifier for Poetry-classic layouts, which cannot say SPDX; empty when none fits. */
	classifier: string;
}

export const LICENSES: readonly LicenseInfo[] = [
	{ id: 'MIT', name: 'MIT License', classifier: 'License :: OSI Approved :: MIT License' },
	{ id: 'Apache-2.0', name: 'Apache License 2.0', classifier: 'License :: OSI Approved :: Apache Software License' },
	{ id: 'BSD-3-Clause', name: 'BSD 3-Clause "New" or "Revised" License', classifier: 'License :: OSI Approved :: BSD License' },
	{ id: 'BSD-2-Clause', name: 'BSD 2-Clause "Simplified" License', classifier: 'License :: OSI Approved :: BSD License' },
	{ id: 'ISC', name: 'ISC License', classifier: 'License :: OSI Approved :: ISC License (ISCL)' },
	{ id: 'MPL-2.0', name: 'Mozilla Public License 2.0', classifier: 'License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)' },
	{ id: 'GPL-3.0-or-later', name: 'GNU General Public License v3.0 or later', classifier: 'License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)' },
	{ id: 'AGPL-3.0-or-later', name: 'GNU Affero General Public License v3.0 or later', classifier: 'License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)' },
	{ id: 'Unlicense', name: 'The Unlicense', classifier: 'License :: OSI Approved :: The Unlicense (Unlicense)' },
	{ id: '0BSD', name: 'BSD Zero Clause License', classifier: 'License :: OSI Approved :: BSD License' },
	{ id: 'LicenseRef-Proprietary', name: 'Proprietary (all rights reserved)', classifier: 'License :: Other/Proprietary License' }
];

const BY_ID = new Map(LICENSES.map((l) => [l.id, l]));

export function licenseInfo(id: string): LicenseInfo | undefined {
	return BY_ID.get(id);
}

/** Whether the license is OSI-approved open source (proprietary projects get `Private :: Do Not Upload`). */
export function isOpenSource(id: string): boolean {
	return id !== 'LicenseRef-Proprietary';
}
