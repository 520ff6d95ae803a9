/**
 * The centre network end to end: one centre host in LAN mode (HTTPS on 127.0.0.1, a fixed free
 * port) and separate browser contexts as separate machines — the admin on the host (launch
 * token), a desk, a kiosk and a hall display, each paired with a one-time code. A registration
 * at the kiosk appears at the desk without reloading; the number the desk calls appears on the
 * display; a host that goes away and comes back is shown, survived and recovered from; a
 * revoked kiosk is refused. Every test starts its own host and pairs its own machines.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { apiCall, apiLogin } from './support/api';
import { freePort, seededByApi, startHost, stopHost, type Running } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { connectionBanner, DevicesPage, PairingPage } from './pages/CentrePages';
import { CasePage } from './pages/CasePages';
import { KioskPage } from './pages/KioskPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const CLERK = { loginName: 'xiaoli', displayName: '李窗口', password: 'Chuangkou2026' };
const DESK = { width: 1366, height: 768 };
const KIOSK = { width: 1080, height: 1920 };
const DISPLAY = { width: 1920, height: 1080 };

/** One centre host for one test, on its own data dir and port; `restart` brings it back on both. */
interface Centre {
  readonly host: Running;
  stop(): Promise<void>;
  restart(): Promise<Running>;
  /** An admin session over the API (for seeding what a test needs but does not test). */
  admin(): Promise<string>;
}

const test = base.extend<{ centre: Centre }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the object pattern
  centre: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mediation-e2e-lan-'));
    const port = await freePort();
    let host = await startHost(dataDir, { port });
    await seededByApi(host);
    const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
    await apiCall(
      host,
      'users.create',
      { loginName: CLERK.loginName, displayName: CLERK.displayName, role: 'intake', password: CLERK.password },
      admin,
    );
    await use({
      get host() {
        return host;
      },
      stop: () => stopHost(host, { keepData: true }),
      restart: async () => (host = await startHost(dataDir, { port })),
      admin: () => apiLogin(host, SEED.adminLogin, SEED.adminPassword),
    });
    // What the host said explains a failure (a host that died under the test above all).
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('centre-host-output', { body: host.output(), contentType: 'text/plain' });
    await stopHost(host);
  },
});

// Four machines, a host start (and a restart) per test: more than the default minute on a shared 2-core box.
test.describe.configure({ timeout: 180_000 });

/** A separate machine: its own cookies and storage; it accepts the host's self-signed certificate. */
async function machine(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return { context, page: await context.newPage() };
}

/** Opens the host's address (no token) on a fresh machine and pairs it with the code. */
async function pair(page: Page, origin: string, code: string) {
  await page.goto(origin);
  await new PairingPage(page).pair(code);
}

async function signIn(page: Page, loginName: string, password: string) {
  await new LoginPage(page).login(loginName, password);
  await new ShellPage(page).expectShown();
}

/** Opens a page of 窗口登记 from the navigation (the sub-menu may still be unfolding after login). */
async function openIntakePage(page: Page, label: string) {
  const shell = new ShellPage(page);
  await expect(shell.heading()).toBeVisible();
  const item = shell.navItem(label);
  await expect(async () => {
    if (!(await item.isVisible())) await shell.navItem('窗口登记').click();
    await expect(item).toBeVisible({ timeout: 1000 });
  }).toPass();
  await item.click();
  await expect(shell.heading()).toHaveText(label);
}

/** A citizen registers at the kiosk with its touch controls; returns the queue number shown. */
async function registerAtKiosk(page: Page, name: string, phone: string) {
  const kiosk = new KioskPage(page);
  await kiosk.tile('邻里纠纷').click();
  await kiosk.field('您的姓名').fill(name);
  await kiosk.field('您的手机号码').click(); // the digits keypad (the pinyin pad writes the name)
  await kiosk.tapKeys(phone);
  await kiosk.next.click();
  await kiosk.button('不知道，跳过').click();
  await page.getByRole('textbox').fill('楼上装修噪音一直持续到深夜，多次沟通无果。');
  await kiosk.next.click();
  await page.getByRole('checkbox', { name: /我同意/ }).click();
  await kiosk.submit.click();
  await expect(kiosk.queueCode).toBeVisible();
  return ((await kiosk.queueCode.textContent()) ?? '').trim();
}

