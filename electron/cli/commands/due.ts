/**
 * `due --from YYYY-MM-DD --days N [--working] [--json] [--data-dir DIR]`: the last day of a period
 * as the law counts it (民事诉讼法 第八十五条: the start day is not counted; a last day on a rest day
 * moves to the next working day; 调休 weekends are working days). --working counts working days.
 * Prints one line: the date, or with --json one object {from, days, due, movedFrom, reason}.
 * Without --data-dir the built-in schedules are used; with it, the centre's entered years too.
 * A year with no schedule is counted by weekends only, and said so on stderr.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { makeCalendar, type LegalCalendar } from '../../common/domain/calendar';
import { isIsoDate } from '../../common/domain/dates';
import { AppError } from '../../common/errors';
import { builtinYears } from '../../services/calendar/builtin';
import { computeDue } from '../../services/calendar/due';
import { loadCalendar } from '../../services/calendar/store';
import { dataPaths } from '../../services/data-dir';
import { action, err, out, withServices } from '../support';

interface Options {
  from?: string;
  days?: string;
  working?: boolean;
  json?: boolean;
  dataDir?: string;
}

function parse(o: Options): { from: string; days: number } {
  if (!o.from || !isIsoDate(o.from))
    throw new AppError(
      'VALIDATION',
      `--from 应为有效的“年-月-日”（如 2026-09-01），收到：${o.from ?? '（无）'} / --from must be YYYY-MM-DD`,
    );
  if (!o.days || !/^\d{1,4}$/.test(o.days) || Number(o.days) > 3660)
    throw new AppError('VALIDATION', `--days 应为 0 到 3660 的整数，收到：${o.days ?? '（无）'} / --days must be an integer 0–3660`);
  return { from: o.from, days: Number(o.days) };
}

export default function register(program: Command): void {
  program
    .command('due')
    .description('计算期限届满日（节假日顺延）/ the last day of a period, holidays considered')
    .requiredOption('--from <date>', '起算日期 YYYY-MM-DD（当日不计入）/ start day (not counted)')
    .requiredOption('--days <n>', '期间天数 / length of the period in days')
    .option('--working', '按工作日计算 / count working days')
    .option('--json', '以 JSON 输出 {from, days, due, movedFrom, reason} / print one JSON object')
    .option('--data-dir <dir>', '数据目录：包括本中心录入的节假日安排 / include the centre’s entered years')
    .action(
      action(async (o: Options) => {
        const { from, days } = parse(o);
        const print = (cal: LegalCalendar) => {
          const d = computeDue(cal, from, days, !!o.working);
          if (o.json) out(JSON.stringify({ from: d.from, days: d.days, due: d.due, movedFrom: d.movedFrom, reason: d.reason }));
          else out(d.due);
          if (d.missingYears.length)
            err(
              `注意 / note: ${d.missingYears.join('、')} 年的节假日安排尚未录入，只按周末计算 / no holiday schedule for ${d.missingYears.join(', ')}: weekends only`,
            );
        };
        if (!o.dataDir) return print(makeCalendar(builtinYears()));
        if (!fs.existsSync(dataPaths(o.dataDir).database))
          throw new AppError('DATA_DIR', `数据目录中没有数据库：${o.dataDir} / no database in the data dir`);
        await withServices(o.dataDir, (ctx) => print(loadCalendar(ctx)));
      }),
    );
}
