/**
 * Code lists spelled out for raw SQL (`c.status IN ${OPEN_STATUSES_SQL}`). The lists themselves live
 * once in electron/common; this only renders them, so a new open status reaches every query.
 */
import { OPEN_STATUSES } from '../../common/domain/lifecycle';

/** ['a', 'b'] → "('a','b')". Codes are our own constants, never user input; a quote is refused anyway. */
export function sqlStringList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('sqlStringList: an empty IN list matches nothing');
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`sqlStringList: not a code: ${v}`);
  return `(${values.map((v) => `'${v}'`).join(',')})`;
}

/** The open statuses (lifecycle.ts OPEN_STATUSES) as an SQL list. */
export const OPEN_STATUSES_SQL = sqlStringList(OPEN_STATUSES);
