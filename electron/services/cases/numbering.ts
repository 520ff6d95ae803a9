/**
 * Case numbers: per centre and year, gapless and never reused (a rejected or withdrawn case keeps
 * its number). The counter row is read and raised inside the registering transaction, which runs
 * as BEGIN IMMEDIATE, so two desks (or the app and the CLI) can never draw the same number.
 */
import { formatCaseNumber } from '../../common/domain/caseNumber';
import type { ServiceContext } from '../core/context';
import { drawCounter } from '../core/counters';

export function drawCaseNumber(
  ctx: Pick<ServiceContext, 'db'>,
  year: number,
  abbr: string,
): { year: number; serial: number; caseNumber: string } {
  const serial = drawCounter(ctx, `case:${year}`);
  return { year, serial, caseNumber: formatCaseNumber({ year, abbr, serial }) };
}
