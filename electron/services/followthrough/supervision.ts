/**
 * Supervision (督办): the open cases the centre head watches every day — past their deadline
 * (限期化解), near it (settings.nearDeadlineDays), escalated to a higher tier and still open, and
 * repeat petitions (marked so, or a petition referral whose party already had an earlier case) —
 * each with its lead unit (牵头单位), responsible leader (包案领导) and responsible person (责任人).
 */
import type { z } from 'zod';
import type { responsibilityInput, SupervisionKind, SupervisionRow } from '../../common/api/court';
import { SUPERVISION_KINDS } from '../../common/api/court';
import { AppError } from '../../common/errors';
import { dueReason, workingDaysLeft } from '../../common/domain/calendar';
import { addDays, daysLeft } from '../../common/domain/deadlines';
import { loadCalendar } from '../calendar/store';
import { recordAudit } from '../core/audit';
import { localDate } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { REPEAT_PETITION } from '../cases/repeat-petition-sql';
import { lockCase, writeCase, type CaseRecord } from '../cases/versioning';
import { partyNamesFor } from '../court/names';
import { OPEN_STATUSES_SQL } from '../core/sql-lists';

/** A row as the query reads it: its codes are the schema's (SQLite refuses others, migration 0014). */
interface Row extends Pick<CaseRecord, 'tier' | 'originTier' | 'status'> {
  id: string;
  version: number;
  caseNumber: string;
  title: string;
  category: string;
  source: string;
  registeredAt: string;
  deadline: string | null;
  deadlineNominal: string | null;
  escalatedAt: string | null;
  leadUnit: string | null;
  coUnits: string | null;
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  overdue: number;
  near: number;
  escalated: number;
  repeat: number;
}

function query(ctx: Pick<ServiceContext, 'db' | 'clock'>, opts: { caseId?: string; onlyFlagged: boolean }): Row[] {
  const today = localDate(ctx.clock.now());
  const horizon = addDays(today, getSettings(ctx).nearDeadlineDays);
  const sql = `
    SELECT * FROM (
      SELECT c.id, c.version, c.case_number AS caseNumber, c.title, c.category, c.source, c.tier, c.origin_tier AS originTier,
             c.status, c.registered_at AS registeredAt, c.deadline, c.deadline_nominal AS deadlineNominal, c.escalated_at AS escalatedAt, c.lead_unit AS leadUnit,
             c.co_units AS coUnits, c.responsible_leader AS responsibleLeader, c.responsible_person AS responsiblePerson,
             (c.status IN ${OPEN_STATUSES_SQL} AND c.deadline IS NOT NULL AND c.deadline < @today) AS overdue,
             (c.status IN ${OPEN_STATUSES_SQL} AND c.deadline IS NOT NULL AND c.deadline >= @today AND c.deadline <= @horizon) AS near,
             (c.status IN ${OPEN_STATUSES_SQL} AND c.escalated_at IS NOT NULL) AS escalated,
             (c.status IN ${OPEN_STATUSES_SQL} AND ${REPEAT_PETITION}) AS "repeat"
        FROM cases c
       WHERE c.deleted = 0 ${opts.caseId ? 'AND c.id = @caseId' : `AND c.status IN ${OPEN_STATUSES_SQL}`}
    ) ${opts.onlyFlagged ? 'WHERE overdue OR near OR escalated OR "repeat"' : ''}
    ORDER BY overdue DESC, near DESC, deadline IS NULL, deadline, escalatedAt DESC, caseNumber`;
  const params: Record<string, string> = { today, horizon };
  if (opts.caseId) params.caseId = opts.caseId;
  return ctx.db.sqlite.prepare(sql).all(params) as Row[];
}

