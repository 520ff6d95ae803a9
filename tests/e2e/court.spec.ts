/**
 * Court docking and follow-through, as the docking point and the centre head use them: a court
 * mediator registers a 委派 referral, picks an invited mediator from the roster by specialty, sees
 * the 30-day clock, reports the agreement, records 司法确认 and a follow-up; the centre head sets the
 * responsible people of a case, escalates it to the district and finds it on the 督办清单.
 *
 * Seeded over the API (not under test here): the court mediator's account, the roster, and the
 * case's acceptance and start of mediation (life-cycle steps of the case page, tested in cases.spec.ts).
 */
import { apiCall, apiLogin, type HostAddress } from './support/api';
import { expect, test } from './support/host';
import { snap } from './support/screenshots';
import { SEED } from './support/seed';
import { CourtReferralsPage, RosterPage, SupervisionPage, pickOption } from './pages/CourtPages';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';
import { makeResidentId } from '../../electron/common/domain/identity';
import { describeDue, makeCalendar, periodDue, workingDaysLeft } from '../../electron/common/domain/calendar';
import { daysLeft } from '../../electron/common/domain/deadlines';
import { builtinYears } from '../../electron/services/calendar/builtin';

test.use({ hostSeed: 'api' });
// Long journeys through several screens: more time than a single-screen test. Each test seeds
// what it needs (the tests share the file's host, so each picks its own names) and passes alone.
test.describe.configure({ timeout: 150_000 });

const COURT_MEDIATOR = { loginName: 'zhoujing', displayName: '周静', role: 'court_mediator' as const, password: 'Fayuan2026' };
const REFERENCE = '（2026）豫0711民诉前调1234号';
const COURT = '新乡市牧野区人民法院';
/** The referral the second test reports on (its own, seeded over the API). */
const REPORTED = '（2026）豫0711民诉前调1235号';

/** Today at the centre (the host and the browser both run in Asia/Shanghai). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const plusDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Periods as the host counts them (the built-in holiday schedules): the expected dates move with today. */
const cal = makeCalendar(builtinYears());
const legal = (from: string, n: number) => periodDue(cal, from, n);
const left = (n: number) => daysLeft(legal(today(), n).due, today());

/**
 * The court mediator's account, linked to her roster record (no specialty: she is never among the
 * candidates by category); made once per host, whichever test comes first. Returns the roster id.
 */
async function ensureCourtMediator(host: HostAddress, admin: string): Promise<string> {
  const existing = (await apiCall(host, 'mediators.list', {}, admin)).find((m) => m.name === COURT_MEDIATOR.displayName);
  if (existing) return existing.id;
  const { id } = await apiCall(
    host,
    'mediators.create',
    { name: COURT_MEDIATOR.displayName, kind: 'resident', organisation: '牧野区人民法院诉调对接中心', phone: '13700004444' },
    admin,
  );
  await apiCall(host, 'users.create', { ...COURT_MEDIATOR, mediatorId: id }, admin);
  return id;
}

