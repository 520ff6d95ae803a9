/**
 * The app's nightly upload: once per night window (settings uploadWindowStart–uploadWindowEnd,
 * local time, possibly across midnight) at a random moment inside it, so that the district's
 * centres do not all arrive at the same minute; a night missed because the machine was off is
 * caught up a few (jittered) minutes after the next start.
 *
 * Plain Node with the clock, the timers and the randomness injected, and nothing persisted of its
 * own: whether a night is done is read from `upload_runs` (an upload that reached the district,
 * started inside or after that night's window) every time it wakes, so a run by another desk on
 * the same data, by `cli upload` or by 立即上传 counts too. At most one upload at a time: the
 * scheduler never starts a second one itself, and the engine's lock turns away one started
 * elsewhere with BUSY, which is logged and tried again later, never thrown.
 */
import type { Db } from '../../../db/open';
import { isAppError } from '../../common/errors';
import { rfc3339, type Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { UploadResult } from './run';

export interface NightWindowSetting {
  /** 'HH:MM', local time. */
  start: string;
  end: string;
}

export interface Window {
  start: Date;
  end: Date;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending upload time must not keep a closing process alive.
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export type ScheduledTrigger = 'schedule' | 'catch-up';

export interface SchedulerOptions {
  /** How often the settings and the upload history are read again (changes take effect by then). */
  recheckMs: number;
  /** A missed night is caught up this long after start: [min, max], jittered. */
  catchUpDelayMs: readonly [number, number];
  /** After a failed or refused (BUSY) night run, try again this long later, inside the window. */
  retryDelayMs: readonly [number, number];
  /** Tries per night window, the first included. */
  maxTriesPerWindow: number;
  /** The random moment is drawn so that at least this much of the window is left after it. */
  endMarginMs: number;
}

export const defaultSchedulerOptions: SchedulerOptions = {
  recheckMs: 10 * 60_000,
  catchUpDelayMs: [2 * 60_000, 5 * 60_000],
  retryDelayMs: [15 * 60_000, 30 * 60_000],
  maxTriesPerWindow: 3,
  endMarginMs: 15 * 60_000,
};

export interface SchedulerDeps {
  clock: Clock;
  timers?: Timers;
  random?: () => number;
  logger?: Logger;
  /** The night window, read at every wake; null while uploading is not set up (no address, token or centre). */
  config: () => NightWindowSetting | null;
  /** When the latest upload that reached the district started (see lastSuccessfulUpload). */
  lastSuccessAt: () => Date | null;
  /** One upload; throws AppError('BUSY') when another one holds the engine's lock. */
  upload: (trigger: ScheduledTrigger) => Promise<{ result: UploadResult; message: string }>;
  options?: Partial<SchedulerOptions>;
}

export interface SchedulerState {
  running: boolean;
  /** The next moment an upload is planned (night run or catch-up); null when none is (not set up). */
  nextRunAt: string | null;
  nextTrigger: ScheduledTrigger | null;
  window: { start: string; end: string } | null;
}

export interface UploadScheduler {
  start(): void;
  stop(): void;
  /** Read the settings again now (after they were saved) instead of at the next recheck. */
  poke(): void;
  state(): SchedulerState;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseHhmm(s: string): [number, number] {
  const m = HHMM.exec(s);
  if (!m) throw new Error(`not a time of day: ${s}`);
  return [Number(m[1]), Number(m[2])];
}

/** The window that opens on the local calendar day of `day` (it may close on the next day). */
export function windowOpeningOn(day: Date, w: NightWindowSetting): Window {
  const [sh, sm] = parseHhmm(w.start);
  const [eh, em] = parseHhmm(w.end);
  const y = day.getFullYear();
  const mo = day.getMonth();
  const d = day.getDate();
  const start = new Date(y, mo, d, sh, sm);
  let end = new Date(y, mo, d, eh, em);
  // Equal times mean a whole day; an end before the start is on the next day.
  if (end.getTime() <= start.getTime()) end = new Date(y, mo, d + 1, eh, em);
  return { start, end };
}

/** Around `now`: the window it is in (if any), the next one to open, and the last one that closed. */
export function windowsAround(now: Date, w: NightWindowSetting): { current: Window | null; next: Window; lastEnded: Window } {
  const t = now.getTime();
  const list = [-2, -1, 0, 1].map((offset) => windowOpeningOn(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset), w));
  const current = list.find((x) => x.start.getTime() <= t && t < x.end.getTime()) ?? null;
  const next = list.find((x) => x.start.getTime() > t)!;
  const lastEnded = list.filter((x) => x.end.getTime() <= t).at(-1)!;
  return { current, next, lastEnded };
}

/** The start of the latest upload run that reached the district (result ok or partial). */
export function lastSuccessfulUpload(db: Pick<Db, 'sqlite'>): Date | null {
  const rows = db.sqlite
    .prepare("SELECT started_at AS startedAt FROM upload_runs WHERE result IN ('ok', 'partial') ORDER BY started_at DESC LIMIT 20")
    .all() as { startedAt: string }[];
  // Strings sort by time only within one UTC offset: compare as instants.
  let best: number | null = null;
  for (const r of rows) {
    const ms = Date.parse(r.startedAt);
    if (!Number.isNaN(ms) && (best === null || ms > best)) best = ms;
  }
  return best === null ? null : new Date(best);
}

interface Plan {
  /** window start (ms): which night this plan is for */
  key: number;
  window: Window;
  at: number;
  tries: number;
}

export function createUploadScheduler(deps: SchedulerDeps): UploadScheduler {
  const opts: SchedulerOptions = { ...defaultSchedulerOptions, ...deps.options };
  const timers = deps.timers ?? realTimers;
  const random = deps.random ?? Math.random;
  const log = deps.logger;
  const between = ([lo, hi]: readonly [number, number]) => lo + Math.floor(random() * (hi - lo));

  let started = false;
  let running = false;
  let timer: unknown = null;
  let plan: Plan | null = null;
  let catchUp: { key: number; at: number } | null = null;
  /** The closed window a catch-up was tried for, or whose night runs were tried: no (further) catch-up for it. */
  let caughtUpFor: number | null = null;
  /** The window whose tries all failed: nothing more until the next one (or a catch-up). */
  let givenUpFor: number | null = null;
  let configured: NightWindowSetting | null = null;

  const arm = (atMs: number) => {
    if (timer !== null) timers.clearTimeout(timer);
    const delay = Math.max(1000, atMs - deps.clock.now().getTime());
    timer = timers.setTimeout(() => {
      timer = null;
      wake();
    }, delay);
  };

  const pick = (w: Window, nowMs: number): number => {
    const lo = Math.max(w.start.getTime(), nowMs);
    let hi = w.end.getTime() - opts.endMarginMs;
    if (hi <= lo) hi = w.end.getTime();
    return lo + Math.floor(random() * Math.max(0, hi - lo));
  };

  const readConfig = (): NightWindowSetting | null => {
    try {
      const c = deps.config();
      if (c && HHMM.test(c.start) && HHMM.test(c.end)) return c;
      return null;
    } catch (e) {
      log?.warn('upload schedule: cannot read the upload settings', { error: (e as Error).message });
      return null;
    }
  };

  const readLastSuccess = (): Date | null => {
    try {
      return deps.lastSuccessAt();
    } catch (e) {
      log?.warn('upload schedule: cannot read the upload history', { error: (e as Error).message });
      return null;
    }
  };

  function wake(): void {
    if (!started || running) return;
    const now = deps.clock.now();
    const nowMs = now.getTime();
    const cfg = readConfig();
    configured = cfg;
    if (!cfg) {
      if (plan) log?.info('upload schedule: not set up (no server address, token or centre); nothing planned');
      plan = null;
      catchUp = null;
      arm(nowMs + opts.recheckMs);
      return;
    }
    const { current, next, lastEnded } = windowsAround(now, cfg);
    const lastOk = readLastSuccess();
    const done = (w: Window) => lastOk !== null && lastOk.getTime() >= w.start.getTime();

    // A night that closed without an upload (the machine was off or asleep): catch up soon, once.
    // Inside a window the night's own run does it.
    if (!current && !done(lastEnded) && caughtUpFor !== lastEnded.start.getTime()) {
      if (catchUp?.key !== lastEnded.start.getTime()) {
        catchUp = { key: lastEnded.start.getTime(), at: nowMs + between(opts.catchUpDelayMs) };
        log?.info('upload schedule: the last night window passed without an upload; catching up', { at: rfc3339(new Date(catchUp.at)) });
      }
    } else {
      catchUp = null;
    }

    const tonight = current && !done(current) && givenUpFor !== current.start.getTime() ? current : next;
    const key = tonight.start.getTime();
    if (!plan || plan.key !== key || plan.window.end.getTime() !== tonight.end.getTime()) {
      plan = { key, window: tonight, at: pick(tonight, nowMs), tries: 0 };
      log?.info('upload schedule: next night upload planned', { at: rfc3339(new Date(plan.at)), window: `${cfg.start}–${cfg.end}` });
    }

    if (catchUp && nowMs >= catchUp.at) {
      caughtUpFor = catchUp.key;
      const key = catchUp.key;
      catchUp = null;
      void run('catch-up', key);
      return;
    }
    if (tonight === current && nowMs >= plan.at) {
      void run('schedule', plan.key);
      return;
    }
    const due = [nowMs + opts.recheckMs, plan.at, ...(catchUp ? [catchUp.at] : [])];
    arm(Math.min(...due));
  }

  async function run(trigger: ScheduledTrigger, windowKey: number): Promise<void> {
    running = true;
    // A night this process has tried is not "missed" when it closes without success (the server
    // was down): the next night, or the next start, tries again; no catch-up minutes later.
    if (trigger === 'schedule') caughtUpFor = windowKey;
    let retry: boolean;
    let busy = false;
    try {
      const r = await deps.upload(trigger);
      log?.info(`upload (${trigger}) finished: ${r.result}`, { message: r.message });
      retry = r.result === 'failed';
    } catch (e) {
      if (isAppError(e) && e.code === 'BUSY') {
        busy = true;
        log?.info(`upload (${trigger}) skipped: another upload is running; will try again later`, { reason: e.message });
      } else {
        log?.error(`upload (${trigger}) could not run`, { error: isAppError(e) ? e.message : ((e as Error)?.message ?? String(e)) });
      }
      retry = true;
    } finally {
      running = false;
    }
    const nowMs = deps.clock.now().getTime();
    if (trigger === 'catch-up' && busy) {
      // The other upload may well be the catch-up itself (cli, another desk); look again later.
      caughtUpFor = null;
      catchUp = { key: windowKey, at: nowMs + between(opts.retryDelayMs) };
    }
    if (trigger === 'schedule' && plan?.key === windowKey) {
      plan.tries += 1;
      const again = nowMs + between(opts.retryDelayMs);
      if (retry && plan.tries < opts.maxTriesPerWindow && again < plan.window.end.getTime()) {
        plan.at = again;
        log?.info('upload schedule: trying again later tonight', { at: rfc3339(new Date(again)) });
      } else if (retry) {
        givenUpFor = windowKey;
        log?.warn('upload schedule: no successful upload this night; the next start or night will try again');
      }
    }
    wake();
  }

  return {
    start() {
      if (started) return;
      started = true;
      wake();
    },
    stop() {
      started = false;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
    poke() {
      if (!started || running) return;
      wake();
    },
    state() {
      const nextAt = catchUp && plan ? Math.min(catchUp.at, plan.at) : (catchUp?.at ?? plan?.at ?? null);
      return {
        running,
        nextRunAt: configured && nextAt !== null ? rfc3339(new Date(nextAt)) : null,
        nextTrigger: configured && nextAt !== null ? (catchUp && catchUp.at === nextAt ? 'catch-up' : 'schedule') : null,
        window: configured && plan ? { start: rfc3339(plan.window.start), end: rfc3339(plan.window.end) } : null,
      };
    },
  };
}
