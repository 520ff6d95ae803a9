import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../common/errors';
import { action, secretStoreFor } from '../support';

const parsePort = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new AppError('VALIDATION', '端口应为 0–65535 的整数 / port must be 0–65535');
  return n;
};

/**
 * `serve`: run the host headless (e.g. as an OS service with nobody logged in) until SIGINT/SIGTERM.
 * In the packaged app: `mediation-desk --cli serve --data-dir DIR --lan`.
 */
export default function register(program: Command): void {
  program
    .command('serve')
    .description('运行主机（--lan：作为中心主机在局域网上提供 HTTPS 服务）/ run the host headless')
    .requiredOption('--data-dir <dir>', '数据目录 / data dir')
    .option('--lan', '作为中心主机在局域网上提供 HTTPS 服务（默认端口 7443）/ serve the centre LAN over HTTPS')
    .option('--bind <addr>', '--lan 时监听的地址（默认 0.0.0.0）/ address to bind with --lan')
    .option('--port <port>', '端口 / port')
    .option('--static-dir <dir>', '界面文件目录（默认：已构建的浏览器版界面）/ the built renderer')
    .action(
      action(async (o: { dataDir: string; lan?: boolean; bind?: string; port?: string; staticDir?: string }) => {
        if (o.bind && !o.lan) throw new AppError('VALIDATION', '--bind 只能与 --lan 一起使用 / --bind needs --lan');
        const port = o.port === undefined ? undefined : parsePort(o.port);
        // Loaded only for this command: the other commands never open a server.
        const { runHost } = await import('../../host/run-host');
        const { rendererOut } = await import('../../host/renderer-build');
        const { stop } = await runHost({
          dataDir: o.dataDir,
          staticDir: o.staticDir ? path.resolve(o.staticDir) : rendererOut,
          lan: !!o.lan,
          bind: o.bind,
          port,
          secrets: secretStoreFor(o.dataDir),
        });
        await new Promise<void>((resolve) => {
          // `on`, not `once`: the data dir's lock library (signal-exit) re-raises a signal that no
          // other listener still handles, which would kill the host before stop() has closed it.
          let stopping = false;
          const done = () => {
            if (stopping) return;
            stopping = true;
            void stop().then(resolve);
          };
          process.on('SIGINT', done);
          process.on('SIGTERM', done);
        });
      }),
    );
}
