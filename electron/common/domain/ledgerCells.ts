/**
 * Reading the cells of a centre's hand-kept Excel ledger (台账, issue #16): dates in the shapes
 * clerks type, amounts with 元 / 万元, party cells holding several names, the 调解结果 words and the
 * 纠纷类型 words. One table per mapping, here, so the importer, the UI preview and the tests agree.
 * Pure: only dayjs-free string work and the domain's own tables.
 */
import { AppError } from '../errors';
import { CATEGORIES, type CategoryCode } from './categories';
import { isIsoDate } from './dates';
import type { Status } from './lifecycle';
import { parseYuan } from './money';

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in); serials are local calendar days. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The text of a cell value: strings and numbers as written, exceljs rich text ({richText:[{text}]})
 * and hyperlinks ({text}) by their text, a formula by its cached result; anything else is empty.
 */
export function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell && typeof cell === 'object') {
    const o = cell as { richText?: unknown; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: unknown }) => cellText(r.text)).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A ledger date cell → 'YYYY-MM-DD'. Accepts 2023.5.6, 2023年5月6日, 2023/05/06, 2023-5-6, an
 * Excel serial number (45052) and a JS Date. A Date from exceljs carries the cell's wall-clock day
 * as UTC, so its UTC parts are the day the clerk typed (never shifted by the machine's zone).
 * Impossible days (2023-2-30) and years outside 1950–2100 are refused in Chinese.
 */
export function parseLedgerDate(cell: unknown): string {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new AppError('VALIDATION', '日期无效');
    return checkYmd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), String(cell));
  }
  if (typeof cell === 'number') return fromSerial(cell);
  const result = cell && typeof cell === 'object' ? (cell as { result?: unknown }).result : undefined;
  if (result instanceof Date || typeof result === 'number') return parseLedgerDate(result);
  const s = cellText(cell)
    .replace(/[\s\u3000]/g, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (s === '') throw new AppError('VALIDATION', '日期为空');
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  const m = /^(\d{4})(?:[.\-/年])(\d{1,2})(?:[.\-/月])(\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new AppError('VALIDATION', `日期无法识别：“${s}”，应如 2023.5.6、2023年5月6日、2023/05/06`);
  return checkYmd(Number(m[1]), Number(m[2]), Number(m[3]), s);
}

function fromSerial(n: number): string {
  if (!Number.isFinite(n) || n < 18264 || n > 73415) throw new AppError('VALIDATION', `日期数值无效：${String(n)}`);
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(n) * DAY_MS);
  return checkYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), String(n));
}

function checkYmd(y: number, mo: number, d: number, raw: string): string {
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  if (y < 1950 || y > 2100 || !isIsoDate(iso)) throw new AppError('VALIDATION', `日期不存在：“${raw}”`);
  return iso;
}

/** A ledger amount cell → fen. '1,234.5元' → 123450, '1.5万元' / '1.5万' → 1500000, a number → yuan. */
export function parseLedgerAmount(cell: unknown): number {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) throw new AppError('VALIDATION', `金额无效：${String(cell)}`);
    return parseYuan(cell.toFixed(2));
  }
  const s = cellText(cell).replace(/[\s\u3000]/g, '');
  const wan = /^(.*?)万元?$/.exec(s);
  if (!wan) return parseYuan(s);
  const yuan = parseYuan(wan[1] ?? '');
  // yuan is fen of the 万 figure: ×10^4; refuse more than two decimals of a yuan after scaling.
  return parseYuan(((yuan * 10_000) / 100).toFixed(2));
}

/** '张三、李四' / '张三,李四' / '张三 李四' / '张三；李四' → ['张三', '李四']; empty parts dropped. */
export function splitPartyNames(cell: unknown): string[] {
  return cellText(cell)
    .split(/[、,，;；/\s\u3000]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** 调解结果 words → the status an imported (finished) case gets. Longest words are tried first. */
export const OUTCOME_WORDS: ReadonlyArray<readonly [string, Status]> = [
  ['调解成功', 'agreement'],
  ['达成协议', 'agreement'],
  ['成功', 'agreement'],
  ['调解不成', 'failed'],
  ['调解失败', 'failed'],
  ['未成功', 'failed'],
  ['未达成', 'failed'],
  ['不成功', 'failed'],
  ['失败', 'failed'],
  ['终止', 'failed'],
  ['撤回', 'withdrawn'],
  ['撤诉', 'withdrawn'],
  ['移交', 'transferred'],
  ['转交', 'transferred'],
  ['不予受理', 'rejected'],
  ['调解中', 'mediating'],
  ['结案', 'closed'],
];

/** The status for an outcome word, or null when the word is not known (the importer reports it). */
export function outcomeStatus(cell: unknown): Status | null {
  const s = cellText(cell).replace(/[\s\u3000]/g, '');
  if (s === '') return null;
  // Negative words contain positive ones (未成功 ⊃ 成功): check the failure words first.
  const ordered = [...OUTCOME_WORDS].sort((a, b) => (a[1] === 'agreement' ? 1 : 0) - (b[1] === 'agreement' ? 1 : 0));
  for (const [word, status] of ordered) if (s.includes(word)) return status;
  return null;
}

/** Extra words clerks write for a category; the category labels themselves always match. */
const CATEGORY_WORDS: ReadonlyArray<readonly [string, CategoryCode]> = [
  ['婚姻', 'marriage_family'],
  ['家庭', 'marriage_family'],
  ['赡养', 'marriage_family'],
  ['抚养', 'marriage_family'],
  ['继承', 'marriage_family'],
  ['邻里', 'neighbor'],
  ['相邻', 'neighbor'],
  ['宅基地', 'housing_homestead'],
  ['房屋', 'housing_homestead'],
  ['合同', 'contract'],
  ['借贷', 'contract'],
  ['债务', 'contract'],
  ['经营', 'business'],
  ['损害', 'damages'],
  ['人身', 'damages'],
  ['山林', 'forest_land'],
  ['土地', 'forest_land'],
  ['征地', 'land_expropriation'],
  ['拆迁', 'land_expropriation'],
  ['污染', 'environment'],
  ['劳动', 'labor'],
  ['工资', 'labor'],
  ['劳务', 'labor'],
  ['欠薪', 'labor'],
  ['消费', 'consumer'],
  ['医疗', 'medical'],
  ['医患', 'medical'],
  ['交通', 'traffic_accident'],
  ['物业', 'property_management'],
  ['信访', 'petition_backlog'],
  ['行政', 'administrative'],
  ['破产', 'insolvency'],
];

/** A category word → code; unknown words become 其他 with `known: false` so the importer warns. */
export function categoryFromWord(cell: unknown): { code: CategoryCode; known: boolean } {
  const s = cellText(cell)
    .replace(/[\s\u3000]/g, '')
    .replace(/(纠纷|矛盾|类)$/g, '');
  if (s === '') return { code: 'other', known: false };
  const exact = CATEGORIES.find((c) => c.label === s || `${c.label}纠纷` === s);
  if (exact) return { code: exact.code, known: true };
  for (const [word, code] of CATEGORY_WORDS) if (s.includes(word)) return { code, known: true };
  return { code: 'other', known: s === '其他' };
}
