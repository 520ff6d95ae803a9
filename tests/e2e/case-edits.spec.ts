/**
 * What a mediator changes on a case after registering it: its parties (add, edit, remove), its
 * deadline (with the reason), and the steps that end a case without an agreement: 不予受理, 移交,
 * 撤回 and 调解不成. Every test seeds its own cases over the API and passes alone.
 */
import type { Page } from '@playwright/test';
import type { ActionCode } from '../../electron/common/domain/lifecycle';
import { apiCall, apiLogin, type HostAddress } from './support/api';
import { expect, test } from './support/host';
import { SEED } from './support/seed';
import { CasePage } from './pages/CasePages';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

test.use({ hostSeed: 'api' });

/** A walk-in case with one applicant, moved on over the API by `steps`. */
async function seedCase(host: HostAddress, session: string, title: string, steps: ActionCode[] = []) {
  let c = await apiCall(
    host,
    'cases.register',
    {
      title,
      category: 'neighbor',
      source: 'walk_in',
      tier: 'village',
      summary: '双方因宅基地边界发生争执。',
      parties: [{ role: 'applicant', kind: 'person', name: '孙建国', phone: '13803731234' }],
    },
    session,
  );
  for (const action of steps) {
    // Mediation starts only with a mediator on the case.
    if (action === 'start') {
      const m = await apiCall(host, 'mediators.create', { name: '陈志刚', kind: 'resident', specialties: [] }, session);
      c = await apiCall(host, 'cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, session);
    }
    c = await apiCall(host, 'cases.step', { id: c.id, version: c.version, action }, session);
  }
  return c;
}

async function signIn(page: Page, host: { url: string }) {
  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  await new ShellPage(page).expectShown();
}

async function openCase(page: Page, host: HostAddress, c: { id: string; caseNumber: string }) {
  await page.goto(`${host.origin}#/cases/${c.id}`);
  await expect(new CasePage(page).caseNumber).toHaveText(c.caseNumber);
}

const toast = (page: Page) => page.locator('.ant-message');

test('调解员在案件页添加、修改、删除当事人，并调整化解期限（须写明理由）', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const c = await seedCase(host, admin, '宅基地边界纠纷', ['accept']);
  await signIn(page, host);
  await openCase(page, host, c);
  const parties = page.getByTestId('parties');
  const partyDialog = page.getByRole('dialog', { name: /当事人/ });

  // Add the respondent; a wrong ID number is caught on the field and nothing is saved.
  await page.getByRole('button', { name: '添加当事人' }).click();
  await expect(partyDialog).toBeVisible();
  await partyDialog.getByLabel('姓名', { exact: true }).fill('钱小梅');
  await partyDialog.getByLabel('证件号码', { exact: true }).fill('41071119900101123');
  await partyDialog.getByLabel('联系电话', { exact: true }).fill('13903735678');
  await partyDialog.getByRole('button', { name: '保存' }).click();
  await expect(partyDialog.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await expect(partyDialog).toBeVisible();
  await partyDialog.getByLabel('证件号码', { exact: true }).fill('');
  await partyDialog.getByRole('button', { name: '保存' }).click();
  await expect(partyDialog).toBeHidden();
  await expect(toast(page)).toContainText('已添加当事人');
  const respondent = parties.locator('.ant-descriptions').filter({ hasText: '钱小梅' });
  await expect(respondent).toContainText('被申请人');
  await expect(respondent).toContainText('13903735678');
  await expect(page.getByText('当事人（2）')).toBeVisible();

  // Edit her: the dialog opens with what is saved, the change shows at once.
  await respondent.getByRole('button', { name: '修改' }).click();
  await expect(partyDialog.getByLabel('姓名', { exact: true })).toHaveValue('钱小梅');
  await partyDialog.getByLabel('联系电话', { exact: true }).fill('13903730000');
  await partyDialog.getByLabel('住址', { exact: true }).fill('新乡市牧野区王村镇王村12号');
  await partyDialog.getByRole('button', { name: '保存' }).click();
  await expect(partyDialog).toBeHidden();
  await expect(respondent).toContainText('13903730000');
  await expect(respondent).toContainText('新乡市牧野区王村镇王村12号');

  // Remove her, confirming the question that names her.
  await respondent.getByRole('button', { name: '删除' }).click();
  const confirm = page.locator('.ant-popconfirm:visible');
  await expect(confirm).toContainText('删除当事人“钱小梅”？');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(toast(page)).toContainText('已删除');
  await expect(respondent).toHaveCount(0);
  await expect(parties).toContainText('孙建国');
  const afterParties = await apiCall(host, 'cases.get', { id: c.id }, admin);
  expect(afterParties.parties.map((p) => p.name)).toEqual(['孙建国']);

  // The deadline: a reason is required, a day before registration is refused, the change is on the timeline.
  await page.getByRole('button', { name: '调整期限' }).click();
  const dl = page.getByRole('dialog', { name: '调整化解期限' });
  const day = dl.getByLabel('新的期限');
  await day.fill('2020-01-02');
  await day.press('Enter');
  await dl.getByRole('button', { name: '保存' }).click();
  await expect(dl.getByText('请填写调整理由')).toBeVisible();
  await dl.getByLabel('调整理由').fill('当事人申请延期，双方同意');
  await dl.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/期限不能早于登记日期/).first()).toBeVisible();
  await expect(dl).toBeVisible();
  await day.fill('2027-03-31');
  await day.press('Enter');
  await dl.getByRole('button', { name: '保存' }).click();
  await expect(dl).toBeHidden();
  await expect(toast(page)).toContainText('已调整期限');
  await expect(page.getByTestId('timeline')).toContainText('调整为 2027-03-31，理由：当事人申请延期，双方同意');
  expect((await apiCall(host, 'cases.get', { id: c.id }, admin)).deadline).toBe('2027-03-31');
});

