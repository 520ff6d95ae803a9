import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../common/errors';
import { backupTo, restoreFrom } from '../../services/backup';
import { dataPaths, ensureWritableDataDir, ownerOf } from '../../services/data-dir';
import { action, appRunning, out, withOwnerLock, withServices } from '../support';

/** Is `file` inside `dir` (after resolving both)? */
const inside = (dir: string, file: string) => {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

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
        // SQLite's online backup reads a consistent copy while the app runs. Writing into the data
        // dir itself is left to its owner: the running app takes the daily backups there.
        if (inside(o.dataDir, target) && ownerOf(o.dataDir)) {
          throw new AppError(
            'BUSY',
            appRunning('备份到数据目录内，或把备份写到数据目录以外', 'back up into the data dir, or write the backup outside it'),
          );
        }
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
      action(async (o: { dataDir: string; from: string }) => {
        const p = dataPaths(o.dataDir);
        const from = path.resolve(o.from);
        if (!fs.existsSync(from)) throw new AppError('NOT_FOUND', `备份文件不存在：${from}`);
        // Renaming a file over the database the app has open would lose every write it acknowledges after.
        const refusal = appRunning(
          '恢复（运行中的程序可在“设置 › 数据与备份”中恢复）',
          'restore (the running app restores from Settings › Data and backups)',
        );
        const { safetyCopy } = await withOwnerLock(o.dataDir, 'restore', refusal, () => {
          ensureWritableDataDir(o.dataDir);
          return restoreFrom({ from, databaseFile: p.database, backupsDir: p.backups, now: new Date() });
        });
        out(`已恢复 / restored from ${from}${safetyCopy ? `；原数据库已另存为 / previous database kept at ${safetyCopy}` : ''}`);
      }),
    );
}
