/**
 * The intake counter as citizens and staff meet it: a citizen registers on the kiosk with the
 * touch controls alone and gets a queue number and a ticket on a real (pretend) ESC/POS printer;
 * the clerk takes a registration up as a case; a mediator calls a number and the hall display and
 * kiosk show it; the citizen looks up the progress with the query code; the idle timer wipes a
 * half-filled form. Each test seeds its own registration and passes alone, in any order.
 */
import type { Page } from '@playwright/test';
import { startEscposListener, type EscposListener } from '../peers/escpos-listener';
import { apiCall, apiLogin, type HostAddress } from './support/api';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { KioskPage } from './pages/KioskPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

test.use({ hostSeed: 'api', viewport: { width: 1920, height: 1080 } });

const MEDIATOR = { loginName: 'wangtiaojie', displayName: '王调解', password: 'Tiaojie2026' };
/** A queue number of the day. The tests share the file's host and run in any order: none assumes which number it gets. */
const QUEUE_CODE = /^A\d{3}$/;
let printer: EscposListener;

test.beforeAll(async () => {
  printer = await startEscposListener();
});
test.afterAll(async () => {
  await printer?.close();
});

async function signIn(page: Page, url: string, loginName: string, password: string) {
  await page.goto(url);
  await new LoginPage(page).login(loginName, password);
  const shell = new ShellPage(page);
  await shell.expectShown();
  return shell;
}

/**
 * What every test here needs, made once per host by whichever test comes first: the ticket printer
 * (the listener of this run) and a mediator's account.
 */
async function ensureCounter(host: HostAddress): Promise<string> {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  if ((await apiCall(host, 'printers.list', {}, admin)).length === 0) {
    await apiCall(host, 'printers.save', { name: '自助机小票', address: printer.uri, width: 80, ticket: true }, admin);
  }
  if (!(await apiCall(host, 'users.list', undefined, admin)).some((u) => u.loginName === MEDIATOR.loginName)) {
    await apiCall(host, 'users.create', { ...MEDIATOR, role: 'mediator' }, admin);
  }
  return admin;
}

