import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHeader as hostCspHeader } from '../../../electron/host/csp';
import {
  APP_ORIGIN,
  contentTypeFor,
  cspHeader,
  isAllowedNavigation,
  isAllowedPermission,
  isTrustedSender,
  MAX_PRINT_HTML_BYTES,
  originOf,
  printCspHeader,
  printHtmlArgsSchema,
  resolveAppAssetPath,
  safePdfFileName,
  savePdfArgsSchema,
} from '../../../electron/main/security-rules';

const DEV = 'http://localhost:5173';

describe('navigation allow-list', () => {
  it('allows the app itself, whatever the path, query or hash', () => {
    expect(APP_ORIGIN).toBe('app://mediation-desk');
    for (const url of [
      'app://mediation-desk/index.html',
      'app://mediation-desk/index.html#/cases/1',
      'app://mediation-desk/?a=b',
      'app://MEDIATION-DESK/index.html',
    ]) {
      expect(isAllowedNavigation(url, APP_ORIGIN), url).toBe(true);
    }
  });

  it('refuses every other origin, including look-alikes that a substring test would let through', () => {
    for (const url of [
      'app://evil/index.html',
      'app://mediation-desk.evil.example/',
      'app://mediation-desk:8080/',
      'app://mediation-desk@evil/',
      'app://user:pw@mediation-desk/',
      'https://evil.example/?next=app://mediation-desk/',
      'https://evil.example/app://mediation-desk',
      'http://mediation-desk/',
      'file:///C:/Windows/win.ini',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'blob:app://mediation-desk/123',
      'foo://bar/',
      'app://',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url, APP_ORIGIN), url).toBe(false);
    }
  });

  it('never treats two opaque "null" origins as the same', () => {
    // Node gives every non-special scheme the origin "null": comparing URL.origin would match.
    expect(new URL('foo://bar/').origin).toBe(new URL('app://mediation-desk/').origin);
    expect(isAllowedNavigation('foo://bar/', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('file:///a.html', 'file:///b.html')).toBe(false);
  });

  it('follows the dev server origin exactly (scheme, host and port)', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/kiosk', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173.evil.example/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173@evil.example/', DEV)).toBe(false);
    expect(isAllowedNavigation(DEV, 'not a url')).toBe(false);
  });

  it('builds origins from protocol and host', () => {
    expect(originOf('app://Mediation-Desk/x?y#z')).toBe('app://mediation-desk');
    expect(originOf('https://Example.org:8443/a')).toBe('https://example.org:8443');
    expect(originOf('file:///x')).toBeNull();
    expect(originOf('ws://localhost:5173')).toBeNull();
  });
});

describe('IPC sender check', () => {
  it('trusts only frames of the app', () => {
    expect(isTrustedSender('app://mediation-desk/index.html#/login', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('app://print/0b6f6e0e-5b1b-4c59-9d7e-2d1f9a8b7c6d.html', APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('about:blank', APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('', APP_ORIGIN)).toBe(false);
  });
});

describe('permissions', () => {
  it('grants clipboard writing to the app and nothing else to anyone', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://mediation-desk/index.html', APP_ORIGIN)).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://mediation-desk', APP_ORIGIN)).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isAllowedPermission('clipboard-sanitized-write', undefined, APP_ORIGIN)).toBe(false);
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'serial',
      'hid',
      'usb',
      'unknown',
    ]) {
      expect(isAllowedPermission(permission, 'app://mediation-desk/index.html', APP_ORIGIN), permission).toBe(false);
    }
  });
});

describe('Content-Security-Policy', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );

  it('is strict: scripts from the app only, no plugins, no base, no framing', () => {
    const csp = directives(cspHeader());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(cspHeader()).not.toMatch(/unsafe-eval|\*/);
  });

  it('is the browser host policy, so the renderer behaves the same under both hosts', () => {
    expect(cspHeader()).toBe(hostCspHeader());
  });

  it('relaxes only what the Vite dev server needs, and only when asked', () => {
    const csp = directives(cspHeader({ devServerOrigin: 'http://localhost:5173/' }));
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(cspHeader({ devServerOrigin: 'nonsense' })).toBe(cspHeader());
  });

  it('lets a print job load nothing and run nothing', () => {
    const csp = directives(printCspHeader());
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false);
    expect(csp.get('img-src')).toEqual(['data:']);
  });
});

