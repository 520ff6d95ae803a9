/**
 * A mediator prints the mediation agreement of an agreed case: edits a term in the 调解协议内容
 * card, previews the print view, prints it (in the browser host: the browser's print dialog on a
 * hidden frame, stubbed here so the test can see what was printed) and finds it in the case's
 * document register as version 1, printed once; downloads the Word file; then changes a term and
 * prints again → version 2, version 1 kept and marked as superseded.
 *
 * Seeded over the API (not under test here): the mediator's account, the roster entry and the
 * case's life cycle up to the agreement (register → accept → assign → start → agree).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { screenshotDir } from './support/paths';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { CasePage } from './pages/CasePages';
import { LoginPage } from './pages/LoginPage';
import { makeResidentId } from '../../electron/common/domain/identity';
import type { Locator, Page } from '@playwright/test';

test.use({ hostSeed: 'api' });

const MEDIATOR_USER = { loginName: 'chenxl', displayName: '陈秀兰', password: 'Tiaojie2026', role: 'mediator' as const };
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const plusDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The 文书 panel of the case page. */
class DocumentsPanel {
  readonly root: Locator;
  readonly types: Locator;
  readonly register: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('documents-panel');
    this.types = this.root.getByTestId('document-types');
    this.register = this.root.getByTestId('document-register');
    this.preview = page.getByRole('dialog').filter({ hasText: '预览：' });
  }

  typeRow(title: string): Locator {
    return this.types.getByRole('row').filter({ hasText: title });
  }

  registerRows(title: string): Locator {
    return this.register.locator('tbody tr').filter({ hasText: title });
  }
}

/** What the stubbed window.print saw: the text of each document printed, in order. */
const printed = (page: Page) => page.evaluate(() => (globalThis as unknown as { __printed?: string[] }).__printed ?? []);

