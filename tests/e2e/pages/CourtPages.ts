import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

/** Pick an option of the open antd select dropdown by its title. */
export async function pickOption(page: Page, title: string) {
  await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
}

/** 法院委派 › 委派案件: the docking point's home, the registration form and one referral's view. */
export class CourtReferralsPage {
  readonly table: Locator;
  readonly registerButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('main').locator('.ant-table').first();
    this.registerButton = page.getByRole('button', { name: '登记委派/委托案件' });
    this.dialog = page.getByRole('dialog', { name: '登记委派/委托案件' });
  }

  async open() {
    await new ShellPage(this.page).open('法院委派', '委派案件');
    await expect(this.page.getByRole('heading', { name: '委派案件' })).toBeVisible();
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  /** The registration's n-th party (1-based): the one party form, in its own card. */
  party(n: number): Locator {
    return this.dialog.getByTestId(`party-${n}`);
  }

  /** A panel of the case view by its title (法院委派, 司法确认, 回访, 牵头单位与责任人). */
  panel(title: string): Locator {
    return this.page.locator('.ant-card').filter({ has: this.page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
  }

  modal(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }
}

/** 统计考核 › 督办清单. */
export class SupervisionPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('main').locator('.ant-table');
  }

  async open() {
    await new ShellPage(this.page).open('统计考核', '督办清单');
    await expect(this.page.getByRole('heading', { name: '督办清单' })).toBeVisible();
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }
}

/** 调解员名册. */
export class RosterPage {
  constructor(readonly page: Page) {}

  async open() {
    await new ShellPage(this.page).open('调解员名册');
    await expect(this.page.getByRole('heading', { name: '调解员名册' })).toBeVisible();
  }

  /** The table of the tab on show (名册 or 履职记录). */
  visibleTable(): Locator {
    return this.page.getByRole('main').locator('.ant-table').filter({ visible: true }).first();
  }
}
