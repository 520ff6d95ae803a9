/**
 * The case life cycle: statuses, the actions that move a case between them, and the outcome
 * codes uploaded to the district (district-api.md "Case fields": `status`, `outcome`).
 *
 *   registered ─accept→ accepted ─start→ mediating ─agree→ agreement ─┐
 *       │                  │                 ├─fail→ failed ───────────┤
 *       └─reject→ rejected │                 │                         ├─close→ closed
 *       (with a reason)    └─withdraw────────┴──→ withdrawn ───────────┤
 *   registered/accepted/mediating ─transfer (target unit + reason)→ transferred ─┘
 *
 * 人民调解法: Art. 17 (a party who clearly refuses mediation may not be mediated; a dispute that is
 * not for the committee is not accepted → reject, always with a reason), Art. 23 (a party may ask to
 * end mediation → withdraw), Art. 26 (mediation that fails is ended and the parties are told of
 * other routes → fail), Art. 28–29 (agreement).
 *
 * Escalation to a higher tier is NOT a status change: the case keeps its status and its `tier`
 * moves up (tiers.ts nextTier). The audit log records it as its own event.
 */
import { z } from 'zod';
import { AppError } from '../errors';

export const STATUSES = [
  'registered',
  'accepted',
  'rejected',
  'mediating',
  'agreement',
  'failed',
  'withdrawn',
  'transferred',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];
export const statusSchema = z.enum(STATUSES);

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  registered: '已登记',
  accepted: '已受理',
  rejected: '不予受理',
  mediating: '调解中',
  agreement: '达成协议',
  failed: '调解不成',
  withdrawn: '已撤回',
  transferred: '已移交',
  closed: '已结案',
};

/** Inputs an action cannot do without. */
export type StepInput = 'reason' | 'targetUnit';

export const STEP_INPUT_LABELS: Readonly<Record<StepInput, string>> = {
  reason: '理由',
  targetUnit: '移交单位',
};

export interface ActionDef {
  readonly label: string;
  /** What the toast says once the step is done: 已结案. */
  readonly done: string;
  readonly from: readonly Status[];
  readonly to: Status;
  readonly requires: readonly StepInput[];
}

export const ACTION_CODES = ['accept', 'reject', 'start', 'agree', 'fail', 'withdraw', 'transfer', 'close'] as const;
export type ActionCode = (typeof ACTION_CODES)[number];
export const actionSchema = z.enum(ACTION_CODES);

/** The one table of legal steps. Order is display order. */
export const ACTIONS: Readonly<Record<ActionCode, ActionDef>> = {
  accept: { label: '受理', done: '已受理', from: ['registered'], to: 'accepted', requires: [] },
  reject: { label: '不予受理', done: '已不予受理', from: ['registered'], to: 'rejected', requires: ['reason'] },
  start: { label: '开始调解', done: '已开始调解', from: ['accepted'], to: 'mediating', requires: [] },
  agree: { label: '达成协议', done: '已达成协议', from: ['mediating'], to: 'agreement', requires: [] },
  fail: { label: '调解不成', done: '已记为调解不成', from: ['mediating'], to: 'failed', requires: [] },
  withdraw: { label: '撤回', done: '已撤回', from: ['accepted', 'mediating'], to: 'withdrawn', requires: [] },
  transfer: {
    label: '移交',
    done: '已移交',
    from: ['registered', 'accepted', 'mediating'],
    to: 'transferred',
    requires: ['targetUnit', 'reason'],
  },
  close: { label: '结案', done: '已结案', from: ['agreement', 'failed', 'withdrawn', 'transferred'], to: 'closed', requires: [] },
};

export function isStatus(s: unknown): s is Status {
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s);
}

export function statusLabel(s: string): string {
  return isStatus(s) ? STATUS_LABELS[s] : s;
}

/** The toast after a step: 已结案：（2026）牧调字第0012号. */
export function stepDoneMessage(a: ActionCode, caseNumber: string): string {
  return `${ACTIONS[a].done}：${caseNumber}`;
}

