/** `print-test` run through commander, as the CLI entry will run it, against the test printer. */
import net from 'node:net';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import register from '../../../electron/cli/commands/print-test';
import { startEscposListener, type EscposListener } from '../../peers/escpos-listener';

let out: string[];
let err: string[];
const open: EscposListener[] = [];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  process.exitCode = undefined;
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await Promise.all(open.splice(0).map((l) => l.close()));
});

async function run(...args: string[]): Promise<void> {
  const program = new Command();
  program.exitOverride();
  register(program);
  await program.parseAsync(['node', 'cli', 'print-test', ...args]);
}

async function listener(mode?: 'normal' | 'refuse-read' | 'paper-out'): Promise<EscposListener> {
  const l = await startEscposListener({ mode });
  open.push(l);
  return l;
}

describe('cli print-test', () => {
  it('prints a test ticket with the default centre name and a QR code, exit status 0', async () => {
    const printer = await listener();
    await run('--printer', printer.uri);
    expect(process.exitCode ?? 0).toBe(0);
    expect(err.join('')).toBe('');
    expect(out.join('')).toContain(`测试小票已发送到 ${printer.uri}`);
    const [t] = await printer.received();
    expect(t!.lines).toEqual(expect.arrayContaining(['调解工作台测试', '打印测试', '中文测试：调解工作台 𠀀 人民调解']));
    expect(t!.qr).toEqual(['mediation-desk:print-test:80mm']);
    expect(t!.cut && t!.chineseMode && t!.initialised).toBe(true);
    for (const l of t!.styledLines) expect(l.columns).toBeLessThanOrEqual(48);
  });

  it('takes --width 58 and --centre-name', async () => {
    const printer = await listener();
    await run('--printer', `127.0.0.1:${printer.port}`, '--width', '58', '--centre-name', '海淀区𠀀调解中心');
    expect(process.exitCode ?? 0).toBe(0);
    const [t] = await printer.received();
    expect(t!.lines).toContain('海淀区𠀀调解中心');
    expect(t!.lines).toContain('12345678901234567890123456789012');
    expect(t!.qr).toEqual(['mediation-desk:print-test:58mm']);
    for (const l of t!.styledLines) expect(l.columns).toBeLessThanOrEqual(32);
  });

  it.each([['76'], ['80mm'], ['abc'], ['']])('refuses --width %j in Chinese, exit status 1, nothing sent', async (w) => {
    const printer = await listener();
    await run('--printer', printer.uri, '--width', w);
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toContain('纸宽只能是 58 或 80');
    expect(printer.connections()).toBe(0);
  });

  it('asks for --printer in Chinese when it is missing', async () => {
    await run();
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toContain('请用 --printer 指定打印机地址');
  });

  it('reports a malformed address', async () => {
    await run('--printer', 'http://192.168.1.50');
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toContain('打印机地址无效');
  });

  it('exits 1 with the printer message when the printer is off', async () => {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as net.AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    await run('--printer', `tcp://127.0.0.1:${port}`);
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toBe(`打印机未连接（127.0.0.1:${port} 拒绝连接），请检查电源和网线后点击“重新打印”\n`);
    expect(out.join('')).toBe('');
  });

  it('exits 1 with 缺纸 when the printer is out of paper', async () => {
    const printer = await listener('paper-out');
    await run('--printer', printer.uri);
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toContain('缺纸');
  });

  it('does not report success when the printer never reads', async () => {
    const printer = await listener('refuse-read');
    await run('--printer', printer.uri);
    expect(process.exitCode).toBe(1);
    expect(err.join('')).toContain('打印机');
  }, 15_000);
});
