/**
 * 重复信访 (a repeat petition), one definition for the 督办 list (followthrough/supervision.ts)
 * and the statistics' 重点案件督办清单 (stats/predicates.ts), so the two lists never disagree:
 * a case marked so at registration, or a petition referral one of whose parties (not an agent) was
 * already a party of an earlier case — the same ID number, or the same name and phone.
 *
 * SQL over a `cases c` row of the outer query; the subquery's aliases are its own.
 */
const EARLIER_CASE_OF_SAME_PARTY = `EXISTS (
  SELECT 1 FROM parties p
    JOIN parties q ON q.case_id <> p.case_id AND q.deleted = 0 AND q.role <> 'agent'
                  AND ((p.id_number IS NOT NULL AND p.id_number <> '' AND q.id_number = p.id_number)
                       OR (p.phone IS NOT NULL AND p.phone <> '' AND q.phone = p.phone AND q.name = p.name))
    JOIN cases c2 ON c2.id = q.case_id AND c2.deleted = 0
   WHERE p.case_id = c.id AND p.deleted = 0 AND p.role <> 'agent'
     AND (c2.registered_at < c.registered_at OR (c2.registered_at = c.registered_at AND c2.id < c.id)))`;

export const REPEAT_PETITION = `(c.repeat_petition = 1 OR (c.source = 'petition_referral' AND ${EARLIER_CASE_OF_SAME_PARTY}))`;
