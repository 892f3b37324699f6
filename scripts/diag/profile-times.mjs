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
