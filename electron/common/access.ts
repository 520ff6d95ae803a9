/**
 * Who may read a case in full and who may change it (issue #12 items 3 and 4). One rule, pure, so
 * the services enforce it and the screens hide what it would refuse; the README's Security section
 * says it in words.
 *
 * - A person who must stand aside (回避: their roster record is a party or agent of the case, or
 *   shares a phone number with one) may neither read the case nor change it, whatever their role.
 * - The centre head / administrator reads every case in full and may change it.
 * - A mediator (resident or court-stationed) reads in full and may change the cases assigned to
 *   them (their user account is linked to a roster record the case names as lead or assistant), and
 *   any case nobody is assigned to yet: the centre's pool, from which a mediator takes a case up
 *   (accepts it, assigns it). Any other case a mediator sees read-only, as the intake counter does.
 * - The intake clerk sees what the counter needs: status, names, masked ID numbers and phones, no
 *   session records, agreements or timeline; and changes a case only before it is accepted.
 */
import type { Status } from './domain/lifecycle';
import type { Role } from './roles';

/** What the rule needs to know about a person and a case. */
export interface CaseAccessFacts {
  role: Role;
  /** The person's roster record is one of the case's mediators. */
  assigned: boolean;
  /** Some mediator is assigned to the case. */
  staffed: boolean;
  status: Status;
  /** Why the person must stand aside, or null. */
  recusal: string | null;
}

/** What the case page may offer; returned with every case. */
export interface CasePermissions {
  /** Full ID numbers and phones, session records, agreement, record of undisputed facts, timeline, documents. */
  canReadFull: boolean;
  /** Any change to the case, its parties, sessions, court referral, 司法确认, follow-ups and documents. */
  canEdit: boolean;
  /** Why not, in Chinese, when either is false; null when both are true. */
  reason: string | null;
}

/** The operator's view (CLI, system): everything. */
export const FULL_ACCESS: CasePermissions = Object.freeze({ canReadFull: true, canEdit: true, reason: null });

export const NOT_ASSIGNED_MESSAGE = '您不是本案的承办调解员：只有承办调解员和中心负责人可以办理本案';
export const INTAKE_AFTER_ACCEPT_MESSAGE = '案件已受理，窗口登记员不能再修改；请联系承办调解员';
export const INTAKE_READ_MESSAGE = '窗口登记员只能查看案件的基本情况';
export const recusalMessage = (reason: string) => `${reason}：您不能查看或办理本案`;

export function casePermissions(f: CaseAccessFacts): CasePermissions {
  if (f.recusal) return { canReadFull: false, canEdit: false, reason: recusalMessage(f.recusal) };
  switch (f.role) {
    case 'admin':
      return { canReadFull: true, canEdit: true, reason: null };
    case 'mediator':
    case 'court_mediator': {
      const runs = f.assigned || !f.staffed;
      return runs
        ? { canReadFull: true, canEdit: true, reason: null }
        : { canReadFull: false, canEdit: false, reason: NOT_ASSIGNED_MESSAGE };
    }
    case 'intake': {
      const before = f.status === 'registered';
      return { canReadFull: false, canEdit: before, reason: before ? INTAKE_READ_MESSAGE : INTAKE_AFTER_ACCEPT_MESSAGE };
    }
  }
}
