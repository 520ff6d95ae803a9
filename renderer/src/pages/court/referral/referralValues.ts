/**
 * The referral form's values and the operation's input: the form is shaped like
 * `court.registerReferral`'s input (referral, case, mediator), so the server's field messages land
 * on the right fields; where it is shaped otherwise (dates as dayjs, the amount as a number under
 * `case.amount`) this is the one place that says so, both ways.
 */
import type { Dayjs } from 'dayjs';
import type { RegisterReferralInput } from '../../../../../electron/common/api/court';
import type { CategoryCode } from '../../../../../electron/common/domain/categories';
import { FIRST_PARTIES } from '../../../components/parties/PartyListFields';
import { toPartyInput, type PartyFormValues } from '../../../components/parties/partyFormValues';
import { fenOfYuan } from '../../../components/yuanField';
import { isoOf, todayDayjs } from '../format';

export interface ReferralValues {
  referral: {
    mode: 'delegated' | 'entrusted';
    procedure?: 'ordinary' | 'simple';
    court?: string;
    referenceNumber?: string;
    referredAt?: Dayjs;
    materialsSignedAt?: Dayjs;
    reportTo?: string;
  };
  case: {
    title?: string;
    category?: CategoryCode;
    summary?: string;
    claims?: string;
    amount?: number | null;
    parties?: Partial<PartyFormValues>[];
  };
  mediator?: { mediatorId?: string; chosenBy: 'parties' | 'assigned' };
}

/** A new referral: delegated, received and signed for today, the first two parties, the parties' own choice of mediator. */
export const initialReferralValues = (): ReferralValues => ({
  referral: { mode: 'delegated', referredAt: todayDayjs(), materialsSignedAt: todayDayjs() },
  case: { parties: FIRST_PARTIES.map((p) => ({ ...p })) },
  mediator: { chosenBy: 'parties' },
});

/**
 * Server field path → form field, where the form holds a field under another name: the amount, and
 * the parties, which the case registration inside the referral names from the case ('parties.0.idNumber').
 */
export const referralField = (path: string): string =>
  path === 'case.amountFen' ? 'case.amount' : path.replace(/^parties\./, 'case.parties.');

/** The form's values → the operation's input; blanks go as blanks, for the server to name them. */
export function toReferralInput(v: ReferralValues): RegisterReferralInput {
  const { referral: r, case: c } = v;
  return {
    referral: {
      mode: r.mode,
      // Only an entrusted case (after filing) has a procedure: a choice left from switching modes is not sent.
      procedure: r.mode === 'entrusted' ? (r.procedure ?? null) : null,
      court: r.court ?? '',
      referenceNumber: r.referenceNumber ?? '',
      referredAt: isoOf(r.referredAt) ?? '',
      materialsSignedAt: isoOf(r.materialsSignedAt) ?? '',
      reportTo: r.reportTo,
    },
    case: {
      title: c.title ?? '',
      // An unpicked category goes as '' and comes back as the field's own message.
      category: (c.category ?? '') as CategoryCode,
      summary: c.summary ?? '',
      claims: c.claims ?? '',
      amountFen: fenOfYuan(c.amount),
      parties: (c.parties ?? []).map(toPartyInput),
    },
    mediator: v.mediator?.mediatorId ? { mediatorId: v.mediator.mediatorId, chosenBy: v.mediator.chosenBy } : null,
  };
}
