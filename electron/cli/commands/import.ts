/**
 * `import --data-dir DIR --file FILE [--sheet NAME] [--mapping FILE.json] [--dry-run] --json`
 * (issue #16). Prints {rows, imported, duplicates, rejected, warnings, problems:[{row, field, message}]}.
 * Exit 0 when no row was rejected, 1 when some were (or the file was refused).
 * This version does the dry run only: writing into the database is not built yet and is refused
 * with exit 2 (see the branch report).
 * Mapping JSON: {"<column header or 1-based column number>": "<field>"}, fields as LEDGER_FIELDS.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { LEDGER_FIELDS, type LedgerField, proposeMapping } from '../../common/domain';
import { AppError } from '../../common/errors';
import { planLedger } from '../../services/import/ledgerPlan';
import { readSheetTable } from '../../services/import/sheetRows';
import { loadLedgerWorkbook } from '../../services/import/workbook';
import { action, err, out, required } from '../support';

interface Options {
  dataDir?: string;
  file?: string;
  sheet?: string;
  mapping?: string;
  dryRun?: boolean;
  json?: boolean;
}

function readMapping(file: string, headers: readonly string[]): Record<number, LedgerField> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('VALIDATION', `映射文件无法读取或不是 JSON：${file}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('VALIDATION', '映射文件应为 {"表头或列号": "字段"}');
  const outMap: Record<number, LedgerField> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!(LEDGER_FIELDS as readonly unknown[]).includes(v)) {
      throw new AppError('VALIDATION', `映射文件中的字段“${String(v)}”无效，应为 ${LEDGER_FIELDS.join('、')} 之一`);
    }
    const i = /^\d+$/.test(k) ? Number(k) - 1 : headers.indexOf(k);
    if (i < 0 || i >= headers.length) throw new AppError('VALIDATION', `映射文件中的列“${k}”在表头中找不到`);
    outMap[i] = v as LedgerField;
  }
  return outMap;
}

export default function register(program: Command): void {
  program
    .command('import')
    .description('导入历史台账（.xlsx）/ import a ledger of past cases')
    .option('--data-dir <dir>', '数据目录 / data directory')
    .option('--file <file>', '台账文件 .xlsx / ledger file')
    .option('--sheet <name>', '工作表名称（默认第一个）/ sheet name (default: first)')
    .option('--mapping <file>', '列映射 JSON / column mapping JSON')
    .option('--dry-run', '只检查，不写入 / check only')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(
      action(async (o: Options) => {
        required(o.dataDir, '--data-dir', '数据目录');
        const file = required(o.file, '--file', '台账文件');
        if (!o.dryRun) {
          err('错误 / error: 本版本只支持 --dry-run 检查，写入数据库尚未实现 / only --dry-run is available in this version');
          process.exitCode = 2;
          return;
        }
        if (!fs.existsSync(file)) throw new AppError('VALIDATION', `找不到文件：${file}`);
        const wb = await loadLedgerWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
        const ws = o.sheet ? wb.getWorksheet(o.sheet) : wb.worksheets[0];
        if (!ws) throw new AppError('VALIDATION', `找不到工作表“${o.sheet ?? ''}”，现有：${wb.worksheets.map((w) => w.name).join('、')}`);
        const table = readSheetTable(ws);
        const mapping = o.mapping ? readMapping(o.mapping, table.headers) : proposeMapping(table.headers);
        const plan = planLedger(table, mapping);
        const result = {
          rows: plan.rows,
          imported: 0,
          duplicates: plan.duplicates,
          rejected: plan.rejected,
          warnings: plan.warnings,
          problems: plan.problems.map(({ row, field, message }) => ({ row, field, message })),
        };
        if (o.json) out(JSON.stringify(result));
        else {
          out(
            `共 ${result.rows} 行：可导入 ${plan.records.length}，重复 ${result.duplicates}，拒绝 ${result.rejected}，提醒 ${result.warnings}`,
          );
          for (const p of result.problems) out(`第 ${p.row} 行 ${p.field}：${p.message}`);
        }
        process.exitCode = plan.rejected > 0 ? 1 : 0;
      }),
    );
}
