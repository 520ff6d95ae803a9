/**
 * The decisions behind the Electron guards, kept free of any `electron` import so that they are
 * unit-tested under plain Node (tests/unit/electron-main/security-rules.test.ts). security.ts,
 * app-protocol.ts and ipc.ts only wire these into Electron's hooks.
 */
import path from 'node:path';
import { z } from 'zod';

/**
 * The packaged renderer is served from a custom standard scheme rather than file://: every
 * file:// URL has the opaque origin "null", so an origin check could not tell our page from any
 * other local file, and a CSP header cannot be attached to a file:// response.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mediation-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Print jobs get their own origin so that a document can never reach the app's IPC or pages. */
export const PRINT_HOST = 'print';

const WEB_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'http:', 'https:']);

/**
 * scheme://host[:port] of a URL, or null when it is not one we could ever trust.
 * Node's URL gives the origin "null" for non-special schemes such as app:, so the origin is
 * rebuilt from protocol and host instead of read from `URL.origin`; comparing two "null"s would
 * otherwise let any custom-scheme URL through.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!WEB_PROTOCOLS.has(url.protocol) || !url.host) return null;
  if (url.username || url.password) return null;
  // Chromium lower-cases hosts of standard schemes; Node does not for app:, so normalise here.
  return `${url.protocol}//${url.host.toLowerCase()}`;
}

function sameOrigin(url: string, appOrigin: string): boolean {
  const expected = originOf(appOrigin);
  return expected !== null && originOf(url) === expected;
}

/** A page may only ever navigate within the app itself; everything else is refused. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  return sameOrigin(url, appOrigin);
}

/** IPC is answered only for frames showing the app's own pages. */
export function isTrustedSender(frameUrl: string | null | undefined, appOrigin: string): boolean {
  return typeof frameUrl === 'string' && sameOrigin(frameUrl, appOrigin);
}

/**
 * Permissions are denied, with one exception: writing (never reading) the clipboard from the app's
 * own pages, so a clerk can copy a case number or query code. Chromium asks for it on
 * `navigator.clipboard.writeText`, and writing leaks nothing.
 */
export function isAllowedPermission(permission: string, requestingUrl: string | null | undefined, appOrigin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSender(requestingUrl, appOrigin);
}

/**
 * The app's Content-Security-Policy. The directives are the browser host's (electron/host/csp.ts;
 * a test keeps the two equal) so that the renderer behaves the same under both hosts.
 * style-src needs 'unsafe-inline' because antd's CSS-in-JS writes <style> elements at run time;
 * scripts come from 'self' only.
 *
 * `devServerOrigin` (electron-vite dev only, never packaged) relaxes two things the Vite dev
 * server needs: the inline React Refresh preamble that @vitejs/plugin-react injects, and the HMR
 * web socket.
 */
export function cspHeader(opts: { devServerOrigin?: string } = {}): string {
  const dev = opts.devServerOrigin ? originOf(opts.devServerOrigin) : null;
  const devSocket = dev ? dev.replace(/^http/, 'ws') : null;
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    devSocket ? `connect-src 'self' ${devSocket}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * CSP of a print job: our generated documents are self-contained (inline CSS, data: images) and
 * run no script, so nothing may load from anywhere.
 */
export const printCspHeader = (): string =>
  ["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', 'font-src data:', "base-uri 'none'", "form-action 'none'"].join(
    '; ',
  );

/**
 * The file under `rootDir` that an app:// request asks for, or null (→ 404) when the URL is for
 * another host or would escape the folder. `p` is injectable so Windows paths are tested too.
 */
export function resolveAppAssetPath(rootDir: string, requestUrl: string, p: path.PlatformPath = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname.replace(/^[/\\]+/, '') || 'index.html';
  const root = p.resolve(rootDir);
  const file = p.resolve(root, relative);
  const inside = p.relative(root, file);
  if (!inside || inside.split(p.sep)[0] === '..' || p.isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused by Chromium unless served with a JavaScript MIME type. */
export const contentTypeFor = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * A file name proposed by the renderer for "save as PDF", made harmless: no folders, no
 * characters Windows refuses, no reserved device names. The user still picks the final path in
 * the native dialog; the renderer never chooses where a file is written.
 */
export function safePdfFileName(suggested: string): string {
  let name = suggested
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/\.pdf$/i, '')
    .trim()
    .replace(/[. ]+$/, '');
  if (!name || /^_+$/.test(name) || WINDOWS_RESERVED.test(name)) name = '文书';
  return `${Array.from(name).slice(0, 80).join('')}.pdf`;
}

/** Bytes, not characters: a 5 MB limit on what crosses IPC and is held in memory per print job. */
export const MAX_PRINT_HTML_BYTES = 5 * 1024 * 1024;

const htmlSchema = z
  .string({ error: '打印内容必须是文本' })
  .min(1, '没有可打印的内容')
  .max(MAX_PRINT_HTML_BYTES, '文书内容超过 5 MB，无法打印')
  .refine((html) => Buffer.byteLength(html, 'utf8') <= MAX_PRINT_HTML_BYTES, '文书内容超过 5 MB，无法打印');

/** Arguments of the two print channels, as they arrive over IPC (untrusted until parsed). */
export const printHtmlArgsSchema = z.tuple([htmlSchema]);
export const savePdfArgsSchema = z.tuple([
  htmlSchema,
  z.string({ error: '文件名必须是文本' }).trim().min(1, '请提供文件名').max(120, '文件名过长'),
]);
