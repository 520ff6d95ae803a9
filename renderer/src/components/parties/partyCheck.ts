/**
 * The one check of a party's details, asked by every form that takes a party: the case page's
 * party dialog, 登记案件, the court referral, and — through checkIntake — the clerk's and the
 * kiosk's registration. The rules are the contract's (`partyInput`: required name, lengths, the ID
 * number's and the credit code's checksums, phones, an agent is a person); the window only adds
 * the day the schema cannot know, so an ID number born after today is refused before saving. The
 * server checks everything again with its own clock.
 */
import type { FormRule } from 'antd';
import { partyInput, type PartyInput } from '../../../../electron/common/api/cases';
import { validateIdNumber } from '../../../../electron/common/domain/identity';
import { today } from '../dates';
import { schemaErrors } from '../schemaErrors';
import { toPartyInput, type PartyFormValues } from './partyFormValues';

export type PartyField = keyof PartyInput;
export type PartyErrors = Partial<Record<PartyField, string>>;

export function checkParty(party: PartyInput, day: string = today()): PartyErrors {
  const errors: PartyErrors = schemaErrors(partyInput, party);
  if (party.idNumber && !errors.idNumber) {
    const id = validateIdNumber(party.idType ?? 'resident_id', party.idNumber, day);
    if (!id.ok) errors.idNumber = id.message;
  }
  return errors;
}

/**
 * The antd rule of one field of a party form: checkParty's message for `field` of the party at
 * `path` (from the form's root; [] when the whole form is one party).
 */
export const partyRule =
  (path: readonly (string | number)[], field: PartyField): FormRule =>
  ({ getFieldValue, getFieldsValue }) => ({
    validator: async () => {
      const values = (path.length > 0 ? getFieldValue(path) : getFieldsValue(true)) as Partial<PartyFormValues> | undefined;
      const message = checkParty(toPartyInput(values ?? {}))[field];
      if (message) throw new Error(message);
    },
  });