/** A registration made at the kiosk, over the API (for tests of what happens to it afterwards). */
function submitAtKiosk(host: HostAddress, name: string, phone: string, description = '邻居家装修噪音扰民。') {
  return apiCall(host, 'intake.submit', {
    channel: 'kiosk',
    category: 'neighbor',
    name,
    phone,
    otherParty: '赵大勇',
    description,
    consent: true,
  });
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

test('群众在自助屏用触摸操作登记，取得排队号和小票', async ({ page, host }) => {
  await ensureCounter(host);
  // This ticket is the next one to print: the listener's count now tells it from earlier ones.
  const printedBefore = (await printer.received()).length;

  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await expect(kiosk.tiles).toHaveCount(10);
  await expect(kiosk.root).toContainText('查询办理进度');
  await expect(kiosk.root).toContainText('正在叫号');
  await kiosk.expectTouchSized();
  await kiosk.expectLargeText();
  await snap(page, 'kiosk-1-category');

  // ① the kind of dispute, by picture
  await kiosk.tile('邻里纠纷').click();
  await expect(kiosk.heading('第 2 步：您的信息')).toBeVisible();
  await kiosk.expectTouchSized();
  // Going on with nothing typed says what is missing, in large red words.
  await kiosk.next.click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写您的姓名' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '请填写您的手机号码' })).toBeVisible();
  await snap(page, 'kiosk-2-person-missing');

  // ② who you are: the name on the (touch-sized) field, the phone on the keypad
  await kiosk.field('您的姓名').fill('王秀兰');
  await kiosk.field('您的手机号码').click(); // the digits keypad (the pinyin pad writes the name)
  await kiosk.tapKeys('13803734321');
  await expect(kiosk.field('您的手机号码')).toHaveValue('13803734321');
  await kiosk.expectLargeText();
  await snap(page, 'kiosk-2-person');
  await kiosk.next.click();

  // ③ the other party
  await expect(kiosk.heading('第 3 步：对方的信息')).toBeVisible();
  await kiosk.field('对方的姓名或单位名称').fill('赵大勇');
  await kiosk.expectTouchSized();
  await snap(page, 'kiosk-3-other');
  await kiosk.next.click();

  // ④ what happened, with a counter
  await expect(kiosk.heading('第 4 步：发生了什么')).toBeVisible();
  const story = '楼上邻居家卫生间漏水，我家天花板发霉，找他几次都不管。<b>希望</b>他修好并赔偿。';
  await page.getByRole('textbox').fill(story);
  await expect(kiosk.root).toContainText(`已输入 ${story.length} / 500 字`);
  await kiosk.expectTouchSized();
  await snap(page, 'kiosk-4-story');
  await kiosk.next.click();

  // ⑤ consent
  await expect(kiosk.heading('第 5 步：请阅读并同意')).toBeVisible();
  await expect(kiosk.root).toContainText('人民调解遵循自愿、平等的原则');
  await expect(kiosk.root).toContainText('天后自动删除');
  await kiosk.submit.click();
  await expect(page.getByRole('alert').filter({ hasText: '请先阅读上面的告知' })).toBeVisible();
  const agree = page.getByRole('checkbox', { name: /我同意/ });
  await agree.click();
  await expect(agree).toHaveAttribute('aria-checked', 'true');
  await kiosk.expectTouchSized();
  await kiosk.expectLargeText();
  await snap(page, 'kiosk-5-consent');
  await kiosk.submit.click();

  // done: the number in huge type, the query code, 请取走小票
  await expect(kiosk.queueCode).toHaveText(QUEUE_CODE);
  const code = (await kiosk.queueCode.textContent()) ?? '';
  await expect(kiosk.root).toContainText('请取走小票');
  // What happens next, in words (#19): the number on the screen, the window, the query code.
  await expect(page.getByRole('list', { name: '接下来' })).toContainText(`叫到 ${code} 时，请到屏幕上显示的窗口`);
  await expect(page.getByRole('list', { name: '接下来' })).toContainText('凭查询码和手机号码后四位');
  const queryCode = (await kiosk.queryCode.textContent())?.trim() ?? '';
  expect(queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const size = await kiosk.queueCode.evaluate((el) =>
    parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize),
  );
  expect(size).toBeGreaterThanOrEqual(150);
  await kiosk.expectTouchSized();
  await snap(page, 'kiosk-6-done');

  // The printer decoded the ticket: the number, the query code and its QR payload, cut, Chinese mode.
  const tickets = await printer.received();
  expect(tickets).toHaveLength(printedBefore + 1);
  const ticket = tickets.at(-1);
  expect(ticket!.lines).toEqual(
    expect.arrayContaining([
      SEED.centreName,
      code,
      '邻里纠纷',
      `查询码：${queryCode}`,
      '登记编号：' + ticket!.lines.find((l) => l.startsWith('登记编号：'))!.slice(5),
    ]),
  );
  expect(ticket!.lines.find((l) => l.startsWith('登记编号：'))).toMatch(new RegExp(`^登记编号：\\d{8}-${code}$`));
  expect(ticket!.qr).toEqual([`MDQ:${queryCode.replace('-', '')}`]);
  expect(ticket!.cut).toBe(true);
  expect(ticket!.chineseMode).toBe(true);

  // 完成 clears the screen back to step ①.
  await kiosk.button('完成').click();
  await expect(kiosk.heading('请选择您遇到的纠纷类型')).toBeVisible();
});

test('小票打印失败时提示记下号码，可重新打印', async ({ page, host }) => {
  const admin = await ensureCounter(host);
  const stuck = await startEscposListener({ mode: 'paper-out' });
  const [p] = await apiCall(host, 'printers.list', {}, admin);
  try {
    await apiCall(host, 'printers.save', { id: p!.id, name: p!.name, address: stuck.uri, width: 80, ticket: true }, admin);
    const kiosk = new KioskPage(page);
    await kiosk.open(host.url);
    await kiosk.tile('劳动工资').click();
    await kiosk.field('您的姓名').fill('李建军');
    await kiosk.field('您的手机号码').click();
    await kiosk.tapKeys('13937350000');
    await kiosk.next.click();
    await kiosk.button('不知道，跳过').click();
    await page.getByRole('textbox').fill('工地老板拖欠三个月工资。');
    await kiosk.next.click();
    await page.getByRole('checkbox', { name: /我同意/ }).click();
    await kiosk.submit.click();
    await expect(kiosk.queueCode).toHaveText(QUEUE_CODE);
    const code = (await kiosk.queueCode.textContent()) ?? '';
    await expect(page.getByRole('alert')).toContainText(`小票打印失败，请记下排队号 ${code} 和查询码，或到窗口找工作人员`);
    await kiosk.expectTouchSized();
    await snap(page, 'kiosk-6-done-print-failed');

    await apiCall(host, 'printers.save', { id: p!.id, name: p!.name, address: printer.uri, width: 80, ticket: true }, admin);
    await kiosk.button('重新打印').click();
    await expect(kiosk.root).toContainText('请取走小票');
    const tickets = await printer.received();
    expect(tickets.at(-1)!.lines).toContain(code);
  } finally {
    // The working printer again, whatever happened: the other tests print on it.
    await apiCall(host, 'printers.save', { id: p!.id, name: p!.name, address: printer.uri, width: 80, ticket: true }, admin);
    await stuck.close();
  }
});

test('窗口工作人员审核：受理一条自助登记立案，链接到案件页', async ({ page, host }) => {
  await ensureCounter(host);
  const { queueCode } = await submitAtKiosk(host, '王秀兰', '13803734321', '楼上漏水，<b>希望</b>他修好并赔偿。');
  const shell = await signIn(page, host.url, SEED.adminLogin, SEED.adminPassword);
  expect((await shell.areaLabels())[0]).toBe('窗口登记');
  await openIntakePage(page, '待审核登记');
  const row = page.getByRole('row').filter({ hasText: queueCode });
  await expect(row).toContainText('王秀兰');
  await expect(row).toContainText('138****4321');
  await snap(page, 'intake-review');
  await row.getByRole('button', { name: '受理立案' }).click();
  const dialog = page.getByRole('dialog', { name: /受理立案/ });
  // Pasted markup shows as text, not as bold.
  await expect(dialog).toContainText('<b>希望</b>');
  await dialog.getByRole('button', { name: '受理立案' }).click();
  const linked = page.getByTestId('review-linked');
  await expect(linked).toHaveText(new RegExp(`（${new Date().getFullYear()}）牧调字第\\d{4}号`));
  const link = linked.getByRole('link', { name: '打开案件' });
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/#\/cases\/[0-9a-f-]{36}$/);
  const caseId = href.split('/').pop()!;
  await snap(page, 'intake-accepted');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
});

test('调解员叫号，大厅屏和自助屏显示', async ({ page, host, browser }) => {
  await ensureCounter(host);
  const { queueCode } = await submitAtKiosk(host, '孟凡青', '13803736666');
  const hall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const kioskPage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await hall.goto(`${host.url}#/display`);
    await expect(hall.getByTestId('hall-display')).toContainText('暂无叫号');
    const kiosk = new KioskPage(kioskPage);
    await kiosk.open(host.url);

    await signIn(page, host.url, MEDIATOR.loginName, MEDIATOR.password);
    await openIntakePage(page, '今日排队');
    await expect(page.getByTestId('desk-name')).toHaveText('1号调解室');
    await expect(page.getByTestId('printer-status')).toContainText('在线');
    const ticket = page.getByRole('row').filter({ hasText: queueCode });
    await expect(ticket).toContainText('等候中');
    // This ticket by its row: 叫下一号 would take the earliest waiting one (centre-network.spec.ts drives it).
    await ticket.getByRole('button', { name: '叫号', exact: true }).click();
    await expect(ticket).toContainText('已叫号');
    await snap(page, 'intake-queue');

    await expect(hall.getByRole('status')).toContainText(queueCode);
    await expect(hall.getByRole('status')).toContainText('1号调解室');
    await snap(hall, 'hall-display');
    await expect(kioskPage.getByRole('region', { name: '正在叫号' })).toContainText(queueCode);
    await snap(kioskPage, 'kiosk-1-category-called');

    await ticket.getByRole('button', { name: '开始办理' }).click();
    await expect(ticket).toContainText('办理中');
  } finally {
    await hall.close();
    await kioskPage.close();
  }
});

