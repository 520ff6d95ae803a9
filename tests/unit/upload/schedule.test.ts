/**
 * The nightly upload scheduler with a fake clock and fake timers: when it uploads (a random moment
 * inside the night window, across midnight too), catching up a missed night soon after start,
 * never two uploads at once, and a BUSY answer logged and tried again later instead of thrown.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import type { Clock } from '../../../electron/services/core/clock';
import type { Logger } from '../../../electron/services/core/logger';
import type { UploadResult } from '../../../electron/services/upload/run';
import {
  createUploadScheduler,
  windowsAround,
  type NightWindowSetting,
  type ScheduledTrigger,
  type SchedulerDeps,
  type Timers,
} from '../../../electron/services/upload/schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (local: string) => new Date(`${local}+08:00`);
const local = (ms: number) => {
  const d = new Date(ms + 8 * HOUR);
  return d.toISOString().slice(0, 16).replace('T', ' ');
};

/** Time that only moves when the test says so; due timers fire in order as it moves. */
class FakeTime implements Timers {
  now: number;
  private seq = 0;
  private pending: { id: number; at: number; fn: () => void }[] = [];
  readonly clock: Clock = { now: () => new Date(this.now) };
  constructor(start: Date) {
    this.now = start.getTime();
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.push({ id, at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }
  get timerCount() {
    return this.pending.length;
  }
  async advanceTo(target: Date): Promise<void> {
    for (;;) {
      await flush();
      const due = this.pending.filter((t) => t.at <= target.getTime()).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.now = Math.max(this.now, due.at);
      due.fn();
    }
    this.now = target.getTime();
    await flush();
  }
  async advance(ms: number) {
    await this.advanceTo(new Date(this.now + ms));
  }
  /** The machine sleeps: time jumps without any timer firing; overdue ones fire on waking. */
  async sleepUntil(wake: Date) {
    this.now = wake.getTime();
    for (const t of this.pending) t.at = Math.max(t.at, this.now);
    await this.advanceTo(wake);
  }
}

async function flush() {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}

/** A deterministic PRNG, so a failing seed can be replayed. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Behaviour = UploadResult | 'busy' | 'throw' | 'hang';

interface Harness {
  time: FakeTime;
  calls: { trigger: ScheduledTrigger; at: number }[];
  logs: { level: string; message: string }[];
  /** What the next uploads do, in order; afterwards 'ok'. */
  script: Behaviour[];
  /** Upload history as upload_runs would give it: starts of runs that reached the district. */
  successes: number[];
  release: (() => void) | null;
  window: NightWindowSetting | null;
  scheduler: ReturnType<typeof createUploadScheduler>;
}

function harness(opts: {
  start: string;
  window?: NightWindowSetting | null;
  lastSuccess?: string | null;
  random?: () => number;
  options?: SchedulerDeps['options'];
}): Harness {
  const time = new FakeTime(at(opts.start));
  const logs: Harness['logs'] = [];
  const logger = {
    info: (message: string) => logs.push({ level: 'info', message }),
    warn: (message: string) => logs.push({ level: 'warn', message }),
    error: (message: string) => logs.push({ level: 'error', message }),
    debug: () => undefined,
    close: () => undefined,
  } as unknown as Logger;
  const h: Harness = {
    time,
    calls: [],
    logs,
    script: [],
    successes: opts.lastSuccess ? [at(opts.lastSuccess).getTime()] : [],
    release: null,
    window: opts.window === undefined ? { start: '01:00', end: '05:00' } : opts.window,
    scheduler: null as never,
  };
  h.scheduler = createUploadScheduler({
    clock: time.clock,
    timers: time,
    random: opts.random ?? (() => 0.5),
    logger,
    config: () => h.window,
    lastSuccessAt: () => (h.successes.length ? new Date(Math.max(...h.successes)) : null),
    upload: async (trigger) => {
      const startedAt = time.now;
      h.calls.push({ trigger, at: startedAt });
      const what = h.script.shift() ?? 'ok';
      if (what === 'busy') throw new AppError('BUSY', '另一个上传正在进行（4242@desk-2 upload:cli），请稍后再试');
      if (what === 'throw') throw new AppError('VALIDATION', '中心代码应为 9 位数字');
      if (what === 'hang') {
        await new Promise<void>((r) => (h.release = r));
        h.successes.push(startedAt);
        return { result: 'ok', message: '上传完成' };
      }
      if (what !== 'failed') h.successes.push(startedAt);
      return { result: what, message: what === 'failed' ? '上传失败：区平台拒绝连接' : '上传完成' };
    },
    ...(opts.options ? { options: opts.options } : {}),
  });
  return h;
}

describe('night windows', () => {
  it('a window inside one day', () => {
    const w = { start: '01:00', end: '05:00' };
    const r = windowsAround(at('2026-11-28T10:00:00'), w);
    expect(r.current).toBeNull();
    expect(r.next).toEqual({ start: at('2026-11-29T01:00:00'), end: at('2026-11-29T05:00:00') });
    expect(r.lastEnded).toEqual({ start: at('2026-11-28T01:00:00'), end: at('2026-11-28T05:00:00') });
    expect(windowsAround(at('2026-11-28T03:00:00'), w).current).toEqual({
      start: at('2026-11-28T01:00:00'),
      end: at('2026-11-28T05:00:00'),
    });
    // The end is not inside.
    expect(windowsAround(at('2026-11-28T05:00:00'), w).current).toBeNull();
  });

  it('a window across midnight', () => {
    const w = { start: '23:00', end: '02:00' };
    const before = windowsAround(at('2026-11-28T22:59:00'), w);
    expect(before.current).toBeNull();
    expect(before.next).toEqual({ start: at('2026-11-28T23:00:00'), end: at('2026-11-29T02:00:00') });
    expect(before.lastEnded).toEqual({ start: at('2026-11-27T23:00:00'), end: at('2026-11-28T02:00:00') });
    const after = windowsAround(at('2026-11-29T01:30:00'), w);
    expect(after.current).toEqual({ start: at('2026-11-28T23:00:00'), end: at('2026-11-29T02:00:00') });
    expect(after.lastEnded).toEqual({ start: at('2026-11-27T23:00:00'), end: at('2026-11-28T02:00:00') });
    expect(after.next).toEqual({ start: at('2026-11-29T23:00:00'), end: at('2026-11-30T02:00:00') });
  });

  it('month and year ends', () => {
    const r = windowsAround(at('2026-12-31T23:30:00'), { start: '22:00', end: '03:00' });
    expect(r.current).toEqual({ start: at('2026-12-31T22:00:00'), end: at('2027-01-01T03:00:00') });
  });
});

describe('upload scheduler', () => {
  it('uploads once a night at a moment inside the window (01:00–05:00)', async () => {
    const h = harness({ start: '2026-11-28T10:00:00', lastSuccess: '2026-11-28T02:10:00' });
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T00:59:00'));
    expect(h.calls).toEqual([]);
    await h.time.advanceTo(at('2026-11-29T06:00:00'));
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.trigger).toBe('schedule');
    // random 0.5 of [01:00, 05:00 − 15 min margin)
    expect(local(h.calls[0]!.at)).toBe('2026-11-29 02:52');
    await h.time.advanceTo(at('2026-12-01T06:00:00'));
    expect(h.calls.map((c) => local(c.at).slice(0, 10))).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    h.scheduler.stop();
  });

  it('a window across midnight (22:00–02:00): the moment may fall on either day, never outside', async () => {
    const h = harness({
      start: '2026-11-28T12:00:00',
      window: { start: '22:00', end: '02:00' },
      lastSuccess: '2026-11-27T23:00:00',
      random: () => 0.8,
    });
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T03:00:00'));
    expect(h.calls).toHaveLength(1);
    // 0.8 of [22:00, 01:45) = 01:00 the next day
    expect(local(h.calls[0]!.at)).toBe('2026-11-29 01:00');
    h.scheduler.stop();
  });

  it('started inside the window: uploads later that night, not before now', async () => {
    const h = harness({
      start: '2026-11-28T23:30:00',
      window: { start: '22:00', end: '02:00' },
      lastSuccess: '2026-11-27T23:00:00',
      random: () => 0,
    });
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T02:30:00'));
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.trigger).toBe('schedule');
    expect(local(h.calls[0]!.at)).toBe('2026-11-28 23:30');
  });

