// report.html in headless Chromium: what a person sees (summary, charts, the trajectory browser
// with a click through to an episode's code, output and verdict), with the network unused.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
if (!CHROMIUM) console.warn('skipping the report browser test: no chromium (scripts/setup.sh installs it)');

describe.skipIf(!CHROMIUM)('report.html in Chromium', () => {
  it('shows the summary, the charts, and an episode when clicked', async () => {
    const out = mkdtempSync(join(tmpdir(), 'r1ci-html-'));
    const run = await runCli([
      'eval',
      '--model',
      'oracle',
      '--tasks',
      'symbench.number_multiply',
      '--per-task',
      '6',
      '--out',
      out,
      '--no-progress',
    ]);
    expect(run.code).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${join(out, 'report.html')}`);
      expect(await page.locator('h1').innerText()).toBe('r1ci evaluation report');
      expect(await page.locator('table.summary tbody tr').count()).toBe(1);
      expect(await page.locator('table.summary tbody td').nth(1).innerText()).toBe('100.0%');
      expect(await page.locator('svg.chart').count()).toBe(3);
      expect(await page.locator('#list > div').count()).toBe(6);
      expect(await page.locator('#count').innerText()).toBe('6 episodes');
      await page.locator('#list > div').nth(4).click();
      const view = await page.locator('#view').innerText();
      expect(view).toMatch(/symbench\.number_multiply#4#0/);
      expect(view).toMatch(/verdict: correct · stop reason: final-answer · code calls: 1/);
      expect(view).toMatch(/print\(/);
      expect(view).toMatch(/Code Execution Results:/);
      await page.selectOption('#verdict', 'wrong');
      expect(await page.locator('#list > div').count()).toBe(0);
      await page.selectOption('#verdict', 'correct');
      expect(await page.locator('#list > div').count()).toBe(6);
      await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
