/** kustomization.yaml: `kubectl kustomize` (trixie's kubectl) renders it offline; the rendered objects are then checked like any manifest. */
import { loadAll } from 'js-yaml';
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';
import { checkK8sObject } from './kubernetes.ts';
import { base } from './util.ts';

export const kustomize: Validator = {
	id: 'kustomize',
	tool: 'kubectl kustomize (trixie) + the kubernetes checks on its output',
	role: 'primary',
	chroot: true,
	match: (path) => /^kustomization\.ya?ml$/.test(base(path)),
	reads: (set) => set.files.map((f) => f.path),
	async check(files, set) {
		const out: Finding[] = [];
		await withWorkdir('kustomize', set.files, async (w) => {
			for (const f of files) {
				const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '.';
				const r = await run(['kubectl', 'kustomize', dir], { cwd: w.inRoot, env: { KUBECONFIG: '/dev/null/none' } });
				if (r.code !== 0) {
					out.push({ file: f.path, tool: 'kubectl kustomize', message: r.stderr.trim().slice(0, 2000) || `exit ${r.code}` });
					continue;
				}
				const docs = loadAll(r.stdout).filter(Boolean);
				if (!docs.length) out.push({ file: f.path, tool: 'kubectl kustomize', message: 'renders no objects' });
				for (const [i, d] of docs.entries()) out.push(...(await checkK8sObject(`${f.path} (rendered)`, d, i)));
			}
		});
		return out;
	}
};
