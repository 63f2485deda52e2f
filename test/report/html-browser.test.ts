/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser: the DOM types are for them.)

// The HTML reports opened in a real browser (headless Chromium, see
// test/support/browser.ts): no console error and no request but the file
// itself, every chart drawn with a mark per strategy (and hour), and the
// layout at a desktop and a phone width.
//
// The screenshot check pins layout properties rather than comparing pixels
// with a checked-in PNG: the figures in the report move with every change to
// the model (a new KPI, a fixed bug), and font rasterisation differs between
// machines, so a pixel tolerance loose enough to survive both would let a
// broken layout through. What breaks in practice is the page wider than the
// screen, a chart cut off or overlapping another, the table pushing the page
// sideways; those are asserted exactly. The PNG in the docs comes from
// `npm run docs:screenshot`.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../support/browser.js';
import { scratch, staffsimInProcess } from '../support/cli.js';

// The default scenario, short: one day, no warm-up (so every hour of day is measured), two replications.
const SHORT = ['--set', 'horizon=1d', '--set', 'warmup=0', '--replications', '2', '--jobs', '1'];

interface Opened {
  page: Page;
  /** Console errors, page errors and any request but the file itself. */
  problems: string[];
}

let browser: Browser;
const dir = scratch();
const files = { run: join(dir, 'run.html'), sweep: join(dir, 'sweep.html'), grid: join(dir, 'grid.html'), plan: join(dir, 'plan.html'), optimize: join(dir, 'optimize.html') };
// Small plan and search: three months of the plan fixture (two of its four strategies pay back), twelve candidates of a queue.
const PLAN = ['plan', 'test/fixtures/plan/dynamics.yaml', '--months', '3', '--replications', '2', '--jobs', '1'];
const OPTIMIZE = ['optimize', 'test/fixtures/erlang-a-queue.yaml', '--set', 'horizon=26h', '--strategy', 'staffed', '--constraint', 'service_level >= 0.8',
  '--decide', 'staff.employees.headcount=1:30', '--budget', '12', '--jobs', '1'];

