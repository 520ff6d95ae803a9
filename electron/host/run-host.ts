/**
 * Start the host on a data dir and keep it running until SIGINT/SIGTERM, which close the streams,
 * the connections and the database cleanly. Shared by `npm run serve` and `mediation-desk --cli serve`.
 *
 * Prints one line with the URL (with this launch's token: whoever opens it acts as this machine);
 * in LAN mode a second line `SHA256: AB:CD:…`, the certificate fingerprint the workstations compare.
 */
import { randomBytes } from 'node:crypto';
import { createBackend } from '../backend';
import type { SecretStore } from '../services/secrets';
import { LAN_DEFAULT_PORT } from '../common/api/devices';
import { ensureHostCertificate } from './tls';
import { startHostServer, type HostServer } from './server';

export interface RunHostOptions {
  dataDir: string;
  staticDir: string;
  lan: boolean;
  bind?: string | undefined;
  port?: number | undefined;
  out?: (line: string) => void;
  /** Where the district token is kept; default: the data dir's 0600 file (services/secrets.ts). */
  secrets?: SecretStore | undefined;
}

export async function runHost(opts: RunHostOptions): Promise<{ server: HostServer; stop: () => Promise<void> }> {
  const out = opts.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const backend = createBackend({ dataDir: opts.dataDir, host: 'browser', ...(opts.secrets ? { secrets: opts.secrets } : {}) });
  let server: HostServer;
  let fingerprint: string | null = null;
  try {
    const token = randomBytes(24).toString('base64url');
    if (opts.lan) {
      const cert = await ensureHostCertificate(opts.dataDir, opts.bind ? [opts.bind] : []);
      fingerprint = cert.fingerprint;
      server = await startHostServer({
        backend,
        staticDir: opts.staticDir,
        token,
        port: opts.port ?? LAN_DEFAULT_PORT,
        lan: { bind: opts.bind ?? '0.0.0.0', key: cert.key, cert: cert.cert },
      });
    } else {
      server = await startHostServer({ backend, staticDir: opts.staticDir, token, port: opts.port ?? 0 });
    }
    backend.startBackgroundJobs();
    if (opts.lan) {
      out(`调解工作台中心主机已启动，请在浏览器中打开 / open: ${server.url}?token=${token}`);
      out(`SHA256: ${fingerprint}`);
    } else {
      out(`调解工作台已启动，请在浏览器中打开 / open: ${server.url}?token=${token}`);
    }
  } catch (e) {
    backend.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(`端口 ${opts.port ?? LAN_DEFAULT_PORT} 已被占用：请关闭占用它的程序，或用 --port 换一个端口`, { cause: e });
    if (code === 'EADDRNOTAVAIL') throw new Error(`本机没有地址 ${opts.bind ?? ''}：请检查 --bind`, { cause: e });
    throw e;
  }
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await server.close();
      backend.close();
    })());
  return { server, stop };
}
