/**
 * The page's state: the Config being edited, and what is derived from it
 * (validation messages, the file set, which files and lines just changed).
 * Invalid input stays in the config as typed (nothing is lost); the preview
 * keeps showing the last valid file set and says so.
 */
import type { BuildBackend, Config, Framework, PackageManager, ReadonlyConfig } from '../model/config.ts';
import { BACKENDS_FOR, DEFAULT_BACKEND, defaultConfig } from '../model/defaults.ts';
import { validateConfig, errorsByPath, type FieldError } from '../model/validate.ts';
import type { GeneratedFile } from '../generators/index.ts';

type GenerateFn = (config: ReadonlyConfig) => GeneratedFile[];

/**
 * The generators (with js-yaml and the full license texts) are the bulk of the
 * app's code; they load right after the first paint instead of with it, so the
 * first load stays small. Until then the preview shows that it is loading.
 */
function loadGenerators(): Promise<GenerateFn> {
	return import('../generators/index.ts').then((m) => m.generate);
}

export const STEPS = [
	{ id: 'project', title: 'Project' },
	{ id: 'dependencies', title: 'Dependencies' },
	{ id: 'packaging', title: 'Packaging' },
	{ id: 'deployment', title: 'Deployment' },
	{ id: 'services', title: 'Services' },
	{ id: 'review', title: 'Review' }
] as const;
export type StepId = (typeof STEPS)[number]['id'];

/** The wizard step where the field at `path` is edited. */
export function stepOf(path: string): StepId {
	if (/^project\.(dependencies|devDependencies)\b/.test(path)) return 'dependencies';
	if (path.startsWith('project.')) return 'project';
	if (path.startsWith('packaging.')) return 'packaging';
	if (path.startsWith('services.')) return 'services';
	if (path === 'target' || /^(docker|kubernetes|serverless|bareMetal)\./.test(path)) return 'deployment';
	return 'review';
}

/** The DOM id of the control editing `path`: `project.dependencies.2` -> `f-project-dependencies-2`. */
export function fieldId(path: string): string {
	return 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
}

export type LoadSource = { kind: 'preset'; id: string } | { kind: 'link' } | { kind: 'import'; what: string } | { kind: 'default' };

export class AppState {
	config: Config = $state(defaultConfig());
	errors: FieldError[] = $derived(validateConfig(this.config));
	errorMap: Map<string, string[]> = $derived(errorsByPath(this.errors));
	/** Set when a generator throws on a config the model accepts (a bug): shown, never a crash. */
	generatorError = $state('');
	#lastValid: GeneratedFile[] = [];
	/** The generate() function once its chunk has loaded. */
	#generate: GenerateFn | null = $state(null);
	/** False until the generators have loaded. */
	ready: boolean = $derived(this.#generate !== null);
	files: GeneratedFile[] = $derived.by(() => {
		const generate = this.#generate;
		if (!generate) return this.#lastValid;
		if (this.errors.length === 0) {
			try {
				this.#lastValid = generate(this.config);
			} catch (e) {
				queueMicrotask(() => (this.generatorError = `A generator failed: ${(e as Error).message}`));
				return this.#lastValid;
			}
			if (this.generatorError) queueMicrotask(() => (this.generatorError = ''));
		}
		return this.#lastValid;
	});
	stale: boolean = $derived(this.errors.length > 0);

	step: StepId = $state('project');
	/** Where the current config came from; the preset picker shows it. */
	source: LoadSource = $state({ kind: 'default' });
	/** JSON of the config as last loaded: the user's edits are what differs from it. */
	#baseline = $state(JSON.stringify(defaultConfig()));
	dirty: boolean = $derived(JSON.stringify(this.config) !== this.#baseline);
	/** The config before the last load, for "Undo". */
	undoConfig: Config | null = $state(null);
	undoLabel = $state('');

	/** Each manager's last chosen backend and each service's framework, restored on switching back. */
	#backendMemo: Partial<Record<PackageManager, BuildBackend>> = {};
	#frameworkMemo: Framework = 'fastapi';

	constructor() {
		if (typeof window !== 'undefined') {
			loadGenerators().then(
				(fn) => (this.#generate = fn),
				(e: unknown) => (this.generatorError = `The generators could not be loaded: ${(e as Error).message}. Reload the page.`)
			);
		}
	}

	/** Replace the whole config (preset, share link, import); the previous one can be restored with undo(). */
	load(config: Config, source: LoadSource, undoLabel = ''): void {
		this.undoConfig = undoLabel ? structuredClone($state.snapshot(this.config)) : null;
		this.undoLabel = undoLabel;
		this.config = config;
		this.source = source;
		this.#baseline = JSON.stringify(config);
		this.#backendMemo = {};
	}

	undo(): void {
		if (!this.undoConfig) return;
		const prev = this.undoConfig;
		this.undoConfig = null;
		this.undoLabel = '';
		this.config = prev;
		this.source = { kind: 'default' };
	}

	/** Switch manager, keeping a backend that fits (the last one chosen for that manager, else its default). */
	setManager(m: PackageManager): void {
		const pk = this.config.packaging;
		this.#backendMemo[pk.manager] = pk.backend;
		pk.manager = m;
		const remembered = this.#backendMemo[m];
		if (remembered && BACKENDS_FOR[m].includes(remembered)) pk.backend = remembered;
		else if (!BACKENDS_FOR[m].includes(pk.backend)) pk.backend = DEFAULT_BACKEND[m];
	}

	/** Switch kind; services get back the framework they had, others get "none". */
	setKind(kind: Config['project']['kind']): void {
		const p = this.config.project;
		if (p.framework !== 'none') this.#frameworkMemo = p.framework;
		p.kind = kind;
		p.framework = kind === 'service' ? this.#frameworkMemo : 'none';
	}

	/** Errors of one step, for the step tabs. */
	errorsIn(step: StepId): number {
		return this.errors.filter((e) => stepOf(e.path) === step).length;
	}
}

/** The config without Svelte proxies, for encoding and generators outside the reactive graph. */
export function plain(config: ReadonlyConfig): Config {
	return JSON.parse(JSON.stringify(config)) as Config;
}
