/**
 * What the document builders need from the database, already joined and in Chinese where a label
 * is printed. The builders never read the database: the caller (documents service) fills this.
 *
 * Dates are 'YYYY-MM-DD'; date-times 'YYYY-MM-DDTHH:mm[:ss]' local wall-clock time (an ISO string
 * with an offset is converted to local time). Optional fields accept null, as the database gives.
 */
import type { IdType, Sex } from '../../common/domain';

export type PartyRole = 'applicant' | 'respondent' | 'third_party' | 'agent';
export type PartyKind = 'person' | 'org';

export interface CentreInput {
  name: string;
  /** The 人民调解委员会 whose seal the documents carry, e.g. 牧野区王村镇人民调解委员会. */
  committeeName: string;
  /** Used in case numbers (（2026）牧调字第0001号); printed nowhere else. */
  committeeAbbr: string;
  address: string;
  phone: string;
}

/** 人民调解法 Art. 29 ¶1 (二)(三): responsibility, the agreed terms, how/where/by when performed. */
export interface AgreementInput {
  responsibility: string;
  terms: string[];
  performanceMethod: string;
  /** Art. 29 names way and time limit; 人民调解工作若干规定 (司法部令第75号, 2002) also the place. */
  performancePlace: string;
  performanceDeadline: string;
  /**
   * Codes of EXCLUDED_MATTERS (common/domain/confirmation.ts) the agreement concerns: the court
   * does not confirm those (法释〔2011〕5号 Art. 4 ¶2), so no 司法确认申请书 is prepared.
   */
  excludedMatters?: string[] | null;
  /** 口头协议 (人民调解法 Art. 28): recorded in the 调解记录, never printed as a 协议书. */
  oral?: boolean | null;
}

/**
 * 无争议事实记载 (法释〔2021〕23号 Art. 21–22; 特邀调解规定 Art. 22): recorded only with every
 * party's consent, and never the concessions made to reach a deal.
 */
export interface UndisputedInput {
  /** How the parties consented to the record ("各方当事人同意对调解中无争议的事实予以记载"). */
  consent: string;
  facts: string[];
  disputedPoints: string[];
  /** The course of mediation and why it failed (法释〔2021〕23号 Art. 21). */
  failureReason: string;
  /** Where the record is made; default: the last session's place, else the centre's address. */
  place?: string | null;
  /** 'YYYY-MM-DD': the day the facts were recorded with the parties (记载时间), never the print date. */
  recordedOn: string;
}

/** 特邀调解 (法释〔2016〕14号): 委派 = before filing, 委托 = after filing. */
export interface CourtReferralInput {
  mode: 'delegated' | 'entrusted';
  court: string;
  referenceNumber: string;
  /** 'YYYY-MM-DD': the day the court referred it, and the day the committee signed for the materials. */
  referredAt?: string | null;
  materialsSignedAt?: string | null;
  /** The judge or clerk the result is reported to. */
  reportTo?: string | null;
}

export interface CaseInput {
  caseNumber: string;
  title: string;
  categoryLabel: string;
  sourceLabel: string;
  /** Date-time of registration. */
  registeredAt: string;
  /** The main facts of the dispute (纠纷的主要事实). */
  summary: string;
  /** The matters in dispute / what the applicant asks for (争议事项). */
  claims: string;
  amountFen?: number | null;
  /** The money the agreement settles, when its terms pay money: printed in figures and in words. */
  agreedAmountFen?: number | null;
  agreement?: AgreementInput | null;
  undisputed?: UndisputedInput | null;
  /** The day every party, the mediator and the committee had signed and sealed (人民调解法 Art. 29 ¶2). */
  agreementEffectiveAt?: string | null;
  courtReferral?: CourtReferralInput | null;
  /** The case outcome when known; a record of undisputed facts needs 'failed'. */
  outcome?: 'agreement' | 'failed' | 'withdrawn' | 'transferred' | 'ended' | null;
  /** Why mediation failed, was withdrawn or ended (the reason given with the outcome). */
  outcomeNote?: string | null;
  /** Date-time of the outcome. */
  outcomeAt?: string | null;
}

export interface PartyInput {
  role: PartyRole;
  kind: PartyKind;
  /** A person's name, or an organisation's full name. */
  name: string;
  sex?: Sex | null;
  birthDate?: string | null;
  /** Printed only when there is no birth date (年龄 or 出生日期: 司法部 2010 format). */
  age?: number | null;
  ethnicity?: string | null;
  occupation?: string | null;
  idType?: IdType | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  /** Organisations: 统一社会信用代码 (GB 32100). */
  creditCode?: string | null;
  /** Organisations: 法定代表人 or 负责人. */
  legalRepresentative?: string | null;
  /** Agents: the name of the party they act for. */
  representsName?: string | null;
  /** Agents: 一般授权 or 特别授权. */
  authority?: 'general' | 'special' | null;
}

export interface SessionInput {
  heldAt: string;
  place: string;
  participants: string;
  record: string;
  recorder: string;
}

export interface ConfirmationInput {
  /** The court applied to (民事诉讼法 (2023) Art. 205). */
  court: string;
  appliedAt?: string | null;
}

export interface FollowupInput {
  dueOn: string;
  doneAt?: string | null;
  method?: 'visit' | 'phone' | 'other' | null;
  performance?: 'performed' | 'partly' | 'not_performed' | null;
  notes?: string | null;
  visitor?: string | null;
}

export interface DocumentInput {
  centre: CentreInput;
  case: CaseInput;
  /** In the order they are to be printed; agents are placed after the party they represent. */
  parties: PartyInput[];
  mediators: { name: string }[];
  recorder?: string | null;
  /** The case's mediation sessions, oldest first (调解记录; 第N次调解 counts these). */
  sessions: SessionInput[];
  /** The case's investigations (调查: who was asked, where, what was found), oldest first. */
  investigations: SessionInput[];
  /** The session a 调解记录 is printed for. */
  session?: SessionInput | null;
  confirmation?: ConfirmationInput | null;
  /** The follow-up a 回访记录 is printed for. */
  followup?: FollowupInput | null;
  /** All follow-ups of the case, by due day: the whole case file holds a 回访记录 for each. */
  followups?: FollowupInput[] | null;
  /** 'YYYY-MM-DD': the clock, passed in so documents are reproducible. */
  today: string;
  /**
   * The last day to apply for 司法确认 as the law counts it (day 30 moved off a rest day, services/
   * calendar); absent, the plain-count day 30 is used.
   */
  confirmationLastDay?: string | null;
}
