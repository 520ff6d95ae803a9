import fs from 'node:fs';
import type { Command } from 'commander';
import { DEVICE_KIND_LABELS, DEVICE_KINDS, devicesOps } from '../../common/api/devices';
import { AppError } from '../../common/errors';
import { cliActor } from '../../services/core/context';
import { dataPaths } from '../../services/data-dir';
import { createPairingCode } from '../../services/devices/registry';
import { action, out, withServices } from '../support';

/**
 * `pair`: a one-time pairing code for a new workstation (10 minutes, one use), made on the host.
 * The workstation enters it with the host's address; the code is stored hashed, so it is shown here only.
 */
export default function register(program: Command): void {
  program
    .command('pair')
    .description('生成终端配对码（10 分钟内有效，只能用一次）/ make a one-time pairing code for a workstation')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .requiredOption('--kind <kind>', `终端类型 / kind: ${DEVICE_KINDS.join(' | ')}`)
    .requiredOption('--name <name>', '终端名称，如“一号调解室” / a name for the workstation')
    .option('--json', '以一个 JSON 对象输出 / print one JSON object')
    .action(
      action(async (o: { dataDir: string; kind: string; name: string; json?: boolean }) => {
        const parsed = devicesOps['devices.createPairingCode'].input.safeParse({ kind: o.kind, name: o.name });
        if (!parsed.success) {
          const kindBad = parsed.error.issues.some((i) => i.path[0] === 'kind');
          throw new AppError(
            'VALIDATION',
            kindBad
              ? `--kind 应为 ${DEVICE_KINDS.join('、')} 之一 / --kind must be desk, kiosk or display`
              : (parsed.error.issues[0]?.message ?? '输入有误'),
          );
        }
        if (!fs.existsSync(dataPaths(o.dataDir).database))
          throw new AppError('DATA_DIR', `数据目录中没有数据库：${o.dataDir} / no database in the data dir`);
        await withServices(o.dataDir, (ctx) => {
          const code = createPairingCode(ctx, cliActor, parsed.data.kind, parsed.data.name);
          if (o.json) {
            out(JSON.stringify(code));
            return;
          }
          out(`配对码 / pairing code: ${code.code}`);
          out(`终端 / device: ${DEVICE_KIND_LABELS[code.kind]}“${code.name}”`);
          out(`有效期至 / expires at: ${code.expiresAt}（10 分钟内有效，只能用一次 / valid 10 minutes, one use）`);
        });
      }),
    );
}
