import type { Command } from 'commander';
import { AppError } from '../../common/errors';
import { inspectDatabase } from '../../services/backup';
import { dataPaths } from '../../services/data-dir';
import { action, err, out } from '../support';

/** `check`: integrity, foreign keys, migration state. Read-only: it changes nothing. */
export default function register(program: Command): void {
  program
    .command('check')
    .description('检查数据库：完整性、外键、结构版本 / check the database')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(
      action((o: { dataDir: string; json?: boolean }) => {
        const report = inspectDatabase(dataPaths(o.dataDir).database);
        if (o.json) out(JSON.stringify(report));
        if (!report.ok) {
          for (const p of report.problems) err(`问题 / problem: ${p}`);
          throw new AppError('DB_CORRUPT', '数据库检查未通过 / database is not healthy');
        }
        if (!o.json) {
          out(`数据库正常 / healthy: integrity ok, foreign keys ok, migrations ${report.migrations.applied}/${report.migrations.known}`);
        }
      }),
    );
}
