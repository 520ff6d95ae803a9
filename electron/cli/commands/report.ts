/**
 * `report`: the quarterly joint-meeting report of a period as the 统计考核 screen exports it —
 * `--out FILE.docx` the report itself, `--out FILE.xlsx` its tables (表1–表6, a sheet each).
 *
 *   npm run cli -- report --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.docx|FILE.xlsx
 *
 * Everything the operator typed is checked before the database is opened: both dates real days,
 * from not after to, the extension one of the two; a refusal says why in Chinese, exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../common/errors';
import { chineseDate, resolvePeriod, type Period } from '../../common/stats/period';
import { localDate } from '../../services/core/clock';
import { dataPaths } from '../../services/data-dir';
import { reportDocx, reportWorkbook } from '../../services/stats';
import { action, out, required, withServices } from '../support';
import { writeOut } from './doc';

interface ReportOptions {
  dataDir?: string;
  from?: string;
  to?: string;
  out?: string;
}

/** The period as typed, or a Chinese refusal naming the bad value. */
export function reportPeriod(o: ReportOptions, today: string): Period {
  const from = required(o.from, '--from', '开始日期');
  const to = required(o.to, '--to', '结束日期');
  resolvePeriod({ from, to }, today);
  return { from, to };
}

export default function register(program: Command): void {
  program
    .command('report')
    .description('季度联席会议报告：.docx 为报告，.xlsx 为其各表 / the quarterly report (.docx) or its tables (.xlsx)')
    .option('--data-dir <dir>', '数据目录 / data dir')
    .option('--from <date>', '开始日期 YYYY-MM-DD / first day')
    .option('--to <date>', '结束日期 YYYY-MM-DD / last day')
    .option('--out <file>', '输出文件，扩展名 .docx 或 .xlsx / output file (.docx or .xlsx)')
    .action(
      action(async (o: ReportOptions) => {
        const dataDir = required(o.dataDir, '--data-dir', '数据目录');
        const file = path.resolve(required(o.out, '--out', '输出文件'));
        const period = reportPeriod(o, localDate(new Date()));
        const ext = path.extname(file).toLowerCase();
        if (ext !== '.docx' && ext !== '.xlsx') {
          throw new AppError(
            'VALIDATION',
            `输出文件的扩展名只能是 .docx（报告）或 .xlsx（报告各表）（收到“${path.basename(file)}”）/ --out must end in .docx or .xlsx`,
          );
        }
        if (!fs.existsSync(dataPaths(dataDir).database))
          throw new AppError('NOT_FOUND', `数据目录中没有数据库：${dataDir} / no database in ${dataDir}`);
        const bytes = await withServices(dataDir, (ctx) => (ext === '.docx' ? reportDocx(ctx, period) : reportWorkbook(ctx, period)));
        writeOut(file, bytes);
        const what = ext === '.docx' ? '季度联席会议报告' : '季度联席会议报告各表';
        out(`已写出 / written: ${what}（${chineseDate(period.from)}至${chineseDate(period.to)}）→ ${file}`);
      }),
    );
}