test('驻院调解员登记委派案件，从名册中按擅长类型选定特邀调解员，看到30日期限', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  await ensureCourtMediator(host, admin);
  await apiCall(
    host,
    'mediators.create',
    {
      name: '赵敏',
      kind: 'invited',
      organisation: '牧野区人民法院特邀调解员',
      phone: '13700001111',
      specialties: ['contract', 'damages'],
      region: '牧野区',
    },
    admin,
  );
  await apiCall(
    host,
    'mediators.create',
    { name: '钱进', kind: 'invited', organisation: '牧野区律师协会', phone: '13700002222', specialties: ['housing_homestead'] },
    admin,
  );
  await apiCall(
    host,
    'mediators.create',
    { name: '孙立', kind: 'resident', organisation: '牧野区人民调解委员会', phone: '13700003333', specialties: ['neighbor'] },
    admin,
  );

  await page.goto(host.url);
  await new LoginPage(page).login(COURT_MEDIATOR.loginName, COURT_MEDIATOR.password);
  const shell = new ShellPage(page);
  await shell.expectShown();
  expect(await shell.pageLabels('法院委派')).toEqual(['委派案件']);

  const court = new CourtReferralsPage(page);
  await court.open();
  await expect(court.table).toContainText('没有办理中的委派案件');
  await court.registerButton.click();
  await expect(court.dialog).toBeVisible();

  // A reference without the year in brackets is refused in Chinese before anything is sent.
  await court.field('委派/委托法院').fill(COURT);
  await court.field('法院案号').fill('豫0711民诉前调1234号');
  await court.field('纠纷简述').click();
  await expect(court.dialog.getByText('法院案号应以括号中的年份开头')).toBeVisible();
  await court.field('法院案号').fill(REFERENCE);
  await expect(court.dialog.getByTestId('due-preview')).toContainText(`调解期限 30 日，至 ${describeDue(legal(today(), 30))}`);
  await court.field('承办法官/书记员').fill('刘法官');
  await snap(page, 'court-register-court');

  await court.field('纠纷简述').fill('买卖合同货款纠纷');
  await court.field('纠纷类型').click();
  await pickOption(page, '合同');
  await court.field('纠纷事实').fill('申请人向被申请人供应建材，被申请人尚欠货款三万元未付。');
  await court.field('争议金额（元）').fill('30000');
  const applicant = court.party(1);
  await applicant.getByLabel('姓名', { exact: true }).fill('张建国');
  await applicant.getByLabel('证件号码', { exact: true }).fill(makeResidentId('410711', '1968-03-12', 31));
  await applicant.getByLabel('联系电话', { exact: true }).fill('13803731234');
  const company = court.party(2);
  await company.getByText('单位', { exact: true }).click();
  await company.getByLabel('单位名称', { exact: true }).fill('新乡市某建材有限公司');
  await company.getByLabel('联系电话', { exact: true }).fill('0373-5550123');

  // The roster, filtered by the dispute's category: only mediators who list 合同.
  await court.field('调解员').click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(dropdown.getByTestId('mediator-candidate')).toHaveCount(1);
  await expect(dropdown).toContainText('赵敏');
  await expect(dropdown).toContainText('擅长合同');
  await expect(dropdown).toContainText('在办 0 件');
  await expect(dropdown).not.toContainText('钱进');
  await snap(page, 'court-mediator-picker');
  await pickOption(page, '赵敏');
  await court.dialog.getByRole('radio', { name: '当事人选定' }).check();
  await snap(page, 'court-register');
  await court.dialog.getByRole('button', { name: '登记', exact: true }).click();

  // The new case's court view: the clock, the court's data, the chosen mediator.
  await expect(court.dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/court\/referrals\/[0-9a-f-]{36}$/);
  const referral = court.panel('法院委派');
  const clock = referral.getByTestId('referral-clock');
  await expect(clock).toHaveAttribute('data-clock', 'ok');
  await expect(clock).toContainText(`剩 ${left(30)} 天`);
  await expect(clock).toContainText(`期限至 ${describeDue(legal(today(), 30))}`);
  await expect(referral).toContainText(REFERENCE);
  await expect(referral).toContainText('委派调解（立案前）');
  await expect(referral).toContainText('赵敏（当事人选定）');
  await expect(referral).toContainText('刘法官');
  await snap(page, 'court-referral');

  // An older referral, seeded, whose 30 days ran out: it comes first, in red.
  const s = await apiLogin(host, COURT_MEDIATOR.loginName, COURT_MEDIATOR.password);
  await apiCall(
    host,
    'court.registerReferral',
    {
      referral: {
        mode: 'delegated',
        court: COURT,
        referenceNumber: '（2026）豫0711民诉前调998号',
        referredAt: plusDays(today(), -41),
        materialsSignedAt: plusDays(today(), -40),
        reportTo: '王法官',
      },
      case: {
        title: '机动车交通事故责任纠纷',
        category: 'traffic_accident',
        parties: [
          { role: 'applicant', kind: 'person', name: '刘强' },
          { role: 'respondent', kind: 'person', name: '陈明' },
        ],
      },
    },
    s,
  );
  await court.open();
  // Data rows only: a table that scrolls sideways also has antd's hidden measuring row.
  const rows = court.table.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`已超期 ${-daysLeft(legal(plusDays(today(), -40), 30).due, today())} 天`);
  await expect(rows.nth(0).getByTestId('referral-clock')).toHaveAttribute('data-clock', 'overdue');
  await expect(rows.nth(0).getByTestId('referral-clock')).toHaveCSS('color', 'rgb(198, 40, 40)');
  await expect(rows.nth(1)).toContainText(REFERENCE);
  await expect(rows.nth(1)).toContainText(`剩 ${left(30)} 天`);
  await expect(rows.nth(1)).toContainText('赵敏');
  await snap(page, 'court-home');
});