test('调解员编辑协议条款，预览并打印调解协议书，文书登记显示第1版、第2版', async ({ page, host }) => {
  test.setTimeout(150_000);
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const m = await apiCall(
    host,
    'mediators.create',
    { name: '陈秀兰', kind: 'resident', organisation: '牧野区人民调解委员会', phone: '13700003333', specialties: ['housing_homestead'] },
    admin,
  );
  // Her account is her roster record: assigned to the case below, she may run it (common/access.ts).
  await apiCall(host, 'users.create', { ...MEDIATOR_USER, mediatorId: m.id }, admin);
  let c = await apiCall(
    host,
    'cases.register',
    {
      title: '宅基地边界纠纷',
      category: 'housing_homestead',
      source: 'walk_in',
      tier: 'district',
      summary: '申请人与被申请人系东西邻居，因院墙翻建占用宅基地边界约0.3米发生争执。',
      claims: '请求被申请人拆除越界部分院墙。',
      parties: [
        {
          role: 'applicant',
          kind: 'person',
          name: '张建国',
          idType: 'resident_id',
          idNumber: makeResidentId('410711', '1968-03-12', 31),
          phone: '13803731234',
          address: '新乡市牧野区王村镇王村1号',
        },
        {
          role: 'respondent',
          kind: 'person',
          name: '李秀英',
          idType: 'resident_id',
          idNumber: makeResidentId('410711', '1975-11-02', 42),
          phone: '13903735678',
          address: '新乡市牧野区王村镇王村3号',
        },
      ],
    },
    admin,
  );
  c = await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'accept' }, admin);
  c = await apiCall(host, 'cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, admin);
  c = await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'start' }, admin);
  c = await apiCall(
    host,
    'cases.step',
    {
      id: c.id,
      version: c.version,
      action: 'agree',
      agreement: {
        responsibility: '被申请人翻建院墙越界，应承担全部责任。',
        terms: ['被申请人拆除越界院墙', '拆除费用由被申请人承担'],
        performanceMethod: '被申请人自行拆除',
        performanceDeadline: plusDays(today(), 30),
      },
      agreementEffectiveAt: today(),
    },
    admin,
  );

  // The browser's print dialog cannot be driven: every frame's print() records what it would print.
  await page.addInitScript(() => {
    const g = globalThis as unknown as { print(): void; top: { __printed?: string[] }; document: { body: { innerText: string } | null } };
    g.print = function print() {
      (g.top.__printed ??= []).push(g.document.body?.innerText ?? '');
    };
  });
  await page.goto(host.url);
  await new LoginPage(page).login(MEDIATOR_USER.loginName, MEDIATOR_USER.password);
  await expect(page.getByText(MEDIATOR_USER.displayName).first()).toBeVisible();
  await page.goto(`${host.origin}#/cases/${c.id}`);
  const casePage = new CasePage(page);
  await expect(casePage.caseNumber).toHaveText(c.caseNumber);
  const docs = new DocumentsPanel(page);
  await expect(docs.typeRow('人民调解协议书')).toContainText('可制作');
  // Why a document does not fit is said in the list.
  await expect(docs.typeRow('无争议事实记载')).toContainText('本案已达成调解协议，无需制作无争议事实记载');
  await expect(docs.register).toContainText('尚未制作文书');

  // Edit the first term in the 调解协议内容 card and save.
  const card = page.getByTestId('agreement-card');
  const term1 = '被申请人于三十日内自行拆除越界部分院墙（约0.3米），恢复原宅基地边界';
  await card.locator('#agreement_terms_0').fill(term1);
  await card.getByRole('button', { name: '保存协议内容' }).click();
  await expect(page.getByText('已保存协议内容')).toBeVisible();

  // Preview: the print view in a sandboxed frame, with the edited term.
  await docs.typeRow('人民调解协议书').getByRole('button', { name: '预览' }).click();
  await expect(docs.preview).toBeVisible();
  const frame = docs.preview.frameLocator('[data-testid="document-preview"]');
  await expect(frame.locator('body')).toContainText(`一、${term1}`);
  await expect(frame.locator('body')).toContainText(`编号：${c.caseNumber}`);
  await expect(frame.locator('body')).toContainText('本协议一式三份');
  await expect(docs.preview.locator('iframe')).toHaveAttribute('sandbox', '');
  await snap(page, 'documents-preview');
  await docs.preview.screenshot({ path: path.join(screenshotDir, 'documents-preview-dialog.png'), animations: 'disabled' });

  // Print from the preview: registered as version 1, printed, and the print showed the edited term.
  await docs.preview.getByRole('button', { name: '打印' }).click();
  await expect(page.getByText('已打印：人民调解协议书 第1版')).toBeVisible();
  await expect(docs.preview).toBeHidden();
  expect(await printed(page)).toHaveLength(1);
  expect((await printed(page))[0]).toContain(term1);
  expect((await printed(page))[0]).toContain('牧野区人民调解委员会（印）');
  const v1 = docs.registerRows('人民调解协议书');
  await expect(v1).toHaveCount(1);
  await expect(v1).toContainText('第1版');
  await expect(v1).toContainText('已打印 1 次');
  await expect(v1).toContainText(MEDIATOR_USER.displayName);
  await expect(docs.typeRow('人民调解协议书')).toContainText('第1版');

  // The Word file of what was printed, as a download.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    docs.typeRow('人民调解协议书').getByRole('button', { name: '下载 Word' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${c.caseNumber}-人民调解协议书-第1版.docx`);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  expect(await zip.file('word/document.xml')!.async('string')).toContain(term1);
  await expect(v1).toHaveCount(1);
  await snap(page, 'documents-printed');

  // The signed copy came back (the box follows the register, so it is ticked once saved).
  await v1.getByRole('checkbox', { name: '已收回签字件' }).click();
  await expect(v1.getByRole('checkbox', { name: '已收回签字件' })).toBeChecked();

  // Change a term, save, print again: version 2; version 1 is kept and marked as superseded.
  const term2 = '拆除费用及恢复原状的费用由被申请人承担，申请人给予必要配合';
  await card.locator('#agreement_terms_1').fill(term2);
  await card.getByRole('button', { name: '保存协议内容' }).click();
  await expect(page.getByText('已保存协议内容').last()).toBeVisible();
  await docs.typeRow('人民调解协议书').getByRole('button', { name: '打印' }).click();
  await expect(page.getByText('已打印：人民调解协议书 第2版（内容有变化，已登记为新版本）')).toBeVisible();
  expect(await printed(page)).toHaveLength(2);
  expect((await printed(page))[1]).toContain(`二、${term2}`);
  const rows = docs.registerRows('人民调解协议书');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('第2版');
  await expect(rows.nth(0)).toContainText('已打印 1 次');
  await expect(rows.nth(1)).toContainText('第1版');
  await expect(rows.nth(1)).toContainText('已有新版本');
  await expect(rows.nth(1).getByRole('checkbox', { name: '已收回签字件' })).toBeChecked();
  await expect(docs.typeRow('人民调解协议书')).toContainText('第2版');

  // Reprinting unchanged content prints the same version again.
  await rows.nth(0).getByRole('button', { name: '打印' }).click();
  await expect(rows.nth(0)).toContainText('已打印 2 次');
  await expect(rows).toHaveCount(2);
  const list = await apiCall(host, 'documents.list', { caseId: c.id }, admin);
  expect(list.map((d) => [d.type, d.docVersion, d.printCount, d.latest])).toEqual([
    ['agreement', 2, 2, true],
    ['agreement', 1, 1, false],
  ]);
  await expect(page.getByTestId('timeline')).toContainText('打印文书：人民调解协议书（第2版，第2次打印）');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await snap(page, 'documents-register');
  await docs.root.screenshot({ path: path.join(screenshotDir, 'documents-register-panel.png'), animations: 'disabled' });
});
