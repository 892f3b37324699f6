/** Small helpers shared by the skeleton modules. */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyFile, pyModule, type PyModuleParts } from '../writers/python.ts';

/** A Python source file from its lines. */
export function py(path: string, lines: readonly string[], mode?: number): GeneratedFile {
	const file: GeneratedFile = { path, content: pyFile(lines), language: 'python' };
	if (mode !== undefined) file.mode = mode;
	return file;
}

/** A Python module from its docstring, import groups and body (writers/python.ts pyModule). */
export function pyModuleFile(path: string, parts: PyModuleParts): GeneratedFile {
	return py(path, pyModule(parts));
}

/** A module of the package, `src/<pkg>/<name>.py` (derive.ts pkgDir), from its parts. */
export function packageModule(config: ReadonlyConfig, name: string, parts: PyModuleParts): GeneratedFile {
	return pyModuleFile(`${facts(config).pkgDir}/${name}.py`, parts);
}
