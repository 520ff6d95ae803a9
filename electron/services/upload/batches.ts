/**
 * Batches between the outbox and the district. A batch is written (its exact body in
 * `upload_batches`, its records marked in `outbox`) in one transaction BEFORE it is sent: a
 * process killed at any point leaves either nothing or a batch that the next run resends with the
 * same id and the same bytes. Every function here is one synchronous transaction.
 */
import zlib from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../db/open';
import { rfc3339, type Clock } from '../core/clock';
import { loadRecords } from '../records/load';
import { isRecordKind, type RecordKind, type UploadRecord } from '../records/kinds';

export interface BatchContext {
  db: Pick<Db, 'sqlite' | 'orm'>;
  centreCode: string;
  deviceId: string;
  clock: Clock;
  maxRecords: number;
  maxBytes: number;
}

export interface StoredBatch {
  batchId: string;
  /** The bytes on the wire: the batch's JSON, gzipped (Content-Encoding: gzip). */
  body: Buffer;
  recordCount: number;
  attempts: number;
  /**
   * What the body holds, known when the batch was just composed in this process: saves reading
   * the body back and parsing it when the district answers. Absent for batches read from the
   * database (left by an earlier run), whose body is the only record of it.
   */
  sent?: SentRecord[];
}

interface OutboxRow {
  kind: string;
  recordId: string;
  version: number;
}

export interface SentRecord {
  kind: RecordKind;
  id: string;
  version: number;
  deleted: boolean;
}

/**
 * Level 1: about half the CPU of the default level (6) for a body a fifth larger (on demo records
 * 21 % of the JSON instead of 17 %). Compressed once, when the batch is written: the stored bytes
 * are the bytes sent, on every retry, and a fifth of the JSON to write and to free again.
 */
const gzip = (json: string): Buffer => zlib.gzipSync(Buffer.from(json, 'utf8'), { level: 1 });

/** A stored body as its JSON text: rows written before migration 0004 hold the text itself. */
const jsonOf = (stored: Buffer | string): string => (typeof stored === 'string' ? stored : zlib.gunzipSync(stored).toString('utf8'));

/** The (kind, id, version, deleted) of each record of a body: all the bookkeeping needs. */
function sentRecords(stored: Buffer | string): SentRecord[] {
  const parsed = JSON.parse(jsonOf(stored)) as { records: UploadRecord[] };
  return parsed.records.map((r) => ({ kind: r.kind, id: r.id, version: r.version, deleted: r.deleted }));
}

function reject(ctx: BatchContext, kind: string, recordId: string, version: number, message: string) {
  ctx.db.sqlite
    .prepare(
      `INSERT INTO upload_rejections (kind, record_id, version, message, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, message = excluded.message, at = excluded.at`,
    )
    .run(kind, recordId, version, message, rfc3339(ctx.clock.now()));
}

/**
 * Serialise `rows` (in order) into one new batch within the limits. Rows that do not fit stay
 * free for the next batch; rows that can never be sent (gone locally, or alone over the byte
 * limit) are recorded as rejections so they do not come back every page.
 */
