// Diagnostic: self and inclusive time per function inside the bench's change windows (event -> preview text) of a
// saved profile (`node scripts/bench-ui.mjs --profile <kind> --profile-out <file>`), per change.
//   node scripts/diag/window-times.mjs <file.cpuprofile> [changes=30]
import { readFileSync } from 'node:fs';
import { profileTimes } from './profile-times.mjs';
const [file, n = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const { nodes, parent } = profileTimes(profile);
const { clock, windows } = JSON.parse(readFileSync(`${file}.windows.json`, 'utf8'));
const times = []; let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i] ?? 0));
const isClock = (id) => { for (let m = id; m != null; m = parent.get(m)) if (nodes.get(m).callFrame.functionName === '__benchClock') return true; return false; };
const first = profile.samples.findIndex(isClock);
const offset = times[first] / 1000 - clock;
const self = new Map(), incl = new Map();
const name = (c) => `${c.functionName || '(anon)'} ${c.url.split('/').pop()}:${c.lineNumber + 1}`;
profile.samples.forEach((id, i) => {
  const at = times[i] / 1000 - offset;
  if (!windows.some(([a, b]) => at > a && at <= b)) return;
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const k = name(nodes.get(id).callFrame); self.set(k, (self.get(k) ?? 0) + ms);
  const seen = new Set();
  for (let m = id; m != null; m = parent.get(m)) { const kk = name(nodes.get(m).callFrame); if (seen.has(kk)) continue; seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + ms); }
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([a, v]) => `${(v / n).toFixed(3).padStart(8)}  ${a}`).join('\n');
console.log('SELF per change\n' + top(self, 45) + '\n\nINCL per change\n' + top(incl, 60));