test('报告调解成功，登记司法确认的申请、受理和裁定，安排并登记回访', async ({ page, host }) => {
  // The life-cycle steps before mediation belong to the case page: seeded here. The centre head
  // assigns the court mediator to the case she runs with the invited mediator (common/access.ts).
  // Its own referral, with its own invited mediator (not a 合同 specialist: the first test counts those).
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  const courtMediatorRosterId = await ensureCourtMediator(host, admin);
  const invited = await apiCall(
    host,
    'mediators.create',
    { name: '吴芳', kind: 'invited', organisation: '牧野区妇女联合会', phone: '13700005555', specialties: ['marriage_family'] },
    admin,
  );
  const registered = await apiCall(
    host,
    'court.registerReferral',
    {
      referral: {
        mode: 'delegated',
        court: COURT,
        referenceNumber: REPORTED,
        referredAt: today(),
        materialsSignedAt: today(),
        reportTo: '刘法官',
      },
      case: {
        title: '买卖合同货款纠纷',
        category: 'contract',
        parties: [
          { role: 'applicant', kind: 'person', name: '张建国' },
          { role: 'respondent', kind: 'org', name: '新乡市某建材有限公司' },
        ],
      },
      mediator: { mediatorId: invited.id, chosenBy: 'parties' },
    },
    admin,
  );
  const seeded = await apiCall(host, 'cases.get', { id: registered.caseId }, admin);
  await apiCall(
    host,
    'cases.assignMediator',
    { id: seeded.id, version: seeded.version, mediatorId: courtMediatorRosterId, role: 'assistant' },
    admin,
  );
  const s = await apiLogin(host, COURT_MEDIATOR.loginName, COURT_MEDIATOR.password);
  let c = await apiCall(host, 'cases.get', { id: seeded.id }, s);
  c = await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
  await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'start' }, s);

  await page.goto(host.url);
  await new LoginPage(page).login(COURT_MEDIATOR.loginName, COURT_MEDIATOR.password);
  const court = new CourtReferralsPage(page);
  await court.open();
  await court.row(REPORTED).getByRole('link').click();
  const referral = court.panel('法院委派');
  await expect(referral.getByTestId('referral-clock')).toContainText(`剩 ${left(30)} 天`);

  // The agreement, reported to the court.
  await referral.getByRole('button', { name: '报告调解结果' }).click();
  const report = court.modal('向法院报告调解结果');
  await report.getByRole('radio', { name: '调解成功（达成协议）' }).check();
  await expect(report.getByLabel('协议生效日期')).toHaveValue(today());
  await report.getByLabel('说明').fill('双方达成分期付款协议');
  await report.getByRole('button', { name: '记录报告' }).click();
  await expect(report).toBeHidden();
  await expect(referral.getByTestId('referral-clock')).toHaveAttribute('data-clock', 'reported');
  await expect(referral).toContainText(`${today()} 已向法院报告：调解成功（达成协议）`);

  // 司法确认: the window, then application, acceptance and ruling.
  const confirmation = court.panel('司法确认');
  const window30 = legal(today(), 30);
  await expect(confirmation).toContainText(
    `双方可在 ${describeDue(window30)} 前（含当日）共同申请，还剩 ${left(30)} 天（${workingDaysLeft(cal, window30.due, today())} 个工作日）`,
  );
  await confirmation.getByRole('button', { name: '登记司法确认申请' }).click();
  const apply = court.modal('登记司法确认申请');
  await expect(apply.getByLabel('受理法院')).toHaveValue(COURT);
  await apply.getByRole('button', { name: '登记', exact: true }).click();
  await expect(apply).toBeHidden();
  await confirmation.getByRole('button', { name: '登记法院受理' }).click();
  const accept = court.modal('登记法院受理');
  await accept.getByLabel('受理案号').fill('（2026）豫0711民初12号');
  await accept.getByRole('button', { name: '登记', exact: true }).click();
  await expect(accept.getByText('受理案号应为法院的调确字或民特案号')).toBeVisible();
  await accept.getByLabel('受理案号').fill('（2026）豫0711民特12号');
  await accept.getByRole('button', { name: '登记', exact: true }).click();
  await expect(accept).toBeHidden();
  await confirmation.getByRole('button', { name: '登记裁定结果' }).click();
  const rule = court.modal('登记裁定结果');
  await rule.getByRole('radio', { name: '裁定确认协议有效' }).check();
  await rule.getByRole('button', { name: '登记', exact: true }).click();
  await expect(rule).toBeHidden();
  await expect(confirmation).toContainText('（2026）豫0711民特12号');
  await expect(confirmation).toContainText('裁定确认协议有效');
  await snap(page, 'court-confirmation');

  // 回访: the suggested schedule, then one visit recorded.
  const followups = court.panel('回访');
  const visit15 = legal(today(), 15);
  await expect(followups).toContainText(`建议回访：${visit15.due}（协议生效后15日回访${visit15.reason ? `（${visit15.reason}）` : ''}）`);
  await followups.getByRole('button', { name: '按建议安排回访' }).click();
  const visit = followups.getByRole('row').filter({ hasText: visit15.due });
  await expect(visit).toContainText(`${left(15)} 天后`);
  await visit.getByRole('button', { name: '登记回访' }).click();
  const record = court.modal('登记回访');
  await record.getByRole('radio', { name: '上门回访' }).check();
  await record.getByRole('radio', { name: '已履行', exact: true }).check();
  await record.getByLabel('回访情况').fill('被申请人已按约支付第一期货款一万元');
  await expect(record.getByLabel('回访人')).toHaveValue(COURT_MEDIATOR.displayName);
  await record.getByRole('button', { name: '登记', exact: true }).click();
  await expect(record).toBeHidden();
  await expect(visit).toContainText('已回访');
  await expect(visit).toContainText('已履行');
  await expect(visit).toContainText('被申请人已按约支付第一期货款一万元');
  await snap(page, 'court-followup');

  // Reported referrals leave the running list.
  await court.open();
  await expect(court.row(REPORTED)).toHaveCount(0);
  await page.getByText('已报告结果', { exact: true }).click();
  await expect(court.row(REPORTED)).toContainText('调解成功（达成协议）');

  // The roster's performance record counts it.
  const roster = new RosterPage(page);
  await roster.open();
  await page.getByLabel('擅长纠纷类型').click();
  await pickOption(page, '婚姻家庭');
  const list = roster.visibleTable();
  await expect(list.getByRole('row')).toHaveCount(2); // header + 吴芳
  await expect(list).toContainText('吴芳');
  await page.getByRole('tab', { name: '履职记录' }).click();
  const perf = roster.visibleTable().getByRole('row').filter({ hasText: '吴芳' });
  await expect(perf.getByRole('cell')).toHaveText([
    /^吴芳\s*特邀调解员 · 牧野区妇女联合会$/,
    '1',
    '1',
    '0',
    '0',
    '100%',
    '0 天',
    '0',
    '0',
    '1',
  ]);
  await snap(page, 'court-roster-performance');
});

