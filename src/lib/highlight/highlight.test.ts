import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightLines, languageOf, RULES, tokenize } from './index.ts';
import type { Language } from '../generators/types.ts';

const unescape = (html: string) =>
	html
		.replace(/<span class="tok-[a-z]+">/g, '')
		.replace(/<\/span>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

const SAMPLES: Record<Exclude<Language, 'text'>, string> = {
	toml: '# c\n[project]\nname = "x<y>"\nversion = \'1\'\ndeps = ["a>=1", """multi\nline"""]\nn = 3\nok = true\n',
	yaml: '---\n# c\nservices:\n  app:\n    image: "x"\n    ports: [8000]\n    - &a b: *a\n    on: yes\n',
	dockerfile: '# syntax=docker/dockerfile:1\nFROM python:3.12 AS base\nRUN --mount=type=cache echo "$HOME" ${X}\n',
	python: '"""Doc\nstring."""\n@app.get("/")\ndef f(x: int) -> None:\n    return 1  # c\n',
	ini: '[Unit]\n; c\nDescription=A <b>\nExecStart=${X} %h\n',
	nginx: 'server {\n  listen 80; # c\n  location / { proxy_pass http://$host; }\n}\n',
	shell: '#!/bin/sh\nset -eu\nif [ "$1" = x ]; then echo \'a\'; fi\n',
	markdown: '# Title\n\n- item `code`\n\n```sh\nrm -rf /\n```\n**bold** [l](http://x)\n',
	json: '{"a": [1, true, null, "s<"]}\n'
};

describe('highlightLines', () => {
	for (const [lang, code] of Object.entries(SAMPLES)) {
		it(`${lang}: keeps the text exactly and has one entry per line`, () => {
			const lines = highlightLines(code, lang as Language);
			expect(lines.length).toBe(code.split('\n').length);
			expect(lines.map(unescape).join('\n')).toBe(code);
			expect(lines.join('')).toContain('<span class="tok-');
		});
	}

	it('never lets file text become markup', () => {
		const evil = '<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n"</span><b>"';
		for (const lang of [...Object.keys(RULES), 'text'] as Language[]) {
			const html = highlightLines(evil, lang).join('\n');
			expect(html).not.toMatch(/<(?!\/?span\b)/);
			expect(html).not.toContain('<script');
			expect(lines(html)).toBe(evil);
		}
		function lines(h: string) {
			return unescape(h);
		}
	});

	it('tokenize round-trips', () => {
		const code = SAMPLES.python;
		expect(tokenize(code, 'python').map((t) => t.text).join('')).toBe(code);
	});

	it('marks TOML sections and keys', () => {
		const [c, sec, kv] = highlightLines('# x\n[project]\nname = "a"', 'toml');
		expect(c).toBe('<span class="tok-comment"># x</span>');
		expect(sec).toBe('<span class="tok-section">[project]</span>');
		expect(kv).toBe('<span class="tok-key">name</span> = <span class="tok-string">&quot;a&quot;</span>');
	});

	it('escapes all five characters', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
	});

	it('handles large input quickly', () => {
		const big = SAMPLES.yaml.repeat(2000);
		const t = performance.now();
		highlightLines(big, 'yaml');
		expect(performance.now() - t).toBeLessThan(2000);
	});
});

describe('languageOf', () => {
	it('guesses from the path', () => {
		const guesses = [
			['Dockerfile', 'dockerfile'],
			['deploy/k8s/app.yaml', 'yaml'],
			['deploy/app.service', 'ini'],
			['src/x/__init__.py', 'python'],
			['README.md', 'markdown'],
			['x.unknown', 'text']
		] as const;
		for (const [path, language] of guesses) expect(languageOf(path), path).toBe(language);
		expect(languageOf('pyproject.toml', 'json')).toBe('json');
	});
});