test('管理员生成配对码，自助机、工作台、叫号屏配对；自助登记实时出现在窗口，受理叫号后大厅屏显示', async ({ browser, centre }) => {
  const { host } = centre;
  expect(host.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
  expect(host.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  // The admin works on the host itself: the launch token, no pairing.
  const admin = await machine(browser, DESK);
  await admin.page.goto(host.url);
  await signIn(admin.page, SEED.adminLogin, SEED.adminPassword);
  await new ShellPage(admin.page).open('设置', '终端管理');
  const devices = new DevicesPage(admin.page);
  await expect(admin.page.getByRole('heading', { name: '终端管理' })).toBeVisible();
  // The address and fingerprint the admin reads out to whoever sets up a workstation: the host's own.
  await expect(admin.page.getByTestId('host-address')).toContainText(`SHA256: ${host.fingerprint}`);
  await expect(admin.page.getByTestId('host-address')).toContainText(`:${new URL(host.origin).port}/`);
  const deskCode = await devices.createCode('工作台', '1号窗口');
  const kioskCode = await devices.createCode('自助登记机', '大厅自助机');
  const displayCode = await devices.createCode('叫号显示屏', '大厅叫号屏');
  expect(new Set([deskCode, kioskCode, displayCode]).size).toBe(3);
  await expect(devices.countdown).toContainText(/剩余 (10:00|09:\d\d)/);
  await snap(admin.page, 'centre-devices-code');

  // A desk: the pairing screen names the host and explains the fingerprint; after pairing, the usual sign-in.
  const desk = await machine(browser, DESK);
  await desk.page.goto(host.origin);
  const pairing = new PairingPage(desk.page);
  await pairing.expectShown();
  await expect(pairing.host).toHaveText(new URL(host.origin).host);
  await expect(desk.page.getByText('SHA-256 指纹')).toBeVisible();
  await snap(desk.page, 'centre-pairing');
  // A wrong code is refused and the screen stays.
  await pairing.pair('WRONG-000');
  await expect(desk.page.getByRole('form', { name: '终端配对' }).getByRole('alert')).toBeVisible();
  await pairing.pair(deskCode);
  await new LoginPage(desk.page).expectShown();
  await signIn(desk.page, CLERK.loginName, CLERK.password);
  await openIntakePage(desk.page, '待审核登记');
  await expect(desk.page.getByRole('row').filter({ hasText: 'A001' })).toHaveCount(0);

  // A kiosk: it shows the kiosk, nothing else. A display: the hall display.
  const kiosk = await machine(browser, KIOSK);
  await pair(kiosk.page, host.origin, kioskCode);
  await expect(new KioskPage(kiosk.page).heading('请选择您遇到的纠纷类型')).toBeVisible();
  const display = await machine(browser, DISPLAY);
  await pair(display.page, host.origin, displayCode);
  const hall = display.page.getByTestId('hall-display');
  await expect(hall).toContainText('暂无叫号');

  // The admin's list of devices follows by itself (pushed), with kind and status.
  for (const [name, kind] of [
    ['1号窗口', '工作台'],
    ['大厅自助机', '自助登记机'],
    ['大厅叫号屏', '叫号显示屏'],
  ] as const) {
    await expect(devices.row(name)).toContainText(kind);
    await expect(devices.row(name)).toContainText('正常');
    await expect(devices.row(name)).toContainText('127.0.0.1');
  }
  await snap(admin.page, 'centre-devices');
  // A code is used once: the desk's code does not pair a second machine.
  const intruder = await machine(browser, DESK);
  await pair(intruder.page, host.origin, deskCode);
  await expect(intruder.page.getByRole('form', { name: '终端配对' }).getByRole('alert')).toBeVisible();

  // A citizen registers at the kiosk; the clerk's review list shows it without a reload (it polls only every 15 s).
  const code = await registerAtKiosk(kiosk.page, '周桂英', '13803736666');
  expect(code).toBe('A001');
  const row = desk.page.getByRole('row').filter({ hasText: 'A001' });
  await expect(row).toContainText('周桂英', { timeout: 5000 });
  await row.getByRole('button', { name: '受理立案' }).click();
  const dialog = desk.page.getByRole('dialog', { name: /受理立案/ });
  await dialog.getByRole('button', { name: '受理立案' }).click();
  await expect(desk.page.getByTestId('review-linked')).toContainText('牧调字第0001号');

  // A case changed at one desk refreshes on another: the admin has the new case open; a mediator
  // elsewhere (here over the API) accepts it, and the admin's page follows without a reload.
  const href = (await desk.page.getByTestId('review-linked').getByRole('link', { name: '打开案件' }).getAttribute('href')) ?? '';
  const caseId = href.split('/').pop() ?? '';
  await admin.page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/cases/${caseId}`);
  const casePage = new CasePage(admin.page);
  await expect(casePage.caseNumber).toHaveText(/牧调字第0001号/);
  await casePage.expectStatus('已登记');
  const elsewhere = await centre.admin();
  const c = await apiCall(host, 'cases.get', { id: caseId }, elsewhere);
  await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'accept' }, elsewhere);
  // No reload and no click: the case page has no polling, only the pushed change can bring this.
  await expect(admin.page.locator('.ant-page-header, h3').filter({ hasText: '已受理' }).first()).toBeVisible({ timeout: 5000 });

  // The clerk calls the number; the display shows it at once (it polls only every 3 s) and chimes.
  await openIntakePage(desk.page, '今日排队');
  await desk.page.getByRole('button', { name: '叫下一号' }).click();
  await expect(desk.page.getByRole('row').filter({ hasText: 'A001' })).toContainText('已叫号');
  await expect(hall.getByRole('status')).toContainText('A001', { timeout: 2500 });
  await expect(hall).toHaveAttribute('data-chimes', '1');
  await snap(display.page, 'centre-display');

  for (const m of [admin, desk, kiosk, display, intruder]) await m.context.close();
});

test('中心主机中断后重启：工作台显示横幅、保留草稿，恢复后只保存一次；自助机暂停服务后自行恢复', async ({ browser, centre }) => {
  const adminSession = await centre.admin();
  const deskCode = await apiCall(centre.host, 'devices.createPairingCode', { kind: 'desk', name: '2号窗口' }, adminSession);
  const kioskCode = await apiCall(centre.host, 'devices.createPairingCode', { kind: 'kiosk', name: '大厅自助机' }, adminSession);

  const desk = await machine(browser, DESK);
  await pair(desk.page, centre.host.origin, deskCode.code);
  await signIn(desk.page, CLERK.loginName, CLERK.password);
  await openIntakePage(desk.page, '代为登记');
  const form = desk.page.getByRole('form', { name: '代为登记' });
  await form.getByLabel('姓名', { exact: true }).fill('陈美华');
  await form.getByLabel('联系电话', { exact: true }).first().fill('13903735555');
  await form.getByLabel('纠纷类别').click();
  await form.getByLabel('纠纷类别').fill('物业');
  await desk.page.locator('.ant-select-dropdown:visible').getByTitle('物业', { exact: true }).click();
  const story = '小区电梯停运两周，物业公司一直未修复。';
  await form.getByLabel('发生了什么、希望怎样解决').fill(story);
  await form.getByRole('checkbox').check();

  const kiosk = await machine(browser, KIOSK);
  await pair(kiosk.page, centre.host.origin, kioskCode.code);
  await expect(new KioskPage(kiosk.page).heading('请选择您遇到的纠纷类型')).toBeVisible();

  // The host goes away: the desk says so at once, the kiosk pauses in large type.
  await centre.stop();
  await expect(connectionBanner(desk.page)).toHaveText('与中心主机的连接已中断，正在重新连接…', { timeout: 5000 });
  await snap(desk.page, 'centre-banner');
  const paused = kiosk.page.getByTestId('kiosk-paused');
  await expect(paused).toContainText('暂停服务', { timeout: 5000 });
  const pausedSize = await paused
    .getByRole('heading')
    .evaluate((el) =>
      parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize),
    );
  expect(pausedSize).toBeGreaterThanOrEqual(120);
  await snap(kiosk.page, 'centre-kiosk-paused');

  // The draft survives leaving the form and coming back while the host is away.
  await openIntakePage(desk.page, '待审核登记');
  await openIntakePage(desk.page, '代为登记');
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('陈美华');
  await expect(form.getByLabel('发生了什么、希望怎样解决')).toHaveValue(story);

  // Saving now is not shown as saved: it waits for the host.
  await form.getByRole('button', { name: '登记并打印小票' }).click();
  await desk.page.waitForTimeout(1500);
  await expect(desk.page.getByTestId('clerk-queue-code')).toHaveCount(0);
  await expect(connectionBanner(desk.page)).toBeVisible();

  // The host comes back on the same data and port: banner and pause go by themselves.
  const host = await centre.restart();
  await expect(connectionBanner(desk.page)).toBeHidden({ timeout: 15_000 });
  await expect(paused).toBeHidden({ timeout: 15_000 });
  await expect(new KioskPage(kiosk.page).heading('请选择您遇到的纠纷类型')).toBeVisible();

  // The retried save either went through, or (the host forgets sign-ins when it restarts) the clerk
  // signs in again and finds the form as it was; either way it is saved once.
  const queueCode = desk.page.getByTestId('clerk-queue-code');
  const login = new LoginPage(desk.page);
  await expect(queueCode.or(login.form)).toBeVisible({ timeout: 15_000 });
  if (await login.form.isVisible()) {
    await signIn(desk.page, CLERK.loginName, CLERK.password);
    await openIntakePage(desk.page, '代为登记');
    await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('陈美华');
    await expect(form.getByLabel('发生了什么、希望怎样解决')).toHaveValue(story);
    await form.getByRole('button', { name: '登记并打印小票' }).click();
  }
  await expect(queueCode).toHaveText('A001');

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const rows = (await apiCall(host, 'intake.list', { day: today, pageSize: 200 }, await centre.admin())).rows;
  expect(rows.filter((r) => r.name === '陈美华')).toHaveLength(1);
  // Saved: the draft is gone, the next registration starts empty.
  await desk.page.getByRole('button', { name: '登记下一位' }).click();
  await expect(form.getByLabel('姓名', { exact: true })).toHaveValue('');

  for (const m of [desk, kiosk]) await m.context.close();
});

test('管理员吊销自助机后，该机被拒绝并提示重新配对', async ({ browser, centre }) => {
  const adminSession = await centre.admin();
  const kioskCode = await apiCall(centre.host, 'devices.createPairingCode', { kind: 'kiosk', name: '门口自助机' }, adminSession);
  const kiosk = await machine(browser, KIOSK);
  await pair(kiosk.page, centre.host.origin, kioskCode.code);
  await expect(new KioskPage(kiosk.page).heading('请选择您遇到的纠纷类型')).toBeVisible();

  const admin = await machine(browser, DESK);
  await admin.page.goto(centre.host.url);
  await signIn(admin.page, SEED.adminLogin, SEED.adminPassword);
  await new ShellPage(admin.page).open('设置', '终端管理');
  const devices = new DevicesPage(admin.page);
  await expect(devices.row('门口自助机')).toContainText('正常');
  await devices.revoke('门口自助机');

  // The kiosk's next call is refused: it says why and offers pairing, without a reload.
  const pairing = new PairingPage(kiosk.page);
  await expect(pairing.refusal).toContainText('已被管理员停用', { timeout: 10_000 });
  await expect(pairing.code).toBeVisible();
  await snap(kiosk.page, 'centre-kiosk-revoked');
  // And still after a reload.
  await kiosk.page.reload();
  await expect(pairing.refusal).toContainText('已被管理员停用');
  // The host refuses the revoked credential outright.
  const res = await kiosk.context.request.post(new URL('api/invoke', centre.host.origin).toString(), { data: { op: 'intake.kioskInfo' } });
  expect(res.status()).toBe(401);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DEVICE_REVOKED');

  for (const m of [admin, kiosk]) await m.context.close();
});
