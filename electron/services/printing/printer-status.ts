/**
 * What both printer transports (raw TCP in raw-tcp.ts, system printers through CUPS in cups.ts)
 * answer in: the paper state, a printer's status, and the clerk's way out of a failed print.
 */

export type PaperState = 'ok' | 'low' | 'out' | 'unknown';

export interface PrinterStatus {
  /** reachable */
  online: boolean;
  /** reachable and not known to be out of paper */
  ready: boolean;
  paper: PaperState;
  message: string;
}

/** Sends bytes to a system printer by name; the desktop app supplies one, plain Node has none. */
export type SystemPrinterTransport = (name: string, bytes: Buffer, opts: { timeoutMs: number }) => Promise<void>;

/** The end of every PRINTER message: the counter's button that prints the ticket again. */
export const RETRY = '点击“重新打印”';
