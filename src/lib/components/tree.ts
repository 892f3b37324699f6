/** Paths -> a folder tree for the file tree view (folders first, then files, by name). */
export interface TreeNode {
	/** Full path; folders have no trailing slash. */
	path: string;
	name: string;
	kind: 'dir' | 'file';
	children: TreeNode[];
}

export function buildTree(paths: readonly string[]): TreeNode[] {
	const root: TreeNode = { path: '', name: '', kind: 'dir', children: [] };
	for (const p of paths) {
		const parts = p.split('/');
		let node = root;
		parts.forEach((name, i) => {
			const path = parts.slice(0, i + 1).join('/');
			const kind = i === parts.length - 1 ? 'file' : 'dir';
			let child = node.children.find((c) => c.name === name && c.kind === kind);
			if (!child) {
				child = { path, name, kind, children: [] };
				node.children.push(child);
			}
			node = child;
		});
	}
	const sort = (n: TreeNode) => {
		n.children.sort((a, b) => (a.kind !== b.kind ? (a.kind === 'dir' ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		n.children.forEach(sort);
	};
	sort(root);
	return root.children;
}

export interface VisibleItem {
	node: TreeNode;
	level: number;
	parent: string | null;
	setsize: number;
	posinset: number;
}

/** The items a user can reach (children of collapsed folders are hidden), in display order. */
export function visibleItems(nodes: readonly TreeNode[], expanded: ReadonlySet<string>, level = 1, parent: string | null = null): VisibleItem[] {
	const out: VisibleItem[] = [];
	nodes.forEach((node, i) => {
		out.push({ node, level, parent, setsize: nodes.length, posinset: i + 1 });
		if (node.kind === 'dir' && expanded.has(node.path)) out.push(...visibleItems(node.children, expanded, level + 1, node.path));
	});
	return out;
}

/** Every folder path, for expanding all. */
export function allDirs(nodes: readonly TreeNode[]): string[] {
	return nodes.flatMap((n) => (n.kind === 'dir' ? [n.path, ...allDirs(n.children)] : []));
}

/**
 * `next`, with each item that is the same row as one in `shown` (same path,
 * name, kind, level, parent and place among its siblings) replaced by that
 * earlier object, so the tree view (keyed by path) leaves the rows that did
 * not change alone: a target switch that adds a folder builds that folder's
 * rows and touches none of the others. A reused item keeps its earlier
 * `node`: read a folder's children from the items (the next item of an open
 * folder is its first child), not from `node.children`.
 */
export function keepShown(shown: ReadonlyMap<string, VisibleItem>, next: readonly VisibleItem[]): VisibleItem[] {
	return next.map((i) => {
		const o = shown.get(i.node.path);
		return o && o.node.name === i.node.name && o.node.kind === i.node.kind && o.level === i.level && o.parent === i.parent && o.setsize === i.setsize && o.posinset === i.posinset ? o : i;
	});
}
