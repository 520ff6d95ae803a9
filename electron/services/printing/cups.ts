/**
 * A system printer by name (printer:NAME): through the desktop app's transport when it passes one,
 * else through the CUPS clients (lp, lpstat) where they exist. Plain Node has no other clean way.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../common/errors';
import { RETRY, type PrinterStatus, type SystemPrinterTransport } from './printer-status';

function findExecutable(name: string): string | null {
  if (process.platform === 'win32') return null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

function desktopOnly(name: string): AppError {
  return new AppError(
    'PRINTER',
    `系统打印机“${name}”只能在桌面应用中使用；在命令行或浏览器中请改用网络打印机地址（如 tcp://192.168.1.50:9100）`,
  );
}

interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a CUPS client without a shell; never rejects, never outlives timeoutMs. */
function runCommand(file: string, args: string[], timeoutMs: number, input?: Buffer): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    let settled = false;
    const settle = (code: number | null, timedOut: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, timedOut, ...out });
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(null, true);
    }, timeoutMs);
    for (const key of ['stdout', 'stderr'] as const) {
      child[key].setEncoding('utf8');
      child[key].on('data', (s: string) => {
        if (out[key].length < 4000) out[key] += s;
      });
    }
    child.on('error', (err) => {
      out.stderr ||= err.message;
      settle(null, false);
    });
    // lp may exit before reading everything (unknown printer); its exit status says why.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => settle(code, false));
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0]?.slice(0, 200) ?? '';
}

/** CUPS raw queue: the only clean way to reach a named printer from plain Node, and only where lp exists. */
async function sendWithLp(lp: string, name: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  const r = await runCommand(lp, ['-d', name, '-o', 'raw'], timeoutMs, bytes);
  if (r.timedOut) {
    throw new AppError('PRINTER', `系统打印机“${name}”无响应（${Math.round(timeoutMs / 1000)} 秒），请检查打印机后${RETRY}`);
  }
  if (r.code !== 0) {
    const why = firstLine(r.stderr) || `lp 退出码 ${String(r.code)}`;
    throw new AppError('PRINTER', `系统打印机“${name}”打印失败：${why}，请检查打印机后${RETRY}`);
  }
}

async function checkWithLpstat(lpstat: string, name: string, timeoutMs: number): Promise<PrinterStatus> {
  const r = await runCommand(lpstat, ['-p', name], timeoutMs);
  if (r.code !== 0) {
    const why = firstLine(r.stderr) || (r.timedOut ? '查询超时' : `lpstat 退出码 ${String(r.code)}`);
    return { online: false, ready: false, paper: 'unknown', message: `系统打印机“${name}”不可用：${why}` };
  }
  if (/\bdisabled\b|已禁用|已停用/i.test(r.stdout)) {
    return { online: false, ready: false, paper: 'unknown', message: `系统打印机“${name}”已停用：${firstLine(r.stdout)}` };
  }
  return { online: true, ready: true, paper: 'unknown', message: `系统打印机“${name}”可用（无法读取纸张状态）` };
}

/** Sends bytes to the named printer; throws AppError('PRINTER') when it did not take them. */
export async function sendToSystem(name: string, bytes: Buffer, timeoutMs: number, transport?: SystemPrinterTransport): Promise<void> {
  if (transport) {
    try {
      await transport(name, bytes, { timeoutMs });
    } catch (e) {
      if (isAppError(e)) throw e;
      throw new AppError('PRINTER', `系统打印机“${name}”打印失败：${e instanceof Error ? e.message : String(e)}，请检查打印机后${RETRY}`);
    }
    return;
  }
  const lp = findExecutable('lp');
  if (!lp) throw desktopOnly(name);
  await sendWithLp(lp, name, bytes, timeoutMs);
}

/** Whether the named printer is there and enabled (CUPS cannot tell the paper state). */
export async function checkSystemPrinter(name: string, timeoutMs: number): Promise<PrinterStatus> {
  const lpstat = findExecutable('lpstat');
  if (lpstat) return checkWithLpstat(lpstat, name, timeoutMs);
  return { online: false, ready: false, paper: 'unknown', message: desktopOnly(name).message };
}
