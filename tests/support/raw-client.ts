/** Raw bytes to the host over TCP (or TLS), the way a broken or hostile client sends them. */
import net from 'node:net';
import tls from 'node:tls';

/** Send `bytes`, collect whatever comes back until the host closes or `ms` pass; never rejects. */
export function sendRaw(
  c: { port: number; lan: boolean },
  bytes: Buffer | string,
  ms = 500,
): Promise<{ reply: string; closedByHost: boolean }> {
  return new Promise((resolve) => {
    const socket = c.lan
      ? tls.connect({ host: '127.0.0.1', port: c.port, rejectUnauthorized: false, servername: 'localhost' })
      : net.connect({ host: '127.0.0.1', port: c.port });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closedByHost: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ reply: Buffer.concat(chunks).toString('utf8'), closedByHost });
    };
    const timer = setTimeout(() => finish(false), ms);
    socket.on(c.lan ? 'secureConnect' : 'connect', () => socket.write(bytes, () => undefined));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}
