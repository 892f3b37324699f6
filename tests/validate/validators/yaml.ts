/** Every YAML file: js-yaml must load all documents, and yamllint (trixie, `relaxed` preset, long lines allowed) must report nothing. */
import type { Finding, Validator } from '../registry.ts';
import { run, withWorkdir } from '../root.ts';
import { isYamlPath, loadYamlDocs } from './util.ts';

const CONFIG = 'extends: relaxed\nrules:\n  line-length: disable\n';

export const yamlSyntax: Validator = {
	id: 'yaml',
	tool: 'js-yaml loadAll + yamllint 1.37 relaxed (trixie)',
	role: 'secondary',
	chroot: true,
	match: isYamlPath,
	async check(files) {
		const out: Finding[] = [];
		for (const f of files) out.push(...loadYamlDocs(f.path, f.content).findings);
		await withWorkdir('yamllint', [...files.map((f, i) => ({ path: `f${i}.yaml`, content: f.content })), { path: '.lintcfg.yaml', content: CONFIG }], async (w) => {
			const r = await run(['yamllint', '-f', 'parsable', '-c', '.lintcfg.yaml', ...files.map((_, i) => `f${i}.yaml`)], { cwd: w.inRoot });
			for (const line of r.stdout.split('\n').filter(Boolean)) {
				const m = /^f(\d+)\.yaml:(\d+):\d+: (.*)$/.exec(line);
				if (m) out.push({ file: files[Number(m[1])].path, line: Number(m[2]), tool: 'yamllint', message: m[3] });
				else out.push({ file: files[0].path, tool: 'yamllint', message: line });
			}
			if (r.code !== 0 && !r.stdout.trim()) out.push({ file: files[0].path, tool: 'yamllint', message: r.stderr.slice(-1000) || `exit ${r.code}` });
		});
		return out;
	}
};
