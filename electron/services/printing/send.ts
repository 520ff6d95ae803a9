/**
 * Getting bytes to a ticket printer, and asking it whether it can print: the address says which
 * transport, raw TCP (raw-tcp.ts) or a system printer (cups.ts); this holds the time budgets.
 */
import { sendToSystem, checkSystemPrinter } from './cups';
import { parsePrinterUri, type PrinterUri } from './printer-uri';
import type { PaperState, PrinterStatus, SystemPrinterTransport } from './printer-status';
import { checkRawTcp, sendRawTcp } from './raw-tcp';

export { decodePaperStatus } from './raw-tcp';
export type { PaperState, PrinterStatus, SystemPrinterTransport } from './printer-status';

export const DEFAULT_SEND_TIMEOUT_MS = 5000;
export const DEFAULT_CHECK_TIMEOUT_MS = 3000;
/** How long to wait for an answer to DLE EOT; printers that do not implement it never answer. */
export const DEFAULT_STATUS_WAIT_MS = 500;

export interface SendOptions {
  /** Budget for the whole job: connect, status query, write, close. */
  timeoutMs?: number;
  /** Ask for the paper status first and refuse to send into an empty printer (default true). */
  checkPaper?: boolean;
  statusWaitMs?: number;
  systemPrinter?: SystemPrinterTransport;
}

export interface SendResult {
  uri: string;
  bytes: number;
  /** 'unknown' when the printer does not answer status queries (or for system printers). */
  paper: PaperState;
}

export interface CheckOptions {
  timeoutMs?: number;
  statusWaitMs?: number;
  systemPrinterStatus?: (name: string, opts: { timeoutMs: number }) => Promise<PrinterStatus>;
}

function budget(ms: number | undefined, fallback: number): number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : fallback;
}

function toTarget(uri: string | PrinterUri): PrinterUri {
  return typeof uri === 'string' ? parsePrinterUri(uri) : uri;
}

/**
 * Sends a finished ESC/POS stream. Resolves only when the printer has taken every byte; otherwise
 * throws AppError('PRINTER') with a message for the clerk, never later than timeoutMs.
 */
export async function sendToPrinter(uri: string | PrinterUri, bytes: Buffer, opts: SendOptions = {}): Promise<SendResult> {
  const target = toTarget(uri);
  const timeoutMs = budget(opts.timeoutMs, DEFAULT_SEND_TIMEOUT_MS);
  if (target.kind === 'system') {
    await sendToSystem(target.name, bytes, timeoutMs, opts.systemPrinter);
    return { uri: target.uri, bytes: bytes.length, paper: 'unknown' };
  }
  const statusWaitMs = Math.min(budget(opts.statusWaitMs, DEFAULT_STATUS_WAIT_MS), timeoutMs);
  const paper = await sendRawTcp(target, bytes, { timeoutMs, statusWaitMs, checkPaper: opts.checkPaper !== false });
  return { uri: target.uri, bytes: bytes.length, paper };
}

/** Whether the printer answers, and its paper state if it says. Throws only for a malformed address. */
export async function checkPrinter(uri: string | PrinterUri, opts: CheckOptions = {}): Promise<PrinterStatus> {
  const target = toTarget(uri);
  const timeoutMs = budget(opts.timeoutMs, DEFAULT_CHECK_TIMEOUT_MS);
  if (target.kind === 'system') {
    if (opts.systemPrinterStatus) return opts.systemPrinterStatus(target.name, { timeoutMs });
    return checkSystemPrinter(target.name, timeoutMs);
  }
  const statusWaitMs = Math.min(budget(opts.statusWaitMs, DEFAULT_STATUS_WAIT_MS), timeoutMs);
  return checkRawTcp(target, { timeoutMs, statusWaitMs });
}