describe('app:// file resolution', () => {
  const root = '/opt/app/out/renderer';

  it('serves files inside the renderer folder, index.html for the root', () => {
    expect(resolveAppAssetPath(root, 'app://mediation-desk/', path.posix)).toBe(`${root}/index.html`);
    expect(resolveAppAssetPath(root, 'app://mediation-desk', path.posix)).toBe(`${root}/index.html`);
    expect(resolveAppAssetPath(root, 'app://mediation-desk/index.html#/kiosk', path.posix)).toBe(`${root}/index.html`);
    expect(resolveAppAssetPath(root, 'app://mediation-desk/assets/index-abc.js?v=1', path.posix)).toBe(`${root}/assets/index-abc.js`);
    expect(resolveAppAssetPath(root, 'app://mediation-desk/assets/%E8%B0%83.png', path.posix)).toBe(`${root}/assets/调.png`);
  });

  it('refuses other hosts and broken URLs', () => {
    for (const url of [
      'app://print/x.html',
      'app://evil/index.html',
      'https://mediation-desk/index.html',
      'app://mediation-desk/a%00.html',
      'app://mediation-desk/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveAppAssetPath(root, url, path.posix), url).toBeNull();
    }
  });

  // An escape attempt either fails or is folded back inside the folder (the URL parser resolves
  // %2e%2e as ".." before we see it); it never yields a path outside.
  const staysInside = (rootDir: string, url: string, p: path.PlatformPath) => {
    const file = resolveAppAssetPath(rootDir, url, p);
    return file === null || (file.startsWith(rootDir + p.sep) && !p.relative(rootDir, file).split(p.sep).includes('..'));
  };

  it('never resolves outside the folder on POSIX', () => {
    for (const url of [
      'app://mediation-desk/../../etc/passwd',
      'app://mediation-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://mediation-desk/..%2f..%2fetc%2fpasswd',
      'app://mediation-desk/assets/..%2F..%2F..%2Fsecret',
      'app://mediation-desk/%2e%2e',
      'app://mediation-desk/%2F%2Fetc%2Fpasswd',
    ]) {
      expect(staysInside(root, url, path.posix), url).toBe(true);
    }
    expect(resolveAppAssetPath(root, 'app://mediation-desk/..%2f..%2fetc%2fpasswd', path.posix)).toBeNull();
  });

  it('never resolves outside the folder on Windows', () => {
    const winRoot = 'C:\\Program Files\\mediation-desk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppAssetPath(winRoot, 'app://mediation-desk/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    for (const url of [
      'app://mediation-desk/..%5c..%5c..%5cwindows%5cwin.ini',
      'app://mediation-desk/C:/Windows/win.ini',
      'app://mediation-desk/C:%5cWindows%5cwin.ini',
      'app://mediation-desk/%5c%5cserver%5cshare%5cx',
      'app://mediation-desk/assets/..%5c..%5c..%5c..%5cx',
    ]) {
      expect(staysInside(winRoot, url, path.win32), url).toBe(true);
    }
    expect(resolveAppAssetPath(winRoot, 'app://mediation-desk/C:/Windows/win.ini', path.win32)).toBeNull();
    expect(resolveAppAssetPath(winRoot, 'app://mediation-desk/..%5c..%5cx', path.win32)).toBeNull();
  });

  it('labels module scripts as JavaScript (Chromium refuses them otherwise)', () => {
    expect(contentTypeFor('/x/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/INDEX.HTML')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/a.css')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('PDF file names proposed by the renderer', () => {
  it('keeps Chinese names and adds .pdf once', () => {
    expect(safePdfFileName('调解协议书（张三 诉 李四）')).toBe('调解协议书（张三 诉 李四）.pdf');
    expect(safePdfFileName('协议.PDF')).toBe('协议.pdf');
  });

  it('removes folders, reserved characters and device names', () => {
    expect(safePdfFileName('../../etc/passwd')).not.toMatch(/[/\\]/);
    expect(safePdfFileName('C:\\Windows\\x')).toBe('C__Windows_x.pdf');
    expect(safePdfFileName('a<b>c:d"e|f?g*h\u0000i')).toBe('a_b_c_d_e_f_g_h_i.pdf');
    expect(safePdfFileName('CON')).toBe('文书.pdf');
    expect(safePdfFileName('lpt1.txt')).toBe('文书.pdf');
    expect(safePdfFileName('   ')).toBe('文书.pdf');
    expect(safePdfFileName('name. . ')).toBe('name.pdf');
    expect(Array.from(safePdfFileName('调'.repeat(300)))).toHaveLength(84);
  });
});

describe('print IPC input', () => {
  it('accepts one HTML string', () => {
    expect(printHtmlArgsSchema.safeParse(['<p>协议</p>']).success).toBe(true);
    expect(savePdfArgsSchema.parse(['<p>协议</p>', '  协议书  '])).toEqual(['<p>协议</p>', '协议书']);
  });

  it('refuses wrong shapes with a Chinese message', () => {
    const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;
    expect(message(printHtmlArgsSchema.safeParse(['']))).toBe('没有可打印的内容');
    expect(printHtmlArgsSchema.safeParse([123]).success).toBe(false);
    expect(printHtmlArgsSchema.safeParse([]).success).toBe(false);
    expect(printHtmlArgsSchema.safeParse(['<p/>', 'extra']).success).toBe(false);
    expect(printHtmlArgsSchema.safeParse('<p/>').success).toBe(false);
    expect(message(savePdfArgsSchema.safeParse(['<p/>', '   ']))).toBe('请提供文件名');
    expect(savePdfArgsSchema.safeParse(['<p/>', { toString: () => 'x' }]).success).toBe(false);
  });

  it('limits the document to 5 MB of UTF-8, not 5 M characters', () => {
    expect(printHtmlArgsSchema.safeParse(['a'.repeat(MAX_PRINT_HTML_BYTES)]).success).toBe(true);
    expect(printHtmlArgsSchema.safeParse(['a'.repeat(MAX_PRINT_HTML_BYTES + 1)]).success).toBe(false);
    // 3 bytes per character: under the limit in characters, over it in bytes.
    const chinese = '调'.repeat(Math.floor(MAX_PRINT_HTML_BYTES / 3) + 1);
    const r = printHtmlArgsSchema.safeParse([chinese]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('文书内容超过 5 MB，无法打印');
  });
});
