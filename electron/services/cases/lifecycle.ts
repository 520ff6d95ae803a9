/**
 * Moving a case through its life cycle (domain/lifecycle.ts holds the legal steps), and the
 * changes around it: fields, deadline, escalation, the agreement and the undisputed facts.
 * Every change checks the caller's version (optimistic locking) and writes one audit event.
 */
import type { z } from 'zod';
import type { agreementInput, caseFieldsPatch, stepInput, undisputedInput } from '../../common/api/cases';
import { AppError } from '../../common/errors';
import {
  agreementMissingFields,
  agreementMissingMessage,
  missingAgreementItems,
  undisputedPartiesProblem,
} from '../../common/domain/agreement';
import { describeDue, legalDue } from '../../common/domain/calendar';
import { CASE_FIELD_LABELS, sameValue, type CaseField } from '../../common/domain/caseFields';
import { caseDeadline } from '../../common/domain/deadlines';
import { ACTIONS, assertStepInputs, canStep, isOpen, nextStatus, outcomeFor, statusLabel } from '../../common/domain/lifecycle';
import { nextTier, tierLabel } from '../../common/domain/tiers';
import { recordAudit } from '../core/audit';
import { localDate, rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { loadCalendar } from '../calendar/store';
import { caseMediatorIds } from './mediators';
import { caseParties } from './parties';
import { lockCase, writeCase, type CaseRecord } from './versioning';

type StepInput = z.output<typeof stepInput>;

function change(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  fn: (c: CaseRecord) => { patch: Partial<CaseRecord>; operation: string; summary: string } | null,
) {
  ctx.db.sqlite
    .transaction(() => {
      const c = lockCase(ctx, id, version);
      const changed = fn(c);
      // Nothing really changed (the same values saved again): no new version, no timeline entry.
      if (!changed) return;
      const { patch, operation, summary } = changed;
      const before = Object.fromEntries(Object.keys(patch).map((k) => [k, c[k as keyof CaseRecord]]));
      writeCase(ctx, c, patch);
      recordAudit(ctx, actor, { operation, entityKind: 'case', entityId: id, caseId: id, summary, before, after: patch });
    })
    .immediate();
}

export function stepCase(ctx: ServiceContext, actor: Actor, input: StepInput): void {
  change(ctx, actor, input.id, input.version, (c) => {
    const from = c.status;
    const to = nextStatus(from, input.action); // throws ILLEGAL_STEP with a Chinese message
    assertStepInputs(input.action, { reason: input.reason, targetUnit: input.targetUnit });
    const now = ctx.clock.now();
    const at = rfc3339(now);
    const today = localDate(now);
    const patch: Partial<CaseRecord> = { status: to };
    let detail = '';
    switch (input.action) {
      case 'accept': {
        patch.acceptedAt = at;
        if (!c.deadline) {
          // The plain count (start day not counted), then moved off a rest day (民事诉讼法 Art. 85).
          const nominal = caseDeadline(today, c.source, getSettings(ctx).deadlineDays);
          const due = legalDue(loadCalendar(ctx), nominal);
          patch.deadline = due.due;
          patch.deadlineNominal = nominal;
          detail = `，化解期限 ${describeDue(due)}`;
        }
        break;
      }
      case 'reject':
        patch.rejectReason = input.reason ?? null;
        patch.closedAt = at;
        detail = `，理由：${input.reason}`;
        break;
      case 'start':
        if (caseMediatorIds(ctx, c.id).length === 0) throw new AppError('REFUSED', '请先指派调解员，再开始调解');
        break;
      case 'agree':
        patch.outcome = 'agreement';
        patch.outcomeAt = at;
        patch.outcomeNote = input.reason ?? null;
        patch.agreementEffectiveAt = input.agreementEffectiveAt ?? c.agreementEffectiveAt ?? today;
        if (input.agreement) patch.agreement = input.agreement;
        if (input.agreedAmountFen !== undefined) patch.agreedAmountFen = input.agreedAmountFen;
        break;
      case 'fail':
      case 'withdraw':
        patch.outcome = outcomeFor(to);
        patch.outcomeAt = at;
        patch.outcomeNote = input.reason ?? null;
        detail = input.reason ? `，理由：${input.reason}` : '';
        break;
      case 'transfer':
        patch.outcome = 'transferred';
        patch.outcomeAt = at;
        patch.outcomeNote = input.reason ?? null;
        patch.transferredTo = input.targetUnit ?? null;
        detail = `至 ${input.targetUnit}，理由：${input.reason}`;
        break;
      case 'close': {
        // A case closed on an agreement must be able to print it (人民调解法 Art. 29): the same rule the documents use.
        if (c.outcome === 'agreement') {
          const principals = caseParties(ctx, c.id).filter((p) => p.role !== 'agent').length;
          const missing = missingAgreementItems({ principals, summary: c.summary, agreement: c.agreement });
          const message = agreementMissingMessage(missing);
          if (message) throw new AppError('REFUSED', `${message}，补齐后才能结案`, agreementMissingFields(missing));
        }
        patch.closedAt = at;
        break;
      }
    }
    return {
      patch,
      operation: `case.${input.action}`,
      summary: `${ACTIONS[input.action].label}（${statusLabel(from)} → ${statusLabel(to)}）${detail}`,
    };
  });
}

export function setDeadline(ctx: ServiceContext, actor: Actor, id: string, version: number, deadline: string, reason: string): void {
  change(ctx, actor, id, version, (c) => {
    if (deadline < c.registeredAt.slice(0, 10)) {
      throw new AppError('VALIDATION', `化解期限不能早于登记日期（${c.registeredAt.slice(0, 10)}）`, { deadline: '期限不能早于登记日期' });
    }
    if (!isOpen(c.status)) throw new AppError('REFUSED', `案件${statusLabel(c.status)}，不能再调整期限`);
    // Set by hand: the date stands as entered and a calendar change does not move it.
    return {
      patch: { deadline, deadlineNominal: null },
      operation: 'case.setDeadline',
      summary: `化解期限由 ${c.deadline ?? '未设定'} 调整为 ${deadline}，理由：${reason}`,
    };
  });
}

export function escalateCase(ctx: ServiceContext, actor: Actor, id: string, version: number, reason: string): void {
  change(ctx, actor, id, version, (c) => {
    if (!isOpen(c.status)) throw new AppError('ILLEGAL_STEP', `案件${statusLabel(c.status)}，不能上报`);
    const up = nextTier(c.tier);
    if (!up) throw new AppError('REFUSED', '案件已在区级层面，不能再上报');
    return {
      patch: { tier: up, escalatedAt: rfc3339(ctx.clock.now()) },
      operation: 'case.escalate',
      summary: `由${tierLabel(c.tier)}上报至${tierLabel(up)}，理由：${reason}`,
    };
  });
}

export function updateCaseFields(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  p: z.output<typeof caseFieldsPatch>,
): void {
  change(ctx, actor, id, version, (c) => {
    if (Object.values(p).every((v) => v === undefined)) throw new AppError('VALIDATION', '没有需要保存的修改');
    // Input field → record column; only the fields whose value really differs are written and named.
    const columns: Record<CaseField, keyof CaseRecord> = {
      title: 'title',
      category: 'category',
      summary: 'summary',
      claims: 'claims',
      amountFen: 'amountFen',
      reporter: 'reporter',
      leadUnit: 'leadUnit',
      coUnits: 'coUnits',
      responsibleLeader: 'responsibleLeader',
      responsiblePerson: 'responsiblePerson',
      repeatPetition: 'repeatPetition',
      preventedCriminalPeople: 'preventedCriminalPeople',
      preventedPetitionPeople: 'preventedPetitionPeople',
    };
    const patch: Record<string, unknown> = {};
    const labels: string[] = [];
    for (const field of Object.keys(columns) as CaseField[]) {
      const value = p[field];
      const column = columns[field];
      if (value === undefined || sameValue(value, c[column])) continue;
      patch[column] = value;
      labels.push(CASE_FIELD_LABELS[field]);
    }
    if (labels.length === 0) return null;
    return { patch, operation: 'case.update', summary: `修改${labels.join('、')}` };
  });
}

export function setAgreement(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  agreement: z.output<typeof agreementInput>,
  agreedAmountFen: number | undefined,
  effectiveAt: string | undefined,
): void {
  change(ctx, actor, id, version, (c) => {
    if (c.outcome !== 'agreement' && !canStep(c.status, 'agree')) {
      throw new AppError('REFUSED', `案件${statusLabel(c.status)}，不能编辑调解协议（仅调解中或已达成协议的案件）`);
    }
    const patch: Partial<CaseRecord> = { agreement };
    if (agreedAmountFen !== undefined) patch.agreedAmountFen = agreedAmountFen;
    if (effectiveAt !== undefined) patch.agreementEffectiveAt = effectiveAt;
    // The same agreement saved again adds no entry to the timeline.
    if (Object.entries(patch).every(([k, v]) => sameValue(v, c[k as keyof CaseRecord]))) return null;
    return { patch, operation: 'case.setAgreement', summary: `编辑调解协议内容（${agreement.terms.length} 条）` };
  });
}

export function setUndisputed(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  undisputed: z.output<typeof undisputedInput>,
): void {
  change(ctx, actor, id, version, (c) => {
    if (c.outcome !== 'failed' && !canStep(c.status, 'fail')) {
      throw new AppError('REFUSED', `案件${statusLabel(c.status)}，不能记载无争议事实（仅调解中或调解不成的案件）`);
    }
    const parties = undisputedPartiesProblem(caseParties(ctx, c.id).filter((p) => p.role !== 'agent').length);
    if (parties) throw new AppError('REFUSED', parties, { parties });
    // The record carries the day the facts were recorded with the parties, fixed once saved, so a
    // reprint on another day shows the same day (and is the same version in the register).
    const today = localDate(ctx.clock.now());
    const recordedOn = undisputed.recordedOn ?? c.undisputed?.recordedOn ?? today;
    if (recordedOn > today) throw new AppError('VALIDATION', '记载日期不能晚于今天', { recordedOn });
    const registered = c.registeredAt.slice(0, 10);
    if (recordedOn < registered) throw new AppError('VALIDATION', `记载日期不能早于纠纷登记日期（${registered}）`, { recordedOn });
    return {
      patch: { undisputed: { ...undisputed, recordedOn } },
      operation: 'case.setUndisputed',
      summary: `编辑无争议事实记载（${undisputed.facts.length} 项事实，记载日期 ${recordedOn}）`,
    };
  });
}
