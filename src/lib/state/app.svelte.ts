/**
 * The page's state: the Config being edited, and what is derived from it
 * (validation messages, the file set, which files and lines just changed).
 * Invalid input stays in the config as typed (nothing is lost); the preview
 * keeps showing the last valid file set and says so.
 */
import { untrack } from 'svelte';
import { PACKAGE_MANAGERS, type BuildBackend, type Config, type Framework, type PackageManager, type ReadonlyConfig } from '../model/config.ts';
import { BACKENDS_FOR, DEFAULT_BACKEND, defaultConfig } from '../model/defaults.ts';
import { validateConfig, validationWarnings, errorsByPath, type FieldError } from '../model/validate.ts';
import { onSpdxLoaded } from '#spdx';
import { isTargetField, TARGET_CHOICES } from '../model/targets.ts';
import { PRESETS } from '../model/presets.ts';
import type { GeneratedFile } from '../generators/index.ts';
import { afterPaint } from './after-paint.svelte.ts';
import { createEngine, loadFileGenerator, type Engine, type GenerateFile } from './engine.ts';

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
	if (/^project\.(dependencies|devDependencies|extras|dependencyGroups|devIncludes)\b/.test(path)) return 'dependencies';
	if (path.startsWith('project.')) return 'project';
	if (path.startsWith('packaging.')) return 'packaging';
	if (path.startsWith('services.')) return 'services';
	if (isTargetField(path)) return 'deployment';
	return 'review';
}

/** The DOM id of the control editing `path`: `project.dependencies.2` -> `f-project-dependencies-2`. */
export function fieldId(path: string): string {
	return 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
}

export type LoadSource = { kind: 'preset'; id: string } | { kind: 'link' } | { kind: 'import'; what: string } | { kind: 'default' } | { kind: 'restored' };

const NO_ERRORS: readonly string[] = Object.freeze([]);
/** How many of the worker's last answers AppState keeps (each shares most of its file objects with the others). */
const MAX_ANSWERS = 8;
/** The quiet time after an answer before the sets one click away are computed (typing does not start it). */
const AHEAD_AFTER_MS = 300;

/** Context key under which the wizard gives its steps' fields the page's AppState (NumberField reads it). */
export const APP_CONTEXT = 'slipway:app';

/** The JSON of one part of the config, a derived of its own. */
function partJson(read: () => unknown): () => string | undefined {
	const text = $derived(JSON.stringify(read()));
	return () => text;
}

