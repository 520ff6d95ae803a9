/**
 * The one check of a registration at the counter (代为登记) and at the kiosk: the intake contract's
 * own refusals (name and phone required, lengths, the story, consent) and, for what the contract
 * checks only once everything else is sound, the applicant and the other party checked as the
 * parties they become when the registration is accepted (checkParty: the ID number, the phones).
 * Each field gets its first message, so a step of the kiosk can be checked before the later steps
 * are filled in.
 */
import type { FormRule } from 'antd';
import { intakeInput, type IntakeInput } from '../../../../electron/common/api/intake';
import { schemaErrors } from '../schemaErrors';
import { checkParty } from './partyCheck';

export type IntakeField = keyof IntakeInput;
export type IntakeErrors = Partial<Record<IntakeField, string>>;

export function checkIntake(input: IntakeInput): IntakeErrors {
  const errors: IntakeErrors = schemaErrors(intakeInput, input);
  const applicant = checkParty({
    role: 'applicant',
    kind: 'person',
    name: input.name,
    phone: input.phone,
    idType: input.idType ?? null,
    idNumber: input.idNumber,
  });
  const other = checkParty({ role: 'respondent', kind: 'person', name: input.otherParty ?? '', phone: input.otherPartyPhone });
  if (input.idNumber?.trim() && applicant.idNumber) errors.idNumber = applicant.idNumber;
  if (input.phone.trim() && applicant.phone) errors.phone = applicant.phone;
  if (input.otherPartyPhone?.trim() && other.phone) errors.otherPartyPhone = other.phone;
  return errors;
}

/**
 * The antd rule of one field of a form shaped like the intake input (after `toInput`), with the
 * form's own words where one is given (a clerk is told to ask, a citizen to fill in).
 */
export const intakeRule =
  <V>(field: IntakeField, toInput: (values: V) => IntakeInput, wording: IntakeErrors = {}): FormRule =>
  ({ getFieldsValue }) => ({
    validator: async () => {
      const message = checkIntake(toInput(getFieldsValue(true) as V))[field];
      if (message) throw new Error(wording[field] ?? message);
    },
  });