/** Every step moves the case on for good (no step goes back): the question asked before it. */
export function stepConfirmQuestion(a: ActionCode, caseNumber: string): string {
  return `确定对 ${caseNumber} 办理“${ACTIONS[a].label}”吗？办理后不能撤销。`;
}

export function actionLabel(a: ActionCode): string {
  return ACTIONS[a].label;
}

export function canStep(status: Status, action: ActionCode): boolean {
  return ACTIONS[action].from.includes(status);
}

/** The status after `action`; throws ILLEGAL_STEP when the action is not allowed from `status`. */
export function nextStatus(status: Status, action: ActionCode): Status {
  const def = ACTIONS[action];
  if (!def || !def.from.includes(status)) {
    const label = def ? def.label : String(action);
    throw new AppError('ILLEGAL_STEP', `案件当前状态为“${statusLabel(status)}”，不能执行“${label}”`);
  }
  return def.to;
}

/** Actions allowed from `status`, in table order. */
export function availableActions(status: Status): ActionCode[] {
  return ACTION_CODES.filter((a) => ACTIONS[a].from.includes(status));
}

/**
 * The fields an action needs that are blank: field → Chinese message (for AppError `fields`).
 * Empty when nothing is missing.
 */
export function missingStepInputs(
  action: ActionCode,
  input: Partial<Record<StepInput, string | null | undefined>>,
): Partial<Record<StepInput, string>> {
  const missing: Partial<Record<StepInput, string>> = {};
  for (const field of ACTIONS[action].requires) {
    if (!input[field]?.trim()) missing[field] = `${ACTIONS[action].label}须填写${STEP_INPUT_LABELS[field]}`;
  }
  return missing;
}

/** Throws VALIDATION naming the missing inputs of an action (reason, target unit). */
export function assertStepInputs(action: ActionCode, input: Partial<Record<StepInput, string | null | undefined>>): void {
  const missing = missingStepInputs(action, input);
  const messages = Object.values(missing);
  if (messages.length > 0) throw new AppError('VALIDATION', messages.join('；'), missing);
}

/** Open = still being worked on: counted for deadlines and the daily list. */
export const OPEN_STATUSES = ['registered', 'accepted', 'mediating'] as const satisfies readonly Status[];

/**
 * Parties can still be added or corrected while the case is open, and after its outcome until it
 * is closed: an agreement or a record of undisputed facts may show a party is missing.
 */
export function partiesEditable(status: Status): boolean {
  return isOpen(status) || status === 'agreement' || status === 'failed';
}

export function isOpen(status: Status): boolean {
  return (OPEN_STATUSES as readonly Status[]).includes(status);
}

export const OUTCOMES = ['agreement', 'failed', 'withdrawn', 'transferred'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const outcomeSchema = z.enum(OUTCOMES);

/**
 * What a case's `outcome` column may hold: the four outcomes, and `ended` (终止调解), a mediation
 * ended on other grounds, which the district counts as failed (records/case-records.ts) and no step
 * of this app sets: it comes with older data and the district's own vocabulary.
 */
export const STORED_OUTCOMES = [...OUTCOMES, 'ended'] as const;
export type StoredOutcome = (typeof STORED_OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  agreement: '达成协议',
  failed: '调解不成',
  withdrawn: '撤回',
  transferred: '移交',
};

export const STORED_OUTCOME_LABELS: Readonly<Record<StoredOutcome, string>> = { ...OUTCOME_LABELS, ended: '终止调解' };

/**
 * The district outcome code a status stands for, or null. Set the case's `outcome` when it enters
 * one of the four outcome statuses and keep it when the case is closed: `closed` itself maps to
 * null because the outcome came from the status before it. A rejected case was never mediated and
 * has no district outcome.
 */
export function outcomeFor(status: Status): Outcome | null {
  switch (status) {
    case 'agreement':
    case 'failed':
    case 'withdrawn':
    case 'transferred':
      return status;
    default:
      return null;
  }
}