function compose(ctx: BatchContext, rows: OutboxRow[]): { batch: StoredBatch | null; rejected: number } {
  const batchId = uuidv7();
  const head = JSON.stringify({
    schema: 'mediation-upload/1',
    batchId,
    centreCode: ctx.centreCode,
    deviceId: ctx.deviceId,
    sentAt: rfc3339(ctx.clock.now()),
    records: [],
  });
  const prefix = head.slice(0, -2); // up to and including `"records":[`
  const suffix = ']}';
  const envelopeBytes = Buffer.byteLength(prefix) + suffix.length;

  const idsByKind = new Map<RecordKind, string[]>();
  for (const r of rows) {
    if (!isRecordKind(r.kind)) continue;
    const ids = idsByKind.get(r.kind);
    if (ids) ids.push(r.recordId);
    else idsByKind.set(r.kind, [r.recordId]);
  }
  const loaded = new Map<string, UploadRecord>();
  for (const [kind, ids] of idsByKind) for (const [id, rec] of loadRecords(ctx.db, kind, ids)) loaded.set(`${kind}/${id}`, rec);

  const parts: string[] = [];
  const taken: { row: OutboxRow; version: number }[] = [];
  const sent: SentRecord[] = [];
  // Counting UTF-8 bytes costs a pass over every string. A UTF-16 string of n code units never
  // takes more than 3n bytes, so while even that bound fits the limit the exact count can wait;
  // only a batch that comes near the limit is counted exactly (from then on, record by record).
  let upper = envelopeBytes;
  let bytes: number | null = null;
  let rejected = 0;
  for (const row of rows) {
    if (taken.length >= ctx.maxRecords) break;
    const rec = loaded.get(`${row.kind}/${row.recordId}`);
    if (!rec) {
      reject(ctx, row.kind, row.recordId, row.version, '本地找不到该记录（或不属于上传范围），未上传');
      rejected += 1;
      continue;
    }
    const json = JSON.stringify(rec);
    const separator = parts.length > 0 ? 1 : 0;
    if (bytes === null && upper + json.length * 3 + separator <= ctx.maxBytes) {
      upper += json.length * 3 + separator;
    } else {
      bytes ??= envelopeBytes + parts.reduce((n, p, i) => n + Buffer.byteLength(p) + (i > 0 ? 1 : 0), 0);
      const length = Buffer.byteLength(json);
      if (envelopeBytes + length > ctx.maxBytes) {
        reject(ctx, row.kind, row.recordId, rec.version, `记录过大（${length} 字节），超过单批上限，无法上传`);
        rejected += 1;
        continue;
      }
      if (bytes + length + separator > ctx.maxBytes) break;
      bytes += length + separator;
    }
    parts.push(json);
    taken.push({ row, version: rec.version });
    sent.push({ kind: rec.kind, id: rec.id, version: rec.version, deleted: rec.deleted });
  }
  if (taken.length === 0) return { batch: null, rejected };

  const body = gzip(prefix + parts.join(',') + suffix);
  ctx.db.sqlite
    .prepare('INSERT INTO upload_batches (batch_id, created_at, body, record_count, attempts) VALUES (?, ?, ?, ?, 0)')
    .run(batchId, rfc3339(ctx.clock.now()), body, taken.length);
  // The version is the one serialised. It is nearly always the row's own version already; those
  // rows are marked in one statement.
  const same = taken.filter((t) => t.version === t.row.version).map((t) => [t.row.kind, t.row.recordId]);
  ctx.db.sqlite
    .prepare('UPDATE outbox SET batch_id = ? WHERE (kind, record_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))')
    .run(batchId, JSON.stringify(same));
  const mark = ctx.db.sqlite.prepare('UPDATE outbox SET batch_id = ?, version = ? WHERE kind = ? AND record_id = ?');
  for (const t of taken) if (t.version !== t.row.version) mark.run(batchId, t.version, t.row.kind, t.row.recordId);
  return { batch: { batchId, body, recordCount: taken.length, attempts: 0, sent }, rejected };
}

// Rejected records wait until they change: the trigger then raises the outbox version above the
// rejected one. In key order (the outbox is clustered on it, db/migrations/0004): a batch's rows,
// and their rows in `uploaded`, then sit together on a few pages, and the batch_id index serves
// the order without a sort.
const FREE_ROWS = `
  SELECT o.kind AS kind, o.record_id AS recordId, o.version AS version
  FROM outbox o
  WHERE o.batch_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM upload_rejections r WHERE r.kind = o.kind AND r.record_id = o.record_id AND r.version >= o.version)
  ORDER BY o.kind, o.record_id
  LIMIT ?`;

/** The next new batch from free outbox rows, written before it is sent; null when none are left. */
export function nextBatch(ctx: BatchContext): { batch: StoredBatch | null; rejected: number } {
  return ctx.db.sqlite.transaction(() => {
    let rejected = 0;
    for (;;) {
      const rows = ctx.db.sqlite.prepare(FREE_ROWS).all(ctx.maxRecords) as OutboxRow[];
      if (rows.length === 0) return { batch: null, rejected };
      const made = compose(ctx, rows);
      rejected += made.rejected;
      if (made.batch) return { batch: made.batch, rejected };
    }
  })();
}

/** Batches left unanswered by an earlier run or a killed process, oldest first (ids are v7). */
export function pendingBatches(db: Pick<Db, 'sqlite'>): StoredBatch[] {
  const rows = db.sqlite
    .prepare('SELECT batch_id AS batchId, body, record_count AS recordCount, attempts FROM upload_batches ORDER BY batch_id')
    .all() as (Omit<StoredBatch, 'body'> & { body: Buffer | string })[];
  // A text body (before 0004) is the same JSON: gzip is deterministic, so every retry still sends the same bytes.
  return rows.map((r) => ({ ...r, body: typeof r.body === 'string' ? gzip(r.body) : r.body }));
}

export function noteAttempt(ctx: BatchContext, batchId: string, error: string, nextAttemptAt: Date | null) {
  ctx.db.sqlite
    .prepare('UPDATE upload_batches SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE batch_id = ?')
    .run(error, nextAttemptAt ? rfc3339(nextAttemptAt) : null, batchId);
}

function dropBatch(ctx: BatchContext, batchId: string) {
  ctx.db.sqlite.prepare('UPDATE outbox SET batch_id = NULL WHERE batch_id = ?').run(batchId);
  ctx.db.sqlite.prepare('DELETE FROM upload_batches WHERE batch_id = ?').run(batchId);
}

function bodyOf(ctx: BatchContext, batchId: string): Buffer | string | null {
  const row = ctx.db.sqlite.prepare('SELECT body FROM upload_batches WHERE batch_id = ?').get(batchId) as
    { body: Buffer | string } | undefined;
  return row?.body ?? null;
}

