/**
 * The page's one piece of state: the Config being edited. Everything else —
 * validation messages, the file set — is derived from it. Invalid input stays
 * in the config as typed (nothing is lost); the preview keeps showing the
 * last valid file set and says so.
 */
import type { Config } from '../model/config.ts';
import { defaultConfig } from '../model/defaults.ts';
import { validateConfig, errorsByPath, type FieldError } from '../model/validate.ts';
import { generate, type GeneratedFile } from '../generators/index.ts';

export class AppState {
	config: Config = $state(defaultConfig());
	errors: FieldError[] = $derived(validateConfig(this.config));
	errorMap: Map<string, string[]> = $derived(errorsByPath(this.errors));
	#lastValid: GeneratedFile[] = [];
	files: GeneratedFile[] = $derived.by(() => {
		if (this.errors.length === 0) {
			this.#lastValid = generate(this.config);
		}
		return this.#lastValid;
	});
	stale: boolean = $derived(this.errors.length > 0);

	/** Replace the whole config (preset, share link, import). */
	load(config: Config): void {
		this.config = config;
	}
}
