/**
 * A small evaluator of the CloudFormation intrinsic functions a generated SAM
 * template uses in its values, so tests can read a property as CloudFormation
 * would hand it to the resource: for given parameter values (else the
 * template's Defaults) and pseudo parameters (AWS::Region, AWS::URLSuffix, ...).
 *
 * Semantics as the CloudFormation User Guide's intrinsic function reference
 * describes them: Ref (parameters and pseudo parameters; resources are not
 * evaluated here), Fn::Sub (string, or [string, map]; `${!Literal}` escapes),
 * Fn::If / Fn::Equals / Fn::Not / Fn::And / Fn::Or, and Condition. Long
 * (`Fn::Sub:` mapping) and short (`!Sub`, CFN_SCHEMA's Tag) forms both work.
 * Anything else, or a name that resolves to nothing, throws: a test never
 * mistakes an unknown function for a value. Dynamic references
 * (`{{resolve:...}}`) stay text, as CloudFormation resolves them only later,
 * when it executes the change set.
 */
import { Tag, isObj } from '../validators/util.ts';

export interface CfnContext {
	/** Parameter values given at deploy time; absent ones take the template's Default. */
	parameters?: Record<string, string>;
	/** Pseudo parameters, e.g. { 'AWS::Region': 'us-east-2', 'AWS::URLSuffix': 'amazonaws.com' }. */
	pseudo: Record<string, string>;
}

type Template = Record<string, unknown>;

/** The value of `value` in `template` under `ctx`. */
export function cfnEvaluate(template: Template, value: unknown, ctx: CfnContext): unknown {
	const params = isObj(template.Parameters) ? template.Parameters : {};
	const conditions = isObj(template.Conditions) ? template.Conditions : {};
	const ref = (name: string): string => {
		if (name in ctx.pseudo) return ctx.pseudo[name];
		if (!(name in params)) throw new Error(`Ref ${name}: no parameter or pseudo parameter of that name`);
		if (ctx.parameters && name in ctx.parameters) return ctx.parameters[name];
		const p = params[name];
		if (!isObj(p) || p.Default === undefined) throw new Error(`Ref ${name}: no value given and no Default`);
		return String(p.Default);
	};
	const condition = (name: unknown): boolean => {
		if (typeof name !== 'string' || !(name in conditions)) throw new Error(`condition ${String(name)} is not defined`);
		const v = ev(conditions[name]);
		if (typeof v !== 'boolean') throw new Error(`condition ${name} is not a boolean`);
		return v;
	};
	const sub = (arg: unknown): string => {
		const [text, locals] = Array.isArray(arg) ? [arg[0], isObj(arg[1]) ? arg[1] : {}] : [arg, {}];
		if (typeof text !== 'string') throw new Error('Fn::Sub needs a string');
		return text.replace(/\$\{(!?)([^}]*)\}/g, (_m, bang: string, name: string) => {
			if (bang) return '${' + name + '}';
			if (name in locals) return String(ev(locals[name]));
			if (name.includes('.')) throw new Error(`Fn::Sub \${${name}}: resource attributes are not evaluated here`);
			return ref(name);
		});
	};
	const fn = (name: string, arg: unknown): unknown => {
		switch (name) {
			case 'Ref':
				if (typeof arg !== 'string') throw new Error('Ref needs a name');
				return ref(arg);
			case 'Sub':
				return sub(arg);
			case 'If': {
				if (!Array.isArray(arg) || arg.length !== 3) throw new Error('Fn::If needs [condition, then, else]');
				return condition(arg[0]) ? ev(arg[1]) : ev(arg[2]);
			}
			case 'Equals': {
				if (!Array.isArray(arg) || arg.length !== 2) throw new Error('Fn::Equals needs two values');
				return String(ev(arg[0])) === String(ev(arg[1]));
			}
			case 'Not': {
				if (!Array.isArray(arg) || arg.length !== 1) throw new Error('Fn::Not needs one condition');
				const v = ev(arg[0]);
				if (typeof v !== 'boolean') throw new Error('Fn::Not of a non-boolean');
				return !v;
			}
			case 'And':
			case 'Or': {
				if (!Array.isArray(arg)) throw new Error(`Fn::${name} needs a list`);
				const vs = arg.map(ev);
				if (vs.some((v) => typeof v !== 'boolean')) throw new Error(`Fn::${name} of a non-boolean`);
				return name === 'And' ? vs.every(Boolean) : vs.some(Boolean);
			}
			case 'Condition':
				return condition(arg);
			default:
				throw new Error(`Fn::${name} is not evaluated here`);
		}
	};
	const ev = (v: unknown): unknown => {
		if (v instanceof Tag) return fn(v.tag, v.value);
		if (Array.isArray(v)) return v.map(ev);
		if (isObj(v)) {
			const keys = Object.keys(v);
			if (keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'))) return fn(keys[0].replace(/^Fn::/, ''), v[keys[0]]);
			return Object.fromEntries(keys.map((k) => [k, ev(v[k])]));
		}
		return v;
	};
	return ev(value);
}

/** The `Environment.Variables` of the template's one AWS::Serverless::Function, evaluated under `ctx`. */
export function functionEnvironment(template: Template, ctx: CfnContext): Record<string, string> {
	const resources = isObj(template.Resources) ? template.Resources : {};
	const fns = Object.values(resources).filter((r) => isObj(r) && r.Type === 'AWS::Serverless::Function');
	if (fns.length !== 1) throw new Error(`expected one AWS::Serverless::Function, found ${fns.length}`);
	const props = (fns[0] as Template).Properties;
	const vars = isObj(props) && isObj(props.Environment) && isObj(props.Environment.Variables) ? props.Environment.Variables : {};
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(vars)) {
		const value = cfnEvaluate(template, v, ctx);
		if (typeof value !== 'string') throw new Error(`${k} evaluates to ${JSON.stringify(value)}, not a string`);
		out[k] = value;
	}
	return out;
}
