/** Every preset x manager x layout/backend/workflow, for the packaging unit tests and the proof. */
import type { Config } from '../model/config.ts';
import { BACKENDS_FOR } from '../model/defaults.ts';
import { PRESETS } from '../model/presets.ts';

export interface PackagingCase {
	id: string;
	config: Config;
}

export function packagingVariants(): { id: string; edit: (c: Config) => void }[] {
	const out: { id: string; edit: (c: Config) => void }[] = [];
	for (const backend of BACKENDS_FOR.uv)
		out.push({ id: `uv-${backend}`, edit: (c) => (c.packaging = { ...c.packaging, manager: 'uv', backend }) });
	for (const layout of ['poetry2', 'classic'] as const)
		out.push({ id: `poetry-${layout}`, edit: (c) => (c.packaging = { ...c.packaging, manager: 'poetry', backend: 'poetry-core', poetryLayout: layout }) });
	for (const backend of BACKENDS_FOR.pip)
		for (const workflow of ['requirements', 'pip-tools'] as const)
			out.push({ id: `pip-${backend}-${workflow}`, edit: (c) => (c.packaging = { ...c.packaging, manager: 'pip', backend, pipWorkflow: workflow }) });
	return out;
}

export function packagingCases(): PackagingCase[] {
	const cases: PackagingCase[] = [];
	for (const preset of PRESETS)
		for (const v of packagingVariants()) {
			const config = preset.config();
			v.edit(config);
			cases.push({ id: `${preset.id}/${v.id}`, config });
		}
	return cases;
}
