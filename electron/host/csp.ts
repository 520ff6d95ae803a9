/**
 * The Content-Security-Policy of the browser host's pages. antd's CSS-in-JS writes <style>
 * elements at run time, hence 'unsafe-inline' for styles only; scripts come from 'self' alone.
 */
export const cspHeader = (): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
