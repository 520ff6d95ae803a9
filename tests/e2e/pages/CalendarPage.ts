import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

/** 设置 › 节假日安排: the holiday years, the December warning, .ics import. */
export class CalendarPage {
  readonly table: Locator;
  readonly warning: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('calendar-years');
    this.warning = page.getByRole('main').getByTestId('calendar-warning');
  }

  async open() {
    await new ShellPage(this.page).open('设置', '节假日安排');
    await expect(this.page.getByRole('heading', { name: '节假日安排' })).toBeVisible();
  }

  row(year: number): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: String(year), exact: true }) });
  }

  /** Upload an .ics file through the import button's file chooser. */
  async importIcs(name: string, text: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入 .ics 日历文件' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/calendar', buffer: Buffer.from(text, 'utf8') });
  }
}
