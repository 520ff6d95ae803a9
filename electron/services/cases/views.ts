/**
 * Rows → what the API returns: the list row, the party view, the session view.
 * ID numbers and phones are masked in lists and shown in full only on the case page.
 */
import type { CaseRow, PartyView, SessionView } from '../../common/api/cases';
import { dueReason, workingDaysLeft, type LegalCalendar } from '../../common/domain/calendar';
import { daysLeft as daysBetween, deadlineState } from '../../common/domain/deadlines';
import { maskIdNumber, maskPhone } from '../../common/domain/identity';
import type { Status } from '../../common/domain/lifecycle';
import type { parties, sessions } from '../../../db/schema';
import { isOpen } from '../../common/domain/lifecycle';
import type { CaseRecord } from './versioning';

type PartyRecord = typeof parties.$inferSelect;
type SessionRecord = typeof sessions.$inferSelect;

export function partyView(p: PartyRecord): PartyView {
  return {
    id: p.id,
    version: p.version,
    role: p.role,
    kind: p.kind,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    occupation: p.occupation,
    idType: p.idType,
    idNumber: p.idNumber,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    phone: p.phone,
    address: p.address,
    representsId: p.representsId,
    authority: p.authority,
  };
}

export function sessionView(s: SessionRecord): SessionView {
  return {
    id: s.id,
    version: s.version,
    kind: s.kind,
    heldAt: s.heldAt,
    place: s.place,
    participants: s.participants,
    record: s.record,
    recorder: s.recorder,
    mediatorId: s.mediatorId,
  };
}

/**
 * Deadline state only matters while a case is open: a closed case is never "overdue". The note
 * says how the deadline was reached when a holiday or weekend moved it (shown on any case).
 */
export function deadlineInfo(
  status: Status,
  deadline: string | null,
  nominal: string | null,
  today: string,
  nearDays: number,
  cal: LegalCalendar,
) {
  const deadlineNote = dueReason(cal, nominal, deadline);
  if (!deadline || !isOpen(status)) return { deadlineState: 'none' as const, daysLeft: null, workingDaysLeft: null, deadlineNote };
  return {
    deadlineState: deadlineState(deadline, today, nearDays),
    daysLeft: daysBetween(deadline, today),
    workingDaysLeft: workingDaysLeft(cal, deadline, today),
    deadlineNote,
  };
}

export function caseRow(
  c: Pick<
    CaseRecord,
    'id' | 'version' | 'caseNumber' | 'title' | 'category' | 'source' | 'tier' | 'status' | 'registeredAt' | 'deadline' | 'deadlineNominal'
  >,
  names: { parties: string; mediators: string },
  today: string,
  nearDays: number,
  cal: LegalCalendar,
): CaseRow {
  return {
    id: c.id,
    version: c.version,
    caseNumber: c.caseNumber,
    title: c.title,
    category: c.category,
    source: c.source,
    tier: c.tier,
    status: c.status,
    registeredAt: c.registeredAt,
    deadline: c.deadline,
    ...deadlineInfo(c.status, c.deadline, c.deadlineNominal, today, nearDays, cal),
    partyNames: names.parties,
    mediatorNames: names.mediators,
  };
}

/** How a matched party shows in search results: name plus masked phone or ID. */
export function maskedParty(p: { name: string; phone: string | null; idNumber: string | null }, on: 'name' | 'phone' | 'idNumber'): string {
  if (on === 'phone' && p.phone) return `${p.name}（${maskPhone(p.phone)}）`;
  if (on === 'idNumber' && p.idNumber) return `${p.name}（${maskIdNumber(p.idNumber)}）`;
  return p.name;
}
