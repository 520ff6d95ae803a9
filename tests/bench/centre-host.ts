/**
 * The centre host of the centre-load bench, in its own process so that the load generator does not
 * skew it: `node --import tsx tests/bench/centre-host.ts DATA_DIR`. Prints one JSON line
 * {port, token, cert} once it listens (HTTPS on 127.0.0.1, LAN mode), samples its own RSS, and on
 * the line `stop` on stdin closes and prints {"peak_rss_mb": N, "cpu_s": S} (its CPU time: on a busy shared
 * machine the wall-clock latencies say more about the neighbours than about the host).
 */
import './tz';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createBackend } from '../../electron/backend';
import { startHostServer } from '../../electron/host/server';
import { ensureHostCertificate } from '../../electron/host/tls';
import { createLogger } from '../../electron/services/core/logger';

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: centre-host.ts DATA_DIR');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const backend = createBackend({ dataDir, host: 'browser', logger: createLogger({}) });
  const cert = await ensureHostCertificate(dataDir);
  const token = randomBytes(24).toString('base64url');
  const server = await startHostServer({
    backend,
    // The API only: no renderer build is needed for the load.
    staticDir: path.join(dataDir, 'no-renderer'),
    token,
    port: 0,
    lan: { bind: '127.0.0.1', key: cert.key, cert: cert.cert },
  });
  process.stdout.write(`${JSON.stringify({ port: server.port, token, cert: cert.cert })}\n`);
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    if (line.trim() !== 'stop') return;
    rl.close();
    clearInterval(sampler);
    void server.close().then(() => {
      backend.close();
      const cpu = process.cpuUsage();
      process.stdout.write(
        `${JSON.stringify({ peak_rss_mb: Math.round(peak / 1024 / 1024), cpu_s: Math.round((cpu.user + cpu.system) / 1e5) / 10 })}\n`,
      );
      process.exit(0);
    });
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`centre-host: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
