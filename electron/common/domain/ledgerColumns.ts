/**
 * Proposing a column mapping for a ledger sheet from its header words (issue #16). Centres name the
 * same column many ways (当事人 / 申请人 / 双方当事人; 受理日期 / 登记时间 ...); the proposal is only a
 * start, the clerk edits it in the guided import. One table, here, shared by importer, UI and CLI.
 */
import { cellText } from './ledgerCells';

export const LEDGER_FIELDS = [
  'caseNumber',
  'receivedDate',
  'parties',
  'idNumbers',
  'category',
  'summary',
  'mediator',
  'outcome',
  'closedDate',
  'amount',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

export const LEDGER_FIELD_LABELS: Readonly<Record<LedgerField, string>> = {
  caseNumber: '案件编号',
  receivedDate: '受理日期',
  parties: '当事人',
  idNumbers: '身份证号',
  category: '纠纷类型',
  summary: '纠纷简要情况',
  mediator: '调解员',
  outcome: '调解结果',
  closedDate: '结案日期',
  amount: '涉及金额',
};

/** Header words per field, most specific first; a header matches the first field whose word it holds. */
const HEADER_WORDS: ReadonlyArray<readonly [LedgerField, readonly string[]]> = [
  ['idNumbers', ['身份证', '证件号']],
  ['closedDate', ['结案日期', '结案时间', '办结日期', '调结日期', '结案']],
  ['receivedDate', ['受理日期', '受理时间', '登记日期', '登记时间', '收案日期', '申请日期', '日期']],
  ['caseNumber', ['案件编号', '案号', '编号', '卷宗号']],
  ['outcome', ['调解结果', '处理结果', '结果', '调解情况']],
  ['amount', ['金额', '标的', '涉案金额', '协议金额']],
  ['category', ['纠纷类型', '纠纷类别', '案件类型', '案由', '类型', '类别']],
  ['mediator', ['调解员', '调解人', '承办人', '主持人']],
  ['parties', ['当事人', '申请人', '被申请人', '双方', '姓名']],
  ['summary', ['简要情况', '纠纷事由', '事由', '主要情况', '纠纷情况', '摘要']],
];

/** Words of columns that are read but never imported (序号 counts rows, 备注 is free text). */
const IGNORED_WORDS = ['序号', '备注'];

export function headerField(header: unknown): LedgerField | null {
  const h = cellText(header).replace(/[\s\u3000]/g, '');
  if (h === '' || IGNORED_WORDS.some((w) => h.includes(w))) return null;
  for (const [field, words] of HEADER_WORDS) if (words.some((w) => h.includes(w))) return field;
  return null;
}

/**
 * Column index (0-based) → field for a header row (or two header rows merged as 'top' + 'bottom'
 * text). Each field is proposed for at most one column: the first column that names it, except
 * 当事人 which may span several columns (申请人, 被申请人) and keeps them all.
 */
export function proposeMapping(headers: readonly unknown[]): Record<number, LedgerField> {
  const out: Record<number, LedgerField> = {};
  const taken = new Set<LedgerField>();
  headers.forEach((h, i) => {
    const f = headerField(h);
    if (!f || (taken.has(f) && f !== 'parties')) return;
    taken.add(f);
    out[i] = f;
  });
  return out;
}

/**
 * Which row of the first rows is the header row: the one naming the most fields (at least two). A
 * title row (one merged cell '2023年人民调解登记台账') names none, so it is skipped. Returns -1 if none.
 * `count` says how many fields a row names (the ledger's words by default).
 */
export function findHeaderRow(
  rows: readonly (readonly unknown[])[],
  scan = 10,
  count: (row: readonly unknown[]) => number = (r) => Object.keys(proposeMapping(r)).length,
): number {
  let best = -1;
  let bestCount = 1;
  rows.slice(0, scan).forEach((r, i) => {
    const n = count(r);
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  });
  return best;
}
