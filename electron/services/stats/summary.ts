/**
 * The figures as one flat JSON object for scripts (`cli stats --json`). The names below are a
 * contract others script against: keep them; add fields freely.
 *
 * `total` counts the cases REGISTERED in the period (registeredAt's local day between from and to,
 * both inclusive) that are not deleted — exactly the `case` records of `cli export` (JSONL upload
 * records) whose `deleted` is false and whose `data.registeredAt` falls in the period. byCategory,
 * bySource, byTier, byStatus and byOutcome break down those same cases by the codes of the export
 * (district-api.md): `source` as the district knows it (unknown codes → other), `outcome` with
 * 'ended' counted as failed, `tier` the tier handling it now, `status` and `outcome` as they are
 * now; cases without an outcome are absent from byOutcome. Every known code is present, 0 when
 * none. The other figures follow common/stats/definitions.ts.
 */
import { CATEGORY_CODES } from '../../common/domain/categories';
import { OUTCOMES, STATUSES } from '../../common/domain/lifecycle';
import { SOURCE_CODES } from '../../common/domain/sources';
import { TIERS } from '../../common/domain/tiers';
import type { BreakdownRow, Dashboard } from '../../common/api/stats';
import type { Period, PeriodState } from '../../common/stats/period';
import type { ServiceContext } from '../core/context';
import { computeDashboard } from './dashboard';

export interface StatsSummary {
  period: { from: string; to: string; cutoff: string; state: PeriodState; label: string };
  total: number;
  byCategory: Record<string, number>;
  bySource: Record<string, number>;
  byTier: Record<string, number>;
  byStatus: Record<string, number>;
  byOutcome: Record<string, number>;
  /** successful / mediated, 0…1; null when nothing was mediated. */
  successRate: number | null;
  overdue: number;
  courtReferrals: { delegated: number; entrusted: number };
  confirmations: { applied: number; granted: number };
  /** Share of successful cases resolved at the tier where they arose, 0…1; null when none. */
  resolvedAtTier: number | null;
  accepted: number;
  mediated: number;
  successful: number;
  amountFen: number;
  agreementsPerformed: number;
  preventedCriminal: { cases: number; people: number };
  preventedPetition: { cases: number; people: number };
  byReportingType: Record<string, number>;
  notes: string[];
}

function codes(known: readonly string[], rows: BreakdownRow[], skip: readonly string[] = []): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(known.map((k) => [k, 0]));
  for (const r of rows) if (!skip.includes(r.key)) out[r.key] = (out[r.key] ?? 0) + r.received;
  return out;
}

export function summaryOf(d: Dashboard): StatsSummary {
  const { from, to, cutoff, state, label } = d.period;
  return {
    period: { from, to, cutoff, state, label },
    total: d.kpi.received,
    byCategory: codes(CATEGORY_CODES, d.byCategory),
    bySource: codes(SOURCE_CODES, d.bySource),
    byTier: codes(TIERS, d.byTier),
    byStatus: codes(STATUSES, d.byStatus),
    byOutcome: codes(OUTCOMES, d.byOutcome, ['none']),
    successRate: d.kpi.successRate,
    overdue: d.kpi.overdue,
    courtReferrals: { delegated: d.courtReferrals.delegated, entrusted: d.courtReferrals.entrusted },
    confirmations: { applied: d.confirmations.applied, granted: d.confirmations.granted },
    resolvedAtTier: d.resolvedAtTier.share,
    accepted: d.kpi.accepted,
    mediated: d.kpi.mediated,
    successful: d.kpi.successful,
    amountFen: d.kpi.amountFen,
    agreementsPerformed: d.agreementsPerformed.performed,
    preventedCriminal: { cases: d.kpi.preventedCriminalCases, people: d.kpi.preventedCriminalPeople },
    preventedPetition: { cases: d.kpi.preventedPetitionCases, people: d.kpi.preventedPetitionPeople },
    byReportingType: Object.fromEntries(d.byReportingType.map((r) => [r.key, r.received])),
    notes: d.notes,
  };
}

export function statsSummary(ctx: Pick<ServiceContext, 'db' | 'clock'>, period: Period): StatsSummary {
  return summaryOf(computeDashboard(ctx, period));
}
