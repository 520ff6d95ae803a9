/**
 * Court referrals (特邀调解, 法释〔2016〕14号): a case the court delegated before filing (委派) or
 * entrusted after filing (委托), with the court's reference number, the time limit counted from the
 * day the mediator signed for the court's materials, extensions with both parties' consent, and the
 * result reported back to the court.
 *
 * The referral row is uploaded inside the case record (district-api.md `courtReferral`), so every
 * change to it raises the CASE's version (writeCase) in the same transaction, with an audit event.
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cases, courtReferrals } from '../../../db/schema';
import {
  COURT_MODE_SHORT,
  COURT_RESULT_LABELS,
  type CourtResult,
  type extendReferralInput,
  type ReferralFilter,
  type ReferralView,
  type registerReferralInput,
  type reportResultInput,
} from '../../common/api/court';
import { AppError } from '../../common/errors';
import { categoryLabel } from '../../common/domain/categories';
import {
  addDays,
  COURT_PROCEDURE_LABELS,
  courtReferralDueDate,
  courtReferralLimitDays,
  daysLeft,
  deadlineState,
} from '../../common/domain/deadlines';
import { legalDue, workingDaysLeft, type LegalCalendar, type LegalDue } from '../../common/domain/calendar';
import { canStep, isOpen, OPEN_STATUSES, STORED_OUTCOME_LABELS, statusLabel, type ActionCode } from '../../common/domain/lifecycle';
import { requireCentre } from '../centre';
import { recordAudit } from '../core/audit';
import { localDate } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { loadCalendar } from '../calendar/store';
import { stepCase } from '../cases/lifecycle';
import { assignMediator } from '../cases/mediators';
import { registerCase } from '../cases/register';
import { loadCase, lockCase, writeCase, type CaseRecord } from '../cases/versioning';
import { mediatorNamesFor, partyNamesFor } from './names';

type ReferralRow = typeof courtReferrals.$inferSelect;
type RegisterReferral = z.output<typeof registerReferralInput>;

const today = (ctx: Pick<ServiceContext, 'clock'>) => localDate(ctx.clock.now());

/** The plain-count last day of the mediation as the referral now stands (signed + limit + extensions). */
export function referralDueDate(r: Pick<ReferralRow, 'materialsSignedAt' | 'timeLimitDays' | 'extensionDays'>): string | null {
  return r.materialsSignedAt ? addDays(r.materialsSignedAt, r.timeLimitDays + r.extensionDays) : null;
}

/** The last day as the law counts it: the plain-count day moved off a rest day. */
export function referralLegalDue(
  cal: LegalCalendar,
  r: Pick<ReferralRow, 'materialsSignedAt' | 'timeLimitDays' | 'extensionDays'>,
): LegalDue | null {
  const nominal = referralDueDate(r);
  return nominal ? legalDue(cal, nominal) : null;
}

export function referralView(
  c: CaseRecord,
  r: ReferralRow,
  names: { parties: string; mediators: string },
  todayIso: string,
  nearDays: number,
  cal: LegalCalendar,
): ReferralView {
  const legal = referralLegalDue(cal, r);
  const dueDate = legal?.due ?? null;
  const reported = r.result !== null;
  // A mediation that ended before its result was reported has stopped its clock: not overdue, not in progress.
  const running = !reported && isOpen(c.status);
  return {
    caseId: c.id,
    caseVersion: c.version,
    caseNumber: c.caseNumber,
    title: c.title,
    category: c.category,
    status: c.status,
    outcome: c.outcome,
    mode: r.mode,
    procedure: r.procedure,
    court: r.court,
    referenceNumber: r.referenceNumber,
    referredAt: r.referredAt,
    materialsSignedAt: r.materialsSignedAt,
    timeLimitDays: r.timeLimitDays,
    extensionDays: r.extensionDays,
    extensionConsent: r.extensionConsent,
    reportTo: r.reportTo,
    dueDate,
    dueNominal: legal?.nominal ?? null,
    dueNote: legal?.reason ?? null,
    daysLeft: running && dueDate ? daysLeft(dueDate, todayIso) : null,
    workingDaysLeft: running && dueDate ? workingDaysLeft(cal, dueDate, todayIso) : null,
    clock: reported ? 'reported' : running ? deadlineState(dueDate, todayIso, nearDays) : 'closed',
    result: r.result,
    resultReason: r.resultReason,
    resultReportedAt: r.resultReportedAt,
    materialsReturned: r.materialsReturned,
    partyNames: names.parties,
    mediatorNames: names.mediators,
  };
}

