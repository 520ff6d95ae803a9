/**
 * The host's push channel (`GET /api/events`, Server-Sent Events read with fetch and a stream
 * reader, so the launch token can travel in a header; a paired browser's device cookie goes by
 * itself). Each `change` names topics; subscribers (the query cache, the hall display) react. The
 * reader reconnects with backoff and reports the connection state (the query cache refreshes
 * everything when the host is back: changes made meanwhile were never pushed to this window).
 */
import { connection } from './connection';
import { EVENTS_PATH, PUSH_HEARTBEAT_MS, PUSH_TOPICS, type PushEvent, type PushTopic } from '../../../electron/common/push';
import { hostHeaders, viaIpc } from './client';

export type ChangeEvent = PushEvent;

type Listener = (e: ChangeEvent) => void;
const listeners = new Set<Listener>();

/** Called with each change the host pushes. */
export function onChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

const emit = (e: ChangeEvent) => {
  for (const fn of listeners) fn(e);
};

const FIRST_WAIT_MS = 500;
const MAX_WAIT_MS = 5000;
/** When the host answers but refuses the stream (unpaired, revoked): try again, slowly. */
const REFUSED_WAIT_MS = 10_000;
/** The host pings every 15 s; no byte for this long means the connection is dead though not closed. */
const SILENCE_MS = PUSH_HEARTBEAT_MS * 2 + 10_000;

/** Parses one SSE block (lines up to a blank line); returns the change it carries, if any. */
export function parseBlock(block: string): ChangeEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (event !== 'change' || data.length === 0) return null;
  try {
    const parsed = JSON.parse(data.join('\n')) as Partial<ChangeEvent>;
    if (!Array.isArray(parsed.topics)) return null;
    const topics = parsed.topics.filter((t): t is PushTopic => (PUSH_TOPICS as readonly string[]).includes(t));
    return { seq: Number(parsed.seq ?? 0), topics, ...(parsed.caseId ? { caseId: parsed.caseId } : {}) };
  } catch {
    return null;
  }
}

let running: AbortController | null = null;

/** Reads the stream until it ends; resolves 'refused' when the host answered with an error status. */
async function readOnce(signal: AbortSignal, onOpen: () => void): Promise<'ended' | 'refused' | 'unreachable'> {
  let res: Response;
  try {
    res = await fetch(`.${EVENTS_PATH}`, {
      headers: { accept: 'text/event-stream', ...hostHeaders() },
      credentials: 'same-origin',
      signal,
      cache: 'no-store',
    });
  } catch {
    return 'unreachable';
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) return 'unreachable';
  connection.set('online');
  if (!res.ok || !res.body) return 'refused';
  onOpen();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let silence: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(silence);
    silence = setTimeout(() => void reader.cancel().catch(() => undefined), SILENCE_MS);
  };
  try {
    arm();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      arm();
      buffer += value;
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        const change = parseBlock(block);
        if (change) emit(change);
      }
    }
  } catch {
    return 'ended';
  } finally {
    clearTimeout(silence);
  }
}

/** Starts the channel (once per window); returns a function that stops it. */
export function startEvents(): () => void {
  // The Electron window talks to its own main process over IPC, which has no push channel (yet):
  // there is no HTTP host behind it to stream from, and no LAN to lose.
  if (running || viaIpc()) return () => undefined;
  const controller = new AbortController();
  running = controller;
  void (async () => {
    let wait = FIRST_WAIT_MS;
    while (!controller.signal.aborted) {
      const outcome = await readOnce(controller.signal, () => (wait = FIRST_WAIT_MS));
      if (controller.signal.aborted) break;
      if (outcome === 'refused') {
        await sleep(REFUSED_WAIT_MS, controller.signal);
        continue;
      }
      if (outcome === 'ended') {
        // A closed stream is not yet an outage: reconnect after a breath; a refused connection then says so.
        await sleep(FIRST_WAIT_MS, controller.signal);
        continue;
      }
      connection.set('reconnecting');
      await sleep(wait, controller.signal);
      wait = Math.min(wait * 2, MAX_WAIT_MS);
    }
  })();
  return () => {
    controller.abort();
    if (running === controller) running = null;
  };
}

/** Restart the channel now (after pairing: the new device cookie opens what was refused). */
export function restartEvents(): void {
  running?.abort();
  running = null;
  startEvents();
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
