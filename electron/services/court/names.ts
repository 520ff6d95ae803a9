/**
 * Names for list rows ("张三 与 李四", "赵调解、钱调解"), fetched for a page of cases in one query
 * each, never per row.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { caseMediators, mediators, parties } from '../../../db/schema';
import type { ServiceContext } from '../core/context';

export function partyNamesFor(ctx: Pick<ServiceContext, 'db'>, caseIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (caseIds.length === 0) return out;
  const byCase = new Map<string, { a: string[]; r: string[] }>();
  const rows = ctx.db.orm
    .select({ caseId: parties.caseId, name: parties.name, role: parties.role })
    .from(parties)
    .where(and(inArray(parties.caseId, caseIds), eq(parties.deleted, false)))
    .orderBy(asc(parties.ordinal))
    .all();
  for (const p of rows) {
    const e = byCase.get(p.caseId) ?? { a: [], r: [] };
    if (p.role === 'applicant') e.a.push(p.name);
    else if (p.role === 'respondent') e.r.push(p.name);
    byCase.set(p.caseId, e);
  }
  for (const [id, e] of byCase) out.set(id, [e.a.join('、'), e.r.join('、')].filter(Boolean).join(' 与 '));
  return out;
}

export function mediatorNamesFor(ctx: Pick<ServiceContext, 'db'>, caseIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (caseIds.length === 0) return out;
  const rows = ctx.db.orm
    .select({ caseId: caseMediators.caseId, name: mediators.name })
    .from(caseMediators)
    .innerJoin(mediators, eq(mediators.id, caseMediators.mediatorId))
    .where(inArray(caseMediators.caseId, caseIds))
    .orderBy(asc(caseMediators.assignedAt))
    .all();
  for (const m of rows) out.set(m.caseId, out.has(m.caseId) ? `${out.get(m.caseId)}、${m.name}` : m.name);
  return out;
}
