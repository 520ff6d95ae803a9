/**
 * A ticket printer on the network (tcp://host:9100): getting bytes to it, and asking it for its paper.
 *
 * Raw port-9100 printing has no acknowledgement, so "the printer took the ticket" is read from TCP:
 * the write drains, we close our side, and the printer closes its side after reading to the end of
 * the stream. A printer that stops reading (full buffer, jammed, or a device that accepts and
 * ignores) shows up as a write that never drains or a close that never comes; both become a
 * PRINTER error within the time-out, so the counter never freezes on a dead printer.
 */
import net from 'node:net';
import { AppError, isAppError } from '../../common/errors';
import { printerAddress, type PrinterUri } from './printer-uri';
import { RETRY, type PaperState, type PrinterStatus } from './printer-status';

const NON_PRINTER_GRACE_MS = 30;

/** DLE EOT 4: transmit roll paper sensor status, answered in real time even mid-job. */
const PAPER_STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);

type TcpTarget = Extract<PrinterUri, { kind: 'tcp' }>;

/**
 * Decodes the answer to DLE EOT 4. Bits 1 and 4 are always set and bits 0 and 7 clear, which tells
 * a status byte from stray output; null for anything else.
 */
export function decodePaperStatus(byte: number): PaperState | null {
  if ((byte & 0x93) !== 0x12) return null;
  if ((byte & 0x60) === 0x60) return 'out';
  if ((byte & 0x0c) === 0x0c) return 'low';
  return 'ok';
}

function paperOutError(addr: string): AppError {
  return new AppError('PRINTER', `打印机缺纸（${addr}），请装入小票纸后${RETRY}`);
}

function closedEarly(addr: string): AppError {
  return new AppError('PRINTER', `打印机在收完小票前断开了连接（${addr}），小票未打印；请检查地址是否为小票打印机后${RETRY}`);
}

type Phase = 'connect' | 'status' | 'write' | 'close';

function timeoutError(phase: Phase, addr: string, timeoutMs: number): AppError {
  const secs = `${Math.round(timeoutMs / 100) / 10} 秒`;
  switch (phase) {
    case 'connect':
      return new AppError('PRINTER', `连接打印机超时（${addr}，${secs}内无响应），请检查打印机电源、网线和地址后${RETRY}`);
    case 'status':
      return new AppError('PRINTER', `打印机无响应（${addr}），请检查打印机后${RETRY}`);
    case 'write':
      return new AppError('PRINTER', `打印机不接收数据（${addr}，${secs}内未收完），可能缺纸、卡纸、开盖或正忙，请检查后${RETRY}`);
    case 'close':
      return new AppError('PRINTER', `打印机未确认收到小票（${addr}），请检查是否出纸；如未出纸请${RETRY}`);
  }
}

