/**
 * People and a case for the access tests: a court-referred case run by two assigned mediators
 * (one resident, one court-stationed), with a third assigned mediator who must stand aside because
 * a party added later shares his phone (回避 found after assignment), and mediators of the centre
 * who are not on the case.
 */
import type { CaseDetail } from '../../../electron/common/api/cases';
import type { Role } from '../../../electron/common/roles';
import type { TestApp } from '../../support/backend';
import { referralInput } from '../court/helpers';

export const PASSWORD = 'Tiaojie2026';
export const RECUSED_PHONE = '13700009999';

export interface People {
  admin: string;
  /** roster ids */
  roster: { lead: string; assistant: string; recused: string; other: string; free: string };
  /** sessions by who they are */
  assigned: Partial<Record<Role, string>>;
  recused: Partial<Record<Role, string>>;
  unassigned: Partial<Record<Role, string>>;
  /** mediator accounts with no roster record */
  noRoster: Partial<Record<Role, string>>;
  intake: string;
}

async function rosterEntry(app: TestApp, s: string, name: string, phone: string): Promise<string> {
  return (
    await app.call(
      'mediators.create',
      { name, kind: 'resident', organisation: '牧野区人民调解委员会', phone, specialties: ['contract'] },
      s,
    )
  ).id;
}

async function user(app: TestApp, s: string, loginName: string, role: Role, mediatorId: string | null): Promise<string> {
  await app.call('users.create', { loginName, displayName: loginName, role, password: PASSWORD, mediatorId }, s);
  return app.login(loginName, PASSWORD);
}

export async function people(app: TestApp): Promise<People> {
  const admin = await app.login();
  const roster = {
    lead: await rosterEntry(app, admin, '刘承办', '13700001001'),
    assistant: await rosterEntry(app, admin, '周协办', '13700001002'),
    recused: await rosterEntry(app, admin, '孙回避', RECUSED_PHONE),
    other: await rosterEntry(app, admin, '钱局外', '13700001004'),
    free: await rosterEntry(app, admin, '吴待派', '13700001005'),
  };
  return {
    admin,
    roster,
    assigned: {
      mediator: await user(app, admin, 'lead', 'mediator', roster.lead),
      court_mediator: await user(app, admin, 'assistant', 'court_mediator', roster.assistant),
    },
    recused: {
      mediator: await user(app, admin, 'recused', 'mediator', roster.recused),
      court_mediator: await user(app, admin, 'recusedcourt', 'court_mediator', roster.recused),
    },
    unassigned: {
      mediator: await user(app, admin, 'other', 'mediator', roster.other),
      court_mediator: await user(app, admin, 'othercourt', 'court_mediator', roster.other),
    },
    noRoster: {
      mediator: await user(app, admin, 'noroster', 'mediator', null),
      court_mediator: await user(app, admin, 'norostercourt', 'court_mediator', null),
    },
    intake: await user(app, admin, 'clerk', 'intake', null),
  };
}

let referenceNo = 100;

/** The case, through the steps the operation needs: 'mediating', or 'agreed' (agreement in force since 2026-11-20). */
export async function runningCase(app: TestApp, p: People, stage: 'mediating' | 'agreed'): Promise<CaseDetail> {
  const s = p.admin;
  referenceNo += 1;
  const r = await app.call(
    'court.registerReferral',
    referralInput({ referral: { referenceNumber: `（2026）豫0711民诉前调${referenceNo}号` }, case: { tier: 'village' } }),
    s,
  );
  let c = await app.call('cases.get', { id: r.caseId }, s);
  if (c.status === 'registered') c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
  c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: p.roster.lead, role: 'lead' }, s);
  c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: p.roster.assistant, role: 'assistant' }, s);
  c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: p.roster.recused, role: 'assistant' }, s);
  // Found after the assignment: the respondent's son gives the same phone as the mediator 孙回避.
  c = await app.call(
    'parties.add',
    { id: c.id, version: c.version, party: { role: 'third_party', kind: 'person', name: '李小军', phone: RECUSED_PHONE } },
    s,
  );
  c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
  await app.call(
    'sessions.add',
    { caseId: c.id, session: { heldAt: '2026-11-20T10:00', place: '调解室', participants: '张建国、李秀英', record: '双方陈述意见。' } },
    s,
  );
  if (stage === 'agreed') {
    c = await app.call('cases.get', { id: c.id }, s);
    c = await app.call(
      'cases.step',
      {
        id: c.id,
        version: c.version,
        action: 'agree',
        agreement: {
          responsibility: '被申请人拖欠货款，应承担违约责任。',
          terms: ['被申请人于2026年12月31日前支付货款30000元'],
          performanceMethod: '银行转账',
          performanceDeadline: '2026-12-31',
        },
        agreementEffectiveAt: '2026-11-20',
      },
      s,
    );
  }
  return app.call('cases.get', { id: c.id }, s);
}

/** Everything a refused call must leave as it was: row counts and the sum of versions of the case's tables. */
export function snapshot(app: TestApp): Record<string, number> {
  const db = app.backend.app.ctx.db.sqlite;
  const out: Record<string, number> = {};
  for (const t of [
    'cases',
    'parties',
    'sessions',
    'case_mediators',
    'court_referrals',
    'confirmations',
    'followups',
    'documents',
    'audit',
  ]) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  for (const t of ['cases', 'parties', 'sessions', 'court_referrals', 'confirmations', 'followups', 'documents']) {
    const hasVersion =
      (db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${t}') WHERE name = 'version'`).get() as { n: number }).n > 0;
    if (hasVersion) out[`${t}.versions`] = (db.prepare(`SELECT COALESCE(SUM(version), 0) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}
