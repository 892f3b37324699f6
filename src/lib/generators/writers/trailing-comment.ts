/**
 * A YAML scalar with a comment after it on its line, for writers/yaml.ts. Its own
 * module, free of js-yaml, because versions.ts builds these and the model's
 * validation reads versions.ts in the first-load bundle.
 */
/** A scalar with a `#` comment after it on the same line. The comment is ours, never user text. */
export class TrailingComment {
	constructor(
		readonly value: string,
		readonly comment: string,
		/** What goes between the value and `#`: one space (GitHub's `uses: … # vX`) or two (pre-commit's `  # frozen:`). */
		readonly gap: ' ' | '  ' = ' '
	) {
		if (/[\r\n]/.test(comment)) throw new Error('YAML comment must be one line');
	}
}