function loadReferral(ctx: Pick<ServiceContext, 'db'>, caseId: string): ReferralRow | undefined {
  return ctx.db.orm.select().from(courtReferrals).where(eq(courtReferrals.caseId, caseId)).get();
}

function requireReferral(ctx: Pick<ServiceContext, 'db'>, caseId: string): ReferralRow {
  const r = loadReferral(ctx, caseId);
  if (!r) throw new AppError('NOT_FOUND', '该案件不是法院委派或委托的案件');
  return r;
}

export function getReferral(ctx: ServiceContext, caseId: string): ReferralView | null {
  const c = loadCase(ctx, caseId);
  const r = loadReferral(ctx, caseId);
  if (!r) return null;
  return referralView(
    c,
    r,
    { parties: partyNamesFor(ctx, [caseId]).get(caseId) ?? '', mediators: mediatorNamesFor(ctx, [caseId]).get(caseId) ?? '' },
    today(ctx),
    getSettings(ctx).nearDeadlineDays,
    loadCalendar(ctx),
  );
}

/** Sorting rank: running referrals, then those closed but not reported, then reported ones. */
const CLOCK_RANK = (clock: ReferralView['clock']) => (clock === 'reported' ? 2 : clock === 'closed' ? 1 : 0);

/**
 * Referrals for the docking point's home page: those still running first, the fewest days left
 * (overdue) on top; then those closed but not yet reported to the court; then those already
 * reported, the latest report first. 'open' is the running ones only: a closed case is not 办理中.
 */
export function listReferrals(ctx: ServiceContext, status: ReferralFilter): ReferralView[] {
  const where = [eq(cases.deleted, false)];
  if (status === 'open') where.push(sql`${courtReferrals.result} IS NULL`, inArray(cases.status, [...OPEN_STATUSES]));
  if (status === 'unreported') where.push(sql`${courtReferrals.result} IS NULL`, notInArray(cases.status, [...OPEN_STATUSES]));
  if (status === 'reported') where.push(sql`${courtReferrals.result} IS NOT NULL`);
  const rows = ctx.db.orm
    .select({ c: cases, r: courtReferrals })
    .from(courtReferrals)
    .innerJoin(cases, eq(cases.id, courtReferrals.caseId))
    .where(and(...where))
    .all();
  const ids = rows.map((x) => x.c.id);
  const pn = partyNamesFor(ctx, ids);
  const mn = mediatorNamesFor(ctx, ids);
  const t = today(ctx);
  const near = getSettings(ctx).nearDeadlineDays;
  const cal = loadCalendar(ctx);
  const views = rows.map(({ c, r }) => referralView(c, r, { parties: pn.get(c.id) ?? '', mediators: mn.get(c.id) ?? '' }, t, near, cal));
  return views.sort((a, b) => {
    const ar = CLOCK_RANK(a.clock);
    const br = CLOCK_RANK(b.clock);
    if (ar !== br) return ar - br;
    if (ar === 2) return (b.resultReportedAt ?? '').localeCompare(a.resultReportedAt ?? '');
    const ad = a.daysLeft ?? Number.MAX_SAFE_INTEGER;
    const bd = b.daysLeft ?? Number.MAX_SAFE_INTEGER;
    return ad !== bd ? ad - bd : a.caseNumber.localeCompare(b.caseNumber);
  });
}

/**
 * Register a referral as a new case, its referral row, the case deadline set to the referral's
 * due date and, when given, the mediator the parties chose or the one assigned: one transaction.
 */
