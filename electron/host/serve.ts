/**
 * `npm run serve -- --data-dir DIR [--port P]`: the app in a browser, on 127.0.0.1 only.
 * `npm run serve -- --data-dir DIR --lan [--bind ADDR] [--port P]`: the centre host, HTTPS on the
 * LAN (default 0.0.0.0:7443), for paired workstations.
 * Prints the URL line (and in LAN mode the `SHA256:` fingerprint line) and runs until SIGINT/SIGTERM.
 */
import { Command, InvalidArgumentError } from 'commander';
import { isAppError } from '../common/errors';
import { defaultDataDir, resolveDataDir } from '../services/data-dir';
import { ensureRendererBuilt, rendererOut } from './renderer-build';
import { runHost } from './run-host';

const parsePort = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('端口应为 0–65535 的整数');
  return n;
};

async function main() {
  const program = new Command('serve')
    .description('调解工作台浏览器版 / browser host')
    .option('--data-dir <dir>', '数据目录 / data dir')
    .option('--port <port>', '端口（默认：本机模式随机空闲端口，--lan 为 7443）/ port', parsePort)
    .option('--lan', '作为中心主机在局域网上提供 HTTPS 服务 / serve the centre LAN over HTTPS')
    .option('--bind <addr>', '--lan 时监听的地址（默认 0.0.0.0）/ address to bind with --lan')
    .option('--no-build', '不自动构建界面 / do not build the renderer when missing')
    .parse(process.argv);
  const opts = program.opts<{ dataDir?: string; port?: number; build: boolean; lan?: boolean; bind?: string }>();
  const dataDir = resolveDataDir({ argv: opts.dataDir ? ['--data-dir', opts.dataDir] : [], env: process.env, fallback: defaultDataDir() });
  if (opts.bind && !opts.lan) throw new Error('--bind 只能与 --lan 一起使用（本机模式只监听 127.0.0.1）');

  if (opts.build) await ensureRendererBuilt();
  const { stop } = await runHost({ dataDir, staticDir: rendererOut, lan: !!opts.lan, bind: opts.bind, port: opts.port });
  const shutdown = () => void stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`启动失败 / failed to start: ${isAppError(e) ? e.message : (e as Error).message}\n`);
  process.exit(1);
});
