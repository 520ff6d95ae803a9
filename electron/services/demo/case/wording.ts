/** Words of a case: templates filled with the parties' names, the place and the amount. */
import { formatYuan } from '../../../common/domain/money';
import type { Rng } from '../prng';
import type { Dispute } from '../texts';

/** Fills {甲} {乙} {地} {额}, and {付} (how the amount is paid) where a term has it. */
export function fill(template: string, a: string, b: string, place: string, amount: string, pay = ''): string {
  return template.replace(/\{(甲|乙|地|额|付)\}/g, (_, k: string) =>
    k === '甲' ? a : k === '乙' ? b : k === '地' ? place : k === '额' ? amount : pay,
  );
}

export function yuanText(fen: number | null): string {
  return fen === null ? '相关款项' : `${formatYuan(fen).replace(/\.00$/, '')}元`;
}

/** 2026-12-05 → 2026年12月5日, as terms write dates. */
export function chineseDate(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Log-uniform amounts rounded to 100 yuan: small claims are common, large ones rare. None when the claim asks for an act. */
export function amountFen(rng: Rng, dispute: Dispute): number | null {
  if (!dispute.amount) return null;
  const [lo, hi] = dispute.amount;
  const yuan = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
  return Math.max(1, Math.round(yuan / 100)) * 100 * 100;
}
