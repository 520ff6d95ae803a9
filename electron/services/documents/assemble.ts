/**
 * The DocumentInput of a case, read from the database: the centre, the case with its agreement or
 * record of undisputed facts, parties (agents with the name of the party they act for), mediators,
 * sessions, the court referral, the 司法确认 application, the follow-up visits, and today's date
 * from the injected clock (so a document is reproducible for a given day).
 *
 * The builders never read the database; this file is the only place that knows both sides.
 * Per-session (调解记录) and per-visit (回访记录) documents have a subject: the session or the
 * follow-up they are printed for, by id; without one, the latest is taken.
 */
import { and, asc, eq } from 'drizzle-orm';
import { confirmations, courtReferrals, followups } from '../../../db/schema';
import { legalDue } from '../../common/domain/calendar';
import { isIsoDate } from '../../common/domain/dates';
import { confirmationWindow } from '../../common/domain/deadlines';
import { loadCalendar } from '../calendar/store';
import { SUBJECT_KIND } from '../../common/api/documents';
import { categoryLabel, sourceLabel } from '../../common/domain';
import { AppError } from '../../common/errors';
import { requireCentre } from '../centre';
import { caseMediatorRefs } from '../cases/mediators';
import { caseParties } from '../cases/parties';
import { caseSessions } from '../cases/sessions';
import { loadCase, type CaseRecord } from '../cases/versioning';
import { localDate } from '../core/clock';
import type { ServiceContext } from '../core/context';
import { cnNumber, fmtDate } from './builders/common';
import type { AgreementInput, DocumentInput, FollowupInput, PartyInput, SessionInput, UndisputedInput } from './input';
import type { DocumentType } from './model';

/** A session or follow-up a document can be printed for. */
export interface Subject {
  id: string;
  /** 1-based, in the case's order (sessions by time, follow-ups by due day). */
  ordinal: number;
  label: string;
}

/** Everything of a case the builders may need, read once; `inputFor` picks the subject. */
export interface CaseDocData {
  caseRecord: CaseRecord;
  base: Omit<DocumentInput, 'session' | 'followup'>;
  sessions: (Subject & { input: SessionInput })[];
  followups: (Subject & { input: FollowupInput; done: boolean })[];
}

/** 'YYYY-MM-DDTHH:mm' of an RFC 3339 string: the wall-clock time at the centre when it was written. */
function wallClock(s: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) ? s.slice(0, 16) : s;
}

/** The sentence recorded when every party agreed that the undisputed facts be written down. */
export const UNDISPUTED_CONSENT = '经人民调解员释明无争议事实记载的作用和后果，各方当事人均同意对调解过程中没有争议的事实予以书面记载。';

