import { expect, type Locator, type Page } from '@playwright/test';

/** 案件 list: the one search box, the list, the desk summary. */
export class CaseListPage {
  readonly search: Locator;
  readonly results: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('case-search').getByRole('searchbox');
    this.results = page.getByTestId('search-results');
    this.table = page.getByTestId('case-table');
  }

  async open() {
    await this.page.goto(new URL('#/cases', this.page.url()).toString());
    await expect(this.page.getByRole('heading', { name: '案件', exact: true })).toBeVisible();
  }

  async searchFor(q: string) {
    await this.search.fill(q);
    await this.search.press('Enter');
  }

  resultRow(caseNumber: string): Locator {
    return this.results.getByRole('row').filter({ hasText: caseNumber });
  }
}

export interface PartyValues {
  role?: '申请人' | '被申请人';
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

/** 登记案件. */
export class RegisterCasePage {
  readonly saveButton: Locator;
  readonly repeatWarning: Locator;

  constructor(readonly page: Page) {
    this.saveButton = page.getByRole('button', { name: /保存登记|仍然登记/ });
    this.repeatWarning = page.getByTestId('repeat-warning');
  }

  async open() {
    await this.page.getByRole('button', { name: '登记案件' }).click();
    await expect(this.page.getByRole('heading', { name: '登记案件' })).toBeVisible();
  }

  private async choose(label: string, option: string, scope: Locator = this.page.locator('body')) {
    await scope.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }

  async fillCase(v: { title: string; category: string; summary: string }) {
    await this.page.getByLabel('纠纷简述', { exact: true }).fill(v.title);
    await this.choose('纠纷类别', v.category);
    await this.page.getByLabel('事实经过', { exact: true }).fill(v.summary);
  }

  party(n: number): Locator {
    return this.page
      .locator('.ant-card-inner, .ant-card-type-inner')
      .filter({ hasText: `第 ${n} 名` })
      .first();
  }

  async fillParty(n: number, v: PartyValues) {
    const card = this.party(n);
    await card.getByLabel('姓名', { exact: true }).fill(v.name);
    if (v.idNumber) await card.getByLabel('证件号码', { exact: true }).fill(v.idNumber);
    if (v.phone) await card.getByLabel('联系电话', { exact: true }).fill(v.phone);
    if (v.address) await card.getByLabel('住址', { exact: true }).fill(v.address);
  }

  async save() {
    await this.saveButton.click();
  }
}

/** One case: actions, parties, mediators, sessions, timeline. */
export class CasePage {
  readonly caseNumber: Locator;
  readonly actions: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.caseNumber = page.getByTestId('case-number');
    this.actions = page.getByTestId('case-actions');
    this.dialog = page.getByRole('dialog');
  }

  async expectStatus(label: string) {
    await expect(this.page.locator('.ant-page-header, h3').filter({ hasText: label }).first()).toBeVisible();
  }

  /** Every step asks first (a dialog naming the case and the step), then toasts what it did. */
  async step(label: string, fill?: (dialog: Locator) => Promise<void>) {
    const caseNumber = (await this.caseNumber.textContent()) ?? '';
    await this.actions.getByRole('button', { name: label, exact: true }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog).toContainText(`${label}：${caseNumber}`);
    await expect(this.dialog).toContainText('办理后不能撤销');
    if (fill) await fill(this.dialog);
    await this.dialog.getByRole('button', { name: `确定${label}` }).click();
    await expect(this.dialog).toBeHidden();
  }

  async assignMediator(name: string) {
    await this.page.getByRole('button', { name: '指派调解员' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('radio', { name: '全部在册调解员' }).check();
    await this.dialog.getByLabel('调解员', { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByText(name).first().click();
    await this.dialog.getByRole('button', { name: '指派' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByTestId('case-mediators')).toContainText(name);
  }

  async recordSession(v: { place: string; participants: string; record: string }) {
    await this.page.getByRole('button', { name: '记录一次调解' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('调解地点', { exact: true }).fill(v.place);
    await this.dialog.getByLabel('参加人员', { exact: true }).fill(v.participants);
    await this.dialog.getByLabel(/调解情况/).fill(v.record);
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** 调查: the site seen or someone asked, recorded on the case for the 人民调解调查记录. */
  async recordInvestigation(v: { place: string; participants: string; record: string }) {
    await this.page.getByRole('button', { name: '记录一次调查' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByRole('radio', { name: '调查（调查记录）' })).toBeChecked();
    await this.dialog.getByLabel('调查地点', { exact: true }).fill(v.place);
    await this.dialog.getByLabel('被调查人及在场人员', { exact: true }).fill(v.participants);
    await this.dialog.getByLabel(/调查情况/).fill(v.record);
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async editTitle(title: string) {
    await this.page.getByTestId('edit-case').click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel('纠纷简述', { exact: true }).fill(title);
    await this.dialog.getByRole('button', { name: '保存' }).click();
  }
}
