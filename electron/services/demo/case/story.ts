/**
 * The dispute itself: where it arose, who is in it, what happened and what the applicant asks for.
 */
import type { CategoryCode } from '../../../common/domain/categories';
import type { Force } from '../coverage';
import { area as pickArea, type Area } from '../places';
import type { Dispute } from '../texts';
import type { BuildEnv } from './env';
import { composeParties, nameOf, type PartyDraft } from './parties';
import { amountFen, fill, yuanText } from './wording';

export interface Story {
  area: Area;
  /** the village or community */
  unit: string;
  drafts: PartyDraft[];
  applicants: PartyDraft[];
  respondents: PartyDraft[];
  /** the first applicant's and the first respondent's names, as the texts call them */
  A: string;
  B: string;
  /** amount in dispute, fen: what the claim asks for, null when it asks for an act */
  amount: number | null;
  title: string;
  summary: string;
  claims: string;
}

export function drawStory(env: BuildEnv, category: CategoryCode, dispute: Dispute, f: Force): Story {
  const { rng } = env;
  const a = pickArea(rng);
  const unit = rng.pick(a.units);
  const drafts = composeParties(env, category, dispute, a, unit, f);
  const applicants = drafts.filter((p) => p.role === 'applicant');
  const respondents = drafts.filter((p) => p.role === 'respondent');
  const A = nameOf(applicants[0]!);
  const B = respondents.length ? nameOf(respondents[0]!) : '对方当事人';
  const amount = amountFen(rng, dispute);
  const amountText = yuanText(amount);
  const baseTitle = rng.pick(dispute.titles);
  const title =
    applicants.length > 2 ? `${A}等${applicants.length}人与${B}${baseTitle}` : rng.chance(0.6) ? `${A}与${B}${baseTitle}` : baseTitle;
  const summary = fill(dispute.facts, A, B, unit, amountText);
  const claims = fill(dispute.claim, A, B, unit, amountText);
  return { area: a, unit, drafts, applicants, respondents, A, B, amount, title, summary, claims };
}
