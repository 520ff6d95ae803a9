/**
 * The agreement's terms, drawn as one piece (人民调解法 第二十九条): what is agreed follows the
 * claim (the same kind of money, no more than was claimed, paid in one term), the way of
 * performance follows the terms (cash or a transfer for money, instalments that add up to the
 * sum, 实物交付 only for goods), and the performance deadline covers every date the terms name.
 */
import type { Dispute, Settlement } from '../texts';
import type { BuildEnv } from './env';
import type { Story } from './story';
import { chineseDate, fill, yuanText } from './wording';

const CHINESE_COUNT = ['', '', '二', '三', '四'];

interface Payment {
  /** the {付} clause: when and how the sum is paid */
  clause: string;
  method: string;
  /** the last day a payment falls due */
  lastDay: string;
}

/** One sum on the day, one sum by a date, or (for 3,000 元 and more, now and then) instalments adding up to it. */
function drawPayment(env: BuildEnv, effectiveOn: string, fen: number, s: Settlement): Payment {
  const { rng, dates } = env;
  const from = s.payAfter ? s.days + 5 : 0;
  if (fen >= 300_000 && rng.chance(0.3)) {
    const n = rng.int(2, 4);
    const each = Math.floor(fen / n / 10_000) * 10_000;
    const parts = Array.from({ length: n }, (_, k) => (k < n - 1 ? each : fen - each * (n - 1)));
    const due = parts.map((_, k) => dates.addDays(effectiveOn, from + 10 + 30 * k));
    const schedule = parts.map((p, k) => `${chineseDate(due[k]!)}前支付${yuanText(p)}`).join('，');
    return { clause: `，分${CHINESE_COUNT[n]}期支付：${schedule}`, method: '分期支付，每期以银行转账方式支付', lastDay: due[n - 1]! };
  }
  if (!s.payAfter && rng.chance(0.35))
    return { clause: '，于协议签订当日以现金一次性付清', method: '现金一次性支付', lastDay: effectiveOn };
  const due = dates.addDays(effectiveOn, from + rng.pick([7, 10, 15, 30]));
  return {
    clause: `，于${chineseDate(due)}前一次性付清`,
    method: rng.chance(0.6) ? '银行转账一次性支付' : '微信转账一次性支付',
    lastDay: due,
  };
}

export interface DraftedAgreement {
  terms: string[];
  agreedAmountFen: number | null;
  performanceMethod: string;
  performanceDeadline: string;
  responsibility: string | undefined;
}

/** The terms of one of the dispute's settlements; a sum only where something was claimed. */
export function draftAgreement(env: BuildEnv, dispute: Dispute, story: Story, effectiveOn: string): DraftedAgreement {
  const { rng, dates } = env;
  const { A, B, unit, amount } = story;
  const pays = (s: Settlement) => s.terms.some((t) => t.includes('{额}'));
  const fitting = dispute.settlements.filter((s) => amount !== null || !pays(s));
  const s = rng.pick(fitting.length ? fitting : dispute.settlements);
  // Agreed at 40–100% of the claim, in whole hundreds of yuan, never more than was claimed.
  const agreedAmountFen = pays(s) && amount !== null ? Math.round((amount * rng.bell(0.4, 1)) / 10_000) * 10_000 || amount : null;
  const payment = agreedAmountFen !== null ? drawPayment(env, effectiveOn, agreedAmountFen, s) : null;
  const terms = s.terms.map((t) => fill(t, A, B, unit, yuanText(agreedAmountFen), payment?.clause));
  const rest = s.terms.length > 1 ? '；其他事项按协议约定的期限履行' : '';
  const performanceMethod = payment
    ? `${payment.method}${rest}`
    : s.periodic
      ? '按月以银行转账方式支付'
      : s.goods
        ? '实物交付，送货上门'
        : '按协议约定的期限和方式自行履行';
  const byTerms = dates.addDays(effectiveOn, s.days);
  const performanceDeadline = payment && payment.lastDay > byTerms ? payment.lastDay : byTerms;
  const responsibility = dispute.responsibility ? fill(dispute.responsibility, A, B, unit, '') : undefined;
  return { terms, agreedAmountFen, performanceMethod, performanceDeadline, responsibility };
}
