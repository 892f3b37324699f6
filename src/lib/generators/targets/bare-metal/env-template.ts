/** deploy/env.template: the EnvironmentFile install.sh copies once. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { facts } from '../../../model/derive.ts';
import { deployValue, secretPlaceholder } from '../../../model/deploy-env.ts';
import { envLine } from '../../writers/systemd.ts';
import { hostPlace } from './paths.ts';
import { GENERATED_BY as GENERATED } from '../../header.ts';

export function envTemplate(config: ReadonlyConfig): string {
	const place = hostPlace(config);
	const lines = [`# ${GENERATED}`, '# systemd EnvironmentFile, installed once as /etc/<name>/env (root:<user>, 0640).', '# Replace every CHANGE-ME before the first start.'];
	for (const v of facts(config).env) {
		lines.push('', `# ${v.description.replace(/[\r\n]+/g, ' ')}`);
		lines.push(envLine(v.name, v.secret ? secretPlaceholder(v, place) : deployValue(v, place)));
	}
	if (config.project.kind === 'service') lines.push('', '# Worker processes of the app server.', envLine('WEB_CONCURRENCY', '2'));
	return lines.join('\n') + '\n';
}
