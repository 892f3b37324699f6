import type { ReadonlyConfig } from '../model/config.ts';

/** Languages the preview highlights. */
export type Language = 'toml' | 'yaml' | 'dockerfile' | 'python' | 'ini' | 'nginx' | 'shell' | 'markdown' | 'json' | 'text';

/** One generated file. `path` is relative to the project root, with `/` separators. */
export interface GeneratedFile {
	path: string;
	content: string;
	language?: Language;
	/** Unix file mode when not 0644, e.g. 0o755 for scripts. */
	mode?: number;
}

/**
 * A generator: a pure function of a read-only Config returning the files it
 * owns (or none when they do not apply). No DOM, no I/O, no randomness, no clock.
 */
export type Generator = (config: ReadonlyConfig) => GeneratedFile[];
