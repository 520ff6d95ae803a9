/**
 * Printer addresses as the settings screen and the CLI accept them. A clerk types these by hand,
 * so the parser is forgiving about shape (bare IP, IP:port, full-width colon) and strict about
 * content: a wrong address must fail here with a message, not later as a time-out.
 */
import net from 'node:net';
import { AppError } from '../../common/errors';

export const DEFAULT_PRINTER_PORT = 9100;

export type PrinterUri =
  | { kind: 'tcp'; host: string; port: number; /** normalised, e.g. 'tcp://192.168.1.50:9100' */ uri: string }
  | { kind: 'system'; name: string; /** 'printer:NAME' */ uri: string };

const EXAMPLE = '请填写 tcp://IP地址:端口（如 tcp://192.168.1.50:9100）或 printer:系统打印机名称';

function invalid(detail: string): AppError {
  return new AppError('VALIDATION', `打印机地址无效：${detail}。${EXAMPLE}`, { printer: detail });
}

/** Host and port for messages: IPv6 gets brackets so the port stays readable. */
export function printerAddress(p: PrinterUri): string {
  if (p.kind === 'system') return `系统打印机“${p.name}”`;
  return `${net.isIPv6(p.host) ? `[${p.host}]` : p.host}:${p.port}`;
}

const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

function parseHost(raw: string, input: string): string {
  if (raw === '') throw invalid(`“${input}”缺少 IP 地址或主机名`);
  if (net.isIPv4(raw) || net.isIPv6(raw)) return raw;
  // Digits and dots only but not a valid IPv4 (e.g. 192.168.1.300): say so rather than try DNS.
  if (/^[\d.]+$/.test(raw)) throw invalid(`“${raw}”不是有效的 IP 地址`);
  if (raw.length > 253 || !raw.split('.').every((l) => HOST_LABEL.test(l))) {
    throw invalid(`“${raw}”不是有效的 IP 地址或主机名`);
  }
  return raw.toLowerCase();
}

function parsePort(raw: string, input: string): number {
  if (!/^\d{1,5}$/.test(raw)) throw invalid(`“${input}”中的端口“${raw}”应为 1–65535 的数字`);
  const port = Number(raw);
  if (port < 1 || port > 65535) throw invalid(`“${input}”中的端口“${raw}”应为 1–65535 的数字`);
  return port;
}

function parseTcp(rest: string, input: string): PrinterUri {
  // Clerks on a Chinese IME often type '：' or full-width digits; NFKC folds them to ASCII.
  const s = rest.normalize('NFKC').trim().replace(/\/$/, '');
  let hostRaw: string;
  let portRaw: string | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(s);
  if (bracketed) {
    hostRaw = bracketed[1] ?? '';
    portRaw = bracketed[2];
    if (!net.isIPv6(hostRaw)) throw invalid(`“${hostRaw}”不是有效的 IPv6 地址`);
  } else if (net.isIPv6(s)) {
    hostRaw = s; // a bare IPv6 address has colons but no port
  } else {
    const parts = s.split(':');
    if (parts.length > 2) throw invalid(`“${input}”的格式不对`);
    hostRaw = parts[0] ?? '';
    portRaw = parts[1];
  }
  if (/[/?#@\s]/.test(hostRaw)) throw invalid(`“${input}”的格式不对`);
  const host = parseHost(hostRaw, input);
  const port = portRaw === undefined ? DEFAULT_PRINTER_PORT : parsePort(portRaw, input);
  const shown = net.isIPv6(host) ? `[${host}]` : host;
  return { kind: 'tcp', host, port, uri: `tcp://${shown}:${port}` };
}

function parseSystem(name: string, input: string): PrinterUri {
  const trimmed = name.trim();
  if (trimmed === '') throw invalid(`“${input}”缺少打印机名称`);
  // Control characters cannot be part of a real printer name and would garble logs and argv.
  if (/\p{Cc}/u.test(trimmed)) throw invalid('打印机名称中有不可见的控制字符');
  if (trimmed.length > 200) throw invalid('打印机名称太长');
  return { kind: 'system', name: trimmed, uri: `printer:${trimmed}` };
}

/** Parses `tcp://HOST[:PORT]`, `HOST[:PORT]` or `printer:NAME`; throws AppError('VALIDATION'). */
export function parsePrinterUri(input: unknown): PrinterUri {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new AppError('VALIDATION', `请填写打印机地址。${EXAMPLE}`, { printer: '必填' });
  }
  const s = input.trim();
  const system = /^printer[:：]/i.exec(s);
  if (system) return parseSystem(s.slice(system[0].length), s);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(s);
  if (scheme) {
    if (scheme[1]?.toLowerCase() !== 'tcp') throw invalid(`不支持“${scheme[1]}://”开头的地址`);
    return parseTcp(s.slice(scheme[0].length), s);
  }
  return parseTcp(s, s);
}
