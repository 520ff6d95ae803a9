/** Printing over TCP against the decoding test printer in tests/peers. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import {
  checkPrinter,
  decodePaperStatus,
  printTestTicket,
  printTicket,
  sendToPrinter,
  type Ticket,
} from '../../../electron/services/printing';
import { startEscposListener, type EscposListener } from '../../peers/escpos-listener';

const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  centreName: '朝阳区𠀀人民调解中心',
  queueCode: 'A023',
  issuedAt: new Date(2026, 0, 31, 9, 5),
  categoryLabel: '邻里纠纷',
  registrationNumber: '（2026）京0105民调00123号',
  queryCode: 'Q7K2-9XPM',
  qrPayload: 'https://tj.example.cn/q?c=Q7K2-9XPM',
  centrePhone: '010-12345678',
  privacyLine: '本票据含个人信息，请妥善保管。',
  width: 80,
  ...over,
});

const open: EscposListener[] = [];
async function listener(mode?: 'normal' | 'refuse-read' | 'paper-out'): Promise<EscposListener> {
  const l = await startEscposListener({ mode });
  open.push(l);
  return l;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

/** A port nobody listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function printerError(p: Promise<unknown>, withinMs: number): Promise<AppError> {
  const started = Date.now();
  try {
    await p;
  } catch (e) {
    const took = Date.now() - started;
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('PRINTER');
    expect(took).toBeLessThan(withinMs);
    return e as AppError;
  }
  throw new Error('printed, expected a PRINTER error');
}

describe('printing a ticket to a network printer', () => {
  it('delivers a ticket the printer decodes line for line, with QR code, cut and Chinese mode', async () => {
    const printer = await listener();
    const result = await printTicket(printer.uri, ticket());
    expect(result).toMatchObject({ uri: printer.uri, paper: 'ok' });

    const [t] = await printer.received();
    expect(t).toBeDefined();
    expect(t!.statusRequests).toEqual([4]); // paper checked before sending
    expect(t!.initialised).toBe(true);
    expect(t!.chineseMode).toBe(true);
    expect(t!.cut).toBe(true);
    expect(t!.unknown).toEqual([]);
    expect(t!.problems).toEqual([]);
    expect(t!.lines).toEqual(
      expect.arrayContaining([
        '朝阳区𠀀人民调解中心',
        'A023',
        '邻里纠纷',
        '取号时间：2026-01-31 09:05',
        '登记编号：（2026）京0105民调00123号',
        '查询码：Q7K2-9XPM',
        '咨询电话：010-12345678',
        '本票据含个人信息，请妥善保管。',
      ]),
    );
    expect(t!.styledLines.find((l) => l.text === 'A023')).toMatchObject({ align: 'center', bold: true, width: 2, height: 2 });
    expect(t!.qr).toEqual(['https://tj.example.cn/q?c=Q7K2-9XPM']);
    expect(t!.qrCodes[0]?.model).toBe(2);
    expect(result.bytes).toBe(t!.raw.length - 3);
  });

  it.each([
    [58, 32],
    [80, 48],
  ] as const)('wraps for %i mm paper (%i columns) on the wire', async (width, columns) => {
    const printer = await listener();
    const privacyLine = '您的个人信息仅用于本次纠纷调解，调解中心依法予以保密，未经同意不向任何无关单位或个人提供。';
    await printTicket(printer.uri, ticket({ width, privacyLine }));
    const [t] = await printer.received();
    for (const l of t!.styledLines) expect(l.columns, l.text).toBeLessThanOrEqual(columns);
    const start = t!.lines.findIndex((l) => l.startsWith('您的个人信息'));
    const wrapped = t!.lines.slice(start, start + Math.ceil((privacyLine.length * 2) / columns));
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.join('')).toBe(privacyLine);
    expect(wrapped[0]!.length * 2).toBe(columns);
  });

  it('prints a test ticket with the centre name, 𠀀 and a QR code', async () => {
    const printer = await listener();
    await printTestTicket(printer.uri, { width: 58, centreName: '海淀区调解中心' });
    const [t] = await printer.received();
    expect(t!.lines).toEqual(expect.arrayContaining(['海淀区调解中心', '中文测试：调解工作台 𠀀 人民调解']));
    expect(t!.qr).toEqual(['mediation-desk:print-test:58mm']);
    expect(t!.cut).toBe(true);
  });

  it('sends nothing and reports VALIDATION for a bad address or ticket', async () => {
    await expect(printTicket('http://127.0.0.1:9100', ticket())).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(printTicket('192.168.1.300', ticket())).rejects.toMatchObject({ code: 'VALIDATION' });
    const printer = await listener();
    await expect(printTicket(printer.uri, ticket({ width: 57 as 58 }))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(printer.connections()).toBe(0);
  });

  it('goes ahead when the printer does not answer status requests', async () => {
    // A plain sink: reads everything, never answers DLE EOT, closes at end of stream.
    const chunks: Buffer[] = [];
    const sink = net.createServer((s) => {
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    try {
      const port = (sink.address() as net.AddressInfo).port;
      const result = await printTicket(`127.0.0.1:${port}`, ticket(), { statusWaitMs: 200 });
      expect(result.paper).toBe('unknown');
      expect(Buffer.concat(chunks).length).toBe(result.bytes + 3);
    } finally {
      await new Promise<void>((r) => sink.close(() => r()));
    }
  });
});

describe('printer trouble, always within the time-out', () => {
  it('printer off (connection refused) → PRINTER error naming the address', async () => {
    const port = await closedPort();
    const err = await printerError(printTicket(`tcp://127.0.0.1:${port}`, ticket(), { timeoutMs: 2000 }), 2000);
    expect(err.message).toBe(`打印机未连接（127.0.0.1:${port} 拒绝连接），请检查电源和网线后点击“重新打印”`);
  });

  it('a peer that closes before taking the ticket (e.g. a web server on that port) → PRINTER error', async () => {
    const web = net.createServer((s) => {
      s.on('error', () => undefined);
      s.resume(); // read (and drop) what comes, as a web server would, so the connection can end
      s.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    try {
      const port = (web.address() as net.AddressInfo).port;
      const err = await printerError(printTicket(`127.0.0.1:${port}`, ticket(), { timeoutMs: 2000 }), 2000);
      expect(err.message).toContain('断开了连接');
    } finally {
      await new Promise<void>((r) => web.close(() => r()));
    }
  });

  it('unreachable address → PRINTER error, no later than the time-out', async () => {
    // TEST-NET-2 is never routed: depending on the network this fails fast, times out, or (behind an
    // intercepting proxy, as in some sandboxes) meets a peer that is not a printer. All are PRINTER.
    const err = await printerError(printTicket('tcp://198.51.100.7:9100', ticket(), { timeoutMs: 800 }), 800 + 400);
    expect(err.message).toMatch(/198\.51\.100\.7:9100/);
  });

  it('a printer that accepts but never reads a small ticket → PRINTER error (never confirmed)', async () => {
    const printer = await listener('refuse-read');
    const err = await printerError(printTicket(printer.uri, ticket(), { timeoutMs: 1000 }), 1000 + 400);
    expect(err.message).toContain('未确认收到小票');
  });

  it('a printer that never reads while we write a large job → PRINTER error (write never drains)', async () => {
    const printer = await listener('refuse-read');
    // Far beyond what the two kernels' socket buffers can hold, so the write really backs up.
    const big = Buffer.alloc(48 * 1024 * 1024, 0x41);
    const err = await printerError(sendToPrinter(printer.uri, big, { timeoutMs: 1500 }), 1500 + 500);
    expect(err.message).toContain('打印机不接收数据');
    expect(printer.connections()).toBe(1);
  });

  it('paper out → PRINTER error saying 缺纸, and the ticket is not sent', async () => {
    const printer = await listener('paper-out');
    const err = await printerError(printTicket(printer.uri, ticket(), { timeoutMs: 2000 }), 2000);
    expect(err.message).toContain('缺纸');
    const [t] = await printer.received();
    expect(t!.statusRequests).toEqual([4]);
    expect(t!.lines).toEqual([]);
    expect(t!.raw.length).toBe(3);
  });

  it('a time-out that is not a number falls back to the default instead of hanging or failing at once', async () => {
    const printer = await listener();
    await expect(printTicket(printer.uri, ticket(), { timeoutMs: Number.NaN })).resolves.toMatchObject({ paper: 'ok' });
  });
});

describe('checking a printer', () => {
  it('reports a healthy printer online with paper', async () => {
    const printer = await listener();
    expect(await checkPrinter(printer.uri)).toEqual({
      online: true,
      ready: true,
      paper: 'ok',
      message: `打印机已连接（127.0.0.1:${printer.port}），纸张正常`,
    });
  });

  it('reports 缺纸 when the status byte says paper end', async () => {
    const printer = await listener('paper-out');
    const s = await checkPrinter(printer.uri);
    expect(s).toMatchObject({ online: true, ready: false, paper: 'out' });
    expect(s.message).toContain('缺纸');
  });

  it('reports online with unknown paper when the printer does not answer within the wait', async () => {
    const printer = await listener('refuse-read');
    const started = Date.now();
    const s = await checkPrinter(printer.uri, { statusWaitMs: 300 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(s).toMatchObject({ online: true, ready: true, paper: 'unknown' });
  });

  it('reports offline (not throwing) for a printer that is off', async () => {
    const port = await closedPort();
    const s = await checkPrinter(`127.0.0.1:${port}`);
    expect(s).toMatchObject({ online: false, ready: false, paper: 'unknown' });
    expect(s.message).toContain('拒绝连接');
  });

  it('throws VALIDATION for a malformed address', async () => {
    await expect(checkPrinter('tcp://printer:abc')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('decodes DLE EOT 4 status bytes', () => {
    expect(decodePaperStatus(0x12)).toBe('ok');
    expect(decodePaperStatus(0x72)).toBe('out');
    expect(decodePaperStatus(0x1e)).toBe('low');
    expect(decodePaperStatus(0x7e)).toBe('out');
    expect(decodePaperStatus(0x00)).toBeNull(); // fixed bits wrong: not a status byte
    expect(decodePaperStatus(0x41)).toBeNull();
  });
});

describe('system printers (printer:NAME)', () => {
  const savedPath = process.env.PATH;
  let dir: string | undefined;
  afterEach(() => {
    process.env.PATH = savedPath;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function fakeCups(lpScript: string, lpstatScript?: string): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-cups-'));
    fs.writeFileSync(path.join(dir, 'lp'), `#!/bin/sh\n${lpScript}\n`, { mode: 0o755 });
    if (lpstatScript) fs.writeFileSync(path.join(dir, 'lpstat'), `#!/bin/sh\n${lpstatScript}\n`, { mode: 0o755 });
    process.env.PATH = [dir, '/usr/bin', '/bin'].join(path.delimiter);
    return dir;
  }

  it('without lp (and without the desktop app) → PRINTER error saying it needs the desktop app', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-cups-'));
    process.env.PATH = dir;
    const err = await printerError(printTicket('printer:前台小票机', ticket()), 1000);
    expect(err.message).toContain('只能在桌面应用中使用');
    expect((await checkPrinter('printer:前台小票机')).online).toBe(false);
  });

  it('with lp, sends the raw ESC/POS stream to the named queue', async () => {
    const d = fakeCups('printf "%s\\n" "$@" > "$(dirname "$0")/args"; cat > "$(dirname "$0")/job"; echo "request id is q-1"');
    const result = await printTicket('printer:XP 80C', ticket());
    expect(fs.readFileSync(path.join(d, 'args'), 'utf8').split('\n')).toEqual(['-d', 'XP 80C', '-o', 'raw', '']);
    const job = fs.readFileSync(path.join(d, 'job'));
    expect(job.length).toBe(result.bytes);
    expect([...job.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
  });

  it('with lp failing, gives lp’s reason as a PRINTER error', async () => {
    fakeCups('cat > /dev/null; echo "lp: The printer or class does not exist." >&2; exit 1');
    const err = await printerError(printTicket('printer:nope', ticket()), 2000);
    expect(err.message).toContain('The printer or class does not exist.');
  });

  it('with lp hanging, gives up at the time-out', async () => {
    fakeCups('exec sleep 30');
    await printerError(printTicket('printer:slow', ticket(), { timeoutMs: 500 }), 500 + 400);
  });

  it('checks a named printer with lpstat', async () => {
    fakeCups(
      'true',
      'case "$2" in ok) echo "printer ok is idle.";; off) echo "printer off disabled since x";; *) echo "lpstat: Invalid destination name" >&2; exit 1;; esac',
    );
    expect(await checkPrinter('printer:ok')).toMatchObject({ online: true, paper: 'unknown' });
    expect(await checkPrinter('printer:off')).toMatchObject({ online: false });
    expect((await checkPrinter('printer:gone')).message).toContain('Invalid destination name');
  });

  it('uses the transport the desktop app passes in', async () => {
    const jobs: { name: string; bytes: Buffer }[] = [];
    const result = await printTicket('printer:前台小票机', ticket(), {
      systemPrinter: async (name, bytes) => {
        jobs.push({ name, bytes });
      },
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.name).toBe('前台小票机');
    expect(result.bytes).toBe(jobs[0]!.bytes.length);
    await expect(
      printTicket('printer:x', ticket(), {
        systemPrinter: async () => {
          throw new Error('spooler stopped');
        },
      }),
    ).rejects.toMatchObject({ code: 'PRINTER', message: expect.stringContaining('spooler stopped') });
  });
});
