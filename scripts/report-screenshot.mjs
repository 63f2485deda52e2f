// Writes docs/images/report.png: the charts of the HTML report of the
// default scenario (short: two days, the first a warm-up, three
// replications) as headless Chromium shows them at 1100 px. docs/report.md
// shows it. Only the charts: the whole page (verdict, table, notes) is four
// times the bytes and is described in words there.
//
//   npm run docs:screenshot        (builds first; needs /usr/bin/chromium)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const out = 'docs/images/report.png';
const dir = mkdtempSync(join(tmpdir(), 'staffsim-screenshot-'));
const html = join(dir, 'report.html');
const args = ['bin/staffsim.js', 'run', '--set', 'horizon=2d', '--set', 'warmup=1d', '--replications', '3', '--format', 'html', '--out', html];
const made = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
if (made.status !== 0) process.exit(made.status ?? 1);

const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1100, height: 900 },
});
try {
  const page = await context.newPage();
  await page.goto(`file://${html}`, { waitUntil: 'load' });
  await page.locator('.charts').screenshot({ path: out });
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${out} (${statSync(out).size} bytes) from: staffsim ${args.slice(1, -2).join(' ')}`);
