/**
 * 司法确认 (judicial confirmation) of a mediation agreement: the parties jointly apply within 30
 * days of the agreement taking effect (人民调解法 Art. 33; 民事诉讼法 (2023) Art. 205–206), the court
 * accepts it (number 调确字 / 民特, 法释〔2011〕5号) and rules the agreement valid or dismisses the
 * application. Agreements on status, adoption or marriage relationships cannot be confirmed
 * (domain/confirmation.ts). One confirmation per case (unique index on confirmations.case_id).
 *
 * A confirmation is its own uploaded record (kind `confirmation`): changes raise its own version
 * (bumpRow) and are written to the case's timeline (audit with caseId).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { confirmations, courtReferrals } from '../../../db/schema';
import {
  CONFIRMATION_RULING_LABELS,
  type acceptConfirmationInput,
  type applyConfirmationInput,
  type ConfirmationState,
  type ConfirmationView,
  type ruleConfirmationInput,
} from '../../common/api/court';
import { AppError } from '../../common/errors';
import { assertConfirmable } from '../../common/domain/confirmation';
import { legalDue, workingDaysLeft } from '../../common/domain/calendar';
import { CONFIRMATION_WINDOW_DAYS, confirmationWindow, daysLeft, windowStateUntil } from '../../common/domain/deadlines';
import { loadCalendar } from '../calendar/store';
import { statusLabel } from '../../common/domain/lifecycle';
import { recordAudit } from '../core/audit';
import { localDate } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { rfc3339 } from '../core/clock';
import { bumpRow, loadCase, type CaseRecord } from '../cases/versioning';

type Row = typeof confirmations.$inferSelect;

/** Days before the window's last day from which the case page warns that it is closing. */
export const CONFIRMATION_WARN_DAYS = 7;

const view = (r: Row): ConfirmationView => ({
  id: r.id,
  version: r.version,
  caseId: r.caseId,
  court: r.court,
  appliedAt: r.appliedAt,
  acceptedAt: r.acceptedAt,
  acceptanceNumber: r.acceptanceNumber,
  ruling: r.ruling,
  ruledAt: r.ruledAt,
  note: r.note,
});

function caseConfirmation(ctx: Pick<ServiceContext, 'db'>, caseId: string): Row | undefined {
  return ctx.db.orm
    .select()
    .from(confirmations)
    .where(and(eq(confirmations.caseId, caseId), eq(confirmations.deleted, false)))
    .get();
}

function ineligibility(c: CaseRecord): string | null {
  if (c.outcome !== 'agreement') return `只有达成调解协议的案件才能申请司法确认（本案${statusLabel(c.status)}）`;
  if (!c.agreementEffectiveAt) return '请先填写调解协议的生效日期';
  return null;
}

export function confirmationState(ctx: ServiceContext, caseId: string): ConfirmationState {
  const c = loadCase(ctx, caseId);
  const today = localDate(ctx.clock.now());
  const reason = ineligibility(c);
  const referral = ctx.db.orm.select({ court: courtReferrals.court }).from(courtReferrals).where(eq(courtReferrals.caseId, caseId)).get();
  const row = caseConfirmation(ctx, caseId);
  let window: ConfirmationState['window'] = null;
  if (c.agreementEffectiveAt) {
    const cal = loadCalendar(ctx);
    const w = confirmationWindow(c.agreementEffectiveAt);
    const last = legalDue(cal, w.lastDay);
    window = {
      firstDay: w.firstDay,
      lastDay: last.due,
      lastDayNote: last.reason,
      state: windowStateUntil(last.due, today, CONFIRMATION_WARN_DAYS),
      daysLeft: daysLeft(last.due, today),
      workingDaysLeft: workingDaysLeft(cal, last.due, today),
    };
  }
  return {
    caseId,
    eligible: reason === null,
    ineligibleReason: reason,
    agreementEffectiveAt: c.agreementEffectiveAt,
    window,
    suggestedCourt: referral?.court ?? null,
    confirmation: row ? view(row) : null,
  };
}

function loadConfirmation(ctx: Pick<ServiceContext, 'db'>, id: string): Row {
  const r = ctx.db.orm.select().from(confirmations).where(eq(confirmations.id, id)).get();
  if (!r || r.deleted) throw new AppError('NOT_FOUND', '找不到该司法确认记录');
  return r;
}