function socketError(err: NodeJS.ErrnoException, phase: Phase, target: { host: string }, addr: string): AppError {
  switch (err.code) {
    case 'ECONNREFUSED':
      return new AppError('PRINTER', `打印机未连接（${addr} 拒绝连接），请检查电源和网线后${RETRY}`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'ETIMEDOUT':
      return new AppError('PRINTER', `无法连接打印机（${addr} 网络不通），请检查网线和打印机地址后${RETRY}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('PRINTER', `找不到打印机“${target.host}”，请检查打印机地址`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'ERR_STREAM_WRITE_AFTER_END':
    case 'ERR_STREAM_DESTROYED':
      return phase === 'connect'
        ? new AppError('PRINTER', `打印机拒绝了连接（${addr}），请检查打印机后${RETRY}`)
        : new AppError('PRINTER', `打印机中断了连接（${addr}），请检查是否出纸；如未出纸请${RETRY}`);
    default:
      return new AppError('PRINTER', `打印失败（${addr}：${err.code ?? err.message}），请检查打印机后${RETRY}`);
  }
}

/** An open connection whose every wait is bounded by the job's deadline (enforced by runTcp). */
interface Session {
  phase: Phase;
  readonly socket: net.Socket;
  /** First byte the printer sends within waitMs, or null. */
  readByte(waitMs: number): Promise<number | null>;
  /** Resolves once the bytes have left Node for the kernel. */
  write(bytes: Buffer): Promise<void>;
  /** Half-closes and resolves when the printer has closed its side too. */
  finish(): Promise<void>;
  /** The printer has closed its side (sent FIN) already. */
  readonly peerEnded: boolean;
}

async function runTcp<T>(target: TcpTarget, timeoutMs: number, work: (s: Session) => Promise<T>): Promise<T> {
  const addr = printerAddress(target);
  const socket = new net.Socket();
  const received: Buffer[] = [];
  let onData: (() => void) | null = null;
  let ended = false;
  let closed = false;
  let onClose: (() => void) | null = null;

  // Always consume what the printer sends: status answers, and the EOF that confirms the job.
  socket.on('data', (chunk: Buffer) => {
    received.push(chunk);
    onData?.();
  });
  socket.on('end', () => {
    ended = true;
    onData?.();
  });
  socket.on('close', () => {
    closed = true;
    onData?.();
    onClose?.();
  });

  const session: Session = {
    phase: 'connect',
    socket,
    readByte(waitMs) {
      return new Promise((resolve) => {
        const take = (): boolean => {
          const first = received.find((b) => b.length > 0);
          if (first !== undefined) {
            received.length = 0;
            resolve(first[0] ?? null);
            return true;
          }
          if (ended || closed) {
            resolve(null);
            return true;
          }
          return false;
        };
        if (take()) return;
        const t = setTimeout(() => {
          onData = null;
          resolve(null);
        }, waitMs);
        onData = () => {
          if (take()) {
            clearTimeout(t);
            onData = null;
          }
        };
      });
    },
    write(bytes) {
      // The callback's error (if any) also arrives as an 'error' event, which fails the job.
      return new Promise((resolve) => socket.write(bytes, (err) => !err && resolve()));
    },
    finish() {
      return new Promise((resolve) => {
        if (closed) return resolve();
        onClose = resolve;
        socket.end();
      });
    },
    get peerEnded() {
      return ended || closed;
    },
  };

  let timer: NodeJS.Timeout | undefined;
  const failure = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(session.phase, addr, timeoutMs)), timeoutMs);
    socket.on('error', (err: NodeJS.ErrnoException) => reject(socketError(err, session.phase, target, addr)));
  });
  const job = (async () => {
    await new Promise<void>((resolve) => socket.connect({ host: target.host, port: target.port }, resolve));
    return work(session);
  })();
  try {
    return await Promise.race([job, failure]);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

/**
 * Sends a finished ESC/POS stream over raw TCP. Resolves only when the printer has taken every byte;
 * otherwise throws AppError('PRINTER'), never later than timeoutMs.
 */
export async function sendRawTcp(
  target: TcpTarget,
  bytes: Buffer,
  opts: { timeoutMs: number; statusWaitMs: number; checkPaper: boolean },
): Promise<PaperState> {
  const { timeoutMs, statusWaitMs } = opts;
  return runTcp(target, timeoutMs, async (s) => {
    let paper: PaperState = 'unknown';
    if (opts.checkPaper) {
      s.phase = 'status';
      s.socket.write(PAPER_STATUS_REQUEST);
      const answer = await s.readByte(statusWaitMs);
      const status = answer === null ? null : decodePaperStatus(answer);
      // No printer answers DLE EOT like that; something else (a web server) may be closing on us,
      // and its FIN can trail its data by a poll cycle.
      if (answer !== null && status === null) await new Promise((r) => setTimeout(r, NON_PRINTER_GRACE_MS));
      paper = status ?? 'unknown';
      // Bytes sent to an empty printer are lost or come out half-printed later; refuse up front.
      if (paper === 'out') throw paperOutError(printerAddress(target));
    }
    // Whatever a peer reads after closing its side is thrown away (an HTTP server on the port, a
    // printer that resets): a close before our data is through means the ticket did not print.
    if (s.peerEnded) throw closedEarly(printerAddress(target));
    s.phase = 'write';
    await s.write(bytes);
    if (s.peerEnded) throw closedEarly(printerAddress(target));
    s.phase = 'close';
    await s.finish();
    return paper;
  });
}

/** Whether a network printer answers, and its paper state if it says. */
export async function checkRawTcp(target: TcpTarget, opts: { timeoutMs: number; statusWaitMs: number }): Promise<PrinterStatus> {
  const { timeoutMs, statusWaitMs } = opts;
  const addr = printerAddress(target);
  try {
    const paper = await runTcp(target, timeoutMs, async (s) => {
      s.phase = 'status';
      s.socket.write(PAPER_STATUS_REQUEST);
      const answer = await s.readByte(statusWaitMs);
      return (answer === null ? null : decodePaperStatus(answer)) ?? 'unknown';
    });
    const message = {
      ok: `打印机已连接（${addr}），纸张正常`,
      low: `打印机已连接（${addr}），小票纸即将用完，请准备换纸`,
      out: `打印机已连接（${addr}），但缺纸，请装入小票纸`,
      unknown: `打印机已连接（${addr}），未能读取纸张状态`,
    }[paper];
    return { online: true, ready: paper !== 'out', paper, message };
  } catch (e) {
    if (isAppError(e) && e.code === 'PRINTER') return { online: false, ready: false, paper: 'unknown', message: e.message };
    throw e;
  }
}
