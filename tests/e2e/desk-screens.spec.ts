/**
 * The desk's main pages on the office screens centres have (#18): 1366×768, the commonest, and
 * 1920×1080, on the demo centre's 400 cases. On each: the page never scrolls sideways (a wide table
 * scrolls inside itself), case numbers stay on one line, names and titles are not squeezed to a
 * character per line, and axe finds no serious or critical violation. Screenshots are kept.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

test.use({ hostSeed: 'demo' });

const PAGES = [
  { path: 'cases', heading: '案件' },
  { path: 'intake/review', heading: '待审核登记' },
  { path: 'court/referrals', heading: '委派案件' },
  { path: 'stats/supervision', heading: '督办清单' },
  { path: 'roster', heading: '调解员名册' },
  { path: 'stats/overview', heading: '统计考核' },
];

/** What does not fit, in words: the page's width, case numbers that wrap, cells a character wide. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The tests compile without the DOM library: the little of it used here, typed by hand.
    interface El {
      textContent: string | null;
      clientWidth: number;
      getClientRects(): { length: number };
      querySelectorAll(s: string): Iterable<El>;
    }
    const { document, innerWidth } = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number }; querySelector(s: string): El };
    };
    const out: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    const main = document.querySelector('main');
    for (const a of main.querySelectorAll('a, td, span')) {
      const text = (a.textContent ?? '').trim();
      if (/^（\d{4}）\S+字第\d+号$/.test(text) && a.getClientRects().length > 1) out.push(`case number on two lines: ${text}`);
    }
    for (const td of main.querySelectorAll('td')) {
      const text = (td.textContent ?? '').trim();
      if (/\p{Script=Han}{2,}/u.test(text) && td.clientWidth > 0 && td.clientWidth < 56)
        out.push(`cell ${td.clientWidth}px wide: ${text.slice(0, 12)}`);
    }
    return [...new Set(out)].slice(0, 12);
  });
}

for (const screen of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${screen.width}x${screen.height}`, () => {
    test.use({ viewport: screen });

    test(`工作台主要页面在 ${screen.width}×${screen.height} 上不横向滚动，案号不折行，无严重无障碍问题`, async ({ page, host }) => {
      test.setTimeout(150_000); // six pages, each with an accessibility scan
      await page.goto(host.url);
      await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
      const shell = new ShellPage(page);
      await shell.expectShown();
      const problems: string[] = [];
      for (const p of PAGES) {
        await page.goto(new URL(`#/${p.path}`, host.origin).href);
        await expect(shell.heading()).toHaveText(p.heading);
        await expect(page.locator('main .ant-spin-spinning')).toHaveCount(0);
        await snap(page, `desk-${screen.width}x${screen.height}-${p.path.replace('/', '-')}`);
        problems.push(...(await layoutProblems(page)).map((x) => `${p.path}: ${x}`));
        const { violations } = await new AxeBuilder({ page }).include('main').analyze();
        problems.push(
          ...violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${p.path}: axe ${v.id} ${v.nodes[0]?.failureSummary ?? ''} ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')}`,
            ),
        );
      }
      expect(problems).toEqual([]);
    });
  });
}
