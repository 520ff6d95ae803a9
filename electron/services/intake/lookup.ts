/**
 * The citizen's progress lookup: query code + the last four digits of the phone they gave →
 * where the matter stands, in plain words. Nothing else comes back: no names, no numbers, no
 * dates; a wrong code and a wrong phone get the same answer, so neither can be probed alone.
 */
import { normalizeQueryCode, type IntakeStatus, type LookupResult } from '../../common/api/intake';
import type { Outcome, Status } from '../../common/domain/lifecycle';
import { AppError } from '../../common/errors';
import type { ServiceContext } from '../core/context';
import type { KioskGuard } from './guard';

export const LOOKUP_MISS_MESSAGE = '查询码或电话后四位不正确，请核对小票上的查询码后重试。';

const CLOSED_WORDS: Record<Outcome, string> = {
  agreement: '已结案：达成协议',
  failed: '已结案：调解未达成协议',
  withdrawn: '已结案：申请人撤回',
  transferred: '已结案：已移交有关部门处理',
};

/** The words for a registration and, once there is one, its case. */
export function progressWords(intakeStatus: IntakeStatus, c: { status: Status; outcome: Outcome | null } | null): LookupResult {
  if (intakeStatus === 'rejected') return { stage: 'not_accepted', text: '未予受理，详情请到窗口咨询' };
  if (intakeStatus === 'pending' || !c) return { stage: 'waiting', text: '已登记，等待受理' };
  switch (c.status) {
    case 'registered':
      return { stage: 'waiting', text: '已登记，等待受理' };
    case 'accepted':
      return { stage: 'accepted', text: '已受理，正在安排调解' };
    case 'mediating':
      return { stage: 'mediating', text: '调解中' };
    case 'agreement':
      return { stage: 'closed', text: '调解成功：已达成协议' };
    case 'failed':
      return { stage: 'closed', text: '调解结束：未达成协议' };
    case 'withdrawn':
      return { stage: 'closed', text: '已撤回调解申请' };
    case 'transferred':
      return { stage: 'closed', text: '已移交有关部门处理' };
    case 'rejected':
      return { stage: 'not_accepted', text: '未予受理，详情请到窗口咨询' };
    case 'closed':
      return { stage: 'closed', text: c.outcome ? CLOSED_WORDS[c.outcome] : '已结案' };
  }
}

/** Digits of the stored phone (mobile 13812345678, landline 0373-1234567): its last four. */
const lastFour = (phone: string): string => phone.replace(/\D/g, '').slice(-4);

/**
 * `source` names the caller for the rate limit: the kiosk device, or a signed-in user. Wrong
 * tries also count against the query code (the citizen's registration) unless `perCode` is false:
 * staff at the counter can still look up a code someone has been guessing at.
 */
export function lookupProgress(
  ctx: Pick<ServiceContext, 'db'>,
  guard: KioskGuard,
  source: string,
  code: string,
  phoneLast4: string,
  perCode = true,
): LookupResult {
  const normalized = normalizeQueryCode(code);
  const keys = [`source:${source}`, ...(normalized && perCode ? [`code:${normalized}`] : [])];
  guard.checkLookup(keys);
  const row = normalized
    ? (ctx.db.sqlite
        .prepare(
          `SELECT i.status, i.phone, c.status AS caseStatus, c.outcome
             FROM intakes i LEFT JOIN cases c ON c.id = i.case_id AND c.deleted = 0
            WHERE i.query_code = ?`,
        )
        .get(normalized) as { status: IntakeStatus; phone: string; caseStatus: Status | null; outcome: Outcome | null } | undefined)
    : undefined;
  if (!row || lastFour(row.phone) !== phoneLast4) {
    guard.lookupFailed(keys);
    throw new AppError('NOT_FOUND', LOOKUP_MISS_MESSAGE);
  }
  return progressWords(row.status, row.caseStatus ? { status: row.caseStatus, outcome: row.outcome } : null);
}
