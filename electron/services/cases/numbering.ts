/**
 * Case numbers: per centre and year, gapless and never reused (a rejected or withdrawn case keeps
 * its number). The counter row is read and raised inside the registering transaction, which runs
 * as BEGIN IMMEDIATE, so two desks (or the app and the CLI) can never draw the same number.
 */
import { formatCaseNumber } from '../../common/domain/caseNumber';
import type { ServiceContext } from '../core/context';

export function drawCaseNumber(
  ctx: Pick<ServiceContext, 'db'>,
  year: number,
  abbr: string,
): { year: number; serial: number; caseNumber: string } {
  const row = ctx.db.sqlite
    .prepare(
      `INSERT INTO counters (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1
       RETURNING value`,
    )
    .get(`case:${year}`) as { value: number };
  return { year, serial: row.value, caseNumber: formatCaseNumber({ year, abbr, serial: row.value }) };
}
