/**
 * A ledger's rows held against the database (issue #16): a row already imported (same fingerprint,
 * from this file or an earlier version of it) is a duplicate and skipped; a row whose case number
 * the centre's own cases already use is refused; a row with no number that names the same parties
 * on the same day as an existing case is taken for that case and skipped. Used by the dry run and
 * by the import itself (inside its transaction), so both say the same.
 */
import type { LedgerRecord, ImportProblem } from './ledgerPlan';
import type { ServiceContext } from '../core/context';

export interface Screened {
  readonly fresh: readonly LedgerRecord[];
  readonly duplicates: number;
  readonly rejected: number;
  readonly problems: readonly ImportProblem[];
}

const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

const partyKey = (date: string, names: readonly string[]): string => `${date}|${[...names].sort().join('、')}`;

export function screenAgainstDatabase(ctx: Pick<ServiceContext, 'db'>, records: readonly LedgerRecord[]): Screened {
  const sqlite = ctx.db.sqlite;
  const known = new Set<string>();
  const numbers = new Map<string, string>(); // case number → fingerprint (null for the centre's own)
  for (const part of chunks(records)) {
    const marks = part.map(() => '?').join(',');
    const fps = sqlite
      .prepare(`SELECT import_fingerprint AS f FROM cases WHERE import_fingerprint IN (${marks})`)
      .all(...part.map((r) => r.fingerprint)) as { f: string }[];
    for (const { f } of fps) known.add(f);
    const withNumber = part.filter((r) => r.caseNumber !== null).map((r) => r.caseNumber!);
    if (withNumber.length > 0) {
      const rows = sqlite
        .prepare(
          `SELECT case_number AS n, coalesce(import_fingerprint, '') AS f FROM cases WHERE case_number IN (${withNumber.map(() => '?').join(',')})`,
        )
        .all(...withNumber) as { n: string; f: string }[];
      for (const { n, f } of rows) numbers.set(n, f);
    }
  }
  // Cases the centre registered itself on the days the ledger's unnumbered rows name.
  const days = [...new Set(records.filter((r) => r.caseNumber === null).map((r) => r.receivedDate))].sort();
  const sameDay = new Map<string, string>(); // date|names → case number
  if (days.length > 0) {
    const rows = sqlite
      .prepare(
        `SELECT c.case_number AS n, substr(c.registered_at, 1, 10) AS d, group_concat(p.name, char(31)) AS names
           FROM cases c JOIN parties p ON p.case_id = c.id AND p.deleted = 0 AND p.role <> 'agent'
          WHERE c.deleted = 0 AND c.import_batch_id IS NULL AND c.registered_at >= ? AND c.registered_at < ?
          GROUP BY c.id`,
      )
      .all(days[0], `${days[days.length - 1]}\uffff`) as { n: string; d: string; names: string }[];
    for (const r of rows) sameDay.set(partyKey(r.d, r.names.split('\u001f')), r.n);
  }

  const fresh: LedgerRecord[] = [];
  const problems: ImportProblem[] = [];
  let duplicates = 0;
  let rejected = 0;
  for (const r of records) {
    if (known.has(r.fingerprint)) {
      duplicates++;
      problems.push({ row: r.row, field: 'caseNumber', message: '此前已导入，跳过', level: 'warning' });
      continue;
    }
    if (r.caseNumber !== null && numbers.has(r.caseNumber)) {
      rejected++;
      problems.push({
        row: r.row,
        field: 'caseNumber',
        message: `案件编号“${r.caseNumber}”已被本系统中的另一案件使用，请核对后修改台账中的编号`,
        level: 'error',
      });
      continue;
    }
    const same = r.caseNumber === null ? sameDay.get(partyKey(r.receivedDate, r.parties)) : undefined;
    if (same !== undefined) {
      duplicates++;
      problems.push({
        row: r.row,
        field: 'parties',
        message: `与已有案件 ${same} 的受理日期和当事人相同，视为同一案件，跳过`,
        level: 'warning',
      });
      continue;
    }
    fresh.push(r);
  }
  return { fresh, duplicates, rejected, problems };
}
