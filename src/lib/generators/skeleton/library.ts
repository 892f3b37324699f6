/** Library skeleton: a small, fully typed function (re-exported by `__init__.py`). */
import type { ReadonlyConfig } from '../../model/config.ts';
import type { GeneratedFile } from '../types.ts';
import { packageModule } from './common.ts';

export function libraryFiles(config: ReadonlyConfig): GeneratedFile[] {
	return [
		packageModule(config, 'core', {
			doc: "The library's public functions.",
			body: [
				'def greet(name: str, *, punctuation: str = "!") -> str:',
				'    """Return a greeting for ``name``.',
				'',
				'    >>> greet("world")',
				"    'Hello, world!'",
				'',
				'    Raises ValueError when ``name`` is blank.',
				'    """',
				'    cleaned = name.strip()',
				'    if not cleaned:',
				'        raise ValueError("name must not be blank")',
				'    return f"Hello, {cleaned}{punctuation}"'
			]
		})
	];
}
