/**
 * Gapless named counters (table `counters`): case numbers per year, queue numbers per day. Call
 * inside an IMMEDIATE transaction: the write lock is taken before the counter is read, so two
 * desks, kiosks or the CLI never draw the same number, and a transaction that rolls back gives its
 * number back.
 */
import type { ServiceContext } from './context';

/** Raises the counter `name` (starting it at 1) and returns its new value. */
export function drawCounter(ctx: Pick<ServiceContext, 'db'>, name: string): number {
  const row = ctx.db.sqlite
    .prepare(
      `INSERT INTO counters (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1
       RETURNING value`,
    )
    .get(name) as { value: number };
  return row.value;
}
