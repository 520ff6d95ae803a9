/**
 * The check of a roster sheet (issue #16): every row read through the column mapping into a roster
 * entry, with every problem in Chinese. A row without a name, or with a bad ID number or phone, is
 * rejected; an unknown 类别 (taken as 专职人民调解员) or 擅长领域 word (left out) is a warning. The
 * same person twice in the file (same ID number, else same name and phone) counts once.
 */
import {
  type CategoryCode,
  type RosterField,
  categoryFromWord,
  cellText,
  mediatorKindFromWord,
  splitPartyNames,
  validatePhone,
  validateResidentId,
} from '../../common/domain';
import type { MediatorKind } from '../../common/domain/mediatorKinds';
import { checked, type ImportProblem, type SheetCheck } from './ledgerPlan';
import type { SheetTable } from './sheetRows';

export interface RosterRecord {
  readonly row: number;
  /** Recognises the person on a re-import: the ID number, else name + phone. */
  readonly key: string;
  readonly name: string;
  readonly kind: MediatorKind;
  readonly organisation: string;
  readonly phone: string;
  readonly idNumber: string | null;
  readonly specialties: readonly CategoryCode[];
  readonly certificateNo: string;
  readonly region: string;
}

export type RosterPlan = SheetCheck<RosterRecord>;

export const rosterKey = (name: string, phone: string, idNumber: string | null): string =>
  idNumber ? `id:${idNumber}` : `np:${name}|${phone}`;

/** `today` (YYYY-MM-DD, from the caller's clock): an ID number may not give a birth date after it. */
export function planRoster(table: SheetTable, mapping: Readonly<Record<number, RosterField>>, today: string): RosterPlan {
  const problems: ImportProblem[] = [];
  const records: RosterRecord[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  let duplicates = 0;
  const column = (f: RosterField) => Object.entries(mapping).find(([, g]) => g === f)?.[0];
  for (const { rowNumber: row, cells } of table.rows) {
    const text = (f: RosterField): string => {
      const i = column(f);
      return i === undefined ? '' : cellText(cells[Number(i)]).trim();
    };
    const errs: ImportProblem[] = [];
    const warn = (field: RosterField, message: string) => problems.push({ row, field, message, level: 'warning' });
    const name = text('name');
    if (name === '') errs.push({ row, field: 'name', message: '姓名为空', level: 'error' });
    else if (name.length > 100) errs.push({ row, field: 'name', message: '姓名或名称超过 100 字', level: 'error' });
    let phone = '';
    if (text('phone') !== '') {
      const p = validatePhone(text('phone'));
      if (p.ok) phone = p.normalized;
      else errs.push({ row, field: 'phone', message: `${p.message}：${text('phone')}`, level: 'error' });
    }
    let idNumber: string | null = null;
    if (text('idNumber') !== '') {
      const c = validateResidentId(text('idNumber'), today);
      if (c.ok) idNumber = c.normalized;
      else errs.push({ row, field: 'idNumber', message: `${c.message}：${text('idNumber')}`, level: 'error' });
    }
    const kind = mediatorKindFromWord(text('kind'));
    if (!kind.known) warn('kind', `类别“${text('kind')}”无法对应，已按“专职人民调解员”导入`);
    const specialties: CategoryCode[] = [];
    for (const word of splitPartyNames(text('specialties'))) {
      const c = categoryFromWord(word);
      if (c.known && !specialties.includes(c.code)) specialties.push(c.code);
      else if (!c.known) warn('specialties', `擅长领域“${word}”无法对应纠纷类型，未导入此项`);
    }
    problems.push(...errs);
    if (errs.length > 0) {
      rejected++;
      continue;
    }
    const key = rosterKey(name, phone, idNumber);
    if (seen.has(key)) {
      duplicates++;
      warn('name', '与本文件前面的行是同一人，已跳过');
      continue;
    }
    seen.add(key);
    records.push({
      row,
      key,
      name,
      kind: kind.kind,
      organisation: text('organisation').slice(0, 100),
      phone,
      idNumber,
      specialties,
      certificateNo: text('certificateNo').slice(0, 50),
      region: text('region').slice(0, 100),
    });
  }
  return checked(table, records, duplicates, rejected, problems);
}
