import { readFileSync } from 'node:fs';
// Self and inclusive time per function of a Chrome DevTools CPU profile (Profiler.stop's
// `profile`), shared by scripts/diag/cpu-profile.mjs and scripts/bench-ui.mjs --profile.

/** Frames that are not the page's own work. */
const NOT_WORK = /^\((idle|program|root)\)/;

/** @param {{ nodes: any[], samples: number[], timeDeltas: number[] }} profile */
export function profileTimes(profile) {
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	/** @type {Map<number, number>} */
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	/** @type {Map<number, number>} sampled milliseconds per node id */
	const dt = new Map();
	profile.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
	/** @param {any} n */
	const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
	/** @type {Record<string, number>} */
	const self = {};
	/** @type {Record<string, number>} */
	const incl = {};
	for (const [id, ms] of dt) {
		const n = nodes.get(id);
		self[name(n)] = (self[name(n)] ?? 0) + ms;
		const seen = new Set();
		for (let m = id; m != null; m = parent.get(m)) {
			const k = name(nodes.get(m));
			if (!seen.has(k)) (seen.add(k), (incl[k] = (incl[k] ?? 0) + ms));
		}
	}
	const busy = Object.entries(self)
		.filter(([n]) => !NOT_WORK.test(n))
		.reduce((t, [, v]) => t + v, 0);
	return { nodes, parent, dt, name, self, incl, busy };
}

/** The k largest entries of a name -> ms table, one per line, the page's own work only. */
export function top(table, k, pad = 8) {
	return Object.entries(table)
		.filter(([n]) => !NOT_WORK.test(n))
		.sort((a, b) => b[1] - a[1])
		.slice(0, k)
		.map(([n, v]) => `${v.toFixed(1).padStart(pad)} ${n}`)
		.join('\n');
}

/**
 * The samples of a bench profile that lie inside its change windows (event -> preview text):
 * `[node id, ms]` pairs, one per sample. bench-ui --profile-out writes the windows next to the
 * profile (<file>.windows.json, on the page's clock) with a 3 ms named busy loop `__benchClock`
 * that puts the profile's sample times on that clock.
 */
export function samplesInWindows(profile, file) {
	const { nodes, parent } = profileTimes(profile);
	const { clock, windows } = JSON.parse(readFileSync(`${file}.windows.json`, 'utf8'));
	const times = [];
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i] ?? 0));
	const isClock = (id) => {
		for (let m = id; m != null; m = parent.get(m)) if (nodes.get(m).callFrame.functionName === '__benchClock') return true;
		return false;
	};
	const first = profile.samples.findIndex(isClock);
	if (first < 0) throw new Error('no __benchClock sample in the profile');
	// The first sample inside the busy loop ends at most one interval after the loop began.
	const offset = times[first] / 1000 - clock;
	const out = [];
	profile.samples.forEach((id, i) => {
		const at = times[i] / 1000 - offset;
		if (windows.some(([a, b]) => at > a && at <= b)) out.push([id, (profile.timeDeltas[i + 1] ?? 0) / 1000]);
	});
	return { windows, samples: out };
}
