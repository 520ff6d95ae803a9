/**
 * 统计考核 as the centre head uses it before the quarterly joint meeting: opens the dashboard for
 * the quarter, reads the figures, clicks a category to see the cases behind it and opens one,
 * exports the key-case list (督办清单), picks a wrong range (end before start) and an empty one.
 *
 * Seeded by the demo generator (`cli demo`), not under test here; the figures themselves are
 * checked against an independent oracle in tests/integration/stats.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { apiCall, apiLogin } from './support/api';
import { expect, test, type Host } from './support/host';
import { screenshotDir } from './support/paths';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';
import { StatsPage } from './pages/StatsPage';

// The demo centre's cases, generated before the host starts (cli demo refuses a data dir in use).
test.use({ hostSeed: 'demo' });

/** The calendar quarter of today at the centre. */
function thisQuarter() {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const last = new Date(Date.UTC(y, q * 3 + 3, 0)).getUTCDate();
  return { from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: `${y}-${String(q * 3 + 3).padStart(2, '0')}-${last}` };
}

async function openStats(page: import('@playwright/test').Page, host: Host) {
  // A script error leaves a blank page behind a passing check: collect them and fail on any.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  const shell = new ShellPage(page);
  await shell.expectShown();
  await shell.open('统计考核');
  const stats = new StatsPage(page);
  await stats.expectShown();
  return { stats, errors };
}

test('中心负责人查看本季度统计，点击纠纷类型查看案件，导出督办清单', async ({ page, host }) => {
  test.setTimeout(180_000);
  const session = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const quarter = thisQuarter();
  const d = await apiCall(host, 'stats.dashboard', quarter, session);
  expect(d.kpi.received).toBeGreaterThan(0);

  const { stats, errors } = await openStats(page, host);
  await stats.choosePeriod('本季度');
  await expect(page.getByRole('main')).toContainText(`${d.period.label}（${quarter.from} 至 ${quarter.to}）`);
  await expect(stats.kpi('received')).toContainText(String(d.kpi.received));
  await expect(stats.kpi('successful')).toContainText(String(d.kpi.successful));
  await expect(stats.kpi('overdue')).toContainText(String(d.kpi.overdue));
  await expect(page.getByRole('main')).toContainText('本期间尚未结束，数据统计至今日');
  await stats.chartsDrawn();
  await expect(page.getByRole('main')).not.toContainText('NaN');
  await snap(page, 'stats-dashboard');
  await stats.panel('按纠纷类型').screenshot({ path: `${screenshotDir}/stats-panel-category.png` });
  await stats.panel('月度趋势').screenshot({ path: `${screenshotDir}/stats-panel-trend.png` });

  // The rules beside a figure.
  await stats.panel('按纠纷类型').getByRole('button', { name: '按纠纷类型口径说明' }).click();
  await expect(page.getByRole('tooltip', { name: /按纠纷类型 · 口径说明/ })).toContainText('登记时间在统计期间内');
  await page.keyboard.press('Escape');

  // Click a category: the table behind the chart, the top category's 受理 count.
  const top = d.byCategory[0]!;
  await stats.showTable('按纠纷类型');
  await stats
    .panel('按纠纷类型')
    .getByRole('button', { name: `${top.label} 受理（登记）：${top.received}件`, exact: true })
    .click();
  await expect(stats.drawer).toBeVisible();
  await expect(stats.drawer).toContainText(`受理（登记）案件 · 纠纷类型：${top.label}`);
  await expect(stats.drawer).toContainText(`共 ${top.received} 件`);
  const links = stats.drawer.getByRole('table', { name: '统计明细案件列表' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBe(Math.min(top.received, 20));
  await page.screenshot({ path: `${screenshotDir}/stats-cases-drawer.png`, animations: 'disabled' });
  const href = await links.first().getAttribute('href');
  expect(href).toMatch(/^#\/cases\/[0-9a-f-]{36}$/);
  await links.first().click();
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}$/);
  await page.goBack();
  await stats.expectShown();

  // Export the key-case list (.docx) for the quarter.
  await stats.choosePeriod('本季度');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出督办清单' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^重点案件督办清单_截至\d{4}-\d{2}-\d{2}\.docx$/);
  const file = await download.path();
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('重点案件督办清单');
  expect(xml).toContain(SEED.centreName);
  const k = await apiCall(host, 'stats.keyCaseList', { period: quarter, pageSize: 1 }, session);
  expect(xml).toContain(`列入督办的重点案件共${k.counts.total}件`);
  if (k.rows[0]) expect(xml).toContain(k.rows[0].caseNumber);

  // And one table as Excel.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    stats.panel('月度趋势').getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe(`月度趋势_${quarter.from}_${quarter.to}.xlsx`);
  expect(errors).toEqual([]);
});

test('自定义范围：结束日期早于开始日期时提示错误；无数据的期间显示“本期间暂无数据”', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { stats, errors } = await openStats(page, host);
  await stats.customRange('2026-03-01', '2026-02-01');
  await expect(page.getByText('结束日期不能早于开始日期')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出督办清单' })).toBeDisabled();
  await snap(page, 'stats-range-error');

  await stats.customRange('2020-01-01', '2020-03-31');
  await expect(page.getByRole('main')).toContainText('2020年第一季度（2020-01-01 至 2020-03-31）');
  await expect(page.getByRole('main')).toContainText('本期间暂无数据');
  await expect(stats.kpi('successRate')).toContainText('—');
  await expect(stats.kpi('received')).toContainText('0');
  await expect(stats.panel('按纠纷类型')).toContainText('本期间暂无数据');
  await expect(page.getByRole('main')).not.toContainText('NaN');
  await snap(page, 'stats-empty');
  expect(errors).toEqual([]);
});