test('中心负责人设定牵头单位与责任人，把案件上报至区级，在督办清单上看到它', async ({ page, host }) => {
  const admin = await apiLogin(host, SEED.adminLogin, SEED.adminPassword);
  let c = await apiCall(
    host,
    'cases.register',
    {
      title: '征地补偿款分配纠纷',
      category: 'land_expropriation',
      source: 'walk_in',
      tier: 'town',
      summary: '王村三组村民对征地补偿款分配方案有异议。',
      parties: [
        { role: 'applicant', kind: 'person', name: '王大山', phone: '13603731111' },
        { role: 'respondent', kind: 'org', name: '王村三组村民小组' },
      ],
    },
    admin,
  );
  c = await apiCall(host, 'cases.step', { id: c.id, version: c.version, action: 'accept' }, admin);

  await page.goto(host.url);
  await new LoginPage(page).login(SEED.adminLogin, SEED.adminPassword);
  const supervision = new SupervisionPage(page);
  await supervision.open();
  await expect(supervision.row('征地补偿款分配纠纷')).toHaveCount(0);

  // The case page's panel (the same panel shows on the court view).
  await page.goto(new URL(`#/cases/${c.id}`, host.origin).href);
  const court = new CourtReferralsPage(page);
  const panel = court.panel('牵头单位与责任人');
  await expect(panel).toContainText('镇（街道）');
  await panel.getByLabel('牵头单位').fill('区信访局');
  await panel.getByLabel('协办单位').fill('王村镇政府');
  await panel.getByLabel('协办单位').press('Enter');
  await panel.getByLabel('包案领导').fill('李副区长');
  await panel.getByLabel('责任人').fill('张科长');
  await panel.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存牵头单位与责任人')).toBeVisible();
  await panel.getByRole('button', { name: '上报区' }).click();
  const escalate = court.modal('上报区');
  await escalate.getByRole('button', { name: '上报', exact: true }).click();
  await expect(escalate.getByText('请填写上报理由')).toBeVisible();
  await escalate.getByLabel('上报理由').fill('涉及多个村组和部门，镇级难以化解');
  await escalate.getByRole('button', { name: '上报', exact: true }).click();
  await expect(escalate).toBeHidden();
  await expect(panel).toContainText('区（由镇（街道）上报）');

  await supervision.open();
  const row = supervision.row('征地补偿款分配纠纷');
  await expect(row).toContainText('已上报');
  await expect(row).toContainText('由镇（街道）上报');
  await expect(row).toContainText('区信访局');
  await expect(row).toContainText('协办：王村镇政府');
  await expect(row).toContainText('李副区长');
  await expect(row).toContainText('张科长');
  await page.getByRole('checkbox', { name: '已超期' }).check();
  await expect(row).toHaveCount(0);
  await page.getByRole('checkbox', { name: '已上报' }).check();
  await expect(row).toBeVisible();
  await snap(page, 'court-supervision');

  // From the list to the case's supervision view.
  await row.getByRole('link').click();
  await expect(court.panel('牵头单位与责任人')).toContainText('区（由镇（街道）上报）');
  await expect(page.getByRole('button', { name: '返回督办清单' })).toBeVisible();
});
