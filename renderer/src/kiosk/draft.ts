/** What the citizen has entered so far, and the checks each step makes before moving on. */
import { MAX_DESCRIPTION, MAX_NAME, type IntakeInput } from '../../../electron/common/api/intake';
import type { CategoryCode } from '../../../electron/common/domain/categories';
import { validatePhone, validateResidentId } from '../../../electron/common/domain/identity';
import { today } from '../components/dates';

export interface Draft {
  category: CategoryCode | null;
  name: string;
  phone: string;
  idNumber: string;
  otherParty: string;
  otherPartyPhone: string;
  description: string;
  consent: boolean;
}

export const emptyDraft: Draft = {
  category: null,
  name: '',
  phone: '',
  idNumber: '',
  otherParty: '',
  otherPartyPhone: '',
  description: '',
  consent: false,
};

export const isEmptyDraft = (d: Draft) => JSON.stringify(d) === JSON.stringify(emptyDraft);

export type Step = 'category' | 'person' | 'other' | 'story' | 'consent';
export const STEPS: readonly Step[] = ['category', 'person', 'other', 'story', 'consent'];

export type Errors = Partial<Record<keyof Draft, string>>;

const length = (s: string) => [...s.trim()].length;

export function checkStep(step: Step, d: Draft): Errors {
  const e: Errors = {};
  if (step === 'category' && !d.category) e.category = '请选择纠纷类型';
  if (step === 'person') {
    if (length(d.name) === 0) e.name = '请填写您的姓名';
    else if (length(d.name) > MAX_NAME) e.name = `姓名不能超过 ${MAX_NAME} 个字`;
    const phone = validatePhone(d.phone);
    if (!phone.ok) e.phone = d.phone.trim() === '' ? '请填写您的手机号码' : phone.message;
    if (d.idNumber.trim() !== '') {
      const id = validateResidentId(d.idNumber, today());
      if (!id.ok) e.idNumber = id.message;
    }
  }
  if (step === 'other') {
    if (length(d.otherParty) > MAX_NAME) e.otherParty = `对方姓名不能超过 ${MAX_NAME} 个字`;
    if (d.otherPartyPhone.trim() !== '') {
      const phone = validatePhone(d.otherPartyPhone);
      if (!phone.ok) e.otherPartyPhone = phone.message;
    }
  }
  if (step === 'story') {
    if (length(d.description) === 0) e.description = '请简单说说发生了什么';
    else if (d.description.length > MAX_DESCRIPTION) e.description = `不能超过 ${MAX_DESCRIPTION} 个字`;
  }
  if (step === 'consent' && !d.consent) e.consent = '请先阅读上面的告知，点“我同意”后再提交';
  return e;
}

/** Which step shows a field the server complained about. */
export const STEP_OF_FIELD: Record<string, Step> = {
  category: 'category',
  name: 'person',
  phone: 'person',
  idNumber: 'person',
  otherParty: 'other',
  otherPartyPhone: 'other',
  description: 'story',
  consent: 'consent',
};

export function toInput(d: Draft): IntakeInput {
  return {
    channel: 'kiosk',
    category: d.category ?? 'other',
    name: d.name,
    phone: d.phone,
    ...(d.idNumber.trim() ? { idType: 'resident_id' as const, idNumber: d.idNumber } : {}),
    ...(d.otherParty.trim() ? { otherParty: d.otherParty } : {}),
    ...(d.otherPartyPhone.trim() ? { otherPartyPhone: d.otherPartyPhone } : {}),
    description: d.description,
    consent: d.consent as true,
  };
}
