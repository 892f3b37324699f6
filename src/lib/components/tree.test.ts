import { describe, expect, it } from 'vitest';
import { allDirs, buildTree, visibleItems } from './tree.ts';

describe('buildTree', () => {
	const tree = buildTree(['b.txt', 'src/pkg/__init__.py', 'a.txt', 'src/pkg/main.py', '.github/workflows/ci.yml', 'src/z.py']);
	it('puts folders first and nests files', () => {
		expect(tree.map((n) => n.name)).toEqual(['.github', 'src', 'a.txt', 'b.txt']);
		expect(tree[1].children.map((n) => n.name)).toEqual(['pkg', 'z.py']);
		expect(allDirs(tree)).toEqual(['.github', '.github/workflows', 'src', 'src/pkg']);
	});
	it('hides children of collapsed folders', () => {
		const v = visibleItems(tree, new Set(['src']));
		expect(v.map((i) => `${i.level}:${i.node.path}`)).toEqual(['1:.github', '1:src', '2:src/pkg', '2:src/z.py', '1:a.txt', '1:b.txt']);
		expect(v[2]).toMatchObject({ parent: 'src', setsize: 2, posinset: 1 });
	});
});
