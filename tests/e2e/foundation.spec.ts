/**
 * The foundation, as a user meets it: first-run setup, login, the shell in Chinese, user
 * management, roles, wrong passwords and lockout, idle time-out, reload.
 */
import { LOGIN_REFUSED_MESSAGE } from '../../electron/common/api/auth';
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { LoginPage } from './pages/LoginPage';
import { SetupPage } from './pages/SetupPage';
import { ShellPage } from './pages/ShellPage';
import { UsersPage } from './pages/UsersPage';

/** The shell's six planned areas, in nav order; only those that exist are listed by the registry. */
const PLANNED_AREAS = ['窗口登记', '案件', '法院委派', '调解员名册', '统计考核', '设置'];
const MEDIATOR = { loginName: 'wangfang', displayName: '王芳', roleLabel: '人民调解员', password: 'Tiaojie2026' };
/** A mediator whose account the administrator has just made: she has not yet chosen her own password. */
const NEW_MEDIATOR = { loginName: 'lifang', displayName: '李芳', role: 'mediator' as const, password: 'Tiaojie2027' };

test.describe('首次使用', () => {
  test('首次设置，登录，进入中文工作台', async ({ page, host }) => {
    await page.goto(host.url);
    const setup = new SetupPage(page);
    await setup.expectShown();
    // The committee and the case-number abbreviation follow the centre's name until written over (#18).
    await setup.field('中心名称').fill(SEED.centreName);
    await expect(setup.field('人民调解委员会名称')).toHaveValue('牧野区人民调解委员会');
    await expect(setup.field('案号简称')).toHaveValue('牧调');
    await setup.fill({
      centreCode: SEED.centreCode,
      centreName: SEED.centreName,
      tierLabel: '区',
      address: '新乡市牧野区和平路 88 号',
      phone: '0373-1234567',
      committeeName: SEED.committeeName,
      committeeAbbr: SEED.committeeAbbr,
      adminLogin: SEED.adminLogin,
      adminName: '李主任',
      adminPassword: SEED.adminPassword,
    });
    await expect(setup.casePreview).toContainText(`（${new Date().getFullYear()}）牧调字第0001号`);
    await snap(page, 'setup');
    await setup.submit();

    const login = new LoginPage(page);
    await login.expectShown();
    await login.expectMessage('首次设置已完成');
    await expect(login.loginName).toHaveValue(SEED.adminLogin);
    await snap(page, 'login');
    await login.login(SEED.adminLogin, SEED.adminPassword);

    const shell = new ShellPage(page);
    await shell.expectShown();
    await expect(shell.centreName).toHaveText(SEED.centreName);
    await expect(shell.userButton).toContainText('李主任');
    await expect(shell.userButton).toContainText('管理员（中心负责人）');
    // The centre head lands on the overview of the figures (#18).
    await expect(page).toHaveURL(/#\/stats\/overview$/);
    const areas = await shell.areaLabels();
    expect(areas).toContain('设置');
    // Only planned areas, in the planned order (the others appear once they are built).
    expect(areas).toEqual(PLANNED_AREAS.filter((a) => areas.includes(a)));
    expect(await shell.pageLabels('设置')).toEqual(expect.arrayContaining(['用户管理', '系统设置', '本机信息']));
    await snap(page, 'shell-admin');
  });
});

// The centre after its first run (seeded over the API): each test passes alone and in any order.
test.describe('管理员与调解员的工作台', () => {
  test.use({ hostSeed: 'api' });

  test('每个导航项都打开一个真实页面（没有死链接）', async ({ page, host }) => {
    await page.goto(host.url);
    await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
    const shell = new ShellPage(page);
    await shell.expectShown();
    // Every area, and every page of an area with pages, opens a real page with a heading.
    for (const area of await shell.areaLabels()) {
      const pages = await shell.pageLabels(area);
      for (const target of pages.length > 0 ? pages : [area]) {
        if (pages.length > 0) await shell.open(area, target);
        else await shell.open(area);
        await expect(shell.heading()).toBeVisible();
        await expect(page.getByText('没有这个页面')).toHaveCount(0);
        await expect(page.getByText('无权访问')).toHaveCount(0);
      }
    }
    await shell.open('设置', '本机信息');
    await expect(page.getByRole('main')).toContainText('410711001');
    await expect(page.getByRole('main')).toContainText('牧调字第0001号');
    await snap(page, 'settings-centre');
    await shell.open('设置', '系统设置');
    await expect(page.getByLabel('登录超时')).toHaveValue('30');
    await snap(page, 'settings-system');
  });

  test('系统设置：中文校验提示，保存后生效', async ({ page, host }) => {
    await page.goto(host.url);
    await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
    const shell = new ShellPage(page);
    await shell.open('设置', '系统设置');
    const idle = page.getByLabel('登录超时');
    await idle.fill('');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('请填写登录超时')).toBeVisible();
    await idle.fill('45');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('系统设置已保存')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('登录超时')).toHaveValue('45');
    await expect(page.getByLabel('协议回访')).toHaveValue('15');
    // Back to the default, for the other tests on this host (one of them reads it).
    await page.getByLabel('登录超时').fill('30');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByText('系统设置已保存').first()).toBeVisible();
  });

  test('管理员新增人民调解员，然后退出登录', async ({ page, host }) => {
    await page.goto(host.url);
    await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
    const users = new UsersPage(page);
    await users.open();
    await expect(users.row(SEED.adminLogin)).toContainText('（当前账号）');

    // The form checks in Chinese; a duplicate login name comes back from the server onto the field.
    await users.fillNewUser({ loginName: SEED.adminLogin });
    await users.submitNewUser();
    await expect(users.newUserDialog.getByText('请填写姓名')).toBeVisible();
    await users.fillNewUser({ displayName: '重复', roleLabel: '窗口登记员', password: 'abc' });
    await expect(users.newUserDialog.getByText('密码至少 8 位').first()).toBeVisible();
    await users.fillNewUser({ password: 'Chongfu2026' });
    await users.submitNewUser();
    await expect(users.newUserDialog.getByRole('alert').first()).toContainText('登录名“admin”已被使用');
    await expect(users.newUserDialog.getByText('登录名已被使用', { exact: true })).toBeVisible();
    await snap(page, 'users-new-error');
    await users.cancelNewUser();

    await users.addUser(MEDIATOR);
    await expect(users.row(MEDIATOR.loginName)).toContainText('人民调解员');
    await expect(users.row(MEDIATOR.loginName)).toContainText('正常');
    // The admin chose her password: she replaces it at first login.
    await expect(users.row(MEDIATOR.loginName)).toContainText('待本人修改密码');
    await snap(page, 'users');

    const shell = new ShellPage(page);
    await shell.logout();
    const login = new LoginPage(page);
    await login.expectShown();
    await login.expectMessage('您已退出登录');
  });

  test('人民调解员登录，先修改管理员设置的初始密码，看不到用户管理', async ({ page, host }) => {
    const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
    await apiCall(host, 'users.create', NEW_MEDIATOR, admin, { firstLogin: 'pending' });
    await page.goto(host.url);
    await new LoginPage(page).login(NEW_MEDIATOR.loginName, NEW_MEDIATOR.password);
    // The admin chose this password: nothing but changing it (the backend refuses the rest too).
    const first = page.getByRole('form', { name: '修改初始密码' });
    await expect(first).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    const own = await apiLogin(host, NEW_MEDIATOR.loginName, NEW_MEDIATOR.password);
    await expect(apiCall(host, 'cases.list', {}, own)).rejects.toThrow(/PASSWORD_CHANGE_REQUIRED 请先修改密码/);
    await first.getByLabel('当前密码（管理员告知的密码）').fill(NEW_MEDIATOR.password);
    await first.getByLabel('新密码', { exact: true }).fill(NEW_MEDIATOR.password);
    await first.getByLabel('确认新密码').fill(NEW_MEDIATOR.password);
    await first.getByRole('button', { name: '保存新密码并进入' }).click();
    await expect(first.getByRole('alert')).toContainText('新密码不能与原密码相同');
    await snap(page, 'first-password');
    await first.getByLabel('新密码', { exact: true }).fill('Ziji2026mima');
    await first.getByLabel('确认新密码').fill('Ziji2026mima');
    await first.getByRole('button', { name: '保存新密码并进入' }).click();
    const shell = new ShellPage(page);
    await shell.expectShown();
    await expect(shell.userButton).toContainText(NEW_MEDIATOR.displayName);
    await expect(shell.userButton).toContainText('人民调解员');
    // A mediator lands on their own cases (#18): created as a mediator, she is on the roster already.
    await expect(page).toHaveURL(/#\/cases\?mine=1$/);
    await expect(page.getByText('我的案件', { exact: true })).toBeVisible();
    const settingsPages = await shell.pageLabels('设置');
    expect(settingsPages).toContain('本机信息');
    expect(settingsPages).not.toContain('用户管理');
    expect(settingsPages).not.toContain('系统设置');
    await expect(shell.navItem('用户管理')).toHaveCount(0);
    await shell.open('设置', '本机信息');
    await expect(shell.heading()).toHaveText('本机信息');
    await snap(page, 'shell-mediator');

    // Typing the address of an admin page shows a refusal, not the page.
    await page.goto(new URL('#/settings/users', host.origin).href);
    await expect(page.getByText('无权访问')).toBeVisible();
    await expect(page.getByRole('heading', { name: '用户管理' })).toHaveCount(0);
  });
});

