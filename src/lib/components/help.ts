/** Help texts from the model's CONFIG_SPEC, and small DOM helpers shared by components. */
import { CONFIG_SPEC, type FieldSpec } from '../model/schema.ts';

/** The spec of the field at a dotted path, e.g. `kubernetes.replicas`. */
export function specAt(path: string): FieldSpec | undefined {
	let spec: FieldSpec | undefined = CONFIG_SPEC;
	for (const key of path.split('.')) {
		if (!spec || spec.type !== 'object') return undefined;
		spec = spec.fields[key];
	}
	return spec;
}

/**
 * The wizard's help text of a field: the model's `help`, else its
 * description, with each `{name}` filled from `values` (what the step knows
 * now, e.g. the derived default).
 */
export function helpText(path: string, values: Readonly<Record<string, string>> = {}): string {
	const spec = specAt(path);
	const text = spec?.help ?? spec?.description ?? '';
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Save text as a file through a temporary object URL. */
export function downloadBlob(data: BlobPart, filename: string, type = 'text/plain;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copy text to the clipboard; falls back to a hidden textarea when the async API is unavailable. */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		const ta = document.createElement('textarea');
		ta.value = text;
		ta.setAttribute('readonly', '');
		ta.className = 'sr-only';
		document.body.append(ta);
		ta.select();
		let ok = false;
		try {
			ok = document.execCommand('copy');
		} catch {
			ok = false;
		}
		ta.remove();
		return ok;
	}
}
