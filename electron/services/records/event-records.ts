/**
 * `event` records from the audit trail. Events are append-only, so their version is always 1 and
 * they are never tombstones. Audit rows about users, settings or the centre never become events:
 * the filter is applied here as well as in the outbox trigger, so neither alone can leak them.
 */
import { audit } from '../../../db/schema';
import { keyedQueries, type KindSource } from './domain-records';
import { EVENT_ENTITY_KINDS, type UploadRecord } from './kinds';

type AuditRow = typeof audit.$inferSelect;

const eventRecord = (a: AuditRow): UploadRecord => ({
  kind: 'event',
  id: a.id,
  version: 1,
  updatedAt: a.at,
  deleted: false,
  data: {
    at: a.at,
    // The actor's name is what the timeline shows; the local user id means nothing to the district.
    actorName: a.actorName,
    operation: a.operation,
    entityKind: a.entityKind,
    entityId: a.entityId,
    caseId: a.caseId,
    summary: a.summary,
    before: a.before ?? null,
    after: a.after ?? null,
  },
});

const uploadable = (a: AuditRow) => EVENT_ENTITY_KINDS.includes(a.entityKind);

const queries = keyedQueries(audit);

// The entity filter runs here rather than in SQL: with it in the WHERE clause SQLite picks the
// (entity_kind, entity_id) index and sorts the whole trail for every page.
export const eventSource: KindSource<AuditRow> = {
  byIds: queries.byIds,
  page: queries.page,
  toRecords: (_db, rows) => rows.filter(uploadable).map(eventRecord),
};
