/**
 * Time limits counted as the law does (民事诉讼法 第八十五条), as a court mediator and the centre's
 * administrator see them: a court-delegated case whose materials were signed for on 2026-09-01
 * falls due on 2026-10-08, not on National Day, and every screen says why; the administrator
 * imports next year’s schedule and is told which open deadlines moved, or enters a year by hand.
 *
 * Each test seeds what it needs over the API (accounts, referrals); the host runs on today's date.
 */
import { apiCall, apiLogin } from './support/api';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { CalendarPage } from './pages/CalendarPage';
import { CourtReferralsPage } from './pages/CourtPages';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

test.use({ hostSeed: 'api' });
test.describe.configure({ timeout: 120_000 });

const COURT = '新乡市牧野区人民法院';
const REASON = '2026-10-08（原到期日 10-01 为国庆假期，顺延）';

/** A court mediator of the test's own (login names are unique per test). */
async function courtMediator(host: Parameters<typeof apiLogin>[0], loginName: string) {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  await apiCall(
    host,
    'users.create',
    { loginName, displayName: `驻院${loginName.slice(-2)}`, role: 'court_mediator', password: 'Fayuan2026' },
    admin,
  );
  return { loginName, password: 'Fayuan2026', session: await apiLogin(host, loginName, 'Fayuan2026') };
}

test('委派案件 2026-09-01 签收材料：期限顺延至 2026-10-08，并说明原到期日是国庆假期', async ({ page, host }) => {
  const me = await courtMediator(host, 'zhuyuan01');
  const reference = '（2026）豫0711民诉前调9001号';
  const r = await apiCall(
    host,
    'court.registerReferral',
    {
      referral: {
        mode: 'delegated',
        court: COURT,
        referenceNumber: reference,
        referredAt: '2026-09-01',
        materialsSignedAt: '2026-09-01',
        reportTo: '刘法官',
      },
      case: {
        title: '房屋租赁合同纠纷',
        category: 'contract',
        parties: [
          { role: 'applicant', kind: 'person', name: '高远' },
          { role: 'respondent', kind: 'person', name: '林芳' },
        ],
      },
    },
    me.session,
  );

  await page.goto(host.url);
  await new LoginPage(page).login(me.loginName, me.password);
  await new ShellPage(page).expectShown();
  const court = new CourtReferralsPage(page);

  // The registration form counts the same way before anything is saved.
  await court.open();
  await court.registerButton.click();
  await expect(court.dialog).toBeVisible();
  const signed = court.field('签收材料日期');
  await signed.click();
  await signed.fill('2026-09-01');
  await signed.press('Enter');
  await expect(court.dialog.getByTestId('due-preview')).toContainText(`调解期限 30 日，至 ${REASON}`);
  await court.dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(court.dialog).toBeHidden();

  // The referral's own view: the clock gives the moved day and the reason.
  await court.row(reference).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/court/referrals/${r.caseId}$`));
  const clock = court.panel('法院委派').getByTestId('referral-clock');
  await expect(clock).toContainText(`期限至 ${REASON}`);
  await expect(clock.getByTestId('due-date')).toHaveAttribute('data-due', '2026-10-08');
  await snap(page, 'calendar-referral-due');

  // The case page says the same.
  await page.goto(`${host.url}#/cases/${r.caseId}`);
  await expect(page.getByRole('main').getByTestId('due-date').first()).toHaveText(REASON);
});