function toRows(ctx: Pick<ServiceContext, 'db' | 'clock'>, rows: Row[]): SupervisionRow[] {
  const today = localDate(ctx.clock.now());
  const names = partyNamesFor(
    ctx,
    rows.map((r) => r.id),
  );
  const cal = loadCalendar(ctx);
  return rows.map((r) => {
    const flags: Record<SupervisionKind, boolean> = { overdue: !!r.overdue, near: !!r.near, escalated: !!r.escalated, repeat: !!r.repeat };
    let coUnits: string[] = [];
    try {
      const parsed: unknown = JSON.parse(r.coUnits ?? '[]');
      if (Array.isArray(parsed)) coUnits = parsed.filter((x): x is string => typeof x === 'string');
    } catch {
      coUnits = [];
    }
    return {
      id: r.id,
      version: r.version,
      caseNumber: r.caseNumber,
      title: r.title,
      category: r.category,
      source: r.source,
      tier: r.tier,
      originTier: r.originTier,
      status: r.status,
      registeredAt: r.registeredAt,
      deadline: r.deadline,
      daysLeft: r.deadline ? daysLeft(r.deadline, today) : null,
      workingDaysLeft: r.deadline ? workingDaysLeft(cal, r.deadline, today) : null,
      deadlineNote: dueReason(cal, r.deadlineNominal, r.deadline),
      escalatedAt: r.escalatedAt,
      leadUnit: r.leadUnit,
      coUnits,
      responsibleLeader: r.responsibleLeader,
      responsiblePerson: r.responsiblePerson,
      partyNames: names.get(r.id) ?? '',
      kinds: SUPERVISION_KINDS.filter((k) => flags[k]),
    };
  });
}

/** The supervision list: open cases that are overdue, near their deadline, escalated or repeat petitions. */
export function supervisionList(ctx: Pick<ServiceContext, 'db' | 'clock'>, kinds?: readonly SupervisionKind[]): SupervisionRow[] {
  const rows = toRows(ctx, query(ctx, { onlyFlagged: true }));
  return kinds && kinds.length > 0 ? rows.filter((r) => r.kinds.some((k) => kinds.includes(k))) : rows;
}

/** One case as a supervision row (its flags may be empty). */
export function supervisionRow(ctx: Pick<ServiceContext, 'db' | 'clock'>, caseId: string): SupervisionRow {
  const row = toRows(ctx, query(ctx, { caseId, onlyFlagged: false }))[0];
  if (!row) throw new AppError('NOT_FOUND', '找不到该案件，可能已被删除');
  return row;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Set the lead unit, co-operating units, responsible leader and person of a case, with one audit event. */
export function setResponsibility(ctx: ServiceContext, actor: Actor, input: z.output<typeof responsibilityInput>): SupervisionRow {
  ctx.db.sqlite
    .transaction(() => {
      const c = lockCase(ctx, input.id, input.version);
      const next = {
        leadUnit: input.leadUnit ?? null,
        coUnits: [...new Set(input.coUnits)],
        responsibleLeader: input.responsibleLeader ?? null,
        responsiblePerson: input.responsiblePerson ?? null,
      } satisfies Partial<CaseRecord>;
      if (next.leadUnit && next.coUnits.includes(next.leadUnit)) {
        throw new AppError('VALIDATION', `“${next.leadUnit}”已是牵头单位，不能同时列为协办单位`, { coUnits: '协办单位不能与牵头单位相同' });
      }
      const labels: Record<keyof typeof next, string> = {
        leadUnit: '牵头单位',
        coUnits: '协办单位',
        responsibleLeader: '包案领导',
        responsiblePerson: '责任人',
      };
      const show = (v: string | string[] | null) => (Array.isArray(v) ? (v.length ? v.join('、') : '无') : (v ?? '无'));
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(c[k], next[k]));
      if (changed.length === 0) throw new AppError('VALIDATION', '没有需要保存的修改');
      const patch = Object.fromEntries(changed.map((k) => [k, next[k]])) as Partial<CaseRecord>;
      const before = Object.fromEntries(changed.map((k) => [k, c[k]]));
      writeCase(ctx, c, patch);
      recordAudit(ctx, actor, {
        operation: 'case.setResponsibility',
        entityKind: 'case',
        entityId: c.id,
        caseId: c.id,
        summary: `设定${changed.map((k) => `${labels[k]}：${show(c[k])} → ${show(next[k])}`).join('；')}`,
        before,
        after: patch,
      });
    })
    .immediate();
  return supervisionRow(ctx, input.id);
}
