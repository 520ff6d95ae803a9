/**
 * Ticket printing for the intake counter. Plain Node: the desktop app passes a SystemPrinterTransport
 * for `printer:NAME` addresses; everything else works the same in the CLI and in tests.
 */
import { AppError } from '../../common/errors';
import { parsePrinterUri } from './printer-uri';
import { sendToPrinter, type SendOptions, type SendResult } from './send';
import { buildTestTicketBytes, buildTicketBytes, type PaperWidth, type Ticket } from './ticket';

export { parsePrinterUri, printerAddress, DEFAULT_PRINTER_PORT, type PrinterUri } from './printer-uri';
export {
  buildTicketBytes,
  buildTestTicketBytes,
  displayWidth,
  wrapText,
  isPaperWidth,
  COLUMNS,
  TICKET_LABELS,
  TEST_TICKET_SAMPLE_LINE,
  TEST_TICKET_TITLE,
  testTicketQrPayload,
  type PaperWidth,
  type Ticket,
} from './ticket';
export {
  sendToPrinter,
  checkPrinter,
  decodePaperStatus,
  type SendOptions,
  type SendResult,
  type CheckOptions,
  type PrinterStatus,
  type PaperState,
  type SystemPrinterTransport,
} from './send';

/** Prints one intake ticket; throws AppError('VALIDATION') for bad input, ('PRINTER') when it did not print. */
export async function printTicket(uri: string, ticket: Ticket, opts: SendOptions = {}): Promise<SendResult> {
  // Address first: a typo in the settings should say so, not complain about the ticket.
  const target = parsePrinterUri(uri);
  return sendToPrinter(target, buildTicketBytes(ticket), opts);
}

export interface TestTicketRequest {
  width: PaperWidth;
  centreName: string;
}

export async function printTestTicket(uri: string, req: TestTicketRequest, opts: SendOptions = {}): Promise<SendResult> {
  const target = parsePrinterUri(uri);
  if (req === null || typeof req !== 'object') throw new AppError('VALIDATION', '缺少测试小票的纸宽和中心名称');
  return sendToPrinter(target, buildTestTicketBytes({ width: req.width, centreName: req.centreName }), opts);
}