test('管理员导入 2027 年节假日安排：提醒消失，在办案件的期限重新计算并列出', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  // This test's starting point: no 2027 schedule of the centre's own.
  if ((await apiCall(host, 'calendar.get', {}, admin)).views.some((v) => v.year === 2027 && v.origin !== 'builtin')) {
    await apiCall(host, 'calendar.removeYear', { year: 2027 }, admin);
  }
  // A referral signed for on 2026-12-02: day 30 is 2027-01-01, which next year's schedule makes 元旦.
  const me = await courtMediator(host, 'zhuyuan02');
  const reference = '（2026）豫0711民诉前调9002号';
  const r = await apiCall(
    host,
    'court.registerReferral',
    {
      referral: { mode: 'delegated', court: COURT, referenceNumber: reference, referredAt: '2026-12-02', materialsSignedAt: '2026-12-02' },
      case: {
        title: '买卖合同货款纠纷',
        category: 'contract',
        parties: [
          { role: 'applicant', kind: 'person', name: '韩梅' },
          { role: 'respondent', kind: 'person', name: '某商行' },
        ],
      },
    },
    me.session,
  );
  expect(r.dueDate).toBe('2027-01-01');

  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  const calendar = new CalendarPage(page);
  await calendar.open();
  await expect(calendar.row(2026)).toContainText('内置');
  await expect(calendar.row(2026)).toContainText('国庆节');
  await expect(calendar.warning).toContainText('尚未录入2027 年的节假日安排');

  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270101',
    'DTEND;VALUE=DATE:20270104',
    'SUMMARY:元旦(休)',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await calendar.importIcs('2027.ics', ics);
  const result = page.getByRole('dialog').filter({ hasText: '已导入 2027 年节假日安排' });
  await expect(result).toBeVisible();
  await expect(result.getByTestId('recomputed')).toContainText('2027-01-01 → 2027-01-04（原到期日 01-01 为元旦假期，顺延）');
  await snap(page, 'calendar-import-result');
  await result.getByRole('button', { name: '知道了' }).click();
  await expect(calendar.row(2027)).toContainText('本中心录入');
  await expect(calendar.row(2027)).toContainText('导入文件 2027.ics');
  await expect(calendar.warning).toBeHidden();

  // The case carries the new deadline, and its record says why it changed.
  await page.goto(`${host.url}#/cases/${r.caseId}`);
  await expect(page.getByRole('main').getByTestId('due-date').first()).toHaveText('2027-01-04（原到期日 01-01 为元旦假期，顺延）');
  await expect(page.getByRole('main')).toContainText('因2027 年节假日安排导入，期限由 2027-01-01 重新计算为 2027-01-04');
});

test('管理员手工录入一年的安排：格式不对时就地提示，保存后列入表格', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  if ((await apiCall(host, 'calendar.get', {}, admin)).views.some((v) => v.year === 2028))
    await apiCall(host, 'calendar.removeYear', { year: 2028 }, admin);

  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  const calendar = new CalendarPage(page);
  await calendar.open();
  await page.getByRole('button', { name: '录入一年的安排' }).click();
  const dialog = page.getByRole('dialog', { name: '录入一年的节假日安排' });
  await dialog.getByLabel('年份').fill('2028');
  await dialog.getByLabel('来源').fill('国务院办公厅关于2028年部分节假日安排的通知（测试数据）');
  await dialog.getByLabel('放假日期').fill('2028年1月1日 元旦');
  await dialog.getByRole('button', { name: '保存并重新计算期限' }).click();
  await expect(dialog.getByText('第 1 行格式不对')).toBeVisible();
  await dialog.getByLabel('放假日期').fill('2028-01-01 元旦\n2028-01-25~2028-02-01 春节');
  await dialog.getByLabel('调休上班日期（周末上班）').fill('2028-02-05 春节');
  await dialog.getByRole('button', { name: '保存并重新计算期限' }).click();
  const result = page.getByRole('dialog').filter({ hasText: '节假日安排已保存' });
  await expect(result).toBeVisible();
  await result.getByRole('button', { name: '知道了' }).click();
  await expect(calendar.row(2028)).toContainText('本中心录入');
  await expect(calendar.row(2028)).toContainText('元旦、春节');
  await expect(calendar.row(2028)).toContainText('9 天');
  await expect(calendar.row(2028)).toContainText('1 天');
});
