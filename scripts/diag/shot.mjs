// Run from the repository root after `npm run build`: node scripts/diag/shot.mjs SELECTOR OUT.png [width]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
const [sel, out, width = '1280'] = process.argv.slice(2);
const port = 4800 + Math.floor(Math.random() * 100);
const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const b = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const p = await b.newPage({ viewport: { width: +width, height: 900 } });
await p.goto(`http://127.0.0.1:${port}/`);
await p.locator(sel).scrollIntoViewIfNeeded();
await p.waitForTimeout(800);
await p.locator(sel).screenshot({ path: out });
await b.close();
child.kill();
