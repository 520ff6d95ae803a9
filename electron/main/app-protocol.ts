/**
 * The app:// scheme: the built renderer is served from app://mediation-desk/ (and print jobs from
 * app://print/ in their own session, see print.ts). A real origin is what makes the navigation
 * and IPC sender checks meaningful, and lets every response carry the CSP header.
 */
import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, contentTypeFor, cspHeader, resolveAppAssetPath } from './security-rules';

/** Must run before `app.whenReady()`: Chromium fixes its scheme table at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: origin and relative URLs like http; secure: like https (no mixed-content
      // surprises); codeCache: V8 caches our bundles as it would for https.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Serve `rootDir` (out/renderer) on app://mediation-desk/ for this session, read-only. */
export function serveRenderer(ses: Session, rootDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppAssetPath(rootDir, request.url);
    if (!file) return notFound();
    try {
      const body = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': cspHeader(),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return notFound();
    }
  });
}
