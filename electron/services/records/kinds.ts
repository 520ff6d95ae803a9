/**
 * The record shape that leaves this installation (district-api.md, POST /api/v1/batches) and the
 * kinds it covers. Users, passwords, settings and secrets have no kind here on purpose: what has
 * no kind cannot be serialised by mistake.
 */
import { inArray, sql, type Column } from 'drizzle-orm';
import type { Db, Orm } from '../../../db/open';

import { RECORD_KINDS, type RecordKind } from '../../common/api/upload';

export { RECORD_KINDS, type RecordKind };

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

export interface DomainHead {
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
 * A query built and compiled once per connection and then only run: the upload loads every batch
 * through these, and building drizzle's SQL and SQLite's statement for each of its thousands of
 * batches cost more than running them.
 */
export function perConnection<Q>(build: (orm: Orm) => Q): (db: RecordsDb) => Q {
  const built = new WeakMap<Orm, Q>();
  return (db) => {
    let q = built.get(db.orm);
    if (q === undefined) {
      q = build(db.orm);
      built.set(db.orm, q);
    }
    return q;
  };
}

/**
 * `column IN (ids)` with the ids as ONE placeholder `ids` (a JSON array read by json_each): a
 * batch of 500 ids is one bound value, and the statement is the same whatever their number.
 */
export const inIds = (column: Column) => inArray(column, sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`);
