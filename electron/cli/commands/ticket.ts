/**
 * `ticket`: reprints the intake ticket of a case (queue number, case number, query code and its
 * QR code) on a ticket printer. Exit status 0 only when the printer took every byte.
 *
 * Only cases that came through the intake counter (kiosk or clerk, with the citizen's consent)
 * have a ticket and a query code. A case registered directly at a desk is refused rather than
 * given a new query code here: the lookup checks the code against the phone the citizen gave at
 * registration, with consent recorded then, and an operator command should not create either.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../common/errors';
import { dataPaths } from '../../services/data-dir';
import { requireTicketPrinter } from '../../services/intake/printers';
import { buildTicket, ticketSourceOfCase } from '../../services/intake/tickets';
import { confPrefs } from '../../services/machine-prefs';
import { isPaperWidth, parsePrinterUri, printTicket, type PaperWidth } from '../../services/printing';
import { action, out, required, withServices } from '../support';

interface TicketOptions {
  dataDir?: string;
  case?: string;
  printer?: string;
  width?: string;
}

export default function register(program: Command): void {
  program
    .command('ticket')
    .description('补打案件的排队小票（排队号、案号、查询码和二维码）/ reprint the intake ticket of a case')
    .option('--data-dir <dir>', '数据目录 / data dir')
    .option('--case <number>', '案号，例如 （2026）牧调字第0001号 / case number')
    .option('--printer <uri>', '打印机地址：tcp://IP:端口 或 printer:名称；不填则用本机设置的小票打印机 / printer address')
    .option('--width <mm>', '小票纸宽 58 或 80（毫米）；不填则按打印机设置，默认 80 / paper width')
    .action(
      action(async (o: TicketOptions) => {
        const dataDir = required(o.dataDir, '--data-dir', '数据目录');
        const caseNumber = required(o.case, '--case', '案号');
        if (!fs.existsSync(dataPaths(dataDir).database)) throw new AppError('NOT_FOUND', `数据目录中没有数据库：${dataDir}`);
        let width: PaperWidth | undefined;
        if (o.width !== undefined) {
          const w = /^\d+$/.test(o.width.trim()) ? Number(o.width.trim()) : NaN;
          if (!isPaperWidth(w)) throw new AppError('VALIDATION', `纸宽只能是 58 或 80（毫米），收到“${o.width}”`);
          width = w;
        }
        const prefs = confPrefs(dataPaths(dataDir).prefs);
        let uri: string;
        if (o.printer) {
          uri = parsePrinterUri(o.printer).uri;
          // A printer set up on this data dir knows its paper width.
          width ??= prefs.get('printers').find((p) => p.uri === uri)?.width;
        } else {
          const p = requireTicketPrinter(prefs);
          uri = p.uri;
          width ??= p.width;
        }
        const paper = width ?? 80;
        const ticket = await withServices(dataDir, (ctx) => buildTicket(ctx, ticketSourceOfCase(ctx, caseNumber.normalize('NFC')), paper));
        const result = await printTicket(uri, ticket);
        out(
          `已补打小票 / ticket printed: ${ticket.queueCode} ${ticket.registrationNumber} → ${result.uri}（${paper} 毫米，${result.bytes} 字节）`,
        );
        if (result.paper === 'low') out('提示：打印机报告小票纸即将用完，请准备换纸');
      }),
    );
}
