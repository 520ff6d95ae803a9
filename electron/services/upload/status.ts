/**
 * What the status page shows about uploads, and the "test connection" button of the settings.
 */
import type { RecordKind, UploadResult, UploadTrigger } from '../../common/api/upload';
import type { Db } from '../../../db/open';
import { AppError } from '../../common/errors';
import type { Reconciliation } from './reconcile';
import { checkServerUrl, fetchStatus } from './transport';

export interface UploadRunRow {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: UploadTrigger;
  result: UploadResult | null;
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  pending: number;
  message: string | null;
  reconciliation: Reconciliation | null;
}

export interface UploadRejection {
  kind: RecordKind;
  recordId: string;
  version: number;
  message: string;
  at: string;
}

export interface UploadStatus {
  lastRun: UploadRunRow | null;
  /** Outbox rows waiting, including rejected records awaiting a fix. */
  pending: number;
  inFlightBatches: number;
  /** Rejections still in force (a record changed since is queued again and not listed). */
  rejections: UploadRejection[];
}

export function uploadStatus(db: Pick<Db, 'sqlite'>): UploadStatus {
  const run = db.sqlite
    .prepare(
      `SELECT id, started_at AS startedAt, finished_at AS finishedAt, trigger, result, sent, accepted, duplicates, rejected, pending,
              message, reconciliation
       FROM upload_runs ORDER BY started_at DESC, id DESC LIMIT 1`,
    )
    .get() as (Omit<UploadRunRow, 'reconciliation'> & { reconciliation: string | null }) | undefined;
  const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
  const rejections = db.sqlite
    .prepare(
      `SELECT r.kind, r.record_id AS recordId, r.version, r.message, r.at
       FROM upload_rejections r
       WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = r.kind AND o.record_id = r.record_id AND o.version > r.version)
       ORDER BY r.at DESC, r.kind, r.record_id`,
    )
    .all() as UploadRejection[];
  return {
    lastRun: run ? { ...run, reconciliation: run.reconciliation ? (JSON.parse(run.reconciliation) as Reconciliation) : null } : null,
    pending: count('SELECT count(*) AS n FROM outbox'),
    inFlightBatches: count('SELECT count(*) AS n FROM upload_batches'),
    rejections,
  };
}

export async function testConnection(opts: {
  serverUrl: string;
  token: string;
  centreCode: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): Promise<{ ok: boolean; message: string }> {
  try {
    checkServerUrl(opts.serverUrl);
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message };
    throw e;
  }
  const answer = await fetchStatus({ ...opts, timeoutMs: opts.timeoutMs ?? 10_000 });
  switch (answer.type) {
    case 'ok': {
      const total = Object.values(answer.counts).reduce((a, n) => a + (Number(n) || 0), 0);
      return {
        ok: true,
        message: `连接正常：区平台现存本中心记录 ${total} 条${answer.lastReceivedAt ? `，最近一次接收于 ${answer.lastReceivedAt}` : '，尚未收到过本中心的上传'}。`,
      };
    }
    case 'unauthorised':
      return { ok: false, message: '令牌错误：区平台不认可这个令牌（401），请核对区平台下发的令牌。' };
    case 'other-centre':
      return { ok: false, message: `令牌属于其他中心：与本中心代码 ${opts.centreCode} 不符（403）。` };
    case 'failed':
      return { ok: false, message: `无法连接区平台：${answer.reason}。` };
  }
}

/**
 * Let rejected records go again without a change to them: after a program update fixed what made
 * the district refuse them (a 400 envelope), or when an operator asks for it. Returns how many.
 */
export function releaseRejections(db: Pick<Db, 'sqlite'>, filter: { kind?: string; recordId?: string } = {}): number {
  return db.sqlite
    .prepare('DELETE FROM upload_rejections WHERE (? IS NULL OR kind = ?) AND (? IS NULL OR record_id = ?)')
    .run(filter.kind ?? null, filter.kind ?? null, filter.recordId ?? null, filter.recordId ?? null).changes;
}
