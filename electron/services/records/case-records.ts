/**
 * `case` records: the case row plus what the district wants beside it (district-api.md "Case
 * fields"): its mediators, its live parties and its court referral. Those are looked up once per
 * page of cases, never once per case, so the upload and the export stay linear.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { caseMediators, cases, courtReferrals, parties } from '../../../db/schema';
import { keyedQueries } from './domain-records';
import { inIds, perConnection, toRecord, type RecordsDb, type UploadRecord } from './kinds';

type CaseRow = typeof cases.$inferSelect;
type ReferralRow = typeof courtReferrals.$inferSelect;

/**
 * The district knows four outcomes; the app also records a mediation "ended" on other grounds
 * (终止调解), which the district counts as not resolved. The app's own code travels alongside.
 */
function districtOutcome(outcome: string | null): { outcome: string | null; outcomeDetail?: string } {
  if (outcome === 'ended') return { outcome: 'failed', outcomeDetail: outcome };
  return { outcome };
}

function referralData(r: ReferralRow): Record<string, unknown> {
  return {
    mode: r.mode,
    court: r.court,
    referenceNumber: r.referenceNumber,
    referredAt: r.referredAt,
    procedure: r.procedure,
    materialsSignedAt: r.materialsSignedAt,
    timeLimitDays: r.timeLimitDays,
    extensionDays: r.extensionDays,
    extensionConsent: r.extensionConsent,
    reportTo: r.reportTo,
    result: r.result,
    resultReason: r.resultReason,
    resultReportedAt: r.resultReportedAt,
    materialsReturned: r.materialsReturned,
  };
}

function caseData(c: CaseRow, mediatorIds: string[], partyIds: string[], referral: ReferralRow | undefined): Record<string, unknown> {
  return {
    caseNumber: c.caseNumber,
    title: c.title,
    category: c.category,
    // The domain's source codes are district-api.md's list (common/domain/sources.ts), and SQLite refuses
    // any other (migration 0014): the committee acting on its own is already recorded as `other`.
    source: c.source,
    tier: c.tier,
    status: c.status,
    registeredAt: c.registeredAt,
    acceptedAt: c.acceptedAt,
    deadline: c.deadline,
    closedAt: c.closedAt,
    ...districtOutcome(c.outcome),
    leadUnit: c.leadUnit,
    responsibleLeader: c.responsibleLeader,
    responsiblePerson: c.responsiblePerson,
    mediatorIds,
    partyIds,
    courtReferral: referral ? referralData(referral) : null,
    // Beyond the required fields: what the district's monthly figures are built from.
    year: c.year,
    serial: c.serial,
    originTier: c.originTier,
    summary: c.summary,
    claims: c.claims,
    amountFen: c.amountFen,
    agreedAmountFen: c.agreedAmountFen,
    reporter: c.reporter,
    outcomeAt: c.outcomeAt,
    outcomeNote: c.outcomeNote,
    rejectReason: c.rejectReason,
    coUnits: c.coUnits,
    escalatedAt: c.escalatedAt,
    transferredTo: c.transferredTo,
    repeatPetition: c.repeatPetition,
    preventedCriminalPeople: c.preventedCriminalPeople,
    preventedPetitionPeople: c.preventedPetitionPeople,
    agreement: c.agreement,
    agreementEffectiveAt: c.agreementEffectiveAt,
    undisputed: c.undisputed,
  };
}

function groupIds(rows: { key: string; id: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.key);
    if (list) list.push(r.id);
    else out.set(r.key, [r.id]);
  }
  return out;
}

// Prepared once per connection, like every record read (kinds.ts perConnection).
const mediatorsOfCases = perConnection((orm) =>
  orm
    .select({ key: caseMediators.caseId, id: caseMediators.mediatorId })
    .from(caseMediators)
    .where(inIds(caseMediators.caseId))
    // The lead mediator first, then by assignment: a stable order keeps the record's bytes stable.
    .orderBy(
      asc(caseMediators.caseId),
      sql`CASE ${caseMediators.role} WHEN 'lead' THEN 0 ELSE 1 END`,
      asc(caseMediators.assignedAt),
      asc(caseMediators.mediatorId),
    )
    .prepare(),
);

const partiesOfCases = perConnection((orm) =>
  orm
    .select({ key: parties.caseId, id: parties.id })
    .from(parties)
    .where(and(inIds(parties.caseId), eq(parties.deleted, false)))
    .orderBy(asc(parties.caseId), asc(parties.ordinal), asc(parties.id))
    .prepare(),
);

const referralsOfCases = perConnection((orm) => orm.select().from(courtReferrals).where(inIds(courtReferrals.caseId)).prepare());

export function caseRecords(db: RecordsDb, rows: CaseRow[]): UploadRecord[] {
  const live = rows.filter((r) => !r.deleted).map((r) => r.id);
  let mediatorsOf = new Map<string, string[]>();
  let partiesOf = new Map<string, string[]>();
  const referralOf = new Map<string, ReferralRow>();
  if (live.length > 0) {
    const ids = { ids: JSON.stringify(live) };
    mediatorsOf = groupIds(mediatorsOfCases(db).all(ids));
    partiesOf = groupIds(partiesOfCases(db).all(ids));
    for (const r of referralsOfCases(db).all(ids)) referralOf.set(r.caseId, r);
  }
  return rows.map((c) =>
    toRecord('case', c, () => caseData(c, mediatorsOf.get(c.id) ?? [], partiesOf.get(c.id) ?? [], referralOf.get(c.id))),
  );
}

export const caseSource = { ...keyedQueries(cases), toRecords: caseRecords };
