/**
 * Reading cases: the filtered list, the case page, the desk's due-soon and overdue lists.
 * Names for list rows are fetched for the page's cases in one query each, never per row.
 */
import { and, asc, desc, eq, exists, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { caseMediators, cases, importBatches, mediators, parties } from '../../../db/schema';
import { FULL_ACCESS, type CasePermissions } from '../../common/access';
import type { CaseDetail, CaseRow, DeskSummary, listCasesInput } from '../../common/api/cases';
import { availableActions, OPEN_STATUSES as OPEN_LIST, type Status } from '../../common/domain/lifecycle';
import type { z } from 'zod';
import { caseTimeline } from '../core/audit';
import { localDate } from '../core/clock';
import type { ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { calendarInfo, loadCalendar } from '../calendar/store';
import { caseMediatorRefs } from './mediators';
import { caseParties } from './parties';
import { caseSessions } from './sessions';
import { caseRow, deadlineInfo, partyView, sessionView } from './views';
import { loadCase } from './versioning';

const OPEN_STATUSES: Status[] = [...OPEN_LIST];

type ListInput = z.output<typeof listCasesInput>;

/** "张三 诉 李四、王五" from applicants and respondents. */
function namesFor(ctx: Pick<ServiceContext, 'db'>, ids: string[]) {
  const partyNames = new Map<string, { a: string[]; r: string[] }>();
  const mediatorNames = new Map<string, string[]>();
  if (ids.length === 0) return { partyNames, mediatorNames };
  const ps = ctx.db.orm
    .select({ caseId: parties.caseId, name: parties.name, role: parties.role })
    .from(parties)
    .where(and(inArray(parties.caseId, ids), eq(parties.deleted, false)))
    .orderBy(asc(parties.ordinal))
    .all();
  for (const p of ps) {
    const e = partyNames.get(p.caseId) ?? { a: [], r: [] };
    if (p.role === 'applicant') e.a.push(p.name);
    else if (p.role === 'respondent') e.r.push(p.name);
    partyNames.set(p.caseId, e);
  }
  const ms = ctx.db.orm
    .select({ caseId: caseMediators.caseId, name: mediators.name })
    .from(caseMediators)
    .innerJoin(mediators, eq(mediators.id, caseMediators.mediatorId))
    .where(inArray(caseMediators.caseId, ids))
    .all();
  for (const m of ms) mediatorNames.set(m.caseId, [...(mediatorNames.get(m.caseId) ?? []), m.name]);
  return { partyNames, mediatorNames };
}

function toRows(ctx: ServiceContext, list: (typeof cases.$inferSelect)[] | Parameters<typeof caseRow>[0][]): CaseRow[] {
  const { nearDeadlineDays } = getSettings(ctx);
  const today = localDate(ctx.clock.now());
  const { partyNames, mediatorNames } = namesFor(
    ctx,
    list.map((c) => c.id),
  );
  const cal = loadCalendar(ctx);
  return list.map((c) => {
    const p = partyNames.get(c.id);
    const parties = p ? [p.a.join('、'), p.r.join('、')].filter(Boolean).join(' 与 ') : '';
    return caseRow(c, { parties, mediators: (mediatorNames.get(c.id) ?? []).join('、') }, today, nearDeadlineDays, cal);
  });
}

const listColumns = {
  id: cases.id,
  version: cases.version,
  caseNumber: cases.caseNumber,
  title: cases.title,
  category: cases.category,
  source: cases.source,
  tier: cases.tier,
  status: cases.status,
  registeredAt: cases.registeredAt,
  deadline: cases.deadline,
  deadlineNominal: cases.deadlineNominal,
};

export function listCases(ctx: ServiceContext, input: ListInput) {
  const today = localDate(ctx.clock.now());
  const where: SQL[] = [eq(cases.deleted, false)];
  if (input.status?.length) where.push(inArray(cases.status, input.status));
  if (input.category?.length) where.push(inArray(cases.category, input.category));
  if (input.source?.length) where.push(inArray(cases.source, input.source));
  if (input.tier?.length) where.push(inArray(cases.tier, input.tier));
  if (input.open) where.push(inArray(cases.status, OPEN_STATUSES));
  if (input.overdue) where.push(lt(cases.deadline, today), inArray(cases.status, OPEN_STATUSES));
  // registeredAt is RFC 3339 text: a date prefix compares correctly as text.
  if (input.registeredFrom) where.push(gte(cases.registeredAt, input.registeredFrom));
  if (input.registeredTo) where.push(lte(cases.registeredAt, `${input.registeredTo}T99`));
  if (input.mediatorId) {
    where.push(
      exists(
        ctx.db.orm
          .select({ one: sql`1` })
          .from(caseMediators)
          .where(and(eq(caseMediators.caseId, cases.id), eq(caseMediators.mediatorId, input.mediatorId))),
      ),
    );
  }
  const cond = and(...where);
  const sortCol = { registeredAt: cases.registeredAt, deadline: cases.deadline, caseNumber: cases.caseNumber, updatedAt: cases.updatedAt }[
    input.sort
  ];
  const order = input.order === 'asc' ? asc(sortCol) : desc(sortCol);
  const rows = ctx.db.orm
    .select(listColumns)
    .from(cases)
    .where(cond)
    .orderBy(order, desc(cases.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total =
    ctx.db.orm
      .select({ n: sql<number>`count(*)` })
      .from(cases)
      .where(cond)
      .get()?.n ?? 0;
  return { rows: toRows(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}

/** The case in full. `permissions` says what the caller may do; the default is the operator's (CLI, documents). */
/** "台账.xlsx 第 4 行" for a case a ledger import brought in (issue #16); null for the centre's own. */
function importedFrom(ctx: Pick<ServiceContext, 'db'>, batchId: string | null, row: number | null): string | null {
  if (!batchId) return null;
  const b = ctx.db.orm.select({ fileName: importBatches.fileName }).from(importBatches).where(eq(importBatches.id, batchId)).get();
  return `${b?.fileName ?? '历史台账'}${row ? ` 第 ${row} 行` : ''}`;
}

export function getCaseDetail(ctx: ServiceContext, id: string, permissions: CasePermissions = FULL_ACCESS): CaseDetail {
  const c = loadCase(ctx, id);
  const { nearDeadlineDays } = getSettings(ctx);
  const today = localDate(ctx.clock.now());
  const status = c.status;
  return {
    id: c.id,
    version: c.version,
    updatedAt: c.updatedAt,
    caseNumber: c.caseNumber,
    title: c.title,
    category: c.category,
    source: c.source,
    tier: c.tier,
    originTier: c.originTier,
    status,
    summary: c.summary,
    claims: c.claims,
    amountFen: c.amountFen,
    agreedAmountFen: c.agreedAmountFen,
    reporter: c.reporter ?? null,
    registeredAt: c.registeredAt,
    acceptedAt: c.acceptedAt,
    deadline: c.deadline,
    ...deadlineInfo(status, c.deadline, c.deadlineNominal, today, nearDeadlineDays, loadCalendar(ctx)),
    closedAt: c.closedAt,
    outcome: c.outcome,
    outcomeAt: c.outcomeAt,
    outcomeNote: c.outcomeNote,
    rejectReason: c.rejectReason,
    leadUnit: c.leadUnit,
    coUnits: c.coUnits ?? [],
    responsibleLeader: c.responsibleLeader,
    responsiblePerson: c.responsiblePerson,
    escalatedAt: c.escalatedAt,
    transferredTo: c.transferredTo,
    repeatPetition: c.repeatPetition,
    preventedCriminalPeople: c.preventedCriminalPeople,
    preventedPetitionPeople: c.preventedPetitionPeople,
    importedFrom: importedFrom(ctx, c.importBatchId, c.importRow),
    agreement: c.agreement ?? null,
    agreementEffectiveAt: c.agreementEffectiveAt,
    undisputed: c.undisputed ?? null,
    parties: caseParties(ctx, id).map(partyView),
    mediators: caseMediatorRefs(ctx, id),
    sessions: caseSessions(ctx, id).map(sessionView),
    timeline: caseTimeline(ctx, id),
    availableActions: availableActions(status),
    permissions,
  };
}

export function deskSummary(ctx: ServiceContext, user: { mediatorId: string | null }): DeskSummary {
  const { nearDeadlineDays } = getSettings(ctx);
  const today = localDate(ctx.clock.now());
  const horizon = new Date(ctx.clock.now().getTime() + nearDeadlineDays * 86_400_000);
  const open = and(eq(cases.deleted, false), inArray(cases.status, OPEN_STATUSES));
  const overdue = ctx.db.orm
    .select(listColumns)
    .from(cases)
    .where(and(open, lt(cases.deadline, today)))
    .orderBy(asc(cases.deadline))
    .limit(100)
    .all();
  const dueSoon = ctx.db.orm
    .select(listColumns)
    .from(cases)
    .where(and(open, gte(cases.deadline, today), lte(cases.deadline, localDate(horizon))))
    .orderBy(asc(cases.deadline))
    .limit(100)
    .all();
  const count = (cond: SQL | undefined) =>
    ctx.db.orm
      .select({ n: sql<number>`count(*)` })
      .from(cases)
      .where(cond)
      .get()?.n ?? 0;
  const mine = user.mediatorId
    ? count(
        and(
          open,
          exists(
            ctx.db.orm
              .select({ one: sql`1` })
              .from(caseMediators)
              .where(and(eq(caseMediators.caseId, cases.id), eq(caseMediators.mediatorId, user.mediatorId))),
          ),
        ),
      )
    : 0;
  return {
    today,
    calendarWarning: calendarInfo(ctx).warning,
    overdue: toRows(ctx, overdue),
    dueSoon: toRows(ctx, dueSoon),
    counts: {
      open: count(open),
      mine,
      registered: count(and(eq(cases.deleted, false), eq(cases.status, 'registered'))),
      mediating: count(and(eq(cases.deleted, false), eq(cases.status, 'mediating'))),
    },
  };
}
