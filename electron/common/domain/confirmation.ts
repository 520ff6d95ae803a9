/**
 * 司法确认 (judicial confirmation of a mediation agreement): matters the court will not confirm.
 *
 * 人民调解法 Art. 33 and 民事诉讼法 (2023) Art. 205–206 let the parties jointly apply within 30 days
 * of the agreement taking effect (window: deadlines.ts). 法释〔2011〕5号 (关于人民调解协议司法确认
 * 程序的若干规定) Art. 4 ¶2 lists what the court does not accept: (一) matters outside civil cases or
 * the court's jurisdiction — a question of where to file, not a kind of agreement — and agreements
 * that (二) confirm a status (身份) relationship, (三) an adoption relationship, (四) a marriage
 * relationship. Those three are coded here; the app refuses to prepare an application for them.
 * (The 民事诉讼法 interpretation adds further grounds, e.g. agreements that settle title to
 * property or intellectual property; they are not coded here.)
 */
import { z } from 'zod';
import { AppError } from '../errors';

const TABLE = [
  {
    code: 'identity',
    label: '确认身份关系',
    reason: '确认身份关系的调解协议不能申请司法确认（《最高人民法院关于人民调解协议司法确认程序的若干规定》第四条第二款第（二）项）',
  },
  {
    code: 'adoption',
    label: '确认收养关系',
    reason: '确认收养关系的调解协议不能申请司法确认（《最高人民法院关于人民调解协议司法确认程序的若干规定》第四条第二款第（三）项）',
  },
  {
    code: 'marriage',
    label: '确认婚姻关系',
    reason: '确认婚姻关系的调解协议不能申请司法确认（《最高人民法院关于人民调解协议司法确认程序的若干规定》第四条第二款第（四）项）',
  },
] as const;

export type ExcludedMatter = (typeof TABLE)[number]['code'];

export interface ExcludedMatterDef {
  readonly code: ExcludedMatter;
  readonly label: string;
  /** Why the court will not confirm it, with the rule: shown to the user as is. */
  readonly reason: string;
}

export const EXCLUDED_MATTERS: readonly ExcludedMatterDef[] = TABLE;
export const EXCLUDED_MATTER_CODES = TABLE.map((m) => m.code) as unknown as readonly [ExcludedMatter, ...ExcludedMatter[]];
export const excludedMatterSchema = z.enum(EXCLUDED_MATTER_CODES);

export function isExcludedMatter(matter: unknown): matter is ExcludedMatter {
  return typeof matter === 'string' && TABLE.some((m) => m.code === matter);
}

/**
 * Throws REFUSED with the legal reason when the agreement concerns an excluded matter. Accepts
 * one matter code or several (an agreement may touch more than one); null, empty and other codes
 * pass.
 */
export function assertConfirmable(matter: string | readonly string[] | null | undefined): void {
  const matters = matter === null || matter === undefined ? [] : typeof matter === 'string' ? [matter] : matter;
  for (const m of matters) {
    const def = TABLE.find((x) => x.code === m);
    if (def) throw new AppError('REFUSED', def.reason);
  }
}
