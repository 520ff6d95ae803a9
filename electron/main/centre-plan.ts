/**
 * How the desktop app starts in each centre mode, decided without Electron so it is unit-tested
 * (tests/unit/electron-main/centre-plan.test.ts); index.ts only carries the plan out.
 *
 * - standalone (one PC): the services run in this process on the data dir; the window is the
 *   app's own pages (app://) talking over IPC. As before the centre network existed.
 * - host (本机作为中心主机): the services run in a utility process (electron/host/centre-host-entry.ts),
 *   the LAN host on HTTPS, so serving a whole centre never freezes a window. This process does not
 *   open the database: the utility host holds the data dir's lock. The window is a client of that
 *   host over loopback, with its launch token (the host's own operator, as `npm run serve` prints
 *   it) and its certificate pinned. Loopback HTTPS rather than a second, plain listener: one
 *   server, one code path, the same one every workstation uses, push channel included.
 * - workstation (连接到中心主机): no database here at all. The window shows the host's pages over
 *   HTTPS with the fingerprint the admin compared pinned for good, and the device credential the
 *   host gives at pairing is kept encrypted with safeStorage (workstation-credential.ts).
 */
import type { CentreMode } from '../common/centre-mode';
import type { PinnedHost } from './pinning-rules';

export type CentrePlan =
  | { kind: 'standalone'; localBackend: true; utilityHost: null; pinned: null }
  | { kind: 'host'; localBackend: false; utilityHost: { port: number }; pinned: null }
  | { kind: 'workstation'; localBackend: false; utilityHost: null; pinned: PinnedHost; origin: string };

export function planCentreMode(mode: CentreMode): CentrePlan {
  switch (mode.kind) {
    case 'standalone':
      return { kind: 'standalone', localBackend: true, utilityHost: null, pinned: null };
    case 'host':
      // The host's certificate is pinned once the utility host has said which it is (parseHostBanner).
      return { kind: 'host', localBackend: false, utilityHost: { port: mode.port }, pinned: null };
    case 'workstation':
      return {
        kind: 'workstation',
        localBackend: false,
        utilityHost: null,
        pinned: { host: mode.host, fingerprint: mode.fingerprint },
        origin: `https://${mode.host}:${mode.port}`,
      };
  }
}

export interface HostBanner {
  port: number;
  token: string;
  fingerprint: string;
}

/**
 * What the utility host printed when it started (run-host.ts): the URL line with the port and the
 * launch token, and the `SHA256:` line. Null until both lines are complete.
 */
export function parseHostBanner(output: string): HostBanner | null {
  const url = /https:\/\/[^\s/]+:(\d{1,5})\/\?token=([A-Za-z0-9_-]{16,})\s*$/m.exec(output);
  const fp = /^SHA256: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\s*$/m.exec(output);
  if (!url || !fp) return null;
  return { port: Number(url[1]), token: url[2]!, fingerprint: fp[1]! };
}

/** The loopback address the host's own window uses: the certificate names 127.0.0.1 (tls.ts). */
export const LOOPBACK_HOST = '127.0.0.1';

/** The first page of a window that is a client of a centre host (its own, or as a workstation). */
export function remoteWindowUrl(origin: string, opts: { token?: string | null; kiosk: boolean }): string {
  const query = opts.token ? `?token=${encodeURIComponent(opts.token)}` : '';
  return `${origin}/${query}${opts.kiosk ? '#/kiosk' : ''}`;
}

/** Why the host could not start, for the error dialog: the utility host's last words, in Chinese. */
export function hostStartFailure(stderr: string, port: number): string {
  if (/端口 \d+ 已被占用|EADDRINUSE/.test(stderr)) return `端口 ${port} 已被占用：请关闭占用它的程序（或另一份调解工作台），然后重新打开。`;
  if (/数据目录已被|ELOCKED/.test(stderr)) return '数据目录正被另一个程序使用：请先关闭它，然后重新打开。';
  const last = stderr.trim().split('\n').filter(Boolean).at(-1);
  return last
    ? `中心主机未能启动：${last.replace(/^错误 \/ error:\s*/, '')}`
    : '中心主机未能启动，原因不明：请查看数据目录下 logs/ 中的日志。';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a window shows while its centre host cannot be reached (self-contained, no script). */
export function waitingPage(origin: string): (attempt: number) => string {
  return (attempt) =>
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>正在连接中心主机</title>` +
    `<body style="font:20px/1.6 'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:15vh auto;max-width:36em;padding:0 1em;color:#1f1f1f">` +
    `<h1 style="font-size:28px">正在连接中心主机…</h1>` +
    `<p>中心主机 ${escapeHtml(origin)} 暂时无法连接（已尝试 ${attempt} 次），每 5 秒自动重试。</p>` +
    `<p>请确认中心主机已开机并运行调解工作台，本机与主机在同一局域网内，防火墙已放行该端口。</p>` +
    `<p>如果主机已重装或更换了证书，本机会拒绝连接：请联系管理员重新配对。</p></body></html>`;
}
