/**
 * Court docking and follow-through: court referrals (特邀调解: 委派 / 委托), the roster's
 * performance record, supervision (督办) of cross-unit, overdue and escalated cases, 司法确认
 * (judicial confirmation) and 回访 (follow-up visits).
 *
 * Pure (zod and the domain rules only): the renderer imports this file for its types, labels and
 * field schemas, so a form checks exactly what the server checks.
 */
import { z } from 'zod';
import { EXCLUDED_MATTER_CODES, type ExcludedMatter } from '../domain/confirmation';
import { isIsoDate } from '../domain/dates';
import {
  COURT_MODES,
  COURT_PROCEDURES,
  type ConfirmationWindowState,
  type CourtProcedure,
  type CourtReferralMode,
  type DeadlineState,
} from '../domain/deadlines';
import type { Status, StoredOutcome } from '../domain/lifecycle';
import type { Tier } from '../domain/tiers';
import { tierSchema } from '../domain/tiers';
import { CHOSEN_BY, registerCaseInput, type CaseRowBase, type ChosenBy } from './cases';
import { op } from './contract';
import { optionalText, requiredText } from './fields';
import { MEDIATOR_STATUSES, type MediatorKind, type MediatorStatus } from './mediators';

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/** A required calendar day with the field's name in every message. */
export const dateField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine(isIsoDate, `${label}应为有效的“年-月-日”（如 2026-01-31）`);

/**
 * A court's case reference (案号), e.g. （2026）豫0711民诉前调1234号 or （2026）豫0711民初567号.
 * Checked loosely: a four-digit year in brackets (full- or half-width), something after it, and 号
 * at the end. Half-width brackets are stored as the full-width ones courts print.
 */
export const COURT_REFERENCE_PATTERN = /^（(19|20)\d{2}）\S+号$/;
export const COURT_REFERENCE_EXAMPLE = '（2026）豫0711民诉前调1234号';

export function normalizeCourtReference(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/^\(/, '（')
    .replace(/^（(\d{4})\)/, '（$1）');
}

export function checkCourtReference(s: string): { ok: true; normalized: string } | { ok: false; message: string } {
  const normalized = normalizeCourtReference(s);
  if (normalized === '') return { ok: false, message: '请填写法院案号' };
  if (!/^（\d{4}）/.test(normalized)) return { ok: false, message: `法院案号应以括号中的年份开头，如 ${COURT_REFERENCE_EXAMPLE}` };
  if (!COURT_REFERENCE_PATTERN.test(normalized))
    return { ok: false, message: `法院案号格式不正确，应以“号”结尾，如 ${COURT_REFERENCE_EXAMPLE}` };
  return { ok: true, normalized };
}

export const courtReferenceSchema = z
  .string({ error: '请填写法院案号' })
  .trim()
  .min(1, '请填写法院案号')
  .max(60, '法院案号不能超过 60 个字')
  .transform((v, ctx) => {
    const c = checkCourtReference(v);
    if (!c.ok) {
      ctx.addIssue({ code: 'custom', message: c.message });
      return z.NEVER;
    }
    return c.normalized;
  });

/** 司法确认 acceptance number: the court's 调确字 or 民特 reference, e.g. （2026）豫0711民特12号. */
export const ACCEPTANCE_NUMBER_EXAMPLE = '（2026）豫0711民特12号';
export const acceptanceNumberSchema = z
  .string({ error: '请填写受理案号' })
  .trim()
  .min(1, '请填写受理案号')
  .max(60, '受理案号不能超过 60 个字')
  .transform((v, ctx) => {
    const n = normalizeCourtReference(v);
    if (!COURT_REFERENCE_PATTERN.test(n) || !/(调确|民特)/.test(n)) {
      ctx.addIssue({ code: 'custom', message: `受理案号应为法院的调确字或民特案号，如 ${ACCEPTANCE_NUMBER_EXAMPLE}` });
      return z.NEVER;
    }
    return n;
  });

// ---------------------------------------------------------------------------------------------
// Court referrals
// ---------------------------------------------------------------------------------------------