beforeAll(async () => {
  const made = [
    await staffsimInProcess('run', ...SHORT, '--format', 'html', '--out', files.run),
    await staffsimInProcess('sweep', 'scenarios/klarna-2024.yaml', ...SHORT, '--strategy', 'hybrid', '--strategy', 'all-human',
      '--vary', 'ai.cost_per_conversation=0.5,1,2', '--format', 'html', '--out', files.sweep),
    await staffsimInProcess('sweep', 'scenarios/klarna-2024.yaml', ...SHORT, '--strategy', 'hybrid', '--replications', '1',
      '--vary', 'ai.cost_per_conversation=0.5,2', '--vary', 'ai.platform_cost_per_day=0,1000', '--kpi', 'cost_total,csat',
      '--format', 'html', '--out', files.grid),
  ];
  made.push(await staffsimInProcess(...PLAN, '--format', 'html', '--out', files.plan));
  const optimized = await staffsimInProcess(...OPTIMIZE, '--format', 'html');
  made.push(optimized);
  writeFileSync(files.optimize, optimized.stdout);
  for (const m of made) expect(m, m.stderr).toMatchObject({ code: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(file: string, width: number, height = 900): Promise<Opened> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems: string[] = [];
  const url = `file://${file}`;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url) problems.push(`request: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** Each chart's id, size, accessible name and data marks (count of drawn items per mark type). */
async function charts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg[data-chart]')].map((svg) => {
      const box = svg.getBoundingClientRect();
      const marks: Record<string, number> = {};
      for (const g of svg.querySelectorAll('g.role-mark')) {
        const type = /mark-(\w+)/.exec(g.getAttribute('class') ?? '')?.[1] ?? '?';
        marks[type] = (marks[type] ?? 0) + g.querySelectorAll('path, line, text').length;
      }
      return { id: (svg as SVGElement).dataset.chart, width: box.width, height: box.height, label: svg.getAttribute('aria-label') ?? '', marks };
    }),
  );
}

/** The strategies of the run, from its JSON twin (same flags): what the charts must show. */
async function runStrategies() {
  const { stdout } = await staffsimInProcess('run', ...SHORT, '--format', 'json');
  return (JSON.parse(stdout) as { strategies: { name: string; metrics: Record<string, { mean: number }> }[] }).strategies;
}

describe('HTML report in Chromium', () => {
  it('the run report opens with no console error and fetches nothing', async () => {
    const { page, problems } = await open(files.run, 1280);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the run report draws every chart, with a mark for each strategy (and each hour)', async () => {
    const strategies = await runStrategies();
    const withQueue = strategies.filter((s) => s.metrics.offered_to_humans.mean > 0).length;
    const withGig = strategies.filter((s) => s.metrics.gig_hours.mean > 0).length;
    const { page } = await open(files.run, 1280);
    const drawn = await charts(page);
    expect(drawn.map((c) => c.id)).toEqual(['cost-split', 'cost-csat', 'cost-service-level', 'service-level-by-hour', 'wait-by-hour', 'gig-earnings']);
    for (const c of drawn) {
      expect(c.width, c.id).toBeGreaterThan(300);
      expect(c.height, c.id).toBeGreaterThan(150);
      expect(c.label.length, c.id).toBeGreaterThan(40);
    }
    const by = Object.fromEntries(drawn.map((c) => [c.id, c.marks]));
    // Four parts of cost per strategy; a point per strategy (with a queue, against service level); 24 hours per strategy with a queue.
    expect(by['cost-split'].rect).toBe(4 * strategies.length);
    expect(by['cost-csat'].symbol).toBe(strategies.length);
    expect(by['cost-service-level'].symbol).toBe(withQueue);
    expect(by['service-level-by-hour'].symbol).toBe(24 * withQueue);
    expect(by['wait-by-hour'].symbol).toBe(24 * withQueue);
    expect(withGig).toBeGreaterThan(0);
    expect(by['gig-earnings'].rect).toBe(2 * withGig);
    await page.close();
  });

  it('the sweep reports open cleanly: a line per strategy for one key, a heat map cell per point for two', async () => {
    const line = await open(files.sweep, 1280);
    expect(line.problems).toEqual([]);
    const lines = await charts(line.page);
    expect(lines.map((c) => c.id)).toEqual(['sweep-cost_total', 'sweep-service_level', 'sweep-csat', 'sweep-wait_mean']);
    // Three values × two strategies.
    for (const c of lines) expect(c.marks.symbol, c.id).toBe(6);
    await line.page.close();

    const grid = await open(files.grid, 1280);
    expect(grid.problems).toEqual([]);
    const maps = await charts(grid.page);
    expect(maps.map((c) => c.id)).toEqual(['sweep-cost_total-hybrid', 'sweep-csat-hybrid']);
    // 2 × 2 points: a cell and its label each.
    for (const c of maps) expect([c.marks.rect, c.marks.text], c.id).toEqual([4, 4]);
    await grid.page.close();
  });

  it('the plan report opens cleanly: a line point per strategy and month in every chart, a rule at each payback month', async () => {
    const { stdout } = await staffsimInProcess(...PLAN, '--format', 'json');
    const plan = JSON.parse(stdout) as { months: number; strategies: { payback_month: string | null }[] };
    const lines = plan.strategies.length * plan.months;
    const paying = plan.strategies.filter((s) => s.payback_month !== null).length;
    expect(paying).toBeGreaterThan(0);
    const { page, problems } = await open(files.plan, 1280);
    expect(problems).toEqual([]);
    const drawn = await charts(page);
    expect(drawn.map((c) => c.id)).toEqual(['plan-cost-cumulative', 'plan-npv-cost', 'plan-customers', 'plan-csat', 'plan-workforce', 'plan-gig-earnings']);
    const by = Object.fromEntries(drawn.map((c) => [c.id, c.marks]));
    for (const id of ['plan-cost-cumulative', 'plan-npv-cost', 'plan-customers', 'plan-csat']) expect(by[id].symbol, id).toBe(lines);
    // Two figures each: employees and gig workers; the median and the lowest tenth.
    expect(by['plan-workforce'].symbol).toBe(2 * lines);
    expect(by['plan-gig-earnings'].symbol).toBe(2 * lines);
    expect(by['plan-cost-cumulative'].rule).toBe(paying);
    for (const c of drawn) expect(c.label.length, c.id).toBeGreaterThan(40);
    await page.close();
  });

  it('the optimize report opens cleanly: every candidate, its whisker, the bound and the best ringed', async () => {
    const { stdout } = await staffsimInProcess(...OPTIMIZE, '--format', 'json');
    const result = JSON.parse(stdout) as { candidates: unknown[]; best: unknown };
    expect(result.best).not.toBeNull();
    const { page, problems } = await open(files.optimize, 1280);
    expect(problems).toEqual([]);
    const drawn = await charts(page);
    expect(drawn.map((c) => c.id)).toEqual(['frontier-service_level']);
    // A point per candidate and the ring round the best; a whisker per candidate and the constraint's rule.
    expect(drawn[0].marks.symbol).toBe(result.candidates.length + 1);
    expect(drawn[0].marks.rule).toBe(result.candidates.length + 1);
    expect(await page.locator('.verdict').textContent()).toContain('95% one-sided confidence');
    await page.close();
  });

  for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
    it(`the plan and optimize reports lay out at a ${name} width (${width} px)`, async () => {
      for (const file of [files.plan, files.optimize]) {
        const { page } = await open(file, width, name === 'phone' ? 844 : 900);
        const layout = await page.evaluate(() => ({
          pageWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          figures: [...document.querySelectorAll('figure.chart')].map((f) => {
            const r = f.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
          tables: [...document.querySelectorAll('.scroll')].map((t) => t.getBoundingClientRect().right),
        }));
        expect(layout.pageWidth, file).toBeLessThanOrEqual(layout.viewport);
        for (const right of layout.tables) expect(right, file).toBeLessThanOrEqual(layout.viewport);
        expect(layout.figures.length, file).toBeGreaterThan(0);
        for (const f of layout.figures) {
          expect(f.left).toBeGreaterThanOrEqual(0);
          expect(f.right).toBeLessThanOrEqual(layout.viewport);
        }
        for (let i = 0; i < layout.figures.length; i++) {
          for (let j = i + 1; j < layout.figures.length; j++) {
            const a = layout.figures[i];
            const b = layout.figures[j];
            expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `${file}: charts ${i} and ${j}`).toBe(false);
          }
        }
        if (layout.figures.length > 1) expect(new Set(layout.figures.map((f) => Math.round(f.left))).size, file).toBe(name === 'phone' ? 1 : 2);
        await page.close();
      }
    });
  }

  for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
    it(`the default scenario's report lays out at a ${name} width (${width} px)`, async () => {
      const { page } = await open(files.run, width, name === 'phone' ? 844 : 900);
      const layout = await page.evaluate(() => {
        const figures = [...document.querySelectorAll('figure.chart')].map((f) => f.getBoundingClientRect());
        const table = document.querySelector('.scroll')!;
        return {
          pageWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          figures: figures.map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
          tableBox: table.getBoundingClientRect().right,
          tableScrolls: table.scrollWidth > table.clientWidth,
          verdictTop: document.querySelector('.verdict')!.getBoundingClientRect().top,
        };
      });
      // Nothing pushes the page sideways: a wide table scrolls inside its own box.
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.tableBox).toBeLessThanOrEqual(layout.viewport);
      if (name === 'phone') expect(layout.tableScrolls).toBe(true);
      // The verdict is on the first screen.
      expect(layout.verdictTop).toBeLessThan(400);
      for (const f of layout.figures) {
        expect(f.left).toBeGreaterThanOrEqual(0);
        expect(f.right).toBeLessThanOrEqual(layout.viewport);
      }
      // No two charts overlap; on a desktop they sit two abreast, on a phone one under another.
      for (let i = 0; i < layout.figures.length; i++) {
        for (let j = i + 1; j < layout.figures.length; j++) {
          const a = layout.figures[i];
          const b = layout.figures[j];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `charts ${i} and ${j}`).toBe(false);
        }
      }
      const columns = new Set(layout.figures.map((f) => Math.round(f.left))).size;
      expect(columns).toBe(name === 'phone' ? 1 : 2);
      const shot = await page.screenshot({ fullPage: true });
      // A PNG as wide as the viewport (its width is bytes 16-19 of the IHDR chunk).
      expect(shot.subarray(1, 4).toString()).toBe('PNG');
      expect(shot.readUInt32BE(16)).toBe(width);
      await page.close();
    });
  }

  it('is one file: no external script, style, image or font', () => {
    const html = readFileSync(files.run, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });
});
