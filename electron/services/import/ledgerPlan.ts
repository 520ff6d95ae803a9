/**
 * The dry run of a ledger import (issue #16): every data row read through the column mapping into a
 * case record, with every problem in Chinese. A row with an error is rejected (nothing of it is
 * imported); a warning (unknown category → 其他) keeps the row. Rows repeated inside the file are
 * recognised by a fingerprint (case number, else received date + party names) and counted once.
 */
import {
  type CategoryCode,
  type LedgerField,
  type Status,
  categoryFromWord,
  cellText,
  outcomeStatus,
  parseLedgerAmount,
  parseLedgerDate,
  splitPartyNames,
  validateResidentId,
} from '../../common/domain';
import { AppError } from '../../common/errors';
import type { SheetTable } from './sheetRows';

export interface ImportProblem {
  readonly row: number;
  readonly field: string;
  readonly message: string;
  readonly level: 'error' | 'warning';
}

export interface LedgerRecord {
  readonly row: number;
  readonly fingerprint: string;
  readonly caseNumber: string | null;
  readonly receivedDate: string;
  readonly parties: readonly string[];
  readonly idNumbers: readonly string[];
  readonly category: CategoryCode;
  readonly summary: string;
  readonly mediator: string;
  readonly status: Status;
  readonly closedDate: string | null;
  readonly amountFen: number | null;
}

/** A sheet's check, for either kind of sheet: its data rows, the sound records, and its problems. */
export interface SheetCheck<R> {
  readonly rows: number;
  readonly records: readonly R[];
  readonly duplicates: number;
  readonly rejected: number;
  readonly warnings: number;
  readonly problems: readonly ImportProblem[];
}

export type LedgerPlan = SheetCheck<LedgerRecord>;

function isFormula(v: unknown): boolean {
  return !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

function message(e: unknown): string {
  return e instanceof AppError ? e.message : '无法读取';
}

/** `today` (YYYY-MM-DD, from the caller's clock): an ID number may not give a birth date after it. */
export function planLedger(table: SheetTable, mapping: Readonly<Record<number, LedgerField>>, today: string): LedgerPlan {
  const problems: ImportProblem[] = [];
  const records: LedgerRecord[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  let duplicates = 0;
  for (const { rowNumber: row, cells } of table.rows) {
    const errs: ImportProblem[] = [];
    const err = (field: LedgerField | '公式', msg: string): void => {
      errs.push({ row, field, message: msg, level: 'error' });
    };
    const cols = (f: LedgerField): unknown[] =>
      Object.entries(mapping)
        .filter(([, g]) => g === f)
        .map(([i]) => cells[Number(i)]);
    // A formula's cached value may be stale or absent: a ledger to import must hold values.
    if (cells.some(isFormula)) err('公式', '本行含公式单元格，请在 Excel 中“复制 → 选择性粘贴为数值”后再导入');
    const one = (f: LedgerField): unknown => cols(f)[0];
    const text = (f: LedgerField): string => cellText(one(f)).trim();

    let receivedDate = '';
    try {
      receivedDate = parseLedgerDate(one('receivedDate'));
    } catch (e) {
      err('receivedDate', `受理日期：${message(e)}`);
    }
    let closedDate: string | null = null;
    if (text('closedDate') !== '' || one('closedDate') instanceof Date) {
      try {
        closedDate = parseLedgerDate(one('closedDate'));
        if (receivedDate && closedDate < receivedDate) err('closedDate', `结案日期 ${closedDate} 早于受理日期 ${receivedDate}`);
      } catch (e) {
        err('closedDate', `结案日期：${message(e)}`);
      }
    }
    const parties = cols('parties').flatMap(splitPartyNames);
    if (parties.length === 0) err('parties', '当事人为空');
    const idNumbers: string[] = [];
    for (const id of cols('idNumbers').flatMap(splitPartyNames)) {
      const c = validateResidentId(id, today);
      if (c.ok) idNumbers.push(c.normalized);
      else err('idNumbers', `${c.message}：${id}`);
    }
    const cat = categoryFromWord(one('category'));
    // No 纠纷类型 column at all: every row is 其他, which the mapping step already shows; no row-by-row noise.
    const hasCategory = Object.values(mapping).includes('category');
    if (hasCategory && text('category') === '') {
      problems.push({ row, field: 'category', message: '纠纷类型为空，已归为“其他”', level: 'warning' });
    } else if (hasCategory && !cat.known) {
      problems.push({ row, field: 'category', message: `纠纷类型“${text('category')}”无法对应，已归为“其他”`, level: 'warning' });
    }
    let status: Status = closedDate ? 'closed' : 'mediating';
    if (text('outcome') !== '') {
      const s = outcomeStatus(one('outcome'));
      if (s) status = s;
      else err('outcome', `调解结果“${text('outcome')}”无法识别，应如 调解成功、达成协议、未成功、终止`);
    }
    let amountFen: number | null = null;
    if (text('amount') !== '') {
      try {
        amountFen = parseLedgerAmount(one('amount'));
      } catch (e) {
        err('amount', message(e));
      }
    }
    problems.push(...errs);
    if (errs.length > 0) {
      rejected++;
      continue;
    }
    const caseNumber = text('caseNumber') || null;
    const fingerprint = caseNumber ? `no:${caseNumber}` : `dp:${receivedDate}|${[...parties].sort().join('、')}`;
    if (seen.has(fingerprint)) {
      duplicates++;
      problems.push({ row, field: 'caseNumber', message: '与本文件前面的行重复，已跳过', level: 'warning' });
      continue;
    }
    seen.add(fingerprint);
    records.push({
      row,
      fingerprint,
      caseNumber,
      receivedDate,
      parties,
      idNumbers,
      category: cat.code,
      summary: text('summary'),
      mediator: text('mediator'),
      status,
      closedDate,
      amountFen,
    });
  }
  return checked(table, records, duplicates, rejected, problems);
}

/** A sheet's check as both kinds report it: its rows, the sound records, and the counts of its problems. */
export function checked<R>(
  table: SheetTable,
  records: R[],
  duplicates: number,
  rejected: number,
  problems: ImportProblem[],
): SheetCheck<R> {
  return {
    rows: table.rows.length,
    records,
    duplicates,
    rejected,
    warnings: problems.filter((p) => p.level === 'warning').length,
    problems,
  };
}