export { COURT_MODES, COURT_PROCEDURES } from '../domain/deadlines';
export const COURT_MODE_SHORT: Record<CourtReferralMode, string> = { delegated: '委派', entrusted: '委托' };

export const COURT_RESULTS = ['agreement', 'failed', 'withdrawn'] as const;
export type CourtResult = (typeof COURT_RESULTS)[number];
export const COURT_RESULT_LABELS: Record<CourtResult, string> = {
  agreement: '调解成功（达成协议）',
  failed: '调解不成',
  withdrawn: '当事人撤回',
};

export const CHOSEN_BY_LABELS: Readonly<Record<ChosenBy, string>> = { parties: '当事人选定', assigned: '指定' };

/** The case part of a referral: what `cases.register` asks, the source and reporter come from the court. */
export const referralCaseInput = registerCaseInput
  .pick({ title: true, category: true, summary: true, claims: true, amountFen: true, parties: true })
  .extend({
    /** The tier that handles it; the centre's own tier when left out. */
    tier: tierSchema.optional(),
  });

export const referralTermsInput = z
  .object({
    mode: z.enum(COURT_MODES, { error: '请选择委派或委托' }),
    procedure: z.enum(COURT_PROCEDURES, { error: '请选择适用程序' }).optional().nullable(),
    court: requiredText('委派/委托法院', 100),
    referenceNumber: courtReferenceSchema,
    referredAt: dateField('委派/委托日期'),
    materialsSignedAt: dateField('签收材料日期'),
    reportTo: optionalText('承办法官/书记员', 100),
  })
  .superRefine((t, ctx) => {
    if (t.mode === 'entrusted' && !t.procedure)
      ctx.addIssue({ code: 'custom', path: ['procedure'], message: '委托调解须选择法院适用普通程序还是简易程序' });
    if (isIsoDate(t.referredAt) && isIsoDate(t.materialsSignedAt) && t.materialsSignedAt < t.referredAt) {
      ctx.addIssue({ code: 'custom', path: ['materialsSignedAt'], message: `签收材料日期不能早于委派/委托日期（${t.referredAt}）` });
    }
  });

export const registerReferralInput = z.object({
  referral: referralTermsInput,
  case: referralCaseInput,
  /** The mediator the parties chose from the roster, or the one assigned. */
  mediator: z
    .object({ mediatorId: z.string().min(1, '请选择调解员'), chosenBy: z.enum(CHOSEN_BY).default('assigned') })
    .optional()
    .nullable(),
});
export type RegisterReferralInput = z.input<typeof registerReferralInput>;

const caseRef = { id: z.string().min(1), version: z.number().int().min(1) };

export const extendReferralInput = z.object({
  ...caseRef,
  days: z.number({ error: '请填写延长天数' }).int('延长天数应为整数').min(1, '延长天数至少 1 天').max(60, '延长天数不能超过 60 天'),
  /** Both parties agreed: without it no extension (特邀调解规定). */
  bothConsented: z.boolean().default(false),
  /** How they agreed: written consent, signed record of a session, ... */
  consent: optionalText('当事人同意情况', 500),
  reason: optionalText('延长理由', 500),
});

export const reportResultInput = z
  .object({
    ...caseRef,
    result: z.enum(COURT_RESULTS, { error: '请选择调解结果' }),
    reason: optionalText('原因', 2000),
    reportedAt: dateField('报告日期'),
    /** For an agreement reached now: the day it took effect (starts the 司法确认 window). */
    agreementEffectiveAt: dateField('协议生效日期').optional(),
  })
  .superRefine((r, ctx) => {
    if (r.result === 'failed' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '调解不成须填写原因' });
  });

/**
 * How the clock of a referral stands: counting (ok/near/overdue) while the case is open; stopped
 * by the result report; or stopped because the mediation ended (agreement, failure, withdrawal,
 * closure) before the result was reported to the court ('closed': neither in progress nor overdue,
 * but the report is still owed).
 */
export type ReferralClock = DeadlineState | 'reported' | 'closed';