export function registerReferral(ctx: ServiceContext, actor: Actor, input: RegisterReferral): ReferralView {
  const t = input.referral;
  const now = today(ctx);
  if (t.referredAt > now)
    throw new AppError('VALIDATION', `委派/委托日期不能晚于今天（${now}）`, { 'referral.referredAt': '委派/委托日期不能晚于今天' });
  if (t.materialsSignedAt > now) {
    throw new AppError('VALIDATION', `签收材料日期不能晚于今天（${now}）：期限自调解员实际签收法院材料之日起算`, {
      'referral.materialsSignedAt': '签收材料日期不能晚于今天',
    });
  }
  const procedure = t.mode === 'entrusted' ? (t.procedure ?? null) : null;
  const limit = courtReferralLimitDays(t.mode, procedure); // throws for 委托 without a procedure
  const nominal = courtReferralDueDate({ mode: t.mode, procedure, materialsSignedOn: t.materialsSignedAt });
  const legal = legalDue(loadCalendar(ctx), nominal);
  const due = legal.due;
  const centre = requireCentre(ctx);
  let caseId = '';
  ctx.db.sqlite
    .transaction(() => {
      const dup = ctx.db.orm
        .select({ caseNumber: cases.caseNumber })
        .from(courtReferrals)
        .innerJoin(cases, eq(cases.id, courtReferrals.caseId))
        .where(and(eq(courtReferrals.referenceNumber, t.referenceNumber), eq(courtReferrals.court, t.court), eq(cases.deleted, false)))
        .get();
      if (dup)
        throw new AppError('REFUSED', `${t.court}${t.referenceNumber}已登记为本中心案件 ${dup.caseNumber}，不能重复登记`, {
          'referral.referenceNumber': '该案号已登记',
        });
      caseId = registerCase(ctx, actor, {
        ...input.case,
        source: t.mode === 'delegated' ? 'court_delegated' : 'court_entrusted',
        tier: input.case.tier ?? centre.tier,
        reporter: undefined,
      });
      ctx.db.orm
        .insert(courtReferrals)
        .values({
          caseId,
          mode: t.mode,
          procedure,
          court: t.court,
          referenceNumber: t.referenceNumber,
          referredAt: t.referredAt,
          materialsSignedAt: t.materialsSignedAt,
          timeLimitDays: limit,
          extensionDays: 0,
          reportTo: t.reportTo ?? '',
        })
        .run();
      const c = writeCase(ctx, loadCase(ctx, caseId), { deadline: due, deadlineNominal: nominal });
      recordAudit(ctx, actor, {
        operation: 'court.registerReferral',
        entityKind: 'case',
        entityId: caseId,
        caseId,
        summary:
          `登记${t.court}${COURT_MODE_SHORT[t.mode]}调解案件 ${t.referenceNumber}（${categoryLabel(input.case.category)}）` +
          `${procedure ? `，${COURT_PROCEDURE_LABELS[procedure]}` : ''}，${t.materialsSignedAt} 签收材料，期限 ${limit} 日，至 ${due}${legal.reason ? `（${legal.reason}）` : ''}`,
        after: {
          mode: t.mode,
          procedure,
          court: t.court,
          referenceNumber: t.referenceNumber,
          referredAt: t.referredAt,
          materialsSignedAt: t.materialsSignedAt,
          timeLimitDays: limit,
          deadline: due,
          deadlineNominal: nominal,
        },
      });
      if (input.mediator)
        assignMediator(ctx, actor, {
          id: caseId,
          version: c.version,
          mediatorId: input.mediator.mediatorId,
          role: 'lead',
          chosenBy: input.mediator.chosenBy,
        });
    })
    .immediate();
  return getReferral(ctx, caseId)!;
}

export const CONSENT_REQUIRED_MESSAGE =
  '延长调解期限须经双方当事人同意：请确认双方均已同意，并写明同意的方式（如书面同意书、调解笔录签字），否则不能延长。';

export function extendReferral(ctx: ServiceContext, actor: Actor, input: z.output<typeof extendReferralInput>): ReferralView {
  ctx.db.sqlite
    .transaction(() => {
      const c = lockCase(ctx, input.id, input.version);
      const r = requireReferral(ctx, c.id);
      if (r.result) throw new AppError('REFUSED', '已向法院报告调解结果，不能再延长调解期限');
      if (!isOpen(c.status)) throw new AppError('REFUSED', `案件${statusLabel(c.status)}，不能延长调解期限`);
      if (!input.bothConsented || !input.consent)
        throw new AppError('REFUSED', CONSENT_REQUIRED_MESSAGE, { consent: '请记录双方当事人同意延长的方式' });
      const cal = loadCalendar(ctx);
      const before = referralLegalDue(cal, r)?.due ?? null;
      const now = today(ctx);
      if (before && before < now) throw new AppError('REFUSED', `调解期限已于 ${before} 届满，不能再延长；请向法院报告调解结果`);
      const extensionDays = r.extensionDays + input.days;
      // The extension adds to the plain count; the new last day is moved off a rest day again.
      const afterDue = legalDue(cal, addDays(r.materialsSignedAt ?? now, r.timeLimitDays + extensionDays));
      const after = afterDue.due;
      const entry = `${now} 延长${input.days}日：${input.consent}${input.reason ? `（理由：${input.reason}）` : ''}`;
      ctx.db.orm
        .update(courtReferrals)
        .set({ extensionDays, extensionConsent: r.extensionConsent ? `${r.extensionConsent}；${entry}` : entry })
        .where(eq(courtReferrals.caseId, c.id))
        .run();
      writeCase(ctx, c, { deadline: after, deadlineNominal: afterDue.nominal });
      recordAudit(ctx, actor, {
        operation: 'court.extend',
        entityKind: 'case',
        entityId: c.id,
        caseId: c.id,
        summary: `经双方当事人同意延长调解期限 ${input.days} 日（${input.consent}），期限由 ${before ?? '未设定'} 延至 ${after}${afterDue.reason ? `（${afterDue.reason}）` : ''}`,
        before: { extensionDays: r.extensionDays, deadline: c.deadline },
        after: { extensionDays, deadline: after },
      });
    })
    .immediate();
  return getReferral(ctx, input.id)!;
}

