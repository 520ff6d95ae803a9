/** Form values (antd: dates as dayjs, empty strings) → the contract's party input. */
import type { Dayjs } from 'dayjs';
import type { PartyInput } from '../../../../electron/common/api/cases';

export type PartyFormValues = Omit<PartyInput, 'birthDate'> & { birthDate?: Dayjs | string | null };

const blankToUndefined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as T;

export function toPartyInput(v: PartyFormValues): PartyInput {
  const birth = v.birthDate;
  return blankToUndefined({
    ...v,
    birthDate: birth ? (typeof birth === 'string' ? birth : birth.format('YYYY-MM-DD')) : undefined,
  });
}