  it('jitter: the moments spread over the window and stay inside it', async () => {
    const rnd = mulberry32(2026);
    const moments: number[] = [];
    for (let i = 0; i < 200; i++) {
      const h = harness({ start: '2026-11-28T12:00:00', lastSuccess: '2026-11-28T01:30:00', random: rnd });
      h.scheduler.start();
      const next = h.scheduler.state().nextRunAt!;
      h.scheduler.stop();
      moments.push(Date.parse(next));
    }
    const start = at('2026-11-29T01:00:00').getTime();
    const end = at('2026-11-29T05:00:00').getTime();
    for (const m of moments) {
      expect(m).toBeGreaterThanOrEqual(start);
      expect(m).toBeLessThan(end - 15 * MIN);
    }
    expect(Math.min(...moments)).toBeLessThan(start + 15 * MIN);
    expect(Math.max(...moments)).toBeGreaterThan(end - 45 * MIN);
    // Not all at one minute: the district's centres arrive spread out (200 draws over 225 minutes
    // give about 133 different minutes when uniform).
    expect(new Set(moments.map((m) => Math.floor(m / MIN))).size).toBeGreaterThan(110);
  });

  it('catches up a missed night a few (jittered) minutes after start, once', async () => {
    // The machine was off during the night of the 28th: last upload the night before.
    const h = harness({ start: '2026-11-28T08:30:00', lastSuccess: '2026-11-27T02:00:00', random: () => 0.5 });
    h.scheduler.start();
    expect(h.scheduler.state()).toMatchObject({ nextTrigger: 'catch-up', nextRunAt: '2026-11-28T08:33:30+08:00' });
    await h.time.advanceTo(at('2026-11-28T08:33:00'));
    expect(h.calls).toEqual([]);
    await h.time.advanceTo(at('2026-11-28T08:40:00'));
    expect(h.calls).toEqual([{ trigger: 'catch-up', at: at('2026-11-28T08:33:30').getTime() }]);
    // The catch-up counts for the missed night; that evening's window still gets its own run.
    await h.time.advanceTo(at('2026-11-29T06:00:00'));
    expect(h.calls.map((c) => c.trigger)).toEqual(['catch-up', 'schedule']);
  });

