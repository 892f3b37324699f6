import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execForm, labelValue, writeDockerfile } from './writer.ts';

/** Docker's rule inside double quotes: a backslash before `"`, `$` or `\` yields that character. */
function unescapeDoubleQuoted(raw: string): string {
	return raw.replace(/\\(["$\\])/g, '$1');
}

const NASTY = ['"quoted" first', "'single' first", '"', 'Say "hi"', 'back\\slash', 'cost $HOME and ${PATH}', 'trailing \\', '`cmd` $(id) \'q\'', 'ünïcödé ✓', ''];

describe('labelValue', () => {
	it('escapes quote, backslash and dollar', () => {
		expect(labelValue('a "b" \\ $c')).toBe('"a \\"b\\" \\\\ \\$c"');
	});

	it.each(NASTY)('round-trips %j through the Dockerfile parser', (text) => {
		const df = writeDockerfile([
			{ kind: 'from', image: 'python:3.12-slim' },
			{ kind: 'label', labels: [['org.opencontainers.image.description', text], ['org.opencontainers.image.title', 'x']] }
		]);
		expect(validate(df)).toEqual([]);
		const label = DockerfileParser.parse(df).getInstructions()[1] as unknown as { getProperties(): { getName(): string; getValue(): string }[] };
		const props = label.getProperties();
		// Both properties parse: nothing leaked out of the first value.
		expect(props.map((p) => p.getName())).toEqual(['org.opencontainers.image.description', 'org.opencontainers.image.title']);
		// A leading ASCII quote becomes its typographic twin (see labelValue); the rest is exact.
		expect(unescapeDoubleQuoted(props[0].getValue())).toBe(text.replace(/^"/, '\u201c').replace(/^'/, '\u2018'));
	});

	it('any single-line text gives a LABEL dockerfile-utils accepts, wherever it stands', () => {
		const chars = fc.constantFrom('"', "'", '\\', '$', '{', '}', '`', ' ', '<', 'a', 'é', '=', '#');
		fc.assert(
			fc.property(fc.array(chars, { maxLength: 14 }).map((a) => a.join('')), (text) => {
				for (const labels of [
					[['a.b', text], ['c.d', 'x']],
					[['c.d', 'x'], ['a.b', text]]
				] as const) {
					const df = writeDockerfile([{ kind: 'from', image: 'python:3.12-slim' }, { kind: 'label', labels }, { kind: 'user', user: '1' }]);
					expect(validate(df)).toEqual([]);
				}
			}),
			{ seed: 20261124, numRuns: 2000 }
		);
	});

	it.each(['a\nb', 'a\rb', 'a\u2028b', 'tab\there'])('rejects %j', (text) => {
		expect(() => labelValue(text)).toThrow(/single line/);
	});
});

describe('execForm', () => {
	it('writes a JSON array Docker reads back unchanged', () => {
		const argv = ['python', '-c', 'print("a\\b $X")'];
		const df = writeDockerfile([
			{ kind: 'from', image: 'python:3.12-slim' },
			{ kind: 'cmd', argv }
		]);
		expect(validate(df)).toEqual([]);
		expect(JSON.parse(execForm(argv))).toEqual(argv);
	});

	it('rejects line breaks and empty commands', () => {
		expect(() => execForm(['a\nRUN rm -rf /'])).toThrow();
		expect(() => execForm([])).toThrow();
	});
});

describe('writeDockerfile', () => {
	it('refuses a line break anywhere, so nothing can start a new instruction', () => {
		expect(() => writeDockerfile([{ kind: 'comment', text: 'x\nRUN evil' }])).toThrow();
		expect(() => writeDockerfile([{ kind: 'run', command: ['true\nRUN evil'] }])).toThrow();
		expect(() => writeDockerfile([{ kind: 'env', vars: [['A', 'x\ny']] }])).toThrow();
		expect(() => writeDockerfile([{ kind: 'env', vars: [['BAD NAME', 'x']] }])).toThrow();
		expect(() => writeDockerfile([{ kind: 'label', labels: [['Bad Key', 'x']] }])).toThrow();
	});

	it('indents continuation lines and ends with one newline', () => {
		const df = writeDockerfile([
			{ kind: 'from', image: 'python:3.12-slim' },
			{ kind: 'run', mounts: ['type=cache,target=/root/.cache/pip'], command: ['pip install x', '&& pip check'] },
			{ kind: 'blank' }
		]);
		expect(df).toBe('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install x \\\n    && pip check\n');
		expect(validate(df)).toEqual([]);
	});
});
