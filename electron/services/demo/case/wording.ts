/** Words of a case: templates filled with the parties' names, the place and the amount. */
import type { CategoryCode } from '../../../common/domain/categories';
import { formatYuan } from '../../../common/domain/money';
import type { Rng } from '../prng';
import type { CategoryTexts } from '../texts';

export function fill(template: string, a: string, b: string, place: string, amount: string): string {
  return template.replace(/\{(甲|乙|地|额)\}/g, (_, k: string) => (k === '甲' ? a : k === '乙' ? b : k === '地' ? place : amount));
}

export function yuanText(fen: number | null): string {
  return fen === null ? '相关款项' : `${formatYuan(fen).replace(/\.00$/, '')}元`;
}

/** Log-uniform amounts rounded to 100 yuan: small claims are common, large ones rare. */
export function amountFen(rng: Rng, t: CategoryTexts, category: CategoryCode): number | null {
  if (!t.amount) return null;
  const nonMonetary = category === 'neighbor' || category === 'marriage_family' || category === 'other' || category === 'environment';
  if (nonMonetary && rng.chance(0.4)) return null;
  const [lo, hi] = t.amount;
  const yuan = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
  return Math.max(1, Math.round(yuan / 100)) * 100 * 100;
}