test('群众凭查询码和手机后四位查询进度，只看到状态', async ({ page, host }) => {
  // A kiosk registration the counter has taken up as a case.
  const admin = await ensureCounter(host);
  const submitted = await submitAtKiosk(host, '胡玉梅', '13803734321');
  const { queueCode } = submitted;
  const plain = submitted.queryCode.replace('-', '');
  const queryCode = `${plain.slice(0, 4)}-${plain.slice(4)}`;
  const pending = (await apiCall(host, 'intake.pending', {}, admin)).find((r) => r.queueCode === queueCode);
  const { id: caseId } = await apiCall(host, 'intake.accept', { intakeId: pending!.id }, admin);
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.button('查询办理进度').click();
  await expect(kiosk.heading('查询办理进度')).toBeVisible();
  await kiosk.tapKeys(queryCode.replace('-', ''));
  await expect(kiosk.field('查询码')).toHaveValue(queryCode);
  // The complete code moves on to the phone digits by itself.
  await expect(kiosk.field('手机号码后四位')).toBeFocused();
  await kiosk.expectTouchSized();
  await snap(page, 'kiosk-lookup-code');
  await kiosk.tapKeys('0000');
  await kiosk.button('查询').click();
  await expect(page.getByRole('alert')).toContainText('查询码或电话后四位不正确');

  await kiosk.button('清空').click();
  await kiosk.tapKeys('4321');
  await kiosk.button('查询').click();
  const result = page.getByTestId('lookup-result');
  await expect(result).toContainText('已登记，等待受理');
  await expect(result).not.toContainText('胡玉梅');
  await expect(result).not.toContainText('牧调字');
  await kiosk.expectTouchSized();
  await snap(page, 'kiosk-lookup');

  // The mediator accepts the case: the words change.
  const c = await apiCall(host, 'cases.get', { id: caseId }, admin);
  await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'accept' }, admin);
  await kiosk.button('查询').click();
  await expect(result).toContainText('已受理，正在安排调解');
});