/** The docking point's list filters: running, ended but not yet reported to the court (待报告法院), reported, all. */
export const REFERRAL_FILTERS = ['open', 'unreported', 'reported', 'all'] as const;
export type ReferralFilter = (typeof REFERRAL_FILTERS)[number];

export interface ReferralView {
  caseId: string;
  caseVersion: number;
  caseNumber: string;
  title: string;
  category: string;
  status: Status;
  outcome: StoredOutcome | null;
  mode: CourtReferralMode;
  procedure: CourtProcedure | null;
  court: string;
  referenceNumber: string;
  referredAt: string;
  materialsSignedAt: string | null;
  timeLimitDays: number;
  extensionDays: number;
  extensionConsent: string | null;
  reportTo: string;
  /** Last day of the mediation: signed + limit + extension, moved off a rest day (民事诉讼法 Art. 85). */
  dueDate: string | null;
  /** The plain-count last day before any move. */
  dueNominal: string | null;
  /** How a holiday or weekend moved the due date ("原到期日 10-01 为国庆假期，顺延"), else null. */
  dueNote: string | null;
  /** Days from today to the due date while the clock runs; negative when overdue. */
  daysLeft: number | null;
  /** Working days left while the clock runs (0 on the due day, negative when overdue). */
  workingDaysLeft: number | null;
  clock: ReferralClock;
  result: CourtResult | null;
  resultReason: string | null;
  resultReportedAt: string | null;
  materialsReturned: boolean;
  partyNames: string;
  mediatorNames: string;
}

// ---------------------------------------------------------------------------------------------
// Roster: performance and candidates
// ---------------------------------------------------------------------------------------------

export interface MediatorPerformance {
  mediatorId: string;
  name: string;
  kind: MediatorKind;
  organisation: string;
  status: MediatorStatus;
  specialties: string[];
  /** Cases the mediator was assigned to (lead or assistant). */
  taken: number;
  agreements: number;
  failures: number;
  withdrawn: number;
  /** agreements / (agreements + failures), null with neither. */
  successRate: number | null;
  /** Mean calendar days from acceptance to outcome, one decimal; null when no case has both. */
  avgDaysToOutcome: number | null;
  open: number;
  overdueOpen: number;
  /** Cases whose agreement the court confirmed (司法确认裁定有效). */
  confirmationsGranted: number;
}

export interface MediatorCandidate {
  id: string;
  version: number;
  name: string;
  kind: MediatorKind;
  organisation: string;
  phone: string;
  specialties: string[];
  region: string;
  openCases: number;
  /** The mediator lists the wanted category among their specialties. */
  matchesSpecialty: boolean;
  /** Why this mediator may not take this case (recusal), or null. */
  recusal: string | null;
}

// ---------------------------------------------------------------------------------------------
// Supervision (督办)
// ---------------------------------------------------------------------------------------------

