/**
 * Kubernetes manifests: every document is validated by kubernetes-models
 * (the OpenAPI schemas: types, required fields, enums) and round-tripped
 * through @kubernetes/client-node's ObjectSerializer, which drops fields
 * Kubernetes does not know, so any difference names an unknown field (a typo
 * like `resource:` that schemas alone would let through).
 *
 * Gateway API objects (`gateway.networking.k8s.io`, e.g. HTTPRoute) are not in
 * either package: @kubernetes-models/gateway-api (same family, generated from
 * the Gateway API's own CRD schemas) validates them, and since its schemas let
 * unknown fields through too and the official client has no type for them, the
 * round trip is made with the package's own type declarations: the TypeScript
 * checker reads the kind's interface and keeps only the fields it declares, as
 * the API server prunes the fields a CRD's structural schema does not declare.
 */
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Finding, Validator } from '../registry.ts';
import { isCompose } from './compose.ts';
import { isObj, isYamlPath, k8sHeader, loadYamlDocs } from './util.ts';

/** True for YAML that declares Kubernetes objects (not Knative, not kustomization, not compose/workflows). */
export function isK8sManifest(path: string, content: string): boolean {
	if (!isYamlPath(path) || isCompose(path) || path.startsWith('.github/')) return false;
	const h = k8sHeader(content);
	if (!h) return false;
	if (h.apiVersion.startsWith('serving.knative.dev/') || h.apiVersion.startsWith('kustomize.config.k8s.io/')) return false;
	return true;
}

/** `V1Deployment` for apps/v1 Deployment, `V2HorizontalPodAutoscaler` for autoscaling/v2. */
function typeName(apiVersion: string, kind: string): string {
	const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
	return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

/** Paths present in `input` but missing from `output` (fields the serializer did not know). */
function dropped(input: unknown, output: unknown, path: string, acc: string[]): void {
	if (Array.isArray(input)) {
		const o = Array.isArray(output) ? output : [];
		input.forEach((v, i) => dropped(v, o[i], `${path}[${i}]`, acc));
		return;
	}
	if (!isObj(input)) return;
	const o = isObj(output) ? output : {};
	for (const [k, v] of Object.entries(input)) {
		if (!(k in o) || (o[k] === undefined && v !== undefined)) acc.push(`${path}.${k}`);
		else dropped(v, o[k], `${path}.${k}`, acc);
	}
}

/** The API group of the Gateway API's kinds, which @kubernetes-models/gateway-api models. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

function groupVersion(apiVersion: string): [group: string, version: string] {
	return apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['v1', apiVersion];
}

async function modelFor(apiVersion: string, kind: string): Promise<(new (data: unknown) => { validate(): void }) | null> {
	const [group, version] = groupVersion(apiVersion);
	const spec =
		group === GATEWAY_API_GROUP
			? `@kubernetes-models/gateway-api/${group}/${version}/${kind}`
			: group === 'v1'
				? `kubernetes-models/v1/${kind}`
				: `kubernetes-models/${group}/${version}/${kind}`;
	try {
		const mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
		return (mod[kind] ?? mod.default) as new (data: unknown) => { validate(): void };
	} catch {
		return null;
	}
}

/** A kind's interface as @kubernetes-models/gateway-api declares it (`I<Kind>`), and the checker that reads it. */
interface DeclaredType {
	checker: ts.TypeChecker;
	type: ts.Type;
}
const declared = new Map<string, DeclaredType | null>();

/**
 * Read `I<Kind>` from the package's .d.ts with the TypeScript compiler: a one-line module that
 * imports it, resolved as a bundler resolves the package's `exports` (its `types` condition).
 * Null when the package declares no such kind.
 */
function declaredType(version: string, kind: string): DeclaredType | null {
	const key = `${version}/${kind}`;
	if (declared.has(key)) return declared.get(key)!;
	const file = join(dirname(fileURLToPath(import.meta.url)), '__gateway_api_kind__.ts');
	const text = `import type { I${kind} } from '@kubernetes-models/gateway-api/${GATEWAY_API_GROUP}/${version}/${kind}';\nexport type Root = I${kind};\n`;
	const options: ts.CompilerOptions = {
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		target: ts.ScriptTarget.ES2022,
		lib: ['lib.es2022.d.ts'],
		types: [],
		strict: true,
		noEmit: true,
		skipLibCheck: true
	};
	const host = ts.createCompilerHost(options);
	const { getSourceFile, fileExists, readFile } = host;
	host.getSourceFile = (name, lang, ...rest) => (name === file ? ts.createSourceFile(name, text, lang) : getSourceFile.call(host, name, lang, ...rest));
	host.fileExists = (name) => name === file || fileExists.call(host, name);
	host.readFile = (name) => (name === file ? text : readFile.call(host, name));
	const program = ts.createProgram([file], options, host);
	const source = program.getSourceFile(file)!;
	let out: DeclaredType | null = null;
	// A kind the package does not have: the import does not resolve (and the model check says so).
	if (!ts.getPreEmitDiagnostics(program, source).length) {
		const checker = program.getTypeChecker();
		const root = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === 'Root');
		if (root) out = { checker, type: checker.getDeclaredTypeOfSymbol(root) };
	}
	declared.set(key, out);
	return out;
}