test('不予受理、移交、撤回、调解不成：各自要求的内容写明后办理，案件状态随之改变', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const toReject = await seedCase(host, admin, '合同纠纷（不予受理）');
  const toTransfer = await seedCase(host, admin, '劳务纠纷（移交）');
  const toWithdraw = await seedCase(host, admin, '邻里纠纷（撤回）', ['accept']);
  const toFail = await seedCase(host, admin, '赡养纠纷（调解不成）', ['accept', 'start']);
  await signIn(page, host);
  const casePage = new CasePage(page);
  const statusOf = async (id: string) => (await apiCall(host, 'cases.get', { id }, admin)).status;

  // 不予受理 is refused without a reason (Art. 17), then done with one, which the case page shows.
  await openCase(page, host, toReject);
  await casePage.actions.getByRole('button', { name: '不予受理', exact: true }).click();
  await casePage.dialog.getByRole('button', { name: '确定不予受理' }).click();
  await expect(casePage.dialog.getByText('请填写理由')).toBeVisible();
  await casePage.dialog.getByRole('button', { name: '取消' }).click();
  expect(await statusOf(toReject.id)).toBe('registered');
  await casePage.step('不予受理', (d) => d.getByLabel('理由').fill('属于劳动争议仲裁范围，告知当事人向仲裁委申请'));
  await expect(toast(page)).toContainText(`已不予受理：${toReject.caseNumber}`);
  await expect(page.getByText('属于劳动争议仲裁范围，告知当事人向仲裁委申请', { exact: true })).toBeVisible();
  await expect(casePage.actions).toHaveCount(0);
  expect(await statusOf(toReject.id)).toBe('rejected');

  // 移交 needs the receiving unit and the reason; the unit shows on the case.
  await openCase(page, host, toTransfer);
  await casePage.step('移交', async (d) => {
    await d.getByRole('button', { name: '确定移交' }).click();
    await expect(d.getByText('请填写移交单位')).toBeVisible();
    await d.getByLabel('移交单位').fill('牧野区劳动人事争议仲裁委员会');
    await d.getByLabel('移交理由').fill('劳动争议，依法应由仲裁委处理');
  });
  await expect(toast(page)).toContainText(`已移交：${toTransfer.caseNumber}`);
  await expect(page.getByText('牧野区劳动人事争议仲裁委员会', { exact: true })).toBeVisible();
  expect(await statusOf(toTransfer.id)).toBe('transferred');
  // A transferred case can only be closed now.
  await expect(casePage.actions.getByRole('button')).toHaveText(['结案']);

  // 撤回 (Art. 23) and 调解不成 (Art. 26): the reason is optional and is kept on the timeline.
  await openCase(page, host, toWithdraw);
  await casePage.step('撤回', (d) => d.getByLabel('理由').fill('双方已自行和解'));
  await expect(toast(page)).toContainText(`已撤回：${toWithdraw.caseNumber}`);
  await expect(page.getByTestId('timeline')).toContainText('撤回');
  expect(await statusOf(toWithdraw.id)).toBe('withdrawn');

  await openCase(page, host, toFail);
  await casePage.step('调解不成', (d) => d.getByLabel('理由').fill('被申请人拒绝继续调解，已告知可向法院起诉'));
  await expect(toast(page)).toContainText(`已记为调解不成：${toFail.caseNumber}`);
  await expect(page.getByTestId('timeline')).toContainText('被申请人拒绝继续调解');
  expect(await statusOf(toFail.id)).toBe('failed');
  await expect(casePage.actions.getByRole('button')).toHaveText(['结案']);
});

test('调解员记录一次现场调查和一次调解：各自计次，调查记录可以制作', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const c = await seedCase(host, admin, '院墙越界纠纷', ['accept', 'start']);
  await signIn(page, host);
  await openCase(page, host, c);
  const casePage = new CasePage(page);
  // Before any investigation the 调查记录 cannot be made, and the reason says where to add one.
  const before = await apiCall(host, 'documents.types', { caseId: c.id }, admin);
  expect(before.find((t) => t.type === 'investigation-record')).toMatchObject({
    fits: false,
    reason: '本案还没有调查记录（在案件的“调解与调查记录”中新增，类型选“调查”）',
  });

  await casePage.recordInvestigation({
    place: '孙建国家院墙处',
    participants: '孙建国、村委会委员王立新',
    record: '查看院墙，新墙基较旧墙基向东约0.3米。',
  });
  await expect(toast(page)).toContainText('已记录调查');
  await casePage.recordSession({ place: '村调解室', participants: '孙建国', record: '申请人陈述诉求。' });
  const list = page.getByTestId('sessions');
  await expect(list).toContainText('第 1 次调查');
  await expect(list).toContainText('被调查人及在场人员：孙建国、村委会委员王立新');
  await expect(list).toContainText('第 1 次：');
  await expect(list.locator('.ant-tag')).toHaveText(['调查']);

  const after = await apiCall(host, 'documents.types', { caseId: c.id }, admin);
  expect(after.find((t) => t.type === 'investigation-record')).toMatchObject({ fits: true });
  // One 调解记录 for the one mediation: the investigation is not a 第N次调解.
  expect(after.filter((t) => t.type === 'session-record').map((t) => t.subjectLabel)).toEqual([expect.stringMatching(/^第一次调解（/)]);
});
