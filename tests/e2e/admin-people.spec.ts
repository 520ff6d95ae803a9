/**
 * The people an administrator looks after: the mediator roster (调解员名册: add and change an entry)
 * and the user accounts (停用 a user, who can then no longer sign in; 重置密码, after which the user
 * must choose a new password at the next sign-in). Each test seeds what it needs and passes alone.
 */
import { LOGIN_REFUSED_MESSAGE } from '../../electron/common/api/auth';
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { SEED } from './support/seed';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';
import { UsersPage } from './pages/UsersPage';

test.use({ hostSeed: 'api' });

test('管理员在调解员名册中新增一名特邀调解员，再修改其单位和擅长类型', async ({ page, host }) => {
  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  await new ShellPage(page).open('调解员名册');
  await expect(page.getByRole('heading', { name: '调解员名册' })).toBeVisible();
  const table = page.getByRole('main').locator('.ant-table');
  const row = table.getByRole('row').filter({ hasText: '郭文华' });

  await page.getByRole('button', { name: '新增调解员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增调解员' });
  await dialog.getByLabel('姓名或名称', { exact: true }).fill('郭文华');
  await dialog.getByLabel('所在单位', { exact: true }).fill('牧野区司法局');
  // A wrong phone number is caught on its field, and nothing is added.
  await dialog.getByLabel('联系电话', { exact: true }).fill('1380373');
  await dialog.getByRole('button', { name: '新增' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error').first()).toBeVisible();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('联系电话', { exact: true }).fill('13803739876');
  await dialog.getByRole('button', { name: '新增' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('名册已新增：郭文华');
  await expect(row).toContainText('牧野区司法局');
  await expect(row).toContainText('特邀调解员');

  await row.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改调解员：郭文华' });
  await expect(edit.getByLabel('所在单位', { exact: true })).toHaveValue('牧野区司法局');
  await edit.getByLabel('所在单位', { exact: true }).fill('牧野区法律援助中心');
  await edit.getByLabel('擅长纠纷类型').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('婚姻家庭', { exact: true }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('已修改：郭文华');
  await expect(row).toContainText('牧野区法律援助中心');

  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const saved = (await apiCall(host, 'mediators.list', {}, admin)).find((m) => m.name === '郭文华');
  expect(saved).toMatchObject({ organisation: '牧野区法律援助中心', phone: '13803739876', specialties: ['marriage_family'] });
});

test('管理员停用一名用户后其不能登录；重置另一名用户的密码后，其须在首次登录时修改密码', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const leaving = { loginName: 'zhoujie', displayName: '周杰', role: 'intake' as const, password: 'Dengji2026' };
  const forgot = { loginName: 'huangli', displayName: '黄莉', role: 'intake' as const, password: 'Dengji2027' };
  await apiCall(host, 'users.create', leaving, admin);
  await apiCall(host, 'users.create', forgot, admin);
  const leavingSession = await apiLogin(host, leaving.loginName, leaving.password);

  await page.goto(host.url);
  const login = new LoginPage(page);
  await login.login(SEED.adminLogin, SEED.adminPassword);
  const users = new UsersPage(page);
  await users.open();

  // 停用: the account stays listed, but signing in is refused with the one login message, and
  // the session the user already had ends too.
  await users.setActive(leaving.loginName, false);
  await expect(apiLogin(host, leaving.loginName, leaving.password)).rejects.toThrow(LOGIN_REFUSED_MESSAGE);
  await expect(apiCall(host, 'cases.list', {}, leavingSession)).rejects.toThrow(/UNAUTHENTICATED/);

  // 重置密码: the old password no longer works; the new one opens only the change-password form.
  await users.resetPassword(forgot.loginName, 'Chongzhi2026');
  await expect(users.row(forgot.loginName)).toContainText('待本人修改密码');
  await expect(apiLogin(host, forgot.loginName, forgot.password)).rejects.toThrow(LOGIN_REFUSED_MESSAGE);

  await new ShellPage(page).logout();
  await login.expectShown();
  await login.login(leaving.loginName, leaving.password);
  await login.expectMessage(LOGIN_REFUSED_MESSAGE);

  await login.login(forgot.loginName, 'Chongzhi2026');
  const first = page.getByRole('form', { name: '修改初始密码' });
  await expect(first).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await first.getByLabel('当前密码（管理员告知的密码）').fill('Chongzhi2026');
  await first.getByLabel('新密码', { exact: true }).fill('Ziji2026huang');
  await first.getByLabel('确认新密码').fill('Ziji2026huang');
  await first.getByRole('button', { name: '保存新密码并进入' }).click();
  const shell = new ShellPage(page);
  await shell.expectShown();
  await expect(shell.userButton).toContainText(forgot.displayName);
  expect((await apiLogin(host, forgot.loginName, 'Ziji2026huang')).length).toBeGreaterThan(10);
});
