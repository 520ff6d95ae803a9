/**
 * Case numbers: per centre and year, gapless and never reused (a rejected or withdrawn case keeps
 * its number). The counter row is read and raised inside the registering transaction, which runs
 * as BEGIN IMMEDIATE, so two desks (or the app and the CLI) can never draw the same number.
 * A number a historical import already brought in (a centre whose paper ledger used the same
 * scheme) is stepped over, so the counter never collides with the past.
 */
import { formatCaseNumber } from '../../common/domain/caseNumber';
import type { ServiceContext } from '../core/context';
import { drawCounter } from '../core/counters';

export function drawCaseNumber(
  ctx: Pick<ServiceContext, 'db'>,
  year: number,
  abbr: string,
): { year: number; serial: number; caseNumber: string } {
  const taken = ctx.db.sqlite.prepare('SELECT 1 FROM cases WHERE case_number = ?');
  for (;;) {
    const serial = drawCounter(ctx, `case:${year}`);
    const caseNumber = formatCaseNumber({ year, abbr, serial });
    if (!taken.get(caseNumber)) return { year, serial, caseNumber };
  }
}
