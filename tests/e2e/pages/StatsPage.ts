import { expect, type Locator, type Page } from '@playwright/test';

/** 统计考核: period picker, KPI cards, chart panels (图表/表格), the cases drawer, the exports. */
export class StatsPage {
  readonly drawer: Locator;
  readonly rangeStart: Locator;
  readonly rangeEnd: Locator;

  constructor(readonly page: Page) {
    this.drawer = page.getByRole('dialog').filter({ has: page.getByRole('table', { name: '统计明细案件列表' }) });
    this.rangeStart = page.locator('#stats-range-start');
    this.rangeEnd = page.locator('#stats-range-end');
  }

  async expectShown() {
    await expect(this.page.getByRole('main').getByRole('heading', { name: '统计考核' })).toBeVisible();
  }

  async choosePeriod(label: '本月' | '本季度' | '本年' | '自定义范围') {
    await this.page.getByText(label, { exact: true }).click();
  }

  async customRange(from: string, to: string) {
    await this.choosePeriod('自定义范围');
    await this.rangeStart.click();
    await this.rangeStart.fill(from);
    await this.rangeStart.press('Enter');
    await this.rangeEnd.fill(to);
    await this.rangeEnd.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  kpi(key: 'received' | 'mediated' | 'successful' | 'successRate' | 'amount' | 'overdue'): Locator {
    return this.page.getByTestId(`kpi-${key}`);
  }

  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async showTable(panelTitle: string) {
    await this.panel(panelTitle).getByText('表格', { exact: true }).click();
  }

  /** Wait for every chart canvas to be drawn (ECharts renders after layout). */
  async chartsDrawn() {
    await expect(this.page.getByTestId('stats-chart').first().locator('canvas')).toBeVisible();
  }
}