function agreementInput(c: CaseRecord): AgreementInput | null {
  const a = c.agreement;
  if (!a) return null;
  const deadline = a.performanceDeadline ?? '';
  return {
    responsibility: a.responsibility ?? '',
    terms: a.terms ?? [],
    performanceMethod: a.performanceMethod ?? '',
    performancePlace: a.performancePlace ?? '',
    // The form stores a day; the agreement says "by that day".
    performanceDeadline: /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${fmtDate(deadline)}前` : deadline,
    oral: a.oral === true,
  };
}

function undisputedInput(c: CaseRecord): UndisputedInput | null {
  const u = c.undisputed;
  if (!u) return null;
  return {
    // Stored as a yes/no; recorded as the sentence. Without consent the builder refuses the record.
    consent: u.consent ? UNDISPUTED_CONSENT : '',
    facts: u.facts ?? [],
    disputedPoints: u.disputedPoints ?? [],
    failureReason: u.failureReason ?? '',
    place: u.place ?? null,
    // Stored when the record was saved (migration 0011 filled it in for older records).
    recordedOn: u.recordedOn ?? '',
  };
}

function partyInputs(ctx: Pick<ServiceContext, 'db'>, caseId: string): PartyInput[] {
  const rows = caseParties(ctx, caseId);
  const nameOf = new Map(rows.map((p) => [p.id, p.name]));
  return rows.map((p) => ({
    role: p.role,
    kind: p.kind,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    occupation: p.occupation,
    idType: p.idType,
    idNumber: p.idNumber,
    phone: p.phone,
    address: p.address,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    representsName: p.representsId ? (nameOf.get(p.representsId) ?? null) : null,
    authority: p.authority,
  }));
}

export function loadDocumentData(ctx: ServiceContext, caseId: string): CaseDocData {
  const c = loadCase(ctx, caseId);
  const centre = requireCentre(ctx);
  const referral = ctx.db.orm.select().from(courtReferrals).where(eq(courtReferrals.caseId, caseId)).get();
  const confirmation = ctx.db.orm
    .select()
    .from(confirmations)
    .where(and(eq(confirmations.caseId, caseId), eq(confirmations.deleted, false)))
    .get();
  const visits = ctx.db.orm
    .select()
    .from(followups)
    .where(and(eq(followups.caseId, caseId), eq(followups.deleted, false)))
    .orderBy(asc(followups.dueOn), asc(followups.id))
    .all();
  // The lead mediator signs first.
  const mediators = caseMediatorRefs(ctx, caseId).sort((a, b) => Number(a.role !== 'lead') - Number(b.role !== 'lead'));
  const sessionRows = caseSessions(ctx, caseId);
  const recordOf = (s: (typeof sessionRows)[number]): SessionInput => ({
    heldAt: wallClock(s.heldAt),
    place: s.place,
    participants: s.participants,
    record: s.record,
    recorder: s.recorder,
  });
  // Only mediations are 第N次调解 and have a 调解记录 each; investigations go into one 调查记录.
  const sessions = sessionRows
    .filter((s) => s.kind === 'mediation')
    .map((s, i) => ({
      id: s.id,
      ordinal: i + 1,
      label: `第${cnNumber(i + 1)}次调解（${fmtDate(wallClock(s.heldAt))}）`,
      input: recordOf(s),
    }));
  const investigations = sessionRows.filter((s) => s.kind === 'investigation').map(recordOf);
  const visitInputs = visits.map((f) => ({
    dueOn: f.dueOn,
    doneAt: f.doneAt,
    method: f.method,
    performance: f.performance,
    notes: f.notes,
    visitor: f.visitor,
  }));
  const recorder = [...sessionRows].reverse().find((s) => s.recorder.trim() !== '')?.recorder ?? null;
  return {
    caseRecord: c,
    base: {
      centre: {
        name: centre.name,
        committeeName: centre.committeeName,
        committeeAbbr: centre.committeeAbbr,
        address: centre.address,
        phone: centre.phone,
      },
      case: {
        caseNumber: c.caseNumber,
        title: c.title,
        categoryLabel: categoryLabel(c.category),
        sourceLabel: sourceLabel(c.source),
        registeredAt: wallClock(c.registeredAt),
        summary: c.summary,
        claims: c.claims,
        amountFen: c.amountFen,
        agreedAmountFen: c.agreedAmountFen,
        agreement: agreementInput(c),
        undisputed: undisputedInput(c),
        agreementEffectiveAt: c.agreementEffectiveAt,
        courtReferral: referral
          ? {
              mode: referral.mode,
              court: referral.court,
              referenceNumber: referral.referenceNumber,
              referredAt: referral.referredAt,
              materialsSignedAt: referral.materialsSignedAt,
              reportTo: referral.reportTo,
            }
          : null,
        outcome: c.outcome,
        outcomeNote: c.outcomeNote,
        outcomeAt: c.outcomeAt ? wallClock(c.outcomeAt) : null,
      },
      parties: partyInputs(ctx, caseId),
      mediators: mediators.map((m) => ({ name: m.name })),
      recorder,
      sessions: sessions.map((s) => s.input),
      investigations,
      followups: visitInputs,
      confirmation: confirmation ? { court: confirmation.court, appliedAt: confirmation.appliedAt } : null,
      today: localDate(ctx.clock.now()),
      confirmationLastDay:
        c.agreementEffectiveAt && isIsoDate(c.agreementEffectiveAt)
          ? legalDue(loadCalendar(ctx), confirmationWindow(c.agreementEffectiveAt).lastDay).due
          : null,
    },
    sessions,
    followups: visits.map((f, i) => ({
      id: f.id,
      ordinal: i + 1,
      label: `第${cnNumber(i + 1)}次回访（${f.doneAt ? `${fmtDate(f.doneAt)}回访` : `应于${fmtDate(f.dueOn)}回访`}）`,
      done: f.doneAt !== null,
      input: visitInputs[i]!,
    })),
  };
}

/** The sessions or follow-ups a type is printed for; [] for the types without a subject. */
export function subjectsFor(data: CaseDocData, type: DocumentType): Subject[] {
  const kind = SUBJECT_KIND[type];
  const list = kind === 'session' ? data.sessions : kind === 'followup' ? data.followups : [];
  return list.map(({ id, ordinal, label }) => ({ id, ordinal, label }));
}

/** The latest: the last session; the last visit recorded as done, else the last one scheduled. */
export function latestSubject(data: CaseDocData, type: DocumentType): Subject | null {
  const kind = SUBJECT_KIND[type];
  if (kind === 'session') return data.sessions.at(-1) ?? null;
  if (kind === 'followup') {
    const done = data.followups
      .filter((f) => f.done)
      .sort((a, b) => (a.input.doneAt ?? '').localeCompare(b.input.doneAt ?? '') || a.ordinal - b.ordinal);
    return done.at(-1) ?? data.followups.at(-1) ?? null;
  }
  return null;
}

/**
 * The subject a document is for: the one asked for (it must belong to the case), else the latest;
 * null for types without a subject, or when the case has none yet (the builder then says why).
 */
export function resolveSubject(data: CaseDocData, type: DocumentType, subjectId?: string | null): Subject | null {
  const kind = SUBJECT_KIND[type];
  if (kind === null) return null;
  if (subjectId) {
    const found = subjectsFor(data, type).find((s) => s.id === subjectId);
    if (!found) throw new AppError('NOT_FOUND', kind === 'session' ? '本案没有该次调解记录' : '本案没有该次回访');
    return found;
  }
  return latestSubject(data, type);
}

/** The builders' input for one type and subject. */
export function inputFor(data: CaseDocData, type: DocumentType, subject: Subject | null): DocumentInput {
  const kind = SUBJECT_KIND[type];
  const session = kind === 'session' && subject ? (data.sessions.find((s) => s.id === subject.id)?.input ?? null) : null;
  const followup = kind === 'followup' && subject ? (data.followups.find((f) => f.id === subject.id)?.input ?? null) : null;
  // The session record's ordinal ("第二次") is found by identity in `sessions`: pass the same object.
  return { ...data.base, session, followup };
}

/** Read a case and build the input for one document (the subject defaults to the latest). */
export function assembleDocumentInput(
  ctx: ServiceContext,
  caseId: string,
  type: DocumentType,
  subjectId?: string | null,
): { input: DocumentInput; subject: Subject | null; data: CaseDocData } {
  const data = loadDocumentData(ctx, caseId);
  const subject = resolveSubject(data, type, subjectId);
  return { input: inputFor(data, type, subject), subject, data };
}