const STEP_FOR: Record<CourtResult, ActionCode> = { agreement: 'agree', failed: 'fail', withdrawn: 'withdraw' };

/**
 * Report the result to the court. A case still being mediated takes the matching life-cycle step
 * in the same transaction; a case that already has an outcome must match what is reported.
 * A failed 委派 mediation sends the materials back to the court (materialsReturned).
 */
export function reportResult(ctx: ServiceContext, actor: Actor, input: z.output<typeof reportResultInput>): ReferralView {
  const now = today(ctx);
  if (input.reportedAt > now) throw new AppError('VALIDATION', `报告日期不能晚于今天（${now}）`, { reportedAt: '报告日期不能晚于今天' });
  if (input.agreementEffectiveAt && input.agreementEffectiveAt > now) {
    throw new AppError('VALIDATION', `协议生效日期不能晚于今天（${now}）`, { agreementEffectiveAt: '协议生效日期不能晚于今天' });
  }
  ctx.db.sqlite
    .transaction(() => {
      const c = lockCase(ctx, input.id, input.version);
      const r = requireReferral(ctx, c.id);
      if (r.result) {
        throw new AppError(
          'REFUSED',
          `已于 ${r.resultReportedAt ?? ''} 向法院报告调解结果（${r.result ? COURT_RESULT_LABELS[r.result] : ''}），不能重复报告`,
        );
      }
      const start = r.materialsSignedAt ?? r.referredAt;
      if (input.reportedAt < start)
        throw new AppError('VALIDATION', `报告日期不能早于签收材料日期（${start}）`, { reportedAt: '报告日期不能早于签收材料日期' });
      if (input.agreementEffectiveAt && input.agreementEffectiveAt < start) {
        throw new AppError('VALIDATION', `协议生效日期不能早于签收材料日期（${start}）`, {
          agreementEffectiveAt: '协议生效日期不能早于签收材料日期',
        });
      }
      let stepped = false;
      if (c.outcome) {
        if (c.outcome !== input.result) {
          const recorded = STORED_OUTCOME_LABELS[c.outcome];
          throw new AppError('REFUSED', `案件记录的结果为“${recorded}”，与报告的结果“${COURT_RESULT_LABELS[input.result]}”不一致`);
        }
      } else if (isOpen(c.status)) {
        const action = STEP_FOR[input.result];
        if (!canStep(c.status, action)) {
          throw new AppError(
            'ILLEGAL_STEP',
            `案件当前为“${statusLabel(c.status)}”，不能报告“${COURT_RESULT_LABELS[input.result]}”；${input.result === 'withdrawn' ? '请先受理案件' : '请先受理并开始调解'}`,
          );
        }
        stepCase(ctx, actor, {
          id: c.id,
          version: c.version,
          action,
          reason: input.reason,
          targetUnit: undefined,
          agreement: undefined,
          agreedAmountFen: undefined,
          agreementEffectiveAt: input.agreementEffectiveAt,
        });
        stepped = true;
      } else {
        throw new AppError('REFUSED', `案件${statusLabel(c.status)}，没有可向法院报告的调解结果`);
      }
      const materialsReturned = r.mode === 'delegated' && input.result === 'failed';
      ctx.db.orm
        .update(courtReferrals)
        .set({ result: input.result, resultReason: input.reason ?? null, resultReportedAt: input.reportedAt, materialsReturned })
        .where(eq(courtReferrals.caseId, c.id))
        .run();
      if (!stepped) writeCase(ctx, c, {});
      recordAudit(ctx, actor, {
        operation: 'court.reportResult',
        entityKind: 'case',
        entityId: c.id,
        caseId: c.id,
        summary: `${input.reportedAt} 向${r.court}报告调解结果：${COURT_RESULT_LABELS[input.result]}${input.reason ? `，原因：${input.reason}` : ''}${materialsReturned ? '；材料退回法院' : ''}`,
        after: { result: input.result, resultReason: input.reason ?? null, resultReportedAt: input.reportedAt, materialsReturned },
      });
    })
    .immediate();
  return getReferral(ctx, input.id)!;
}
