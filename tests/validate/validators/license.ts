/**
 * LICENSE files. "Valid" here: non-empty plain text ending in a newline, no
 * unfilled template placeholders, the recognisable text of the SPDX license
 * the config names, and the author in the copyright line when the license has
 * one. (No license checker is installable; the wheel proof additionally checks
 * the file is shipped in the wheel's licenses folder.)
 */
import type { Finding, Validator } from '../registry.ts';
import { accidents, base } from './util.ts';

/** A phrase that every copy of the license's official text contains. */
const MARKERS: Record<string, RegExp> = {
	MIT: /Permission is hereby granted, free of charge/,
	'Apache-2.0': /Apache License\s+Version 2\.0/,
	'BSD-3-Clause': /Redistribution and use in source and binary forms[\s\S]*Neither the name/,
	'BSD-2-Clause': /Redistribution and use in source and binary forms/,
	'GPL-3.0-only': /GNU GENERAL PUBLIC LICENSE\s+Version 3/,
	'GPL-3.0-or-later': /GNU GENERAL PUBLIC LICENSE\s+Version 3/,
	'LGPL-3.0-only': /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/,
	'LGPL-3.0-or-later': /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/,
	'AGPL-3.0-only': /GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/,
	'AGPL-3.0-or-later': /GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/,
	'MPL-2.0': /Mozilla Public License,? [Vv]ersion 2\.0/,
	ISC: /Permission to use, copy, modify, and\/or distribute this software/,
	Unlicense: /This is free and unencumbered software released into the public domain/
};
const PLACEHOLDER = /<\s*(year|yyyy|name of author|copyright holders?|fullname|owner)\s*>|\[\s*(year|yyyy|fullname|name of copyright owner|yourname)\s*\]|\{\{|\$\{/i;

export function checkLicense(file: string, text: string, spdx?: string, author?: string): Finding[] {
	const out: Finding[] = [];
	const add = (line: number | undefined, message: string) => out.push({ file, line, tool: 'license-text', message });
	if (text.trim().length < 40) add(undefined, 'license text is missing or too short');
	if (!text.endsWith('\n')) add(undefined, 'must end with a newline');
	text.split('\n').forEach((l, i) => {
		if (PLACEHOLDER.test(l)) add(i + 1, `unfilled placeholder: ${l.trim().slice(0, 80)}`);
	});
	const marker = spdx ? MARKERS[spdx] : undefined;
	if (marker && !marker.test(text)) add(undefined, `does not contain the ${spdx} license text`);
	const copyright = /^\s*Copyright\s+(\(c\)\s*)?\d{4}/im.exec(text);
	if (copyright && author && !text.includes(author)) add(undefined, `the copyright line does not name the author "${author}"`);
	out.push(...accidents(file, text, 'license-text'));
	return out;
}

export const license: Validator = {
	id: 'license',
	tool: 'in-process license text check (no checker installable; see module doc)',
	role: 'primary',
	chroot: false,
	usesConfig: true,
	match: (path) => /^(LICEN[CS]E|COPYING|NOTICE)(\.(txt|md))?$/i.test(base(path)),
	async check(files, set) {
		return files.flatMap((f) => checkLicense(f.path, f.content, set.config?.project.license, set.config?.project.authorName || undefined));
	}
};
