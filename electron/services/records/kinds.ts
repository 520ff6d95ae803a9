/**
 * The record shape that leaves this installation (district-api.md, POST /api/v1/batches) and the
 * kinds it covers. Users, passwords, settings and secrets have no kind here on purpose: what has
 * no kind cannot be serialised by mistake.
 */
import { inArray, sql, type Column } from 'drizzle-orm';
import type { Db } from '../../../db/open';

export const RECORD_KINDS = ['case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const isRecordKind = (k: string): k is RecordKind => (RECORD_KINDS as readonly string[]).includes(k);

export interface UploadRecord {
  kind: RecordKind;
  id: string;
  version: number;
  updatedAt: string;
  deleted: boolean;
  data: Record<string, unknown>;
}

/** Only the handles the serialisers read; the lock, the upload and the export all pass a full Db. */
export type RecordsDb = Pick<Db, 'sqlite' | 'orm'>;

/** Audit rows about these entities become `event` records; others (users, settings, centre) stay local. */
export const EVENT_ENTITY_KINDS: readonly string[] = ['case', 'party', 'session', 'document', 'mediator', 'confirmation', 'followup'];

interface DomainHead {
  id: string;
  version: number;
  updatedAt: string;
  deleted: boolean;
}

/** A deleted row travels as a tombstone: the district only needs to know it is gone. */
export function toRecord(kind: RecordKind, row: DomainHead, data: () => Record<string, unknown>): UploadRecord {
  return {
    kind,
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt,
    deleted: row.deleted,
    data: row.deleted ? {} : data(),
  };
}

/**
 * `column IN (ids)` with the ids as ONE parameter (a JSON array read by json_each): a batch of 500
 * ids then costs one bound value instead of 500, in the SQL text, in drizzle's query building and
 * in SQLite's statement compiler. The upload loads every batch this way.
 */
export const idsIn = (column: Column, ids: readonly string[]) => inArray(column, sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`);
