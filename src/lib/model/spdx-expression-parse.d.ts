// spdx-expression-parse ships no types: the AST it returns (README "Usage").
declare module 'spdx-expression-parse' {
	type Node = { license: string; plus?: boolean; exception?: string } | { left: Node; conjunction: 'and' | 'or'; right: Node };
	export default function parse(source: string): Node;
}
