/**
 * Repeat disputes: before a case is saved, tell the registering user when one of its parties is
 * already a party of an open case — matched by ID number, or by name and phone together.
 */
import type { RepeatMatch } from '../../common/api/cases';
import { validatePhone } from '../../common/domain/identity';
import type { ServiceContext } from '../core/context';
import { OPEN_STATUSES_SQL } from '../core/sql-lists';

export function findRepeats(
  ctx: Pick<ServiceContext, 'db'>,
  candidates: { name?: string | undefined; idNumber?: string | undefined; phone?: string | undefined }[],
  excludeCaseId?: string,
): RepeatMatch[] {
  const byId = ctx.db.sqlite.prepare(
    `SELECT c.id AS caseId, c.case_number AS caseNumber, c.title, c.status, p.name AS partyName
       FROM parties p JOIN cases c ON c.id = p.case_id
      WHERE p.id_number = ? AND p.deleted = 0 AND c.deleted = 0 AND c.status IN ${OPEN_STATUSES_SQL}
      LIMIT 20`,
  );
  const byNamePhone = ctx.db.sqlite.prepare(
    `SELECT c.id AS caseId, c.case_number AS caseNumber, c.title, c.status, p.name AS partyName
       FROM parties p JOIN cases c ON c.id = p.case_id
      WHERE p.phone = ? AND p.name = ? AND p.deleted = 0 AND c.deleted = 0 AND c.status IN ${OPEN_STATUSES_SQL}
      LIMIT 20`,
  );
  const found = new Map<string, RepeatMatch>();
  type Hit = Omit<RepeatMatch, 'reason'>;
  for (const c of candidates) {
    const id = c.idNumber?.replace(/\s+/g, '').toUpperCase();
    if (id && id.length >= 6) {
      for (const hit of byId.all(id) as Hit[])
        if (!found.has(hit.caseId)) found.set(hit.caseId, { ...hit, status: hit.status, reason: `当事人“${hit.partyName}”证件号码相同` });
    }
    const name = c.name?.trim();
    if (name && c.phone) {
      const phone = validatePhone(c.phone);
      const normalized = phone.ok ? phone.normalized : c.phone.trim();
      for (const hit of byNamePhone.all(normalized, name) as Hit[])
        if (!found.has(hit.caseId)) found.set(hit.caseId, { ...hit, status: hit.status, reason: `当事人“${hit.partyName}”姓名和电话相同` });
    }
  }
  if (excludeCaseId) found.delete(excludeCaseId);
  return [...found.values()];
}