test('窗口代为登记并打印小票；管理员在打印机设置中测试打印', async ({ page, host }) => {
  await ensureCounter(host);
  await signIn(page, host.url, SEED.adminLogin, SEED.adminPassword);
  await openIntakePage(page, '打印机设置');
  const row = page.getByRole('row').filter({ hasText: '自助机小票' });
  await expect(row).toContainText(printer.uri);
  await expect(row).toContainText('小票打印机');
  await row.getByRole('button', { name: '检查状态' }).click();
  await expect(row).toContainText('纸张正常');
  const before = printer.connections();
  await row.getByRole('button', { name: '测试打印' }).click();
  await expect(page.getByText('测试小票已打印')).toBeVisible();
  await expect.poll(() => printer.connections()).toBeGreaterThan(before);
  await snap(page, 'intake-printers');

  await openIntakePage(page, '代为登记');
  await expect(page.getByTestId('printer-status')).toContainText('在线');
  const form = page.getByRole('form', { name: '代为登记' });
  await form.getByLabel('姓名', { exact: true }).fill('刘桂芝');
  await form.getByLabel('联系电话', { exact: true }).first().fill('13603731111');
  await form.getByLabel('纠纷类别').click();
  await form.getByLabel('纠纷类别').fill('物业'); // the list is virtual: filter it first
  await page.locator('.ant-select-dropdown:visible').getByTitle('物业', { exact: true }).click();
  await form.getByLabel('发生了什么、希望怎样解决').fill('物业公司停车费上涨，未公示。');
  await form.getByRole('button', { name: '登记并打印小票' }).click();
  await expect(page.getByText('请先向群众告知并取得同意')).toBeVisible();
  await form.getByRole('checkbox').check();
  await snap(page, 'intake-clerk-register');
  await form.getByRole('button', { name: '登记并打印小票' }).click();
  await expect(page.getByTestId('clerk-queue-code')).toHaveText(QUEUE_CODE);
  const code = (await page.getByTestId('clerk-queue-code').textContent()) ?? '';
  await expect(page.getByText('小票已打印', { exact: true })).toBeVisible();
  const clerkCode = (await page.getByTestId('clerk-query-code').textContent())?.trim() ?? '';
  const tickets = await printer.received();
  expect(tickets.at(-1)!.lines).toEqual(expect.arrayContaining([code, '物业纠纷', `查询码：${clerkCode}`]));
});

test('无人操作时询问“还在操作吗？”，倒计时后清空已填内容', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  await apiCall(host, 'settings.update', { kioskIdleSeconds: 30 }, admin);
  await page.clock.install();
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tile('婚姻家庭').click();
  await kiosk.field('您的姓名').fill('半途离开的人');
  await kiosk.field('您的手机号码').click(); // the digits keypad (the pinyin pad writes the name)
  await kiosk.tapKeys('139');

  // 29 s: nothing yet.
  await page.clock.fastForward(29_000);
  await expect(kiosk.idlePrompt).toBeHidden();
  // 30 s: asks, with a 20-second countdown; 继续操作 keeps everything.
  await page.clock.fastForward(2_000);
  await expect(kiosk.idlePrompt).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toHaveText(/^(20|19)$/);
  // What was typed is not readable behind the prompt (#18).
  await expect(kiosk.field('您的姓名')).toBeHidden();
  await expect(page.getByText('半途离开的人')).toHaveCount(0);
  await kiosk.expectTouchSized();
  await snap(page, 'kiosk-idle-prompt');
  await kiosk.idlePrompt.getByRole('button', { name: '继续操作' }).click();
  await expect(kiosk.idlePrompt).toBeHidden();
  await expect(kiosk.field('您的姓名')).toHaveValue('半途离开的人');

  // Idle again: asked again, and after the countdown the screen is cleared back to step ①.
  await page.clock.fastForward(31_000);
  await expect(kiosk.idlePrompt).toBeVisible();
  await page.clock.fastForward(10_000);
  await expect(page.getByTestId('idle-countdown')).toHaveText(/^(10|9)$/);
  await page.clock.fastForward(11_000);
  await expect(kiosk.idlePrompt).toBeHidden();
  await expect(kiosk.heading('请选择您遇到的纠纷类型')).toBeVisible();
  await kiosk.tile('婚姻家庭').click();
  await expect(kiosk.field('您的姓名')).toHaveValue('');
  await expect(kiosk.field('您的手机号码')).toHaveValue('');
});
