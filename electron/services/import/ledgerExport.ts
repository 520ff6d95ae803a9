/**
 * The centre's cases as a ledger (issue #16), in the layout the import reads: a title row, one
 * header row of the usual words, one row per case. For those who still report on paper, and so
 * that a ledger exported here imports into another installation as it was (the round trip is
 * tested). ID numbers are left out: the paper ledger goes round offices.
 */
import ExcelJS from 'exceljs';
import { disputeKindLabel, LEDGER_FIELDS, LEDGER_FIELD_LABELS, type LedgerField } from '../../common/domain';
import { requireCentre } from '../centre';
import type { ServiceContext } from '../core/context';
import { XLSX_MIME, fileSafe } from '../stats/file-names';

/** The import's fields in their order (a hand-kept ledger's), less ID numbers; the header words are their labels. */
const COLUMNS: readonly LedgerField[] = LEDGER_FIELDS.filter((f) => f !== 'idNumbers');

/** The words a ledger writes in 调解结果 (the import's reader maps each back to the same outcome). */
function resultWord(status: string, outcome: string | null): string {
  if (status === 'rejected') return '不予受理';
  switch (outcome) {
    case 'agreement':
      return '调解成功';
    case 'failed':
    case 'ended':
      return '调解不成';
    case 'withdrawn':
      return '撤回';
    case 'transferred':
      return '移交';
    default:
      return status === 'closed' ? '已结案' : '调解中';
  }
}

interface Row {
  caseNumber: string;
  registeredAt: string;
  parties: string | null;
  category: string;
  summary: string;
  mediators: string | null;
  status: string;
  outcome: string | null;
  closedAt: string | null;
  amountFen: number | null;
  agreedAmountFen: number | null;
}

export interface LedgerExportRange {
  /** First day (YYYY-MM-DD) of registration, inclusive; absent = from the first case. */
  from?: string | undefined;
  /** Last day, inclusive; absent = to the last case. */
  to?: string | undefined;
}

export async function exportLedger(
  ctx: ServiceContext,
  range: LedgerExportRange,
): Promise<{ fileName: string; mime: string; base64: string; rows: number }> {
  const centre = requireCentre(ctx);
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT c.case_number AS caseNumber, c.registered_at AS registeredAt, c.category, c.summary, c.status, c.outcome,
              c.closed_at AS closedAt, c.amount_fen AS amountFen, c.agreed_amount_fen AS agreedAmountFen,
              (SELECT group_concat(name, '、') FROM (SELECT p.name FROM parties p WHERE p.case_id = c.id AND p.deleted = 0 AND p.role <> 'agent' ORDER BY p.ordinal)) AS parties,
              (SELECT group_concat(name, '、') FROM (SELECT m.name FROM case_mediators cm JOIN mediators m ON m.id = cm.mediator_id
                WHERE cm.case_id = c.id ORDER BY cm.role DESC, cm.assigned_at)) AS mediators
         FROM cases c
        WHERE c.deleted = 0 AND c.registered_at >= @from AND c.registered_at < @toNext
        ORDER BY c.registered_at, c.case_number`,
    )
    .all({ from: range.from ?? '0000', toNext: range.to ? `${range.to}\uffff` : '9999' }) as Row[];

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人民调解台账');
  const span = range.from || range.to ? `（${range.from ?? '最早'} 至 ${range.to ?? '最近'}）` : '';
  ws.addRow([`${centre.committeeName} 人民调解台账${span}`]);
  ws.mergeCells(1, 1, 1, COLUMNS.length + 1);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['序号', ...COLUMNS.map((f) => LEDGER_FIELD_LABELS[f])]).font = { bold: true };
  rows.forEach((r, i) => {
    const amount = r.outcome === 'agreement' && r.agreedAmountFen !== null ? r.agreedAmountFen : r.amountFen;
    ws.addRow([
      i + 1,
      r.caseNumber,
      r.registeredAt.slice(0, 10),
      r.parties ?? '',
      disputeKindLabel(r.category),
      r.summary,
      r.mediators ?? '',
      resultWord(r.status, r.outcome),
      r.closedAt?.slice(0, 10) ?? '',
      amount === null ? '' : `${(amount / 100).toFixed(2)}元`,
    ]);
  });
  ws.columns.forEach((c, i) => {
    c.width = [6, 24, 12, 22, 14, 40, 14, 10, 12, 14][i] ?? 12;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const stamp = range.from || range.to ? `_${range.from ?? ''}_${range.to ?? ''}` : '';
  return { fileName: `${fileSafe(centre.name)}_人民调解台账${stamp}.xlsx`, mime: XLSX_MIME, base64, rows: rows.length };
}
