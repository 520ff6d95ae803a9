/**
 * `print-test`: prints a test ticket so a technician can check a new ticket printer from the
 * command line. Exit status 0 only when the printer took every byte.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { isAppError } from '../../common/errors';
import { requireCentre } from '../../services/centre';
import { dataPaths } from '../../services/data-dir';
import { isPaperWidth, printTestTicket } from '../../services/printing';
import { withServices } from '../support';

export const DEFAULT_TEST_CENTRE_NAME = '调解工作台测试';

interface PrintTestOptions {
  printer?: string;
  width: string;
  centreName?: string;
  dataDir?: string;
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

export default function register(program: Command): void {
  program
    .command('print-test')
    .description('打印一张测试小票（中心名称、中文样张和二维码），检查小票打印机是否可用')
    // Checked in the action rather than with requiredOption, so the clerk gets a Chinese message.
    .option('--printer <uri>', '打印机地址：tcp://IP:端口（默认端口 9100）或 printer:系统打印机名称')
    .option('--width <mm>', '小票纸宽，58 或 80（毫米）', '80')
    .option('--centre-name <name>', '打印在小票上的调解中心名称', DEFAULT_TEST_CENTRE_NAME)
    .option('--data-dir <dir>', '数据目录：给出时打印本中心的名称（--centre-name 另有指定时以其为准）')
    .action(async (opts: PrintTestOptions) => {
      if (!opts.printer) {
        fail('请用 --printer 指定打印机地址，例如 --printer tcp://192.168.1.50:9100');
        return;
      }
      const width = /^\d+$/.test(opts.width.trim()) ? Number(opts.width.trim()) : NaN;
      if (!isPaperWidth(width)) {
        fail(`纸宽只能是 58 或 80（毫米），收到“${opts.width}”`);
        return;
      }
      let centreName = opts.centreName?.trim() || DEFAULT_TEST_CENTRE_NAME;
      try {
        if (opts.dataDir && centreName === DEFAULT_TEST_CENTRE_NAME) {
          if (!fs.existsSync(dataPaths(opts.dataDir).database)) {
            fail(`数据目录中没有数据库：${opts.dataDir}`);
            return;
          }
          centreName = await withServices(opts.dataDir, (ctx) => requireCentre(ctx).name);
        }
        const result = await printTestTicket(opts.printer, { width, centreName });
        process.stdout.write(`测试小票已发送到 ${result.uri}（${width} 毫米，${result.bytes} 字节）\n`);
        if (result.paper === 'low') process.stdout.write('提示：打印机报告小票纸即将用完，请准备换纸\n');
      } catch (e) {
        if (isAppError(e)) fail(e.message);
        else fail(`打印测试小票失败：${e instanceof Error ? e.message : String(e)}`);
      }
    });
}
