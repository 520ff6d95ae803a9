/**
 * The built-in holiday schedules: the chinese-days package (vsme/chinese-days), which follows the
 * State Council's notices and is updated when a new one comes out. Version 1.5.7 covers 2004–2026;
 * its 2026 data follows 国办发明电〔2025〕7号 (gov.cn, 2025-11), its 2025 data 国办发明电〔2024〕12号.
 * A newer year (or a correction) is entered by the centre's admin and stored in the database.
 */
import { createRequire } from 'node:module';
import type { HolidayYear } from '../../common/domain/calendar';

// Read with require: a JSON import needs an import attribute under Node's own ESM loader (Playwright,
// plain node), which bundlers and tsx do not all accept the same way.
const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
const pkg = require('chinese-days/package.json') as { version: string };

/** The State Council notices behind the years a mediator is likely to meet (from the package's sources). */
const NOTICES: Record<number, string> = {
  2025: '国办发明电〔2024〕12号 https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  2026: '国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
};

export const BUILTIN_SOURCE = `chinese-days ${pkg.version}`;

/** "National Day,国庆节,3" → "国庆节". */
function chineseName(value: string): string {
  return value.split(',')[1]?.trim() || value;
}

function build(): HolidayYear[] {
  const years = new Map<number, HolidayYear>();
  const yearOf = (date: string): HolidayYear => {
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) {
      y = { year, holidays: {}, workdays: {}, source: NOTICES[year] ? `${BUILTIN_SOURCE}（${NOTICES[year]}）` : BUILTIN_SOURCE };
      years.set(year, y);
    }
    return y;
  };
  for (const [date, v] of Object.entries(data.holidays)) yearOf(date).holidays[date] = chineseName(v);
  for (const [date, v] of Object.entries(data.workdays)) yearOf(date).workdays[date] = chineseName(v);
  return [...years.values()].sort((a, b) => a.year - b.year);
}

let cached: HolidayYear[] | null = null;

export function builtinYears(): HolidayYear[] {
  cached ??= build();
  return cached;
}
