/**
 * Times for demo data, as epoch milliseconds turned into the app's strings (RFC 3339 with the
 * machine's offset, local calendar days) exactly as core/clock.ts writes them, so demo rows are
 * indistinguishable from rows the app wrote.
 */
import { localDate, rfc3339 } from '../core/clock';
import type { Rng } from './prng';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How far back demo cases go. */
export const SPAN_DAYS = 730;

/**
 * rfc3339() builds a Date and reads six fields for every string; the demo writes a few million.
 * Within one UTC hour the local date, hour and offset are the same whenever the offset is a whole
 * number of hours (China's is +08:00), so format the hour once and add minutes and seconds. Other
 * offsets (India's +05:30) take the slow path every time.
 */
const hours = new Map<number, { head: string; tail: string } | null>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function hourOf(ms: number): { head: string; tail: string } | null {
  const h = Math.floor(ms / HOUR);
  let e = hours.get(h);
  if (e === undefined) {
    const d = new Date(h * HOUR);
    const s = rfc3339(d); // YYYY-MM-DDTHH:MM:SS+hh:mm
    e = d.getTimezoneOffset() % 60 === 0 && s.slice(14, 19) === '00:00' ? { head: s.slice(0, 14), tail: s.slice(19) } : null;
    hours.set(h, e);
  }
  return e;
}

/** RFC 3339 with the local offset, whole seconds: core/clock.ts rfc3339. */
export function at(ms: number): string {
  const e = hourOf(ms);
  if (e === null) return rfc3339(new Date(ms));
  const rest = ms - Math.floor(ms / HOUR) * HOUR;
  return `${e.head}${pad2(Math.floor(rest / MINUTE))}:${pad2(Math.floor((rest % MINUTE) / 1000))}${e.tail}`;
}

/** The local calendar day: core/clock.ts localDate. */
export function day(ms: number): string {
  const e = hourOf(ms);
  return e === null ? localDate(new Date(ms)) : e.head.slice(0, 10);
}

/** Local midnight of a 'YYYY-MM-DD' day. */
export function dayStart(iso: string): number {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))).getTime();
}

/** A moment in office hours (08:30–12:00, 14:30–18:00) on the local day of `ms`. */
export function officeTime(rng: Rng, ms: number): number {
  const d = new Date(ms);
  const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const minute = rng.chance(0.6) ? rng.int(8 * 60 + 30, 11 * 60 + 59) : rng.int(14 * 60 + 30, 17 * 60 + 59);
  return midnight + minute * MINUTE + rng.int(0, 59) * 1000;
}

/**
 * N registration times over the SPAN_DAYS before `nowMs`, oldest first: office hours, weekdays
 * mostly (a quarter of the weekday rate on weekends, when only the duty desk is open), a slow
 * rise towards the present as the centre takes on more work. Sorted, because case numbers are
 * drawn in registration order.
 */
export function registrationTimes(rng: Rng, n: number, nowMs: number): Float64Array {
  const now = new Date(nowMs);
  const starts: number[] = [];
  const weekend: boolean[] = [];
  for (let d = 0; d <= SPAN_DAYS; d++) {
    const s = new Date(now.getFullYear(), now.getMonth(), now.getDate() - d);
    starts.push(s.getTime());
    weekend.push(s.getDay() === 0 || s.getDay() === 6);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    // Density rises linearly from 0.7 (two years ago) to 1.3 (today): sample by rejection.
    const d = Math.floor(rng.next() * SPAN_DAYS);
    if (rng.next() * 1.3 > 1.3 - (0.6 * d) / SPAN_DAYS) continue;
    if (weekend[d] && !rng.chance(0.25)) continue;
    const minute = rng.chance(0.6) ? rng.int(8 * 60 + 30, 11 * 60 + 59) : rng.int(14 * 60 + 30, 17 * 60 + 59);
    const t = starts[d]! + minute * MINUTE + rng.int(0, 59) * 1000;
    if (t > nowMs - 10 * MINUTE) continue;
    out[i++] = t;
  }
  return out.sort();
}
