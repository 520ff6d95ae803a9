/**
 * One LAN port for HTTPS, with a polite answer to plain HTTP. Someone who types the host's address
 * without `https://` sends plain HTTP to the HTTPS port; a bare TLS server drops that connection and
 * the browser shows an unhelpful error. Instead the first byte is looked at: a TLS ClientHello
 * always starts with 0x16 (a handshake record) and goes to the HTTPS server; anything else gets a
 * `301` to the same path over `https://` (browsers follow it; its short page says the same in words),
 * then the connection is closed. Nothing read from a plain connection reaches the API.
 */
import type net from 'node:net';

/** The first byte of a TLS record carrying a handshake (RFC 8446 §5.1, ContentType.handshake). */
export const TLS_HANDSHAKE = 0x16;
/** A plain request line and headers larger than this get a 400 instead of a redirect. */
const MAX_PLAIN_HEAD = 8 * 1024;

/**
 * Route a fresh connection: TLS to `tlsServer`, plain HTTP to the redirect. A socket that sends
 * nothing is left to the caller's first-request timer, which destroys it.
 */
export function routeByFirstByte(socket: net.Socket, tlsServer: net.Server, waitMs: number): void {
  // Read in paused mode and put the bytes back: a socket switched to flowing mode ('data') before
  // the TLS layer wraps it loses what that layer writes on some paths (a 431 answer, for one).
  const first = socket.read() as Buffer | null;
  if (first === null) {
    socket.once('readable', () => routeByFirstByte(socket, tlsServer, waitMs));
    return;
  }
  socket.unshift(first);
  if (first[0] === TLS_HANDSHAKE) tlsServer.emit('connection', socket);
  else answerPlain(socket, waitMs);
}

function answerPlain(socket: net.Socket, waitMs: number): void {
  let head = '';
  const timer = setTimeout(() => socket.destroy(), waitMs);
  timer.unref();
  const onData = (chunk: Buffer) => {
    head += chunk.toString('latin1');
    const end = head.indexOf('\r\n\r\n');
    if (end === -1 && head.length <= MAX_PLAIN_HEAD) return;
    socket.off('data', onData);
    clearTimeout(timer);
    const reply = end === -1 ? null : redirectFor(head.slice(0, end));
    socket.end(reply ?? badRequest());
    socket.destroySoon();
  };
  socket.on('data', onData);
  socket.resume();
}

/** The `https://` URL a plain request is sent to, or null when its request line or Host is not usable. */
export function httpsLocation(head: string): string | null {
  const [requestLine = '', ...headers] = head.split('\r\n');
  const m = /^[A-Z]{3,10} (\/[^\s]*) HTTP\/1\.[01]$/.exec(requestLine);
  if (!m || m[1]!.startsWith('//')) return null;
  const hostLine = headers.find((h) => /^host:/i.test(h));
  const host = hostLine?.slice(5).trim() ?? '';
  // A host name or address with an optional port; nothing that could break out of the header.
  if (!/^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.test(host)) return null;
  return `https://${host}${m[1]}`;
}

function redirectFor(head: string): string | null {
  const location = httpsLocation(head);
  if (!location) return null;
  const body =
    `<!doctype html><meta charset="utf-8"><title>请使用 HTTPS</title>` +
    `<p>本中心主机只接受加密连接，请用 <a href="${escapeHtml(location)}">${escapeHtml(location)}</a> 打开。</p>` +
    `<p>This centre host only accepts HTTPS: open ${escapeHtml(location)}</p>`;
  return (
    `HTTP/1.1 301 Moved Permanently\r\nLocation: ${location}\r\nContent-Type: text/html; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

function badRequest(): string {
  const body = '本中心主机只接受 HTTPS 连接，请在地址前加 https:// / This host only accepts HTTPS.';
  return `HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
