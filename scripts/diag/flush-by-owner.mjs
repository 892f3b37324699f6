// Diagnostic: where the page's reactive updates (Svelte's flush) spend their time, by owner, from a saved
// CPU profile (`node scripts/bench-ui.mjs --profile <kind> --profile-out <file>`, on a SLIPWAY_NOMINIFY=1
// build for names). Each sample under `flush` goes to the innermost frame that lies inside a component
// (a top-level `function Name($$anchor, ...)` of the built chunk: Preview, FileTree, TextField, ...; its
// effects and closures included) or one of the page's own named steps (patchLines, rehighlight,
// generateFile, validateConfig, ...); the rest is Svelte's runtime.
//   node scripts/diag/flush-by-owner.mjs <file.cpuprofile> <build dir> [changes] [--text]
// --text: only the samples inside each change's window, from the event to the preview's first change
// (bench-ui writes the windows next to the profile, <file>.windows.json, on the page's clock, with a
// 3 ms named busy loop `__benchClock` that puts the profile's sample times on that clock), all of them,
// under flush or not (event dispatch, bindings and the quick path run outside Svelte's flush).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileTimes, samplesInWindows } from './profile-times.mjs';

const TEXT = process.argv.includes('--text');
const [file, dir, changes = '0'] = process.argv.slice(2).filter((a) => a !== '--text');
if (!file || !dir) {
	console.error('usage: node scripts/diag/flush-by-owner.mjs <file.cpuprofile> <build dir> [number of changes, for a per-change column]');
	process.exit(1);
}
const STEPS = /^(patchLines|rehighlight|highlight\w*|changedLines|generateFile|validateConfig|validationWarnings|errorsByPath|buildTree|visibleItems|internFiles|decodeFiles|#showEarly|#request|#lookAhead|#scheduleAhead|#neighbours)$/;
/** basename -> sorted [line (1-based), component name] of each chunk's components. */
const components = new Map();
const walk = (d) => {
	for (const e of readdirSync(d, { withFileTypes: true })) {
		if (e.isDirectory()) walk(join(d, e.name));
		else if (e.name.endsWith('.js')) {
			const starts = [];
			readFileSync(join(d, e.name), 'utf8')
				.split('\n')
				.forEach((l, i) => {
					const m = /^(?:export )?function (\w+)\(/.exec(l);
					if (m) starts.push([i + 1, /^\$\$anchor/.test(l.slice(m[0].length)) ? m[1] : null]);
				});
			components.set(e.name, starts);
		}
	}
};
walk(join(dir, '_app'));
/** The component whose top-level function encloses a frame, if any. */
const componentOf = (c) => {
	const starts = components.get(c.url.split('/').pop());
	if (!starts) return null;
	let at = null;
	for (const [line, name] of starts) {
		if (line > c.lineNumber + 1) break;
		at = name;
	}
	return at;
};
const profile = JSON.parse(readFileSync(file, 'utf8'));
const { nodes, parent, dt: all } = profileTimes(profile);
/** With --text: the sampled ms per node inside the windows (a sample's time is the end of its delta). */
const dt = TEXT ? inWindows() : all;
function inWindows() {
	const { windows, samples } = samplesInWindows(profile, file);
	const out = new Map();
	for (const [id, ms] of samples) out.set(id, (out.get(id) ?? 0) + ms);
	console.log(`${windows.length} windows, ${samples.length} samples inside`);
	return out;
}
const out = {};
let total = 0;
for (const [id, ms] of dt) {
	const chain = [];
	for (let m = id; m != null; m = parent.get(m)) chain.push(nodes.get(m).callFrame);
	if (!TEXT && !chain.some((c) => c.functionName === 'flush')) continue;
	if (/^\((idle|program|root|garbage collector)\)$/.test(chain[0].functionName)) {
		const k = chain[0].functionName;
		total += ms;
		out[k] = (out[k] ?? 0) + ms;
		continue;
	}
	total += ms;
	let label = TEXT && !chain.some((c) => c.functionName === 'flush') ? '(outside flush: events, bindings, runtime)' : '(svelte runtime / DOM)';
	for (const c of chain) {
		if (STEPS.test(c.functionName)) {
			label = c.functionName;
			break;
		}
		const comp = componentOf(c);
		if (comp) {
			label = comp;
			break;
		}
	}
	out[label] = (out[label] ?? 0) + ms;
}
const n = Number(changes);
console.log(`${TEXT ? 'event -> preview text' : 'flush'}: ${total.toFixed(1)} ms${n ? ` (${(total / n).toFixed(2)} ms per change)` : ''}`);
for (const [k, v] of Object.entries(out).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(8)}${n ? (v / n).toFixed(2).padStart(8) : ''}  ${k}`);
