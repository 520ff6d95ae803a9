import fs from 'node:fs';
import type { Command } from 'commander';
import { AppError, isAppError } from '../../common/errors';
import { requireCentre } from '../../services/centre';
import { getSettings } from '../../services/core/centre-settings-store';
import { dataPaths } from '../../services/data-dir';
import { runUpload, type Reconciliation, type UploadSummary } from '../../services/upload';
import { readToken } from '../../services/upload/background';
import { action, err, out, withServices } from '../support';

/** Exit code when another upload (the app's, another desk's) holds the lock. */
export const EXIT_BUSY = 3;

/** One word (and the differences) for scripts: ok | mismatch … | unavailable … | skipped. */
export function reconciliationLine(r: Reconciliation | null): string {
  if (r === null) return 'skipped';
  if (r.error !== undefined) return `unavailable ${r.error}`;
  if (r.ok) return 'ok';
  return `mismatch ${r.differences.map((d) => `${d.kind} local ${d.local} server ${d.server}`).join('; ')}`;
}

function printSummary(s: UploadSummary): void {
  out(`sent: ${s.sent}`);
  out(`accepted: ${s.accepted}`);
  out(`duplicates: ${s.duplicates}`);
  out(`rejected: ${s.rejected}`);
  out(`pending: ${s.pending}`);
  out(`reconciliation: ${reconciliationLine(s.reconciliation)}`);
  out(`result: ${s.result}`);
  out(`message: ${s.message}`);
}

/**
 * `upload`: one upload to the district server, run to its end (for the OS scheduler, or by hand).
 * Prints, one per line, in this order — a contract scripts read (`key: value`):
 *   sent, accepted, duplicates, rejected, pending: counts of this run (pending: records still
 *     waiting after it, rejected ones included);
 *   reconciliation: ok | mismatch <kind local N server M; …> | unavailable <reason> | skipped;
 *   result: ok | partial | failed;
 *   message: the Chinese summary the app shows.
 * Exit codes: 0 every pending record acknowledged by the district and the counts reconciled;
 * 1 anything else (records left or refused, wrong token, server unreachable, no settings, wrong
 * usage); 3 another upload is running (the app or another desk): nothing was done, try later.
 * The token comes from --token, else MEDIATION_DISTRICT_TOKEN, else the app's secret store.
 */
export default function register(program: Command): void {
  program
    .command('upload')
    .description('上传到区平台（运行到结束）/ one upload to the district server')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .option('--server <url>', '区平台地址（默认：设置中的地址）/ server URL, default: the settings')
    .option(
      '--token <token>',
      '区平台令牌（默认：环境变量 MEDIATION_DISTRICT_TOKEN，再默认程序中保存的令牌）/ token, default: $MEDIATION_DISTRICT_TOKEN, then the stored one',
    )
    .addHelpText(
      'after',
      [
        '',
        '输出 / output (one per line): sent, accepted, duplicates, rejected, pending, reconciliation, result, message',
        '退出码 / exit codes:',
        '  0  全部记录已被区平台确认且核对一致 / every record acknowledged, counts reconciled',
        '  1  未全部完成（令牌错误、无法连接、被拒或待上传记录、用法错误）/ anything else, wrong usage included',
        '  3  另一个上传正在进行（程序或其他电脑），本次未上传 / another upload is running: try later',
      ].join('\n'),
    )
    .action(
      action(async (o: { dataDir: string; server?: string; token?: string }) => {
        if (!fs.existsSync(dataPaths(o.dataDir).database))
          throw new AppError('DATA_DIR', `数据目录中没有数据库：${o.dataDir} / no database in the data dir`);
        await withServices(o.dataDir, async (ctx) => {
          const centre = requireCentre(ctx);
          const serverUrl = o.server?.trim() || getSettings(ctx).uploadServerUrl;
          if (!serverUrl)
            throw new AppError('VALIDATION', '尚未设置区平台地址：请在程序“设置 → 区级上传”中填写，或用 --server 指定 / no server URL');
          const token = o.token?.trim() || process.env.MEDIATION_DISTRICT_TOKEN?.trim() || readToken(ctx);
          if (!token) throw new AppError('VALIDATION', '尚未设置区平台令牌：请在程序“设置 → 区级上传”中填写，或用 --token 指定 / no token');
          let summary: UploadSummary;
          try {
            summary = await runUpload({
              db: ctx.db,
              serverUrl,
              token,
              centreCode: centre.centreCode,
              deviceId: centre.deviceId,
              trigger: 'cli',
              clock: ctx.clock,
              logger: ctx.logger,
            });
          } catch (e) {
            if (isAppError(e) && e.code === 'BUSY') {
              err(`另一个上传正在进行，本次未上传，请稍后再试 / another upload is running: ${e.message}`);
              process.exitCode = EXIT_BUSY;
              return;
            }
            throw e;
          }
          printSummary(summary);
          const complete = summary.result === 'ok' && summary.pending === 0 && summary.reconciliation?.ok === true;
          if (!complete) {
            err(`错误 / error: ${summary.message}`);
            process.exitCode = 1;
          }
        });
      }),
    );
}
