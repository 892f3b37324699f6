/** deploy/<script>.timer (command-line tools): the schedule, installed but not enabled. */
import type { ReadonlyConfig } from '../../../model/config.ts';
import { unitValue, writeUnit } from '../../writers/systemd.ts';
import { hostPaths } from './paths.ts';
import { GENERATED_BY as GENERATED } from '../../header.ts';

export function timer(config: ReadonlyConfig): string {
	const p = hostPaths(config);
	return writeUnit(
		[
			GENERATED,
			'Runs the command on a schedule (not enabled by install.sh). Change the time in a drop-in that install.sh never',
			`touches: systemctl edit ${p.timer}, with [Timer] OnCalendar= (empty, to clear) then OnCalendar=<yours>;`,
			`then: systemctl enable --now ${p.timer}`
		],
		[
			{ name: 'Unit', lines: [['Description', unitValue(`Run ${p.name} on a schedule`)]] },
			{
				name: 'Timer',
				lines: [
					['OnCalendar', '*-*-* 03:00:00'],
					['RandomizedDelaySec', '5min'],
					['Persistent', 'true'],
					['Unit', unitValue(p.unit)]
				]
			},
			{ name: 'Install', lines: [['WantedBy', 'timers.target']] }
		]
	);
}
