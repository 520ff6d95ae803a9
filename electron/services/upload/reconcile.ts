/**
 * After a run: what the district says it holds (per kind, live records) against what this
 * installation believes it has delivered (`uploaded`, not deleted). A difference means records
 * were lost or stored elsewhere, and someone must look.
 */
import type { Db } from '../../../db/open';
import { RECORD_KIND_LABELS } from '../../common/api/upload';
import { RECORD_KINDS, type RecordKind } from '../records/kinds';
import { rfc3339, type Clock } from '../core/clock';
import { fetchStatus, type Endpoint } from './transport';

export interface Reconciliation {
  checkedAt: string;
  ok: boolean;
  local: Record<RecordKind, number>;
  server: Record<RecordKind, number> | null;
  differences: { kind: RecordKind; local: number; server: number }[];
  error?: string;
}

export function localUploadedCounts(db: Pick<Db, 'sqlite'>): Record<RecordKind, number> {
  const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  // `uploaded.kind` holds record kinds only (SQLite refuses others, migration 0014).
  const rows = db.sqlite.prepare('SELECT kind, count(*) AS n FROM uploaded WHERE deleted = 0 GROUP BY kind').all() as {
    kind: RecordKind;
    n: number;
  }[];
  for (const r of rows) counts[r.kind] = r.n;
  return counts;
}

export async function reconcile(db: Pick<Db, 'sqlite'>, ep: Endpoint, clock: Clock): Promise<Reconciliation> {
  const local = localUploadedCounts(db);
  const answer = await fetchStatus(ep);
  const checkedAt = rfc3339(clock.now());
  if (answer.type !== 'ok') {
    const error = answer.type === 'failed' ? answer.reason : answer.type === 'unauthorised' ? '令牌错误（401）' : '令牌属于其他中心（403）';
    return { checkedAt, ok: false, local, server: null, differences: [], error };
  }
  const server = Object.fromEntries(RECORD_KINDS.map((k) => [k, Number(answer.counts[k] ?? 0)])) as Record<RecordKind, number>;
  const differences = RECORD_KINDS.filter((k) => server[k] !== local[k]).map((kind) => ({
    kind,
    local: local[kind],
    server: server[kind],
  }));
  return { checkedAt, ok: differences.length === 0, local, server, differences };
}

export function describeReconciliation(r: Reconciliation): string {
  if (r.error !== undefined) return `未能与区平台核对（${r.error}）。`;
  if (r.ok) return '与区平台核对一致。';
  const lines = r.differences.map((d) => `${RECORD_KIND_LABELS[d.kind]} 本机已上传 ${d.local} 条、区平台 ${d.server} 条`);
  return `与区平台核对不一致：${lines.join('；')}。`;
}
