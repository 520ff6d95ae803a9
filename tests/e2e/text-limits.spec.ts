/**
 * Nothing is cut silently (issue 19): 140,000 characters pasted into 调解情况 stay as pasted, the
 * field shows its counter and refuses to save with the limit named, and nothing is stored.
 */
import { TEXT_LIMITS } from '../../electron/common/api/limits';
import { walkInCase } from '../support/cases';
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { SEED } from './support/seed';
import { LoginPage } from './pages/LoginPage';

test.use({ hostSeed: 'api' });

test('粘贴 14 万字的调解情况：显示字数，保存前拒绝并说明上限，不会悄悄截断', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const m = await apiCall(
    host,
    'mediators.create',
    { name: '陈秀兰', kind: 'resident', organisation: '牧野区人民调解委员会', phone: '13700003333', specialties: ['housing_homestead'] },
    admin,
  );
  let c = await apiCall(host, 'cases.register', walkInCase(), admin);
  c = await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'accept' }, admin);
  c = await apiCall(host, 'cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, admin);
  c = await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'start' }, admin);

  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  await page.goto(`${host.origin}#/cases/${c.id}`);
  await page.getByRole('button', { name: '记录一次调解' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('调解地点', { exact: true }).fill('调解室');
  await dialog.getByLabel('参加人员', { exact: true }).fill('张建国、李秀英');
  const record = dialog.getByLabel(/调解情况/);
  const pasted = '双方陈述意见。'.repeat(20_000); // 140,000 characters
  await record.fill(pasted);
  // Kept whole, with the count and the limit beside it.
  expect(await record.inputValue()).toHaveLength(140_000);
  await expect(dialog).toContainText(`140000 / ${TEXT_LIMITS.longText}`);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText(`调解情况不能超过 ${TEXT_LIMITS.longText} 字，请精简或作为附件材料提交`);
  await expect(dialog).toBeVisible();
  expect((await apiCall(host, 'cases.get', { id: c.id }, admin)).sessions).toHaveLength(0);

  // Cut down by the user, it saves in full.
  const fitting = pasted.slice(0, TEXT_LIMITS.longText);
  await record.fill(fitting);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const saved = (await apiCall(host, 'cases.get', { id: c.id }, admin)).sessions;
  expect(saved).toHaveLength(1);
  expect(saved[0]!.record).toBe(fitting);
});
