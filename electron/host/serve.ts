/**
 * `npm run serve -- --data-dir DIR [--port P]`: the app in a browser, on 127.0.0.1 only.
 * Prints exactly one line with the full URL (including this launch's token) and runs until
 * SIGINT/SIGTERM, which close the database cleanly.
 */
import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { createBackend } from '../backend';
import { isAppError } from '../common/errors';
import { defaultDataDir, resolveDataDir } from '../services/data-dir';
import { ensureRendererBuilt, rendererOut } from './renderer-build';
import { startHostServer } from './server';

const parsePort = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('端口应为 0–65535 的整数');
  return n;
};

async function main() {
  const program = new Command('serve')
    .description('调解工作台浏览器版 / browser host')
    .option('--data-dir <dir>', '数据目录 / data dir')
    .option('--port <port>', '端口（默认随机空闲端口）/ port', parsePort, 0)
    .option('--no-build', '不自动构建界面 / do not build the renderer when missing')
    .parse(process.argv);
  const opts = program.opts<{ dataDir?: string; port: number; build: boolean }>();
  const dataDir = resolveDataDir({ argv: opts.dataDir ? ['--data-dir', opts.dataDir] : [], env: process.env, fallback: defaultDataDir() });

  if (opts.build) await ensureRendererBuilt();
  const backend = createBackend({ dataDir, host: 'browser' });
  backend.startBackgroundJobs();
  const token = randomBytes(24).toString('base64url');
  const server = await startHostServer({ backend, staticDir: rendererOut, token, port: opts.port });

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  process.stdout.write(`调解工作台已启动，请在浏览器中打开 / open: ${server.url}?token=${token}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`启动失败 / failed to start: ${isAppError(e) ? e.message : (e as Error).message}\n`);
  process.exit(1);
});