export class AppState {
	config: Config = $state(defaultConfig());
	/** JSON of the config as last loaded: the user's edits are what differs from it. */
	#baseline = $state(JSON.stringify(defaultConfig()));
	/** The messages of the config as last loaded (see `errors`). */
	#baselineErrors: FieldError[] = $state.raw([]);
	/**
	 * The config's JSON text, once per change: what tells an edit from the
	 * loaded config, what the generators are sent, and what the page's address
	 * bar and storage compare against (start.svelte.ts), so none of them walks
	 * the config again.
	 */
	json: string = $derived.by(() => {
		const c = this.config;
		const out: string[] = [];
		for (const k in c) {
			const part = this.#parts.get(k)?.() ?? JSON.stringify(c[k as keyof Config]);
			if (part !== undefined) out.push(`${JSON.stringify(k)}:${part}`);
		}
		return `{${out.join()}}`;
	});
	/**
	 * The JSON of each part of the config (project, packaging, target, ...), each its own derived: JSON.stringify
	 * reads every value through the config's proxies (0.27 ms of a keystroke's task in the profile), and an edit
	 * changes one part (a keystroke in the name: the project's; a target switch: the target), so the others'
	 * text is the one kept. `json` joins them in the config's own key order: the same text as JSON.stringify(config).
	 */
	#parts = new Map(Object.keys(defaultConfig()).map((k) => [k, partJson(() => this.config[k as keyof Config])]));
	dirty: boolean = $derived(this.json !== this.#baseline);
	/**
	 * The model's messages for the config. Validation is a pure function of the
	 * config's JSON, so an unedited config (its JSON is the last loaded one) has
	 * the messages computed when it was loaded; the default config has none (the
	 * model's tests hold it to that). Loading the page thus validates nothing.
	 */
	/** Counts the SPDX License List's arrival (spdx-lazy.ts): licenses are checked against the full list from then on. */
	#spdxTick = $state(0);
	/**
	 * The same array while the messages stay the same (most edits change none): what reads them (every field's
	 * messages, the step tabs, the review, the preview's notice) is not run again for an equal list. (The advice
	 * below is not kept so: its readers are the fields' messages alone, each a lookup, and the page's first-load
	 * JS has no bytes to spare for it.)
	 */
	errors: FieldError[] = $derived.by(() => {
		void this.#spdxTick;
		const next = this.dirty ? validateConfig(this.config) : this.#baselineErrors;
		return (this.#lastErrors = sameMessages(this.#lastErrors, next) ? this.#lastErrors : next);
	});
	#lastErrors: FieldError[] = [];
	errorMap: Map<string, string[]> = $derived(errorsByPath(this.errors));
	/** Advice that does not block generation (validate.ts validationWarnings), by field. */
	warningMap: Map<string, string[]> = $derived.by(() => {
		void this.#spdxTick;
		return errorsByPath(validationWarnings(this.config));
	});
	/** Set when a generator throws on a config the model accepts (a bug): shown, never a crash. */
	generatorError = $state('');
	/**
	 * The file set of the last valid config. The generators run in a worker
	 * (engine.ts), so this follows the config a moment later; while the config
	 * is invalid it keeps the last valid set.
	 */
	files: GeneratedFile[] = $state.raw([]);
	/** False until the first file set has arrived. */
	ready = $state(false);
	/** True while the files lag behind the config (the generators are working on it). */
	pending = $state(false);
	/** Nothing is generated until something shows or needs the files (the preview, the review, a download). */
	#wanted = $state(false);
	#engine: Engine | null = null;
	/** The path the preview shows (the preview sets it): the file the quick path computes. */
	focus = $state('pyproject.toml');
	/**
	 * The file on screen as the newest valid config has it, computed in the
	 * page in the edit's own task (generators/index.ts `generateFile`), so the
	 * preview follows a keystroke at once; the worker's whole set (the tree,
	 * the other files, the zip) follows a moment later and replaces it. Null
	 * when the set has caught up, or the quick path is not loaded yet.
	 */
	early: { json: string; file: GeneratedFile } | null = $state.raw(null);
	#quick: GenerateFile | null = null;
	/**
	 * File sets by config JSON: the worker's last answers (#answers), and the
	 * sets of the configs one click away (#ahead: each other target, manager
	 * and preset), which the worker computes while the page is idle
	 * (#lookAhead). Switching to one of them shows its whole set (tree
	 * included) in the click's own task. The generators are pure functions of
	 * the config, so an entry never goes stale.
	 */
	#answers = new Map<string, GeneratedFile[]>();
	#ahead = new Map<string, GeneratedFile[]>();
	/** The JSON of the newest valid config: an older run's answer that arrives after it was shown from #answers or #ahead is not shown. */
	#newest = '';
	#aheadTimer: ReturnType<typeof setTimeout> | undefined;
	#refused = new Set<string>();
	#quickLoading = false;
	#queued: string | null = null;
	#settled: Array<() => void> = [];
	stale: boolean = $derived(this.errors.length > 0);

	step: StepId = $state('project');
	/**
	 * Text typed into fields whose model value cannot hold it (a number field's
	 * "12x" or "5000"), by model path: kept with the configuration in the
	 * browser's storage, so a reload shows what was typed, with its message.
	 */
	drafts: Record<string, string> = $state({});
	/** Where the current config came from; the preset picker shows it. */
	source: LoadSource = $state({ kind: 'default' });
	/** The config before the last load, for "Undo". */
	undoConfig: Config | null = $state(null);
	undoLabel = $state('');

	/** Each manager's last chosen backend and each service's framework, restored on switching back. */
	#backendMemo: Partial<Record<PackageManager, BuildBackend>> = {};
	#frameworkMemo: Framework = 'fastapi';

	constructor() {
		if (typeof window !== 'undefined') {
			// The browser loads the SPDX License List when a license first needs it: validate again then.
			onSpdxLoaded(() => {
				if (!this.dirty) this.#baselineErrors = validateConfig(this.config);
				// The sets kept are of configs valid before the full list was known: #first shows only a valid one's.
				for (const kept of [this.#answers, this.#ahead]) for (const json of kept.keys()) if (validateConfig(JSON.parse(json) as Config).length) kept.delete(json);
				this.#spdxTick++;
			});
			// Each valid config (its JSON reads it deeply, so any edit counts) is sent to the generators.
			// A pre-effect: the request leaves before the page's DOM updates of the same change run,
			// so the worker generates while the main thread updates the form.
			$effect.pre(() => {
				if (!this.#wanted || this.errors.length > 0) return;
				const json = this.json;
				this.#newest = json;
				const known = this.#answers.get(json) ?? this.#ahead.get(json);
				if (known) {
					// Computed already (an answer, or ahead): the whole set now, no worker round trip.
					untrack(() => {
						this.#queued = null;
						this.early = null;
						this.files = known;
						this.generatorError = '';
						// The sets one click away from this one, when the page is quiet again.
						if (!this.pending) this.#scheduleAhead();
					});
					return;
				}
				untrack(() => this.#showEarly(json));
				this.#request(json);
			});
		}
	}

	/** The quick path: the file on screen for this config, now (see `early`). A failure leaves it to the worker. */
	#showEarly(json: string): void {
		if (!this.#quick || !this.ready) return;
		let file: GeneratedFile | null = null;
		try {
			file = this.#quick(JSON.parse(json) as Config, this.focus);
		} catch {
			file = null;
		}
		this.early = file ? { json, file } : null;
	}

	/** Load the quick path (once; the page calls it when the user first reaches for the form). Without it the worker alone updates the preview. */
	warmQuick(): void {
		if (this.#quick || this.#quickLoading || typeof window === 'undefined') return;
		this.#quickLoading = true;
		loadFileGenerator().then(
			(f) => {
				this.#quick = f;
				// Its first run runs every generator once (to learn who writes what) and unpacks the license texts:
				// done now, while the page is idle, not in the task of the first edit.
				const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 0));
				idle(() => {
					try {
						f(JSON.parse(this.json) as Config, this.focus);
					} catch {
						// Nothing to learn from a config the generators refuse; the worker reports it.
					}
				});
			},
			() => {}
		);
	}

	/** Generate for a config (its JSON text); while a run is under way only the newest config waits its turn. */
	#request(json: string): void {
		// Read untracked: this runs inside the effect that follows the config, which must not follow `pending`.
		if (untrack(() => this.pending)) {
			this.#queued = json;
			return;
		}
		this.pending = true;
		this.#engine ??= createEngine();
		this.#engine
			.runJson(json)
			.then(
				(files) => {
					this.#remember(json, files);
					// A newer config was shown from #answers or #ahead meanwhile (and none is queued): this answer is history.
					if (json !== this.#newest && this.#queued === null) return;
					this.files = files;
					if (this.early?.json === json) this.early = null;
					this.generatorError = '';
				},
				(e: unknown) => {
					this.generatorError = `The files could not be generated: ${(e as Error).message}`;
				}
			)
			.finally(() => {
				this.ready = true;
				this.pending = false;
				const next = this.#queued;
				this.#queued = null;
				if (next) this.#request(next);
				else {
					for (const done of this.#settled.splice(0)) done();
					this.#scheduleAhead();
				}
			});
	}

	/** Keep an answer by its config's JSON (the oldest leave first). */
	#remember(json: string, files: GeneratedFile[]): void {
		this.#answers.delete(json);
		this.#answers.set(json, files);
		while (this.#answers.size > MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value!);
	}

	/** Once the page has been quiet for a moment, compute the sets one click away (one at a time, each in idle time). */
	#scheduleAhead(): void {
		clearTimeout(this.#aheadTimer);
		if (typeof window === 'undefined') return;
		this.#aheadTimer = setTimeout(() => this.#lookAhead(), AHEAD_AFTER_MS);
	}

	#lookAhead(): void {
		if (this.pending || !this.#engine) return;
		const from = this.#newest;
		const around = this.#neighbours(from);
		// The sets one click away from an older config leave (the presets' stay: they are one click away from anywhere).
		const keep = new Set(around);
		for (const json of this.#ahead.keys()) if (!keep.has(json)) this.#ahead.delete(json);
		const next = around.find((json) => !this.#ahead.has(json) && !this.#answers.has(json) && !this.#refused.has(json));
		if (!next) return;
		const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
		const go = () => {
			// Something changed meanwhile: its own answer schedules the look-ahead again.
			if (this.pending || this.#newest !== from || !this.#engine) return;
			this.#engine.ahead(next).then(
				(files) => {
					// Kept even if the config changed meanwhile (a preset's set is one click away from anywhere); the next pass prunes.
					// Only a valid config's: #first shows a kept set before its config is checked.
					if (validateConfig(JSON.parse(next) as Config).length) this.#refused.add(next);
					else {
						this.#ahead.set(next, files);
						this.onAhead?.(files);
					}
					if (this.#newest === from && !this.pending) this.#lookAhead();
				},
				// A config the generators refuse (the model would flag it): not kept, and not asked for again.
				() => {
					this.#refused.add(next);
					if (this.#newest === from && !this.pending) this.#lookAhead();
				}
			);
		};
		if (idle) idle(go, { timeout: 500 });
		else go();
	}

	/** The JSON of each config one click away from `json`: every other target, every other manager (as setManager picks its backend), every preset. */
	#neighbours(json: string): string[] {
		const out: string[] = [];
		const base = JSON.parse(json) as Config;
		for (const t of TARGET_CHOICES) {
			if (t.value === base.target) continue;
			const c = JSON.parse(json) as Config;
			c.target = t.value;
			out.push(JSON.stringify(c));
		}
		for (const m of PACKAGE_MANAGERS) {
			if (m === base.packaging.manager) continue;
			const c = JSON.parse(json) as Config;
			this.#switchManager(c, m, { ...this.#backendMemo });
			out.push(JSON.stringify(c));
		}
		for (const p of PRESETS) out.push((this.#presetJson[p.id] ??= JSON.stringify(p.config())));
		return out;
	}
	#presetJson: Record<string, string> = {};

	/** Start generating (and keep the files following the config). Called by whatever shows the files. */
	wantFiles(): void {
		this.#wanted = true;
	}

	/** The file set once the generators have caught up with the current config (for the zip and the script). */
	current(): Promise<GeneratedFile[]> {
		this.wantFiles();
		if (!this.pending && this.ready) return Promise.resolve(this.files);
		return new Promise((resolve) => this.#settled.push(() => resolve(this.files)));
	}

	/** A change put off by #first until the painted frame (null when none waits). */
	#later: (() => void) | null = null;
	/** Told of each set computed ahead (the preview prepares its file on screen: highlight/incremental.ts `prepare`). */
	onAhead: ((files: GeneratedFile[]) => void) | null = null;

	/**
	 * Preview first (issue 18.15), for a click whose file set is known already (#answers, #ahead: each other
	 * manager, target and preset): the click's own task shows that set, and `apply` changes the config (and
	 * with it the form, the link, the storage) after the painted frame. `next` is the JSON the change gives.
	 * Without a known set, `apply` runs at once. A change still waiting applies before this one is looked at.
	 */
	#first(next: () => string, apply: () => void): void {
		this.#applyLater();
		const json = next();
		const files = this.ready ? (this.#answers.get(json) ?? this.#ahead.get(json)) : undefined;
		if (!files) return apply();
		this.#newest = json;
		this.#queued = null;
		this.early = null;
		this.files = files;
		this.generatorError = '';
		this.#later = apply;
		afterPaint(() => this.#applyLater());
	}

	#applyLater(): void {
		const apply = this.#later;
		this.#later = null;
		apply?.();
	}

	/** An edit, preview first (#first): `change` is made on a copy of the config for its JSON (`trial`), then on the config. */
	#edit(change: (c: Config, trial: boolean) => void): void {
		this.#first(
			() => {
				const c = JSON.parse(this.json) as Config;
				change(c, true);
				return JSON.stringify(c);
			},
			() => change(this.config, false)
		);
	}

	/** `load` for a click (a preset): preview first (#first). */
	choose(config: Config, source: LoadSource, undoLabel = ''): void {
		this.#first(
			() => JSON.stringify(config),
			() => this.load(config, source, undoLabel)
		);
	}

	/** Replace the whole config (preset, share link, import); the previous one can be restored with undo(). */
	load(config: Config, source: LoadSource, undoLabel = ''): void {
		this.undoConfig = undoLabel ? structuredClone($state.snapshot(this.config)) : null;
		this.undoLabel = undoLabel;
		this.config = config;
		this.source = source;
		this.#baseline = JSON.stringify(config);
		this.#baselineErrors = validateConfig(config);
		this.#backendMemo = {};
		this.drafts = {};
	}

	undo(): void {
		if (!this.undoConfig) return;
		const prev = this.undoConfig;
		this.undoConfig = null;
		this.undoLabel = '';
		this.config = prev;
		this.source = { kind: 'default' };
	}

	/** Switch target: preview first (#first). */
	setTarget(t: Config['target']): void {
		this.#edit((c) => (c.target = t));
	}

	/** Switch manager, keeping a backend that fits (the last one chosen for that manager, else its default). */
	setManager(m: PackageManager): void {
		this.#edit((c, trial) => this.#switchManager(c, m, trial ? { ...this.#backendMemo } : this.#backendMemo));
	}

	#switchManager(config: Config, m: PackageManager, memo: Partial<Record<PackageManager, BuildBackend>>): void {
		const pk = config.packaging;
		memo[pk.manager] = pk.backend;
		pk.manager = m;
		const remembered = memo[m];
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

	/** The messages of one field (a dotted model path), empty when it is valid. */
	errorsAt(path: string): readonly string[] {
		return this.errorMap.get(path) ?? NO_ERRORS;
	}

	/** The warnings of one field: shown under it, generation goes on. */
	warningsAt(path: string): readonly string[] {
		return this.warningMap.get(path) ?? NO_ERRORS;
	}

	/** Errors of one step, for the step tabs. */
	errorsIn(step: StepId): number {
		return this.errors.filter((e) => stepOf(e.path) === step).length;
	}
}

/** Whether two lists of messages say the same, field for field, in the same order. */
function sameMessages(a: readonly FieldError[], b: readonly FieldError[]): boolean {
	return a.length === b.length && a.every((e, i) => e.path === b[i].path && e.message === b[i].message);
}

/** The config without Svelte proxies, for encoding and generators outside the reactive graph. */
export function plain(config: ReadonlyConfig): Config {
	return JSON.parse(JSON.stringify(config)) as Config;
}
