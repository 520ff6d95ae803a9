/**
 * A party as the party form holds it (antd: dates as dayjs, blanks as '' or null, fields of the
 * other kind still kept after a switch between 自然人 and 单位) → the contract's party input.
 */
import type { Dayjs } from 'dayjs';
import type { PartyInput } from '../../../../electron/common/api/cases';

export type PartyFormValues = Omit<PartyInput, 'birthDate'> & { birthDate?: Dayjs | string | null };

/** Only a person has these. */
const PERSON_ONLY = ['idType', 'idNumber', 'sex', 'birthDate', 'ethnicity', 'occupation'] as const;
/** Only an organisation has these. */
const ORG_ONLY = ['creditCode', 'legalRepresentative'] as const;
/** Only an agent has these. */
const AGENT_ONLY = ['representsIndex', 'representsId', 'authority'] as const;

/** A party as typed so far (a new one has no name yet); what is missing is the check's to name. */
export function toPartyInput(v: Partial<PartyFormValues>): PartyInput {
  const birth = v.birthDate;
  const values: Record<string, unknown> = {
    ...v,
    birthDate: birth ? (typeof birth === 'string' ? birth : birth.format('YYYY-MM-DD')) : undefined,
  };
  // What the form no longer shows is not sent: an ID number typed before switching to 单位 is not the company's.
  const hidden = [...(v.kind === 'org' ? PERSON_ONLY : ORG_ONLY), ...(v.role === 'agent' ? [] : AGENT_ONLY)];
  for (const k of hidden) delete values[k];
  return Object.fromEntries(Object.entries(values).filter(([, x]) => x !== '' && x !== null && x !== undefined)) as PartyInput;
}
