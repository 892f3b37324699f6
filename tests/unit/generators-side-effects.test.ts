/**
 * vite.config.ts tells the bundler that the modules under src/lib/generators/
 * have no side effects on import (treeshake.moduleSideEffects), so a page
 * chunk that imports one helper of theirs (the compare panel: planGenerated
 * from src/lib/update) no longer carries a second copy of every generator,
 * js-yaml and versions.ts besides the generator worker's. That holds only
 * while importing such a module runs nothing but declarations: this test
 * reads each one and fails on a top-level statement that is not an import,
 * an export or a declaration, and on a bare `import './x'` (an import made
 * for its side effects). A declaration's initialiser is not inspected: they
 * build constants (records, tables), none mutates another module's state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'src/lib/generators');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [join(dir, e.name)] : []
	);
}

const DECLARATION = new Set([
	ts.SyntaxKind.ImportDeclaration,
	ts.SyntaxKind.ImportEqualsDeclaration,
	ts.SyntaxKind.ExportDeclaration,
	ts.SyntaxKind.FunctionDeclaration,
	ts.SyntaxKind.ClassDeclaration,
	ts.SyntaxKind.InterfaceDeclaration,
	ts.SyntaxKind.TypeAliasDeclaration,
	ts.SyntaxKind.EnumDeclaration,
	ts.SyntaxKind.VariableStatement,
	ts.SyntaxKind.ModuleDeclaration
]);

/** What in `code` runs at import besides declarations, one line each. */
function importTimeEffects(code: string, name = 'x.ts'): string[] {
	const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const out: string[] = [];
	for (const s of file.statements) {
		const line = file.getLineAndCharacterOfPosition(s.getStart()).line + 1;
		const text = s.getText().split('\n')[0];
		if (!DECLARATION.has(s.kind)) out.push(`${name}:${line}: ${text}`);
		else if (ts.isImportDeclaration(s) && !s.importClause) out.push(`${name}:${line}: ${text} (imported for its side effects)`);
	}
	return out;
}

describe('generator modules have no import-time side effects (vite.config.ts moduleSideEffects)', () => {
	it('the check sees a top-level call, an assignment and a bare import', () => {
		expect(importTimeEffects("import './register.ts';\nexport const A = 1;\nregistry.set('a', A);\nglobalThis.x = 1;\nfunction f() {}\n")).toEqual([
			"x.ts:1: import './register.ts'; (imported for its side effects)",
			"x.ts:3: registry.set('a', A);",
			'x.ts:4: globalThis.x = 1;'
		]);
	});

	it('every module under src/lib/generators runs only declarations on import', () => {
		const files = sources(DIR);
		expect(files.length).toBeGreaterThan(30);
		const effects = files.flatMap((f) => importTimeEffects(readFileSync(f, 'utf8'), relative(ROOT, f)));
		expect(effects).toEqual([]);
	});
});
