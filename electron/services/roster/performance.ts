/**
 * The roster's performance record (履职记录, kept by the court for its invited mediators under
 * 特邀调解规定) and the candidates offered when a mediator is chosen or assigned for a case.
 * Figures are SQL aggregates over case_mediators × cases, one query for the whole roster.
 */
import { and, eq } from 'drizzle-orm';
import { mediators } from '../../../db/schema';
import type { MediatorCandidate, MediatorPerformance } from '../../common/api/court';
import type { MediatorStatus } from '../../common/api/mediators';
import { localDate } from '../core/clock';
import type { ServiceContext } from '../core/context';
import { recusalReason } from '../cases/mediators';
import { caseParties } from '../cases/parties';
import { listMediators } from './mediators';
import { OPEN_STATUSES_SQL } from '../core/sql-lists';

/** A row as the query reads it: kind and status are the schema's codes (SQLite refuses others, migration 0014). */
interface PerfRow extends Pick<typeof mediators.$inferSelect, 'kind' | 'status'> {
  id: string;
  name: string;
  organisation: string;
  specialties: string;
  taken: number;
  agreements: number;
  failures: number;
  withdrawn: number;
  avgDays: number | null;
  open: number;
  overdueOpen: number;
  granted: number;
}

/**
 * Per mediator: cases taken (assigned, lead or assistant), agreements, failures, withdrawals,
 * mean days from acceptance to outcome (local calendar days), open and overdue open cases, and
 * agreements the court confirmed. Deleted cases and mediators are left out.
 */
export function mediatorPerformance(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  f: { status?: MediatorStatus | undefined; mediatorId?: string | undefined } = {},
): MediatorPerformance[] {
  const where = ['m.deleted = 0'];
  const params: Record<string, string> = { today: localDate(ctx.clock.now()) };
  if (f.status) {
    where.push('m.status = @status');
    params.status = f.status;
  }
  if (f.mediatorId) {
    where.push('m.id = @mediatorId');
    params.mediatorId = f.mediatorId;
  }
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT m.id, m.name, m.kind, m.organisation, m.status, m.specialties,
              COUNT(c.id) AS taken,
              COALESCE(SUM(c.outcome = 'agreement'), 0) AS agreements,
              COALESCE(SUM(c.outcome = 'failed'), 0) AS failures,
              COALESCE(SUM(c.outcome = 'withdrawn'), 0) AS withdrawn,
              AVG(CASE WHEN c.outcome IN ('agreement', 'failed', 'withdrawn') AND c.accepted_at IS NOT NULL AND c.outcome_at IS NOT NULL
                       THEN julianday(substr(c.outcome_at, 1, 10)) - julianday(substr(c.accepted_at, 1, 10)) END) AS avgDays,
              COALESCE(SUM(c.status IN ${OPEN_STATUSES_SQL}), 0) AS open,
              COALESCE(SUM(c.status IN ${OPEN_STATUSES_SQL} AND c.deadline IS NOT NULL AND c.deadline < @today), 0) AS overdueOpen,
              COALESCE(SUM(EXISTS (SELECT 1 FROM confirmations f WHERE f.case_id = c.id AND f.deleted = 0 AND f.ruling = 'confirmed')), 0) AS granted
         FROM mediators m
         LEFT JOIN case_mediators cm ON cm.mediator_id = m.id
         LEFT JOIN cases c ON c.id = cm.case_id AND c.deleted = 0
        WHERE ${where.join(' AND ')}
        GROUP BY m.id
        ORDER BY CASE m.status WHEN 'active' THEN 0 WHEN 'suspended' THEN 1 ELSE 2 END, m.name`,
    )
    .all(params) as PerfRow[];
  return rows.map((r) => {
    const decided = r.agreements + r.failures;
    return {
      mediatorId: r.id,
      name: r.name,
      kind: r.kind,
      organisation: r.organisation,
      status: r.status,
      specialties: parseList(r.specialties),
      taken: r.taken,
      agreements: r.agreements,
      failures: r.failures,
      withdrawn: r.withdrawn,
      successRate: decided > 0 ? Math.round((r.agreements / decided) * 1000) / 1000 : null,
      avgDaysToOutcome: r.avgDays === null ? null : Math.round(r.avgDays * 10) / 10,
      open: r.open,
      overdueOpen: r.overdueOpen,
      confirmationsGranted: r.granted,
    };
  });
}

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Active mediators to choose from: those who list the wanted category first, then the least busy
 * (fewest open cases). With a case, each carries its recusal reason (assignMediator refuses them).
 */
export function mediatorCandidates(
  ctx: Pick<ServiceContext, 'db'>,
  f: { specialty?: string | undefined; caseId?: string | undefined },
): MediatorCandidate[] {
  const active = listMediators(ctx, { status: 'active' });
  const ps = f.caseId ? caseParties(ctx, f.caseId) : [];
  const idNumbers = new Map(
    ctx.db.orm
      .select({ id: mediators.id, idNumber: mediators.idNumber })
      .from(mediators)
      .where(and(eq(mediators.deleted, false), eq(mediators.status, 'active')))
      .all()
      .map((m) => [m.id, m.idNumber]),
  );
  return active
    .map((m) => ({
      id: m.id,
      version: m.version,
      name: m.name,
      kind: m.kind,
      organisation: m.organisation,
      phone: m.phone,
      specialties: m.specialties,
      region: m.region,
      openCases: m.openCases,
      matchesSpecialty: !!f.specialty && m.specialties.includes(f.specialty),
      recusal: ps.length > 0 ? recusalReason({ name: m.name, phone: m.phone, idNumber: idNumbers.get(m.id) ?? null }, ps) : null,
    }))
    .sort(
      (a, b) =>
        Number(b.matchesSpecialty) - Number(a.matchesSpecialty) || a.openCases - b.openCases || a.name.localeCompare(b.name, 'zh-CN'),
    );
}
