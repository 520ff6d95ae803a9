/**
 * Who is in a case: applicants, respondents, third parties and an agent now and then, drawn to fit
 * the category (workers against a company, owners against 物业, neighbours from the same place),
 * and their rows.
 */
import type { CategoryCode } from '../../../common/domain/categories';
import type { Force } from '../coverage';
import { idAt } from '../ids';
import type { Person } from '../people';
import type { Area, Organisation } from '../places';
import type { Dispute } from '../texts';
import { at } from '../time';
import type { BuildEnv } from './env';
import { GROUP, LAW_FIRMS, ORG_SIDE, pickPartyCount, SAME_PLACE } from './weights';

export interface PartyDraft {
  role: 'applicant' | 'respondent' | 'third_party' | 'agent';
  person?: Person;
  org?: Organisation;
  /** agents: index of the party they act for */
  represents?: number;
  authority?: 'general' | 'special';
}

export function nameOf(p: PartyDraft): string {
  return p.person ? p.person.name : p.org!.name;
}

/**
 * Someone in the case: now and then a returning party (never one already in this case);
 * neighbours for disputes between neighbours.
 */
function anyone(env: BuildEnv, category: CategoryCode, a: Area, unit: string, inCase: readonly PartyDraft[]): Person {
  const { rng, people } = env;
  const back = rng.chance(0.03) ? people.returning() : null;
  if (back && !inCase.some((p) => p.person?.idNumber === back.idNumber)) return back;
  return SAME_PLACE.has(category) && rng.chance(0.7) ? people.person({ area: a, unit }) : people.person();
}

export function composeParties(env: BuildEnv, category: CategoryCode, dispute: Dispute, a: Area, unit: string, f: Force): PartyDraft[] {
  const { rng, people } = env;
  // The dispute may say who answers it (a hospital, 物业, a person); else the category's usual mix.
  const { respondent } = dispute;
  const orgSide = respondent === 'person' ? undefined : respondent ? { p: 1, kinds: respondent } : ORG_SIDE[category];
  const orgRespondent = orgSide !== undefined && rng.chance(orgSide.p);
  const out: PartyDraft[] = [];

  const first = (f.returning || rng.chance(0.03) ? people.returning() : null) ?? people.person({ area: a, unit });
  const group = GROUP[category] !== undefined && rng.chance(GROUP[category]);
  const principals = group ? rng.int(4, 9) : pickPartyCount(rng);
  let applicants = 1;
  let respondents = 1;
  let thirds = 0;
  if (group) applicants = principals - 1;
  else {
    for (let k = 2; k < principals; k++) {
      const r = rng.next();
      if (r < 0.4) applicants++;
      else if (r < 0.75) respondents++;
      else thirds++;
    }
  }
  out.push({ role: 'applicant', person: first });
  for (let k = 1; k < applicants; k++)
    out.push({ role: 'applicant', person: group ? people.person({ area: a, unit }) : anyone(env, category, a, unit, out) });
  for (let k = 0; k < respondents; k++) {
    if (orgRespondent && k === 0) out.push({ role: 'respondent', org: people.org(rng.pick(orgSide.kinds)) });
    else out.push({ role: 'respondent', person: anyone(env, category, a, unit, out) });
  }
  for (let k = 0; k < thirds; k++) {
    if (category === 'traffic_accident' && k === 0 && rng.chance(0.8)) out.push({ role: 'third_party', org: people.org('insurer') });
    else out.push({ role: 'third_party', person: anyone(env, category, a, unit, out) });
  }
  // The organisation brings the claim alone (物业 against the owners who owe it): it goes first, the
  // people it claims from answer. Agents are added below, so no index moves under them.
  const company = dispute.orgApplicant && orgRespondent ? out.find((p) => p.org) : undefined;
  if (company) {
    for (const p of out) if (p.role === 'applicant') p.role = 'respondent';
    company.role = 'applicant';
    out.sort((x, y) => (x === company ? 0 : 1) - (y === company ? 0 : 1));
  }
  if (f.agent || rng.chance(0.09)) {
    const orgIndex = out.findIndex((p) => p.org);
    const represents = orgIndex >= 0 && rng.chance(0.4) ? orgIndex : 0;
    const lawyer = represents === orgIndex || rng.chance(0.6);
    const agent = people.person({ minYear: 1960, maxYear: 1998 });
    if (lawyer) {
      const firm = rng.pick(LAW_FIRMS);
      out.push({
        role: 'agent',
        person: { ...agent, occupation: firm === '牧野区法律援助中心' ? '法律援助律师' : `律师（${firm}）` },
        represents,
        authority: 'special',
      });
    } else {
      const principal = out[represents]!.person;
      out.push({
        role: 'agent',
        person: { ...agent, occupation: '近亲属', address: principal?.address ?? agent.address },
        represents,
        authority: 'general',
      });
    }
  }
  return out;
}

/** The party rows, in the order drawn; agents point at the party they act for. */
export function writeParties(env: BuildEnv, caseId: string, registeredMs: number, drafts: readonly PartyDraft[]): void {
  const partyIds = drafts.map(() => idAt(registeredMs));
  const registeredAt = at(registeredMs);
  for (let k = 0; k < drafts.length; k++) {
    const p = drafts[k]!;
    const person = p.person;
    env.w.party({
      id: partyIds[k]!,
      updatedAt: registeredAt,
      caseId,
      role: p.role,
      ordinal: k,
      kind: person ? 'person' : 'org',
      name: nameOf(p),
      sex: person ? person.sex : null,
      birthDate: person ? person.birthDate : null,
      ethnicity: person ? person.ethnicity : null,
      occupation: person ? person.occupation : null,
      idType: person ? 'resident_id' : null,
      idNumber: person ? person.idNumber : null,
      creditCode: p.org ? p.org.creditCode : null,
      legalRepresentative: p.org ? p.org.legalRepresentative : null,
      phone: person ? person.phone : p.org!.phone,
      address: person ? person.address : p.org!.address,
      representsId: p.represents === undefined ? null : partyIds[p.represents]!,
      authority: p.role === 'agent' ? (p.authority ?? 'general') : null,
    });
  }
  env.counts.parties += drafts.length;
}
