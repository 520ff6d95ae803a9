/** A push-channel client for tests: reads `GET /api/events` like the renderer does (a stream reader, headers it chooses). */
import http from 'node:http';
import https from 'node:https';
import type { PushEvent } from '../../electron/common/push';

export interface EventStream {
  status: number;
  events: PushEvent[];
  pings: number;
  ended: boolean;
  /** Resolves with the first event (from now on) that passes `pred`, rejects after `ms`. */
  next(pred?: (e: PushEvent) => boolean, ms?: number): Promise<PushEvent>;
  waitEnd(ms?: number): Promise<void>;
  close(): void;
}

export function openEvents(c: { port: number; lan: boolean; cert?: string }, headers: Record<string, string>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const mod = c.lan ? https : http;
    const waiters: { pred: (e: PushEvent) => boolean; resolve: (e: PushEvent) => void }[] = [];
    const endWaiters: (() => void)[] = [];
    const req = mod.request(
      {
        host: '127.0.0.1',
        port: c.port,
        path: '/api/events',
        headers: { host: `127.0.0.1:${c.port}`, ...headers },
        agent: false,
        ...(c.lan ? { ca: c.cert, checkServerIdentity: () => undefined } : {}),
      },
      (res) => {
        const stream: EventStream = {
          status: res.statusCode ?? 0,
          events: [],
          pings: 0,
          ended: false,
          next: (pred = () => true, ms = 3000) =>
            new Promise((ok, fail) => {
              const t = setTimeout(() => fail(new Error('no matching push event in time')), ms);
              waiters.push({ pred, resolve: (e) => (clearTimeout(t), ok(e)) });
            }),
          waitEnd: (ms = 3000) =>
            stream.ended
              ? Promise.resolve()
              : new Promise((ok, fail) => {
                  const t = setTimeout(() => fail(new Error('stream did not end in time')), ms);
                  endWaiters.push(() => (clearTimeout(t), ok()));
                }),
          close: () => req.destroy(),
        };
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i: number;
          while ((i = buf.indexOf('\n\n')) !== -1) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            if (block.split('\n').includes(': ping')) stream.pings += 1;
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (block.includes('event: change') && data) {
              const e = JSON.parse(data.slice(6)) as PushEvent;
              stream.events.push(e);
              for (const w of waiters.splice(0)) {
                if (w.pred(e)) w.resolve(e);
                else waiters.push(w);
              }
            }
          }
        });
        const done = () => {
          stream.ended = true;
          for (const w of endWaiters.splice(0)) w();
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
        resolve(stream);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
