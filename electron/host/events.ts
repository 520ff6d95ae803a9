/**
 * `GET /api/events`: the push channel as Server-Sent Events. Each successful write somewhere in the
 * centre becomes `event: change` with its topics; a `: ping` comment keeps the stream alive. A
 * device's stream is closed when the device is revoked (checked on every heartbeat and on every
 * change of the devices), so a revoked display stops hearing at once.
 */
import type http from 'node:http';
import type { Backend } from '../backend';
import type { RequestSource } from '../api/handler';
import type { PushEvent } from '../common/push';
import { getDevice } from '../services/devices/registry';
import { sendJson } from './respond';

/** Opens the stream and returns its closer, or null when it was refused (the hub is full). */
export function openEventStream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  backend: Backend,
  source: RequestSource,
  heartbeatMs: number,
): (() => void) | null {
  const hub = backend.app.centre.push;
  let ended = false;
  const stillAllowed = () => {
    if (!source.deviceId) return true;
    const d = getDevice(backend.app.ctx, source.deviceId);
    return !!d && !d.revokedAt;
  };
  const write = (text: string) => {
    if (ended || res.destroyed) return;
    try {
      res.write(text);
    } catch {
      end();
    }
  };
  const unsubscribe = hub.subscribe((event: PushEvent) => {
    if (event.topics.includes('devices') && !stillAllowed()) {
      end();
      return;
    }
    write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
  });
  if (!unsubscribe) {
    sendJson(res, 503, { ok: false, error: { code: 'BUSY', message: '主机推送连接已满，请稍后重试' } }, { 'retry-after': '5' });
    return null;
  }
  const heartbeat = setInterval(() => {
    if (!stillAllowed()) end();
    else write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe?.();
    try {
      res.end();
    } catch {
      res.destroy();
    }
  }
  req.once('close', end);
  res.once('close', end);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // The client reconnects after 3 s when the stream drops (EventSource honours it; the renderer's reader may too).
  write('retry: 3000\n: connected\n\n');
  return end;
}
