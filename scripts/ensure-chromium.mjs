// Make sure a Chromium for the browser tests exists. Playwright never downloads
// a browser here: we drive Debian's Chromium (see shared/STACK.md).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH as path } from './chromium.mjs';

if (existsSync(path)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
	console.error(`Browser tests need Chromium at ${path}. Install it with:\n  sudo apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium binary.`);
	process.exit(1);
}
console.log('Installing Debian\'s chromium for the browser tests…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
if (!existsSync(path)) {
	console.error(`apt-get finished but ${path} is still missing.`);
	process.exit(1);
}