/** `value` with only the fields `type` declares, at every depth (arrays by element, maps by their value type). */
function prune(checker: ts.TypeChecker, type: ts.Type, value: unknown): unknown {
	const t = checker.getNonNullableType(type);
	if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return value;
	const members = t.isUnion() ? t.types : [t];
	if (Array.isArray(value)) {
		const array = members.find((m) => checker.isArrayType(m) || checker.isTupleType(m)) as ts.TypeReference | undefined;
		const element = array && checker.getTypeArguments(array)[0];
		return element ? value.map((v) => prune(checker, element, v)) : value;
	}
	if (!isObj(value)) return value;
	const objects = members.filter((m) => m.flags & ts.TypeFlags.Object || m.isIntersection());
	if (!objects.length) return value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) {
		for (const m of objects) {
			const prop = checker.getPropertyOfType(m, k);
			const index = prop ? undefined : checker.getIndexInfoOfType(m, ts.IndexKind.String);
			if (!prop && !index) continue;
			out[k] = prune(checker, prop ? checker.getTypeOfSymbol(prop) : index!.type, v);
			break;
		}
	}
	return out;
}

/** The Gateway API round trip: the document through its kind's declared type. Null when the package has no such kind. */
export function gatewayRoundTrip(apiVersion: string, kind: string, doc: unknown): unknown {
	const d = declaredType(groupVersion(apiVersion)[1], kind);
	return d ? prune(d.checker, d.type, doc) : null;
}

export async function checkK8sObject(file: string, doc: unknown, index: number): Promise<Finding[]> {
	const out: Finding[] = [];
	const where = `document ${index + 1}`;
	if (!isObj(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
		return [{ file, tool: 'kubernetes', message: `${where}: not a Kubernetes object (apiVersion and kind required)` }];
	}
	const { apiVersion, kind } = doc;
	const name = isObj(doc.metadata) ? String(doc.metadata.name ?? '') : '';
	const label = `${where} ${kind}/${name}`;
	if (!name) out.push({ file, tool: 'kubernetes', message: `${label}: metadata.name is required` });
	const Model = await modelFor(apiVersion, kind);
	if (!Model) out.push({ file, tool: 'kubernetes-models', message: `${label}: unknown apiVersion/kind ${apiVersion} ${kind}` });
	else {
		try {
			new Model(doc).validate();
		} catch (err) {
			out.push({ file, tool: 'kubernetes-models', message: `${label}: ${String((err as Error).message).slice(0, 1000)}` });
		}
	}
	if (groupVersion(apiVersion)[0] === GATEWAY_API_GROUP) {
		const back = gatewayRoundTrip(apiVersion, kind, doc);
		if (back === null) out.push({ file, tool: '@kubernetes-models/gateway-api', message: `${label}: the Gateway API models declare no ${apiVersion} ${kind}` });
		else {
			const acc: string[] = [];
			dropped(doc, back, '', acc);
			for (const p of acc) out.push({ file, tool: '@kubernetes-models/gateway-api', message: `${label}: unknown field ${p.slice(1)}` });
		}
		return out;
	}
	const type = typeName(apiVersion, kind);
	const obj = ObjectSerializer.deserialize(doc, type, '') as object;
	if (!obj || obj.constructor === Object) out.push({ file, tool: '@kubernetes/client-node', message: `${label}: the official client has no type ${type}` });
	else {
		const back = ObjectSerializer.serialize(obj, type, '');
		const acc: string[] = [];
		dropped(doc, back, '', acc);
		for (const p of acc) out.push({ file, tool: '@kubernetes/client-node', message: `${label}: unknown field ${p.slice(1)}` });
	}
	return out;
}

export const kubernetes: Validator = {
	id: 'kubernetes',
	tool: 'kubernetes-models validate() + @kubernetes/client-node strict round trip; Gateway API kinds: @kubernetes-models/gateway-api validate() + its declared types',
	role: 'primary',
	chroot: false,
	match: isK8sManifest,
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) {
			const { docs, findings } = loadYamlDocs(f.path, f.content);
			out.push(...findings);
			for (const [i, d] of docs.entries()) out.push(...(await checkK8sObject(f.path, d, i)));
		}
		return out;
	}
};
