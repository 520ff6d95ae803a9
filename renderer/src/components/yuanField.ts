/**
 * Money fields: the user types yuan the way people write it ('5000', '1,234.50', '￥3000元'); the
 * contract carries fen (integer 分). The field checks with the same parser the ledger import and
 * the documents use, so a typo is named on the field before anything is sent.
 */
import type { FormRule } from 'antd';
import { parseYuan } from '../../../electron/common/domain/money';

const blank = (v: unknown): v is undefined | null | '' => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export const yuanRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (blank(value)) return;
    try {
      parseYuan(typeof value === 'number' ? String(value) : (value as string));
    } catch (e) {
      throw new Error((e as Error).message, { cause: e });
    }
  },
};

/** What the user typed (text, or a number from an InputNumber) → fen; blank → undefined. Run after `yuanRule`. */
export function fenOfYuan(value: string | number | null | undefined): number | undefined {
  return blank(value) ? undefined : parseYuan(String(value));
}
