/** What the citizen has entered so far, and the check each step makes before moving on. */
import type { IntakeInput } from '../../../electron/common/api/intake';
import type { CategoryCode } from '../../../electron/common/domain/categories';
import { checkIntake } from '../components/parties/intakeCheck';

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

/** The fields each step asks for. */
const STEP_FIELDS: Record<Step, readonly (keyof Draft)[]> = {
  category: ['category'],
  person: ['name', 'phone', 'idNumber'],
  other: ['otherParty', 'otherPartyPhone'],
  story: ['description'],
  consent: ['consent'],
};

/** The kiosk's own words where a citizen has left something out (the contract's are written for staff). */
const LEFT_OUT: Errors = {
  category: '请选择纠纷类型',
  name: '请填写您的姓名',
  phone: '请填写您的手机号码',
  consent: '请先阅读上面的告知，点“我同意”后再提交',
};

const blank = (v: Draft[keyof Draft]) => v === null || v === false || (typeof v === 'string' && v.trim() === '');

/**
 * What stops the citizen from leaving a step: the one check of a registration (checkIntake, the
 * same the clerk's form asks), for this step's fields only, in the kiosk's words where a field was
 * left out.
 */
export function checkStep(step: Step, d: Draft): Errors {
  const found = checkIntake(toInput(d));
  const e: Errors = {};
  for (const field of STEP_FIELDS[step]) {
    // The draft has no category until one is picked; toInput then says 'other', which the contract takes.
    const message = field === 'category' ? (d.category ? undefined : LEFT_OUT.category) : found[field];
    if (message) e[field] = (blank(d[field]) && LEFT_OUT[field]) || message;
  }
  return e;
}

/** Which step shows a field the server complained about. */
export const STEP_OF_FIELD: Record<string, Step> = Object.fromEntries(STEPS.flatMap((step) => STEP_FIELDS[step].map((f) => [f, step])));

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
