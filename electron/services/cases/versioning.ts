/**
 * Optimistic locking and version bumps for domain rows. Every change raises `version` by one and
 * sets `updatedAt`; the district upload and the "已被他人修改" check both rely on it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { cases } from '../../../db/schema';
import { AppError } from '../../common/errors';
import { rfc3339 } from '../core/clock';
import type { ServiceContext } from '../core/context';

export type CaseRecord = typeof cases.$inferSelect;

export const CONFLICT_MESSAGE = '已被他人修改：该案件在您打开之后被其他人修改过，请刷新后重新操作（您的修改未保存）。';

export function loadCase(ctx: Pick<ServiceContext, 'db'>, id: string): CaseRecord {
  const row = ctx.db.orm.select().from(cases).where(eq(cases.id, id)).get();
  if (!row || row.deleted) throw new AppError('NOT_FOUND', '找不到该案件，可能已被删除');
  return row;
}

/** Load a case for a change, refusing when someone else changed it since the caller read it. */
export function lockCase(ctx: Pick<ServiceContext, 'db'>, id: string, expectedVersion: number): CaseRecord {
  const row = loadCase(ctx, id);
  if (row.version !== expectedVersion) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  return row;
}

/** Write a change to a case and raise its version; the WHERE on version makes a lost race fail loudly. */
export function writeCase(ctx: Pick<ServiceContext, 'db' | 'clock'>, row: CaseRecord, patch: Partial<CaseRecord>): CaseRecord {
  const updatedAt = rfc3339(ctx.clock.now());
  const result = ctx.db.orm
    .update(cases)
    .set({ ...patch, version: row.version + 1, updatedAt })
    .where(and(eq(cases.id, row.id), eq(cases.version, row.version)))
    .run();
  if (result.changes !== 1) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  return { ...row, ...patch, version: row.version + 1, updatedAt };
}

/** Raise the version of any domain table's row (parties, sessions, ...). */
export function bumpRow<T extends SQLiteTable & { id: unknown; version: unknown }>(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  table: T,
  id: string,
  expectedVersion: number,
  patch: Record<string, unknown>,
): void {
  const t = table as unknown as { id: typeof cases.id; version: typeof cases.version };
  const result = ctx.db.orm
    .update(table)
    .set({ ...patch, version: sql`${t.version} + 1`, updatedAt: rfc3339(ctx.clock.now()) } as never)
    .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
    .run();
  if (result.changes !== 1)
    throw new AppError('CONFLICT', '已被他人修改：该记录在您打开之后被其他人修改过，请刷新后重新操作（您的修改未保存）。');
}
