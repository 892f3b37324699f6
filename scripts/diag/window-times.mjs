// Diagnostic: self and inclusive time per function inside the bench's change windows (event -> preview text) of a
// saved profile (`node scripts/bench-ui.mjs --profile <kind> --profile-out <file>`), per change.
//   node scripts/diag/window-times.mjs <file.cpuprofile> [changes=30]
import { readFileSync } from 'node:fs';
import { profileTimes, samplesInWindows } from './profile-times.mjs';

const [file, n = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const { nodes, parent } = profileTimes(profile);
const self = new Map();
const incl = new Map();
const name = (c) => `${c.functionName || '(anon)'} ${c.url.split('/').pop()}:${c.lineNumber + 1}`;
for (const [id, ms] of samplesInWindows(profile, file).samples) {
	const k = name(nodes.get(id).callFrame);
	self.set(k, (self.get(k) ?? 0) + ms);
	const seen = new Set();
	for (let m = id; m != null; m = parent.get(m)) {
		const f = name(nodes.get(m).callFrame);
		if (seen.has(f)) continue;
		seen.add(f);
		incl.set(f, (incl.get(f) ?? 0) + ms);
	}
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([a, v]) => `${(v / n).toFixed(3).padStart(8)}  ${a}`).join('\n');
console.log('SELF per change\n' + top(self, 45) + '\n\nINCL per change\n' + top(incl, 60));
