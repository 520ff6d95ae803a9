import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../common/errors';
import { backupTo, restoreFrom } from '../../services/backup';
import { dataPaths } from '../../services/data-dir';
import { action, out, withServices } from '../support';

export default function register(program: Command): void {
  program
    .command('backup')
    .description('在线备份数据库（可在程序运行时执行）/ consistent online backup')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .requiredOption('--out <file>', '备份文件 / output file')
    .action(
      action(async (o: { dataDir: string; out: string }) => {
        const target = path.resolve(o.out);
        if (fs.existsSync(target)) throw new AppError('REFUSED', `目标文件已存在，不会覆盖：${target}`);
        if (!fs.existsSync(dataPaths(o.dataDir).database)) throw new AppError('NOT_FOUND', `数据目录中没有数据库：${o.dataDir}`);
        await withServices(o.dataDir, (ctx) => backupTo(ctx.db.sqlite, target));
        out(`已备份到 / backup written: ${target}`);
      }),
    );

  program
    .command('restore')
    .description('从备份恢复（请先关闭调解工作台）/ restore from a backup (close the app first)')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .requiredOption('--from <file>', '备份文件 / backup file')
    .action(
      action((o: { dataDir: string; from: string }) => {
        const p = dataPaths(o.dataDir);
        const from = path.resolve(o.from);
        if (!fs.existsSync(from)) throw new AppError('NOT_FOUND', `备份文件不存在：${from}`);
        fs.mkdirSync(p.backups, { recursive: true });
        const { safetyCopy } = restoreFrom({ from, databaseFile: p.database, backupsDir: p.backups, now: new Date() });
        out(`已恢复 / restored from ${from}${safetyCopy ? `；原数据库已另存为 / previous database kept at ${safetyCopy}` : ''}`);
      }),
    );
}