/** 200 (first answer or replay): the district holds every record of the batch at least at the sent version. */
export function markDelivered(ctx: BatchContext, batchId: string, known?: SentRecord[]): { records: number; dequeued: number } {
  return ctx.db.sqlite.transaction(() => {
    let records: SentRecord[];
    if (known) {
      if (!ctx.db.sqlite.prepare('SELECT 1 FROM upload_batches WHERE batch_id = ?').get(batchId)) return { records: 0, dequeued: 0 };
      records = known;
    } else {
      const body = bodyOf(ctx, batchId);
      if (body === null) return { records: 0, dequeued: 0 };
      records = sentRecords(body);
    }
    const at = rfc3339(ctx.clock.now());
    // One statement each for the whole batch, the records as one JSON parameter, rather than three
    // statements per record: a backlog of 10^6 records spent a tenth of its time in those calls.
    const list = JSON.stringify(records.map((r) => [r.kind, r.id, r.version, r.deleted ? 1 : 0]));
    ctx.db.sqlite
      .prepare(
        `INSERT INTO uploaded (kind, record_id, version, deleted, batch_id, at)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, ?, ? FROM json_each(?) WHERE true
         ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, batch_id = excluded.batch_id, at = excluded.at
         WHERE excluded.version >= uploaded.version`,
      )
      .run(batchId, at, list);
    // The rows still marked with this batch are exactly those unchanged since it was written: a
    // change frees its row (batch_id = NULL, trigger in 0001), so a newer version stays queued.
    const dequeued = ctx.db.sqlite.prepare('DELETE FROM outbox WHERE batch_id = ?').run(batchId).changes;
    // Usually there are no rejections at all: then there is nothing to clear.
    if (ctx.db.sqlite.prepare('SELECT 1 FROM upload_rejections LIMIT 1').get() !== undefined) {
      ctx.db.sqlite
        .prepare(
          `DELETE FROM upload_rejections WHERE rowid IN (
             SELECT r.rowid FROM json_each(?) j JOIN upload_rejections r ON r.kind = j.value ->> 0 AND r.record_id = j.value ->> 1 AND r.version <= j.value ->> 2)`,
        )
        .run(list);
    }
    dropBatch(ctx, batchId);
    return { records: records.length, dequeued };
  })();
}

/**
 * 422 / 400: nothing of the batch was stored. The named records are kept as rejections (and in
 * the outbox, so a fix re-queues them); the others are freed for new batches under new ids.
 */
export function rejectRecords(ctx: BatchContext, batchId: string, errors: { index: number; message: string }[], everyone?: string): number {
  return ctx.db.sqlite.transaction(() => {
    const body = bodyOf(ctx, batchId);
    if (body === null) return 0;
    const records = sentRecords(body);
    let named = errors.filter((e) => records[e.index] !== undefined);
    if (everyone !== undefined || named.length === 0) {
      // An answer that names nobody cannot tell good from bad: hold the whole batch rather than loop on it.
      const message = everyone ?? errors[0]?.message ?? '区平台拒收本批次，未说明原因';
      named = records.map((_, index) => ({ index, message }));
    }
    for (const e of named) {
      const r = records[e.index]!;
      reject(ctx, r.kind, r.id, r.version, e.message);
    }
    dropBatch(ctx, batchId);
    return new Set(named.map((e) => e.index)).size;
  })();
}

/** 409: the id is spent; the records go out again under a new one. */
export function discardBatch(ctx: BatchContext, batchId: string) {
  ctx.db.sqlite.transaction(() => dropBatch(ctx, batchId))();
}

/**
 * 413: replace the batch by two halves under new ids, written before either is sent. A single
 * record the district still calls too large is rejected instead.
 */
export function splitBatch(ctx: BatchContext, batchId: string): { batches: StoredBatch[]; rejected: number } {
  return ctx.db.sqlite.transaction(() => {
    const rows = ctx.db.sqlite
      .prepare('SELECT kind, record_id AS recordId, version FROM outbox WHERE batch_id = ? ORDER BY kind, record_id')
      .all(batchId) as OutboxRow[];
    dropBatch(ctx, batchId);
    if (rows.length === 1) {
      const r = rows[0]!;
      reject(ctx, r.kind, r.recordId, r.version, '区平台认为该记录过大（413），无法上传');
      return { batches: [], rejected: 1 };
    }
    const mid = Math.ceil(rows.length / 2);
    const out: StoredBatch[] = [];
    let rejected = 0;
    for (const half of [rows.slice(0, mid), rows.slice(mid)]) {
      if (half.length === 0) continue;
      const made = compose({ ...ctx, maxRecords: half.length }, half);
      rejected += made.rejected;
      if (made.batch) out.push(made.batch);
    }
    return { batches: out, rejected };
  })();
}

/** A rejection whose record has changed since is moot: the new version is queued. */
export function clearStaleRejections(db: Pick<Db, 'sqlite'>) {
  db.sqlite
    .prepare(
      `DELETE FROM upload_rejections
       WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.kind = upload_rejections.kind AND o.record_id = upload_rejections.record_id AND o.version > upload_rejections.version)`,
    )
    .run();
}

export const pendingCount = (db: Pick<Db, 'sqlite'>): number =>
  (db.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
