/**
 * A Vite plugin for the record tables (src/lib/generators/versions.ts): it
 * marks every call evaluated when such a module loads (`ref({...})`,
 * `image({...})`, `Object.fromEntries(...)`, the calls in their arguments)
 * with `/* @__PURE__ *\/`, so the bundler drops the records a chunk does not
 * use. The page's dependency step reads DEPS and DEV_DEPS only; without this
 * it carried every action, image and tool record with its evidence text.
 *
 * Sound while these modules' top level only builds values: the helpers copy
 * their argument into a new object, nothing registers or mutates anything
 * (tests/unit/generators-side-effects.test.ts holds the "declarations only"
 * half; vite-plugins/pure-records.test.ts what is marked). Calls inside
 * functions run later and are left alone.
 */
import type { Plugin } from 'vite';

/** The modules treated so, by path. */
export const RECORD_MODULES = /[\\/]src[\\/]lib[\\/]generators[\\/]versions\.ts$/;

const FUNCTION = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Start offsets of the calls and `new` expressions `program` evaluates at load (outside any function). */
export function loadTimeCalls(program: Node): number[] {
	const out: number[] = [];
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(visit);
		if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
		const n = node as Node;
		if (FUNCTION.has(n.type)) return;
		if (n.type === 'CallExpression' || n.type === 'NewExpression') out.push(n.start);
		for (const [key, value] of Object.entries(n)) if (key !== 'type' && value && typeof value === 'object') visit(value);
	};
	visit(program);
	return out.sort((a, b) => a - b);
}

/** `code` with `/* @__PURE__ *\/` before each of `at` (offsets into code). */
export function annotate(code: string, at: readonly number[]): string {
	let out = '';
	let last = 0;
	for (const i of at) {
		out += code.slice(last, i) + '/* @__PURE__ */ ';
		last = i;
	}
	return out + code.slice(last);
}

export function pureRecords(): Plugin {
	return {
		name: 'slipway:pure-records',
		transform(code, id) {
			if (!RECORD_MODULES.test(id.replace(/\?.*$/, ''))) return null;
			// Runs after Vite's TypeScript transform (a plugin without `enforce`): `code` is JavaScript.
			const calls = loadTimeCalls(this.parse(code) as unknown as Node);
			return { code: annotate(code, calls), map: null };
		}
	};
}