export function applyConfirmation(ctx: ServiceContext, actor: Actor, input: z.output<typeof applyConfirmationInput>): ConfirmationState {
  const today = localDate(ctx.clock.now());
  ctx.db.sqlite
    .transaction(() => {
      const c = loadCase(ctx, input.caseId);
      const reason = ineligibility(c);
      if (reason) throw new AppError('REFUSED', reason);
      const existing = caseConfirmation(ctx, c.id);
      if (existing) throw new AppError('REFUSED', `本案已于 ${existing.appliedAt} 向${existing.court}申请司法确认，一个案件只登记一次申请`);
      // Excluded matters first: no date makes them confirmable.
      if (input.matter !== 'none') assertConfirmable(input.matter);
      if (input.appliedAt > today)
        throw new AppError('VALIDATION', `申请日期不能晚于今天（${today}）`, { appliedAt: '申请日期不能晚于今天' });
      const effective = c.agreementEffectiveAt!;
      const lastDay = legalDue(loadCalendar(ctx), confirmationWindow(effective).lastDay).due;
      if (input.appliedAt < effective)
        throw new AppError('VALIDATION', `申请日期不能早于协议生效日期（${effective}）`, { appliedAt: '申请日期不能早于协议生效日期' });
      if (input.appliedAt > lastDay) {
        throw new AppError(
          'REFUSED',
          `已超过申请司法确认的期限：协议于 ${effective} 生效，双方当事人应当自协议生效之日起${CONFIRMATION_WINDOW_DAYS}日内（至 ${lastDay}）共同申请（《人民调解法》第三十三条、《民事诉讼法》第二百零五条）`,
          { appliedAt: `申请期限已于 ${lastDay} 届满` },
        );
      }
      const id = newId();
      ctx.db.orm
        .insert(confirmations)
        .values({
          id,
          version: 1,
          updatedAt: rfc3339(ctx.clock.now()),
          deleted: false,
          caseId: c.id,
          court: input.court,
          appliedAt: input.appliedAt,
          note: input.note ?? '',
        })
        .run();
      recordAudit(ctx, actor, {
        operation: 'confirmations.apply',
        entityKind: 'confirmation',
        entityId: id,
        caseId: c.id,
        summary: `${input.appliedAt} 双方当事人共同向${input.court}申请司法确认`,
        after: { court: input.court, appliedAt: input.appliedAt },
      });
    })
    .immediate();
  return confirmationState(ctx, input.caseId);
}

export function acceptConfirmation(ctx: ServiceContext, actor: Actor, input: z.output<typeof acceptConfirmationInput>): ConfirmationState {
  const today = localDate(ctx.clock.now());
  const caseId = ctx.db.sqlite
    .transaction(() => {
      const r = loadConfirmation(ctx, input.id);
      if (r.ruling) throw new AppError('REFUSED', '法院已作出裁定，不能再修改受理信息');
      if (input.acceptedAt > today)
        throw new AppError('VALIDATION', `受理日期不能晚于今天（${today}）`, { acceptedAt: '受理日期不能晚于今天' });
      if (input.acceptedAt < r.appliedAt)
        throw new AppError('VALIDATION', `受理日期不能早于申请日期（${r.appliedAt}）`, { acceptedAt: '受理日期不能早于申请日期' });
      bumpRow(ctx, confirmations, r.id, input.version, { acceptedAt: input.acceptedAt, acceptanceNumber: input.acceptanceNumber });
      recordAudit(ctx, actor, {
        operation: 'confirmations.accept',
        entityKind: 'confirmation',
        entityId: r.id,
        caseId: r.caseId,
        summary: `${r.court}于 ${input.acceptedAt} 受理司法确认申请，案号 ${input.acceptanceNumber}`,
        before: { acceptedAt: r.acceptedAt, acceptanceNumber: r.acceptanceNumber },
        after: { acceptedAt: input.acceptedAt, acceptanceNumber: input.acceptanceNumber },
      });
      return r.caseId;
    })
    .immediate();
  return confirmationState(ctx, caseId);
}

export function ruleConfirmation(ctx: ServiceContext, actor: Actor, input: z.output<typeof ruleConfirmationInput>): ConfirmationState {
  const today = localDate(ctx.clock.now());
  const caseId = ctx.db.sqlite
    .transaction(() => {
      const r = loadConfirmation(ctx, input.id);
      if (r.ruling)
        throw new AppError(
          'REFUSED',
          `已登记裁定结果（${r.ruling ? CONFIRMATION_RULING_LABELS[r.ruling] : ''}，${r.ruledAt ?? ''}），不能重复登记`,
        );
      if (!r.acceptedAt) throw new AppError('REFUSED', '法院尚未受理该申请，请先登记受理日期和案号');
      if (input.ruledAt > today) throw new AppError('VALIDATION', `裁定日期不能晚于今天（${today}）`, { ruledAt: '裁定日期不能晚于今天' });
      if (input.ruledAt < r.acceptedAt)
        throw new AppError('VALIDATION', `裁定日期不能早于受理日期（${r.acceptedAt}）`, { ruledAt: '裁定日期不能早于受理日期' });
      const note = input.note ? (r.note ? `${r.note}；${input.note}` : input.note) : r.note;
      bumpRow(ctx, confirmations, r.id, input.version, { ruling: input.ruling, ruledAt: input.ruledAt, note });
      recordAudit(ctx, actor, {
        operation: 'confirmations.rule',
        entityKind: 'confirmation',
        entityId: r.id,
        caseId: r.caseId,
        summary: `${r.court}于 ${input.ruledAt} ${CONFIRMATION_RULING_LABELS[input.ruling]}${r.acceptanceNumber ? `（${r.acceptanceNumber}）` : ''}${input.note ? `：${input.note}` : ''}`,
        after: { ruling: input.ruling, ruledAt: input.ruledAt },
      });
      return r.caseId;
    })
    .immediate();
  return confirmationState(ctx, caseId);
}
