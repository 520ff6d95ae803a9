/**
 * Answers of writes kept by (caller, idempotency key) for 24 h, in the database so that a host
 * restarted in the middle of a save still recognises the retry. A row is written in the same
 * transaction as the write itself (see api/dispatch.ts): first as 'pending' when the handler goes
 * on asynchronously (a print after the save), then with the answer.
 */
import { and, eq, lt } from 'drizzle-orm';
import { idempotentAnswers } from '../../../db/schema';
import type { ApiResponse } from '../../common/api/contract';
import type { ServiceContext } from '../core/context';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** Marks a write whose handler had not finished; after a crash its outcome is unknown. */
export const PENDING = 'pending';

export type Kept = { state: 'answered'; op: string; answer: ApiResponse } | { state: 'pending'; op: string };

export function findKept(ctx: Pick<ServiceContext, 'db' | 'clock'>, caller: string, key: string): Kept | null {
  const row = ctx.db.orm
    .select()
    .from(idempotentAnswers)
    .where(and(eq(idempotentAnswers.caller, caller), eq(idempotentAnswers.key, key)))
    .get();
  if (!row) return null;
  if (ctx.clock.now().getTime() - new Date(row.createdAt).getTime() > IDEMPOTENCY_TTL_MS) return null;
  if (row.answer === PENDING) return { state: 'pending', op: row.op };
  return { state: 'answered', op: row.op, answer: JSON.parse(row.answer) as ApiResponse };
}

/** Insert or overwrite (an expired row under the same key is replaced). Call inside the write's transaction. */
export function keep(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  caller: string,
  key: string,
  op: string,
  answer: ApiResponse | typeof PENDING,
): void {
  const text = answer === PENDING ? PENDING : JSON.stringify(answer);
  ctx.db.orm
    .insert(idempotentAnswers)
    .values({ caller, key, op, answer: text, createdAt: ctx.clock.now().toISOString() })
    .onConflictDoUpdate({
      target: [idempotentAnswers.caller, idempotentAnswers.key],
      set: { op, answer: text, createdAt: ctx.clock.now().toISOString() },
    })
    .run();
}

/** Forget answers older than 24 h (housekeeping). */
export function purgeKept(ctx: Pick<ServiceContext, 'db' | 'clock'>): number {
  const cutoff = new Date(ctx.clock.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  return ctx.db.orm.delete(idempotentAnswers).where(lt(idempotentAnswers.createdAt, cutoff)).run().changes;
}
