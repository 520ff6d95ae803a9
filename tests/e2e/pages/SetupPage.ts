import { expect, type Locator, type Page } from '@playwright/test';

export interface SetupData {
  centreCode: string;
  centreName: string;
  /** As shown: '村（社区）', '镇（街道）' or '区'. */
  tierLabel: string;
  address?: string;
  phone?: string;
  committeeName: string;
  committeeAbbr: string;
  adminLogin: string;
  adminName: string;
  adminPassword: string;
}

/** 首次设置: the first screen of a new installation. */
export class SetupPage {
  readonly form: Locator;
  readonly casePreview: Locator;
  readonly submitButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: '首次设置' });
    this.casePreview = page.getByTestId('case-number-preview');
    this.submitButton = page.getByRole('button', { name: '完成设置' });
    this.error = this.form.getByRole('alert');
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: '首次设置', exact: true })).toBeVisible();
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async fill(d: SetupData) {
    await this.field('中心代码').fill(d.centreCode);
    await this.field('中心名称').fill(d.centreName);
    await this.form.getByRole('radio', { name: d.tierLabel, exact: true }).check({ force: true });
    if (d.address) await this.field('地址').fill(d.address);
    if (d.phone) await this.field('电话').fill(d.phone);
    await this.field('人民调解委员会名称').fill(d.committeeName);
    await this.field('案号简称').fill(d.committeeAbbr);
    await this.field('登录名').fill(d.adminLogin);
    await this.field('姓名').fill(d.adminName);
    await this.field('密码').fill(d.adminPassword);
    await this.field('确认密码').fill(d.adminPassword);
  }

  async submit() {
    await this.submitButton.click();
  }
}