  it('a machine asleep through the window catches up a few minutes after it wakes', async () => {
    const h = harness({ start: '2026-11-28T22:00:00', lastSuccess: '2026-11-28T02:00:00', random: () => 0.5 });
    h.scheduler.start();
    expect(h.scheduler.state().nextRunAt).toBe('2026-11-29T02:52:30+08:00');
    await h.time.sleepUntil(at('2026-11-29T07:40:00'));
    await h.time.advanceTo(at('2026-11-29T08:00:00'));
    expect(h.calls.map((c) => [c.trigger, local(c.at)])).toEqual([['catch-up', '2026-11-29 07:43']]);
  });

  it('the catch-up delay stays within its bounds for any draw', async () => {
    for (const r of [0, 0.3, 0.999999]) {
      const h = harness({ start: '2026-11-28T08:30:00', lastSuccess: null, random: () => r });
      h.scheduler.start();
      const due = Date.parse(h.scheduler.state().nextRunAt!) - at('2026-11-28T08:30:00').getTime();
      expect(due).toBeGreaterThanOrEqual(2 * MIN);
      expect(due).toBeLessThan(5 * MIN);
      h.scheduler.stop();
    }
  });

  it('no catch-up when the last night was uploaded, or when started inside the window', async () => {
    const done = harness({ start: '2026-11-28T08:30:00', lastSuccess: '2026-11-28T03:00:00' });
    done.scheduler.start();
    await done.time.advanceTo(at('2026-11-28T20:00:00'));
    expect(done.calls).toEqual([]);
    expect(done.scheduler.state().nextTrigger).toBe('schedule');

    // Off for two nights, switched on at 03:00 during a window: that night's run does the job.
    const inside = harness({ start: '2026-11-28T03:00:00', lastSuccess: '2026-11-26T02:00:00', random: () => 0.25 });
    inside.scheduler.start();
    await inside.time.advanceTo(at('2026-11-28T12:00:00'));
    expect(inside.calls.map((c) => [c.trigger, local(c.at)])).toEqual([['schedule', '2026-11-28 03:26']]);
  });

  it('a night already uploaded by someone else (another desk, cli upload, 立即上传) is not uploaded again', async () => {
    const h = harness({ start: '2026-11-28T10:00:00', lastSuccess: '2026-11-28T02:00:00', random: () => 0.9 });
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T01:30:00'));
    h.successes.push(at('2026-11-29T01:20:00').getTime());
    await h.time.advanceTo(at('2026-11-29T06:00:00'));
    expect(h.calls).toEqual([]);
    await h.time.advanceTo(at('2026-11-30T06:00:00'));
    expect(h.calls).toHaveLength(1);
  });

  it('never starts a second upload while one runs', async () => {
    const h = harness({ start: '2026-11-28T10:00:00', lastSuccess: '2026-11-28T02:00:00', random: () => 0 });
    h.script = ['hang'];
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T01:00:30'));
    expect(h.calls).toHaveLength(1);
    expect(h.scheduler.state().running).toBe(true);
    // Hours pass with the upload still going; rechecks and pokes start nothing.
    for (let i = 0; i < 5; i++) {
      h.scheduler.poke();
      await h.time.advance(HOUR);
    }
    expect(h.calls).toHaveLength(1);
    h.release!();
    await h.time.advance(MIN);
    expect(h.scheduler.state().running).toBe(false);
    expect(h.scheduler.state().nextRunAt).toBe('2026-11-30T01:00:00+08:00');
    await h.time.advanceTo(at('2026-11-30T06:00:00'));
    expect(h.calls).toHaveLength(2);
  });

