import type http from 'node:http';

/** Answer with JSON; a response that can no longer be written is dropped instead of throwing. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string | string[]> = {},
): void {
  try {
    if (res.headersSent || res.destroyed || res.writableEnded) {
      res.destroy();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders });
    res.end(JSON.stringify(body));
  } catch {
    res.destroy();
  }
}
