/**
 * `import --data-dir DIR --file FILE [--sheet NAME] [--mapping FILE.json] [--dry-run] --json`
 * (issue #16). Prints {rows, imported, duplicates, rejected, warnings, problems:[{row, field, message}]}
 * (plus batchId, the handle `--undo` takes). Exit 0 when no row was rejected, 1 when some were or
 * the file was refused. Rows without problems are imported even when others are rejected: the
 * rejected ones are fixed in the ledger and the same file imported again (imported rows are
 * recognised and skipped). `--undo BATCH` takes one import back. A mediator roster sheet (told
 * from its header, or `--kind roster`) is imported into the roster the same way.
 * Mapping JSON: {"<column header or 1-based column number>": "<field>"}, fields as LEDGER_FIELDS
 * (cases) or ROSTER_FIELDS (roster).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { LEDGER_FIELDS, ROSTER_FIELDS, type SheetKind, sheetKindOf } from '../../common/domain';
import { AppError } from '../../common/errors';
import { localDate } from '../../services/core/clock';
import { cliActor } from '../../services/core/context';
import {
  checkMapping,
  type ImportField,
  type LedgerSheet,
  openLedgerSheet,
  planSheet,
  readLedgerTable,
} from '../../services/import/ledgerFile';
import { importLedger, previewLedgerImport, type ImportOutcome } from '../../services/import/ledgerImport';
import { importRoster, previewRosterImport } from '../../services/import/rosterImport';
import { undoImport } from '../../services/import/undo';
import { MAX_LEDGER_BYTES } from '../../services/import/workbook';
import { action, out, required, withServices } from '../support';

interface Options {
  dataDir?: string;
  file?: string;
  sheet?: string;
  mapping?: string;
  dryRun?: boolean;
  undo?: string;
  kind?: string;
  json?: boolean;
}

function readMapping(file: string, headers: readonly string[]): Record<number, ImportField> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('VALIDATION', `映射文件无法读取或不是 JSON：${file}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('VALIDATION', '映射文件应为 {"表头或列号": "字段"}');
  const outMap: Record<number, ImportField> = {};
  const fields: readonly unknown[] = [...LEDGER_FIELDS, ...ROSTER_FIELDS];
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!fields.includes(v)) {
      throw new AppError('VALIDATION', `映射文件中的字段“${String(v)}”无效，应为 ${fields.join('、')} 之一`);
    }
    const i = /^\d+$/.test(k) ? Number(k) - 1 : headers.indexOf(k);
    if (i < 0 || i >= headers.length) throw new AppError('VALIDATION', `映射文件中的列“${k}”在表头中找不到`);
    outMap[i] = v as ImportField;
  }
  return outMap;
}

function print(o: Options, r: ImportOutcome): void {
  const result = {
    rows: r.rows,
    imported: r.imported,
    importable: r.importable,
    duplicates: r.duplicates,
    rejected: r.rejected,
    warnings: r.warnings,
    problems: r.problems.map(({ row, field, message }) => ({ row, field, message })),
    batchId: r.batchId,
  };
  if (o.json) {
    out(JSON.stringify(result));
    return;
  }
  const done = o.dryRun ? `可导入 ${r.importable}` : `已导入 ${r.imported}`;
  out(`共 ${r.rows} 行：${done}，重复 ${r.duplicates}，拒绝 ${r.rejected}，提醒 ${r.warnings}`);
  for (const p of result.problems) out(`第 ${p.row} 行 ${p.field}：${p.message}`);
  if (r.batchId) out(`导入批次 / batch: ${r.batchId}（撤销：--undo ${r.batchId}）`);
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
    .option('--undo <batch>', '撤销一次导入 / take back one import')
    .option('--kind <kind>', 'cases（案件台账）或 roster（调解员名册），默认按表头判断 / cases or roster; told from the header by default')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(
      action(async (o: Options) => {
        const dataDir = required(o.dataDir, '--data-dir', '数据目录');
        if (o.undo) {
          const u = await withServices(dataDir, (ctx) => undoImport(ctx, cliActor, o.undo!));
          if (o.json) out(JSON.stringify(u));
          else out(`已撤销导入 / undone: ${u.cases} 件案件${u.mediators > 0 ? `，${u.mediators} 名调解员` : ''}`);
          return;
        }
        const file = required(o.file, '--file', '台账文件');
        if (!fs.existsSync(file)) throw new AppError('VALIDATION', `找不到文件：${file}`);
        if (fs.statSync(file).size > MAX_LEDGER_BYTES)
          throw new AppError('VALIDATION', `文件“${path.basename(file)}”过大（超过 20 MB），请拆分后再导入`);
        const bytes = new Uint8Array(fs.readFileSync(file));
        if (o.kind !== undefined && o.kind !== 'cases' && o.kind !== 'roster') {
          throw new AppError('VALIDATION', `--kind 应为 cases（案件台账）或 roster（调解员名册）：${o.kind}`);
        }
        const kind: SheetKind | undefined = o.kind;
        const req = { bytes, fileName: path.basename(file), sheet: o.sheet, kind };
        let probe: LedgerSheet;
        if (o.mapping) {
          const t = await readLedgerTable(req);
          probe = { ...t, kind: kind ?? sheetKindOf(t.table.headers), mapping: readMapping(o.mapping, t.table.headers) };
          checkMapping(probe.mapping, probe.table.headers, probe.kind);
        } else probe = await openLedgerSheet(req);
        const source = { fileName: path.basename(file), sheet: probe.sheet };
        const r = await withServices(dataDir, (ctx) => {
          const p = planSheet(probe, localDate(ctx.clock.now()));
          if (p.kind === 'roster') return o.dryRun ? previewRosterImport(ctx, p.plan) : importRoster(ctx, cliActor, p.plan, source);
          return o.dryRun ? previewLedgerImport(ctx, p.plan) : importLedger(ctx, cliActor, p.plan, source);
        });
        print(o, r);
        process.exitCode = r.rejected > 0 ? 1 : 0;
      }),
    );
}