test.describe('登录失败、锁定、超时与刷新', () => {
  // Seeded by `cli init` (the same centre and administrator as support/seed.ts).
  test.use({ hostSeed: 'cli' });

  test('登录失败只有一种提示，连错 5 次在本机锁定账号，管理员可以解锁', async ({ page, host }) => {
    // Nine sign-ins, each a scrypt at the production cost (the host is seeded by `cli init`).
    test.slow();
    const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
    await apiCall(host, 'users.create', { loginName: 'zhaolei', displayName: '赵磊', role: 'intake', password: 'Dengji2026' }, admin);

    await page.goto(host.url);
    const login = new LoginPage(page);
    // An unknown name and a wrong password read the same: nothing tells which accounts exist.
    await login.login('nobody', 'wrong-password-1');
    await login.expectMessage(LOGIN_REFUSED_MESSAGE);
    await login.loginName.fill('zhaolei');
    for (let i = 0; i < 5; i++) {
      await login.password.fill('wrong-password-1');
      await login.submitButton.click();
      await login.expectMessage(LOGIN_REFUSED_MESSAGE);
    }
    await expect(login.password).toHaveValue('');
    await snap(page, 'login-wrong-password');
    // Locked at this machine: even the right password is refused, with the same words.
    await login.password.fill('Dengji2026');
    await login.submitButton.click();
    await login.expectMessage(LOGIN_REFUSED_MESSAGE);
    await snap(page, 'login-locked');

    // The administrator (not locked: the lock is per account) sees the lock and lifts it.
    await login.login(SEED.adminLogin, SEED.adminPassword);
    const users = new UsersPage(page);
    await users.open();
    await expect(users.row('zhaolei')).toContainText('已锁定');
    await snap(page, 'users-locked');
    await users.unlock('zhaolei');
    await expect(users.row('zhaolei')).toContainText('正常');
    expect((await apiLogin(host, 'zhaolei', 'Dengji2026')).length).toBeGreaterThan(10);
  });

  test('刷新页面后仍保持登录', async ({ page, host }) => {
    await page.goto(host.url);
    await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
    const users = new UsersPage(page);
    await users.open();
    await page.reload();
    await users.expectShown();
    await expect(new ShellPage(page).centreName).toHaveText(SEED.centreName);
  });

  test('长时间无操作后自动退出，提示登录已超时', async ({ page, host }) => {
    await page.clock.install();
    await page.goto(host.url);
    const login = new LoginPage(page);
    await login.login(SEED.adminLogin, SEED.adminPassword);
    await new ShellPage(page).expectShown();
    await page.clock.fastForward('31:00');
    await login.expectShown();
    await login.expectMessage('登录已超时，请重新登录');
    await expect(login.loginName).toHaveValue(SEED.adminLogin);
    await snap(page, 'login-timed-out');
  });

  test('服务端会话失效时回到登录页', async ({ page, host }) => {
    await page.goto(host.url);
    await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
    const users = new UsersPage(page);
    await users.open();
    // Another admin resets this user's password elsewhere: every session of the user ends.
    const other = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
    const me = (await apiCall(host, 'users.list', undefined, other)).find((u) => u.loginName === SEED.adminLogin);
    await apiCall(host, 'users.resetPassword', { userId: me!.id, password: SEED.adminPassword }, other);
    // No click needed: the host pushes the change, the users list on screen refreshes and finds the session ended.
    const login = new LoginPage(page);
    await login.expectShown();
    await login.expectMessage('登录已超时，请重新登录');
  });
});
