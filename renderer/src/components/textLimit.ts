/**
 * A length limit on a form field that never cuts text short: antd's `maxLength` silently drops
 * what is pasted past the limit, so the field gets a counter instead (shown from 80% of the limit,
 * red past it) and a rule that refuses to save, naming the field and the limit — the contract's
 * own words (common/api/limits.ts).
 */
import type { FormRule } from 'antd';
import { tooLongMessage } from '../../../electron/common/api/limits';

export function textLimit(label: string, max: number) {
  return {
    count: { max, show: ({ count }: { count: number }) => (count >= max * 0.8 ? `${count} / ${max}` : null) },
    rule: { max, message: tooLongMessage(label, max) } satisfies FormRule,
  };
}