export const SUPERVISION_KINDS = ['overdue', 'near', 'escalated', 'repeat'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
export const SUPERVISION_KIND_LABELS: Record<SupervisionKind, string> = {
  overdue: '已超期',
  near: '临近期限',
  escalated: '已上报',
  repeat: '重复信访',
};

export interface SupervisionRow extends CaseRowBase {
  version: number;
  source: string;
  originTier: Tier;
  daysLeft: number | null;
  /** Working days left to the deadline (negative: working days since it passed). */
  workingDaysLeft: number | null;
  /** How a holiday or weekend moved the deadline, else null. */
  deadlineNote: string | null;
  escalatedAt: string | null;
  leadUnit: string | null;
  coUnits: string[];
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  partyNames: string;
  /** Why the case is on the list, in the order of SUPERVISION_KINDS. */
  kinds: SupervisionKind[];
}

export const responsibilityInput = z.object({
  ...caseRef,
  leadUnit: optionalText('牵头单位', 100),
  coUnits: z.array(requiredText('协办单位', 100)).max(20, '协办单位不能超过 20 个').default([]),
  responsibleLeader: optionalText('包案领导', 50),
  responsiblePerson: optionalText('责任人', 50),
});

// ---------------------------------------------------------------------------------------------
// 司法确认
// ---------------------------------------------------------------------------------------------

export const CONFIRMATION_RULINGS = ['confirmed', 'dismissed'] as const;
export type ConfirmationRuling = (typeof CONFIRMATION_RULINGS)[number];
export const CONFIRMATION_RULING_LABELS: Record<ConfirmationRuling, string> = { confirmed: '裁定确认协议有效', dismissed: '裁定驳回申请' };

/** The matter of an agreement as far as 司法确认 cares: none, or one the court will not confirm. */
export const CONFIRMATION_MATTERS = ['none', ...EXCLUDED_MATTER_CODES] as const;
export type ConfirmationMatter = 'none' | ExcludedMatter;

export interface ConfirmationView {
  id: string;
  version: number;
  caseId: string;
  court: string;
  appliedAt: string;
  acceptedAt: string | null;
  acceptanceNumber: string | null;
  ruling: ConfirmationRuling | null;
  ruledAt: string | null;
  note: string;
}

export interface ConfirmationState {
  caseId: string;
  /** Only an agreement can go to the court. */
  eligible: boolean;
  /** Why not, when not eligible. */
  ineligibleReason: string | null;
  agreementEffectiveAt: string | null;
  /** lastDay is moved off a rest day (民事诉讼法 Art. 85); lastDayNote says how, when it moved. */
  window: {
    firstDay: string;
    lastDay: string;
    lastDayNote: string | null;
    state: ConfirmationWindowState;
    daysLeft: number;
    workingDaysLeft: number;
  } | null;
  /** The referring court, suggested as the court to apply to (民事诉讼法 Art. 205). */
  suggestedCourt: string | null;
  confirmation: ConfirmationView | null;
}

export const applyConfirmationInput = z.object({
  caseId: z.string().min(1),
  court: requiredText('受理法院', 100),
  appliedAt: dateField('申请日期'),
  /** What the agreement settles; excluded matters are refused with the legal reason. */
  matter: z.enum(CONFIRMATION_MATTERS).default('none'),
  note: optionalText('备注', 1000),
});

export const acceptConfirmationInput = z.object({
  id: z.string().min(1),
  version: z.number().int().min(1),
  acceptedAt: dateField('受理日期'),
  acceptanceNumber: acceptanceNumberSchema,
});

export const ruleConfirmationInput = z.object({
  id: z.string().min(1),
  version: z.number().int().min(1),
  ruling: z.enum(CONFIRMATION_RULINGS, { error: '请选择裁定结果' }),
  ruledAt: dateField('裁定日期'),
  note: optionalText('备注', 1000),
});

// ---------------------------------------------------------------------------------------------
// 回访
// ---------------------------------------------------------------------------------------------

export const FOLLOWUP_METHODS = ['visit', 'phone', 'other'] as const;
export type FollowupMethod = (typeof FOLLOWUP_METHODS)[number];
export const FOLLOWUP_METHOD_LABELS: Record<FollowupMethod, string> = { visit: '上门回访', phone: '电话回访', other: '其他方式' };

export const PERFORMANCES = ['performed', 'partly', 'not_performed'] as const;
export type Performance = (typeof PERFORMANCES)[number];
export const PERFORMANCE_LABELS: Record<Performance, string> = { performed: '已履行', partly: '部分履行', not_performed: '未履行' };

export interface FollowupView {
  id: string;
  version: number;
  caseId: string;
  dueOn: string;
  doneAt: string | null;
  method: FollowupMethod | null;
  performance: Performance | null;
  notes: string;
  visitor: string;
  /** Days from today to dueOn while not done; negative when late. */
  daysLeft: number | null;
  /** Working days from today to dueOn while not done. */
  workingDaysLeft: number | null;
  /** How a holiday or weekend moved a scheduled visit, else null. */
  dueNote: string | null;
}

export interface FollowupDueRow extends FollowupView {
  caseNumber: string;
  title: string;
  partyNames: string;
}

export interface CaseFollowups {
  caseId: string;
  eligible: boolean;
  ineligibleReason: string | null;
  /** The day the agreement took effect, from which visits are counted. */
  agreementOn: string | null;
  /** Default visits (settings + domain schedule) not yet on the list. */
  suggested: { dueOn: string; label: string }[];
  followups: FollowupView[];
}

export const scheduleFollowupsInput = z.object({
  caseId: z.string().min(1),
  /** Dates to schedule; the default schedule when left out. */
  dates: z.array(dateField('回访日期')).max(10, '一次最多安排 10 次回访').optional(),
});

export const recordFollowupInput = z.object({
  id: z.string().min(1),
  version: z.number().int().min(1),
  doneAt: dateField('回访日期'),
  method: z.enum(FOLLOWUP_METHODS, { error: '请选择回访方式' }),
  performance: z.enum(PERFORMANCES, { error: '请选择履行情况' }),
  notes: z.string().trim().max(5000, '回访情况不能超过 5000 字').default(''),
  visitor: requiredText('回访人', 50),
});

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const COURT = ['court_mediator', 'admin'] as const;
const MEDIATORS = ['mediator', 'court_mediator', 'admin'] as const;
/** Reading what the case page shows: every staff role that may open a case. */
const ALL_STAFF = ['intake', 'mediator', 'court_mediator', 'admin'] as const;

export const courtOps = {
  'court.registerReferral': op<ReferralView>()({ input: registerReferralInput, access: COURT, title: '登记委派/委托案件' }),
  'court.referrals': op<ReferralView[]>()({
    input: z.object({ status: z.enum(REFERRAL_FILTERS).default('open') }).default({ status: 'open' }),
    access: COURT,
    title: '委派案件列表',
  }),
  /** The referral of one case, or null when the case did not come from a court. */
  'court.referral': op<ReferralView | null>()({ input: z.object({ caseId: z.string().min(1) }), access: ALL_STAFF, title: '查看委派信息' }),
  'court.extend': op<ReferralView>()({ input: extendReferralInput, access: COURT, title: '延长调解期限' }),
  'court.reportResult': op<ReferralView>()({ input: reportResultInput, access: COURT, title: '向法院报告调解结果' }),

  'roster.performance': op<MediatorPerformance[]>()({
    input: z.object({ status: z.enum(MEDIATOR_STATUSES).optional(), mediatorId: z.string().optional() }).default({}),
    access: 'signed-in',
    title: '调解员履职记录',
  }),
  'roster.candidates': op<MediatorCandidate[]>()({
    input: z.object({ specialty: z.string().max(40).optional(), caseId: z.string().optional() }).default({}),
    access: MEDIATORS,
    title: '可选调解员',
  }),

  'supervision.list': op<SupervisionRow[]>()({
    input: z.object({ kinds: z.array(z.enum(SUPERVISION_KINDS)).optional() }).default({}),
    access: COURT,
    title: '督办清单',
  }),
  'supervision.setResponsibility': op<SupervisionRow>()({ input: responsibilityInput, access: MEDIATORS, title: '设定牵头单位与责任人' }),

  'confirmations.get': op<ConfirmationState>()({
    input: z.object({ caseId: z.string().min(1) }),
    access: ALL_STAFF,
    title: '查看司法确认',
  }),
  'confirmations.apply': op<ConfirmationState>()({ input: applyConfirmationInput, access: MEDIATORS, title: '登记司法确认申请' }),
  'confirmations.accept': op<ConfirmationState>()({ input: acceptConfirmationInput, access: MEDIATORS, title: '登记法院受理' }),
  'confirmations.rule': op<ConfirmationState>()({ input: ruleConfirmationInput, access: MEDIATORS, title: '登记司法确认裁定' }),

  'followups.list': op<CaseFollowups>()({ input: z.object({ caseId: z.string().min(1) }), access: ALL_STAFF, title: '回访记录' }),
  'followups.schedule': op<CaseFollowups>()({ input: scheduleFollowupsInput, access: MEDIATORS, title: '安排回访' }),
  'followups.record': op<CaseFollowups>()({ input: recordFollowupInput, access: MEDIATORS, title: '登记回访' }),
  'followups.due': op<FollowupDueRow[]>()({
    input: z.object({ withinDays: z.number().int().min(0).max(365).optional() }).default({}),
    access: MEDIATORS,
    title: '待回访',
  }),
};
