// Diagnostic: where the time of one function goes in a saved CPU profile (`node scripts/bench-ui.mjs
// --profile <kind> --profile-out <file>`): self time of everything called under each function whose
// name starts with FN, and the call stacks (4 frames up) into it.
//   node scripts/diag/profile-under.mjs <file.cpuprofile> <FN> [n]
import { readFileSync } from 'node:fs';
import { profileTimes, top } from './profile-times.mjs';

const [file, fn, n = '30'] = process.argv.slice(2);
if (!file || !fn) {
	console.error('usage: node scripts/diag/profile-under.mjs <file.cpuprofile> <function name prefix> [n]');
	process.exit(1);
}
const { nodes, parent, dt, name, busy } = profileTimes(JSON.parse(readFileSync(file, 'utf8')));
const under = {};
const into = {};
let total = 0;
for (const [id, ms] of dt) {
	const chain = [];
	for (let m = id; m != null; m = parent.get(m)) chain.push(name(nodes.get(m)));
	const at = chain.findIndex((c) => c.startsWith(fn));
	if (at < 0) continue;
	total += ms;
	under[chain[0]] = (under[chain[0]] ?? 0) + ms;
	const k = chain.slice(at, at + 5).join(' < ');
	into[k] = (into[k] ?? 0) + ms;
}
console.log(`${fn}: ${total.toFixed(1)} ms of ${busy.toFixed(1)} ms busy\n\nSELF under ${fn}\n${top(under, +n)}\n\nSTACKS into ${fn}\n${top(into, 12)}`);
