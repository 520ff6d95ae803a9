import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../common/errors';
import { dataPaths } from '../../services/data-dir';
import { exportJsonl } from '../../services/records/export';
import { RECORD_KINDS } from '../../services/records/kinds';
import { action, out, withServices } from '../support';

/**
 * `export`: every record (tombstones included) as the district would receive it, one JSON object
 * per line: {kind, id, version, updatedAt, deleted, data}. Users, passwords, settings and the
 * token are not records and never appear. Refuses to overwrite a file. Prints one line per kind
 * (`case: N`, … in district-api.md's order) and `total: N`.
 */
export default function register(program: Command): void {
  program
    .command('export')
    .description('导出全部记录（区平台上传格式，JSONL）/ every record in the upload format, one JSON object a line')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .requiredOption('--out <file>', '输出文件 .jsonl / output file')
    .action(
      action(async (o: { dataDir: string; out: string }) => {
        const target = path.resolve(o.out);
        if (fs.existsSync(target)) throw new AppError('REFUSED', `目标文件已存在，不会覆盖：${target} / the file exists, not overwritten`);
        if (fs.existsSync(`${target}.part`))
          throw new AppError('REFUSED', `另一个导出可能正在写入：${target}.part / another export may be writing`);
        if (!fs.existsSync(path.dirname(target)))
          throw new AppError('NOT_FOUND', `目标目录不存在：${path.dirname(target)} / no such directory`);
        if (!fs.existsSync(dataPaths(o.dataDir).database))
          throw new AppError('DATA_DIR', `数据目录中没有数据库：${o.dataDir} / no database in the data dir`);
        const r = await withServices(o.dataDir, (ctx) => exportJsonl(ctx.db, target));
        for (const kind of RECORD_KINDS) out(`${kind}: ${r.byKind[kind]}`);
        out(`total: ${r.records}`);
        out(`已导出 / written: ${target}`);
      }),
    );
}
