/**
 * 重点案件督办清单 (the half-monthly key-case list): cases still open at the list's date that are
 * overdue, near their deadline, escalated to a higher tier, or repeat petitions — with the lead
 * unit, the responsible leader (包案领导) and the responsible person (责任人) who answer for them.
 */
import type { cases } from '../../../db/schema';
import { KEY_CASE_REASONS, type KeyCaseList, type KeyCaseReason, type KeyCaseRow } from '../../common/api/stats';
import { daysLeft } from '../../common/domain/deadlines';
import type { Period } from '../../common/stats/period';
import type { ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { statsPeriod } from './dashboard';
import { KEY_CASE, PX, periodParams } from './predicates';

type Ctx = Pick<ServiceContext, 'db' | 'clock'>;

const flag = (pred: string) => `(CASE WHEN ${pred} THEN 1 ELSE 0 END)`;

const SELECT = `
  SELECT c.id, c.case_number AS caseNumber, c.title, c.category, c.tier, c.origin_tier AS originTier, c.status,
         c.registered_at AS registeredAt, c.deadline, c.lead_unit AS leadUnit, c.responsible_leader AS responsibleLeader,
         c.responsible_person AS responsiblePerson,
         ${flag(PX.overdue)} AS isOverdue, ${flag(PX.near)} AS isNear, ${flag(PX.escalated)} AS isEscalated, ${flag(PX.repeat)} AS isRepeat
    FROM cases c
   WHERE ${PX.live} AND ${KEY_CASE}
   ORDER BY CASE WHEN c.deadline < @cut THEN 0 WHEN c.deadline <= @nearEnd THEN 1 ELSE 2 END, c.deadline IS NULL, c.deadline, c.registered_at, c.id
   LIMIT @limit OFFSET @offset`;

const COUNTS = `
  SELECT COUNT(*) AS total, SUM(${flag(PX.overdue)}) AS overdue, SUM(${flag(PX.near)}) AS near,
         SUM(${flag(PX.escalated)}) AS escalated, SUM(${flag(PX.repeat)}) AS repeat
    FROM cases c WHERE ${PX.live} AND ${KEY_CASE}`;

/** A row as the query reads it: its codes are the schema's (SQLite refuses others, migration 0014). */
interface Row extends Pick<typeof cases.$inferSelect, 'tier' | 'originTier' | 'status'> {
  id: string;
  caseNumber: string;
  title: string;
  category: string;
  registeredAt: string;
  deadline: string | null;
  leadUnit: string | null;
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  isOverdue: number;
  isNear: number;
  isEscalated: number;
  isRepeat: number;
}

function mediatorNames(ctx: Ctx, ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT cm.case_id AS caseId, m.name FROM case_mediators cm JOIN mediators m ON m.id = cm.mediator_id
        WHERE cm.case_id IN (SELECT value FROM json_each(?))
        ORDER BY cm.case_id, CASE cm.role WHEN 'lead' THEN 0 ELSE 1 END, cm.assigned_at`,
    )
    .all(JSON.stringify(ids)) as { caseId: string; name: string }[];
  for (const r of rows) out.set(r.caseId, out.has(r.caseId) ? `${out.get(r.caseId)}、${r.name}` : r.name);
  return out;
}

/** The list as of the period's end (today, if the period has not ended), one page of it. */
export function keyCaseList(ctx: Ctx, periodIn: Period, page = 1, pageSize = 20): KeyCaseList {
  const period = statsPeriod(ctx, periodIn);
  const nearDays = getSettings(ctx).nearDeadlineDays;
  const params = periodParams(period, nearDays);
  const rows = ctx.db.sqlite.prepare(SELECT).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as Row[];
  const c = ctx.db.sqlite.prepare(COUNTS).get(params) as Record<KeyCaseReason | 'total', number | null>;
  const names = mediatorNames(
    ctx,
    rows.map((r) => r.id),
  );
  const flags: Record<KeyCaseReason, keyof Row> = { overdue: 'isOverdue', near: 'isNear', escalated: 'isEscalated', repeat: 'isRepeat' };
  const out: KeyCaseRow[] = rows.map((r) => ({
    id: r.id,
    caseNumber: r.caseNumber,
    title: r.title,
    category: r.category,
    tier: r.tier,
    originTier: r.originTier,
    status: r.status,
    registeredAt: r.registeredAt,
    deadline: r.deadline,
    daysLeft: r.deadline ? daysLeft(r.deadline, params.cut) : null,
    reasons: KEY_CASE_REASONS.filter((k) => r[flags[k]] === 1),
    leadUnit: r.leadUnit,
    responsibleLeader: r.responsibleLeader,
    responsiblePerson: r.responsiblePerson,
    mediatorNames: names.get(r.id) ?? '',
  }));
  return {
    asOf: params.cut,
    nearDays,
    counts: { total: c.total ?? 0, overdue: c.overdue ?? 0, near: c.near ?? 0, escalated: c.escalated ?? 0, repeat: c.repeat ?? 0 },
    rows: out,
    total: c.total ?? 0,
    page,
    pageSize,
  };
}
