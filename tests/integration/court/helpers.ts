/** Shared set-up for the court docking and follow-through tests. */
import type { RegisterReferralInput } from '../../../electron/common/api/court';
import type { ActionCode } from '../../../electron/common/domain/lifecycle';
import type { TestApp } from '../../support/backend';
import { LI, ZHANG, walkInCase } from '../../support/cases';

export async function mediator(app: TestApp, s: string, name = '赵调解', extra: Record<string, unknown> = {}) {
  return app.call(
    'mediators.create',
    { name, kind: 'invited', organisation: '牧野区人民法院特邀调解员', phone: '13700001111', specialties: ['contract'], ...extra },
    s,
  );
}

export function referralInput(
  overrides: {
    referral?: Partial<RegisterReferralInput['referral']>;
    case?: Partial<RegisterReferralInput['case']>;
    mediator?: RegisterReferralInput['mediator'];
  } = {},
): RegisterReferralInput {
  return {
    referral: {
      mode: 'delegated',
      court: '新乡市牧野区人民法院',
      referenceNumber: '（2026）豫0711民诉前调1234号',
      referredAt: '2026-11-18',
      materialsSignedAt: '2026-11-19',
      reportTo: '刘法官',
      ...overrides.referral,
    },
    case: {
      title: '买卖合同货款纠纷',
      category: 'contract',
      summary: '原告向被告供应建材，被告尚欠货款三万元未付。',
      claims: '请求被告支付货款30000元。',
      amountFen: 3000000,
      parties: [ZHANG, LI],
      ...overrides.case,
    },
    mediator: overrides.mediator ?? null,
  };
}

/** Row counts of every table a registration or a change may touch: for "nothing half-saved". */
export function counts(app: TestApp): Record<string, number> {
  const db = app.backend.app.ctx.db.sqlite;
  const out: Record<string, number> = {};
  for (const t of ['cases', 'parties', 'court_referrals', 'case_mediators', 'confirmations', 'followups', 'audit', 'counters']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  out.caseVersions = (db.prepare('SELECT COALESCE(SUM(version), 0) AS n FROM cases').get() as { n: number }).n;
  return out;
}

/** Move a case through life-cycle steps, keeping its version current. */
export async function steps(app: TestApp, s: string, id: string, list: (ActionCode | [ActionCode, Record<string, unknown>])[]) {
  let c = await app.call('cases.get', { id }, s);
  for (const item of list) {
    const [action, extra] = Array.isArray(item) ? item : [item, {}];
    c = await app.call('cases.step', { id, version: c.version, action, ...extra }, s);
  }
  return c;
}

/**
 * A walk-in case with an agreement that took effect on `effective`. The clock is left at that day
 * and a fresh session is returned (a jump of days ends an idle session).
 */
export async function agreedCase(app: TestApp, effective: string, extra: { performanceDeadline?: string; mediatorId?: string } = {}) {
  app.clock.set(`${effective}T09:00:00+08:00`);
  const s = await app.login();
  let c = await app.call('cases.register', walkInCase(), s);
  c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
  const m = extra.mediatorId ?? (await mediator(app, s, `调解员${Math.random().toString(36).slice(2, 6)}`, { phone: '13700002222' })).id;
  c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m }, s);
  c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
  const agreement = {
    terms: ['被申请人于协议签订后十日内支付货款'],
    ...(extra.performanceDeadline ? { performanceDeadline: extra.performanceDeadline } : {}),
  };
  c = await app.call('cases.step', { id: c.id, version: c.version, action: 'agree', agreement, agreementEffectiveAt: effective }, s);
  return { c, s };
}

/** Move the clock to a day (09:00) and sign in again. */
export async function dayIs(app: TestApp, day: string): Promise<string> {
  app.clock.set(`${day}T09:00:00+08:00`);
  return app.login();
}
