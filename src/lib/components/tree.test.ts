import { describe, expect, it } from 'vitest';
import { allDirs, buildTree, keepShown, visibleItems } from './tree.ts';

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

describe('keepShown', () => {
	const before = visibleItems(buildTree(['.github/ci.yml', 'src/pkg/main.py', 'compose.yaml', 'README.md']), new Set(['.github', 'src', 'src/pkg']));
	const shown = new Map(before.map((i) => [i.node.path, i]));
	it('keeps the objects of the rows that stay the same when a folder is added', () => {
		const next = keepShown(shown, visibleItems(buildTree(['.github/ci.yml', 'deploy/k8s.yaml', 'src/pkg/main.py', 'README.md']), new Set(['.github', 'deploy', 'src', 'src/pkg'])));
		const same = next.filter((i) => shown.get(i.node.path) === i).map((i) => i.node.path);
		// .github and its file, and src's subtree keep their place among their siblings; src and README.md move one down (aria-posinset).
		expect(same).toEqual(['.github', '.github/ci.yml', 'src/pkg', 'src/pkg/main.py']);
		expect(next.map((i) => i.node.path)).toEqual(['.github', '.github/ci.yml', 'deploy', 'deploy/k8s.yaml', 'src', 'src/pkg', 'src/pkg/main.py', 'README.md']);
	});
	it('gives a row a new object when its place among its siblings changes', () => {
		const next = keepShown(shown, visibleItems(buildTree(['.github/ci.yml', 'src/pkg/main.py', 'src/pkg/new.py', 'compose.yaml', 'README.md']), new Set(['.github', 'src', 'src/pkg'])));
		const main = next.find((i) => i.node.path === 'src/pkg/main.py')!;
		expect(main).not.toBe(shown.get('src/pkg/main.py'));
		expect(main).toMatchObject({ setsize: 2, posinset: 1 });
	});
});