  it('BUSY (another process uploads) is logged, not thrown, and tried again later that night', async () => {
    const h = harness({ start: '2026-11-28T10:00:00', lastSuccess: '2026-11-28T02:00:00', random: () => 0 });
    h.script = ['busy'];
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T06:00:00'));
    expect(h.calls.map((c) => local(c.at))).toEqual(['2026-11-29 01:00', '2026-11-29 01:15']);
    expect(h.logs.some((l) => l.level === 'info' && /another upload is running/.test(l.message))).toBe(true);
    expect(h.logs.some((l) => l.level === 'error')).toBe(false);
  });

  it('BUSY at catch-up: looked at again later, and the other upload may make it unnecessary', async () => {
    const h = harness({ start: '2026-11-28T08:30:00', lastSuccess: '2026-11-26T02:00:00', random: () => 0 });
    h.script = ['busy'];
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-28T08:33:00'));
    expect(h.calls.map((c) => c.trigger)).toEqual(['catch-up']);
    // The other process's upload succeeded meanwhile.
    h.successes.push(at('2026-11-28T08:32:00').getTime());
    await h.time.advanceTo(at('2026-11-28T12:00:00'));
    expect(h.calls).toHaveLength(1);

    const again = harness({ start: '2026-11-28T08:30:00', lastSuccess: '2026-11-26T02:00:00', random: () => 0 });
    again.script = ['busy'];
    again.scheduler.start();
    await again.time.advanceTo(at('2026-11-28T12:00:00'));
    expect(again.calls.map((c) => [c.trigger, local(c.at)])).toEqual([
      ['catch-up', '2026-11-28 08:32'],
      ['catch-up', '2026-11-28 08:47'],
    ]);
  });

  it('a failed night is tried again a bounded number of times, then left for the next night', async () => {
    const h = harness({ start: '2026-11-28T10:00:00', lastSuccess: '2026-11-28T02:00:00', random: () => 0 });
    h.script = ['failed', 'throw', 'failed', 'failed'];
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T06:00:00'));
    expect(h.calls.map((c) => local(c.at))).toEqual(['2026-11-29 01:00', '2026-11-29 01:15', '2026-11-29 01:30']);
    expect(h.logs.some((l) => l.level === 'error' && /could not run/.test(l.message))).toBe(true);
    await h.time.advanceTo(at('2026-11-29T12:00:00'));
    expect(h.calls).toHaveLength(3);
    // The next night starts afresh (its first try fails too, the second works).
    await h.time.advanceTo(at('2026-11-30T06:00:00'));
    expect(h.calls.map((c) => local(c.at)).slice(3)).toEqual(['2026-11-30 01:00', '2026-11-30 01:15']);
  });

  it('retries never spill past the end of the window', async () => {
    const h = harness({
      start: '2026-11-28T10:00:00',
      lastSuccess: '2026-11-28T02:00:00',
      random: () => 0.9999,
      window: { start: '01:00', end: '01:30' },
    });
    h.script = ['failed', 'failed'];
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-29T12:00:00'));
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.at).toBeLessThan(at('2026-11-29T01:30:00').getTime());
  });

  it('does nothing until uploading is set up, then plans at once when poked', async () => {
    const h = harness({ start: '2026-11-28T10:00:00', window: null });
    h.scheduler.start();
    await h.time.advanceTo(at('2026-11-30T10:00:00'));
    expect(h.calls).toEqual([]);
    expect(h.scheduler.state()).toMatchObject({ nextRunAt: null, window: null });
    // Only the recheck timer is pending.
    expect(h.time.timerCount).toBe(1);
    h.window = { start: '01:00', end: '05:00' };
    h.successes.push(at('2026-11-30T09:00:00').getTime());
    h.scheduler.poke();
    expect(h.scheduler.state().nextRunAt).toBe('2026-12-01T02:52:30+08:00');
    h.window = null;
    await h.time.advanceTo(at('2026-12-01T06:00:00'));
    expect(h.calls).toEqual([]);
  });

  it('a changed window is taken up at the next recheck', async () => {
    const h = harness({ start: '2026-11-28T10:00:00', lastSuccess: '2026-11-28T02:00:00', random: () => 0 });
    h.scheduler.start();
    expect(h.scheduler.state().nextRunAt).toBe('2026-11-29T01:00:00+08:00');
    h.window = { start: '23:00', end: '04:00' };
    await h.time.advance(11 * MIN);
    expect(h.scheduler.state().nextRunAt).toBe('2026-11-28T23:00:00+08:00');
    await h.time.advanceTo(at('2026-11-29T06:00:00'));
    expect(h.calls.map((c) => local(c.at))).toEqual(['2026-11-28 23:00']);
  });

  it('stop() cancels everything', async () => {
    const h = harness({ start: '2026-11-28T08:30:00', lastSuccess: null });
    h.scheduler.start();
    h.scheduler.stop();
    expect(h.time.timerCount).toBe(0);
    await h.time.advanceTo(at('2026-11-30T08:30:00'));
    expect(h.calls).toEqual([]);
  });
});
