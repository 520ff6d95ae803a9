/**
 * Demo data for training, tests and the benchmark: a centre's two years of cases, written straight
 * into the tables with prepared statements in a few large transactions (the API would take an
 * hour for 10^5 cases; this takes well under a minute).
 *
 * Deterministic for a seed: the same seed, case count and `now` give the same cases, parties,
 * dates and texts; only the UUIDs (random bits) and nothing else differ. The centre must exist
 * (its committee abbreviation goes into the case numbers). Case numbers use the counters the way
 * cases/numbering.ts does, so the app carries on the sequence where the demo stopped.
 */
import { SOURCE_CODES, type SourceCode } from '../../common/domain/sources';
import { caseDeadline, daysLeft } from '../../common/domain/deadlines';
import { AppError } from '../../common/errors';
import { formatCaseNumber } from '../../common/domain/caseNumber';
import { requireCentre } from '../centre';
import type { ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { buildCase, RosterIndex, YearSerials, type BuildEnv, type Counts } from './case-builder';
import { planCoverage } from './coverage';
import { DomainDates } from './dates';
import { personName } from './names';
import { People } from './people';
import { Rng } from './prng';
import { buildRoster } from './roster';
import { idAt } from './ids';
import { at, day, registrationTimes } from './time';
import { DemoWriter } from './writer';

export const MAX_DEMO_CASES = 1_000_000;
/** Cases per transaction: big enough to amortise the commit, small enough to keep the WAL modest. */
const BATCH = 5_000;
const FLUSH_EVERY = 100;

export interface DemoOptions {
  cases: number;
  seed?: number;
  /** The demo's "today"; default: the context's clock. */
  now?: Date;
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  cases: number;
  parties: number;
  mediators: number;
  sessions: number;
  referrals: number;
  confirmations: number;
  followups: number;
  seconds: number;
}

export function generateDemo(ctx: Pick<ServiceContext, 'db' | 'clock' | 'logger'>, options: DemoOptions): DemoSummary {
  const started = performance.now();
  const centre = requireCentre(ctx);
  const n = options.cases;
  if (!Number.isInteger(n) || n < 1 || n > MAX_DEMO_CASES) {
    throw new AppError('VALIDATION', `演示案件数量应为 1 至 ${MAX_DEMO_CASES} 之间的整数，收到：${String(n)}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new AppError('VALIDATION', `随机种子应为整数，收到：${String(seed)}`);

  // Whole seconds: RFC 3339 strings carry no milliseconds, and two runs must agree to the second.
  const nowMs = Math.floor((options.now ?? ctx.clock.now()).getTime() / 1000) * 1000;
  const today = day(nowMs);
  const rng = new Rng(seed);
  const people = new People(rng);
  const sqlite = ctx.db.sqlite;
  const w = new DemoWriter(sqlite);

  const settings = getSettings(ctx);
  const overrides = settings.deadlineDays as Partial<Record<SourceCode, number>>;
  const limitDays = Object.fromEntries(SOURCE_CODES.map((s) => [s, daysLeft(caseDeadline(today, s, overrides), today)])) as Record<
    SourceCode,
    number
  >;

  const roster = buildRoster(rng, people, nowMs, idAt);
  const clerks = Array.from({ length: 8 }, () => personName(rng, rng.chance(0.6) ? 'female' : 'male').name);
  const times = registrationTimes(rng, n, nowMs);
  const forced = planCoverage(rng, times, nowMs, limitDays.walk_in);

  // Case numbers follow cases/numbering.ts: counter `case:YYYY` holds the last serial drawn, the next
  // case gets value + 1. Drawing each through its upsert costs 60 µs a case here, so a batch draws
  // its serials in memory from the stored value and stores the last one in the same transaction:
  // the same numbers, and the app continues the sequence.
  const serials = new Map<number, number>();
  const readCounter = sqlite.prepare('SELECT value FROM counters WHERE name = ?').pluck();
  const writeCounter = sqlite.prepare(
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  const drawNumber = (year: number) => {
    const serial = (serials.get(year) ?? (readCounter.get(`case:${year}`) as number | undefined) ?? 0) + 1;
    serials.set(year, serial);
    return { serial, caseNumber: formatCaseNumber({ year, abbr: centre.committeeAbbr, serial }) };
  };
  const storeCounters = () => {
    for (const [year, value] of serials) writeCounter.run(`case:${year}`, value);
  };

  const counts: Counts = { cases: 0, parties: 0, sessions: 0, referrals: 0, confirmations: 0, followups: 0, audit: 0 };
  const env: BuildEnv = {
    rng,
    people,
    w,
    nowMs,
    today,
    dates: new DomainDates(overrides),
    limitDays,
    followupDays: settings.followupDaysAfterAgreement,
    drawNumber,
    roster: new RosterIndex(roster),
    clerks,
    serials: new YearSerials(rng),
    counts,
  };

  // For the load only, connection-local and put back afterwards: a larger page cache, because the
  // party name, phone and ID indexes take inserts in random order; and statement journals in
  // memory, because every insert that fires an outbox trigger opens one, and on disk they cost
  // about ten page writes per row (measured: half the CPU time of the whole load).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  try {
    sqlite
      .transaction(() => {
        for (const m of roster) {
          w.mediator({
            id: m.id,
            version: m.status === 'active' ? 1 : 2,
            updatedAt: at(m.statusMs),
            name: m.name,
            kind: m.kind,
            organisation: m.organisation,
            phone: m.phone,
            idNumber: m.idNumber,
            specialties: m.specialties,
            certificateNo: m.certificateNo,
            region: m.region,
            status: m.status,
            statusDate: day(m.statusMs),
            statusReason: m.statusReason,
            createdAt: at(m.createdMs),
          });
          w.audit({
            id: idAt(m.createdMs),
            at: at(m.createdMs),
            actorName: clerks[0]!,
            operation: 'mediators.create',
            entityKind: 'mediator',
            entityId: m.id,
            caseId: null,
            summary: `名册新增：${m.name}`,
            before: null,
            after: null,
          });
          if (m.status !== 'active') {
            const label = m.status === 'suspended' ? '暂停' : '除名';
            w.audit({
              id: idAt(m.statusMs),
              at: at(m.statusMs),
              actorName: clerks[0]!,
              operation: 'mediators.setStatus',
              entityKind: 'mediator',
              entityId: m.id,
              caseId: null,
              summary: `${m.name}：在册 → ${label}，原因：${m.statusReason ?? ''}`,
              before: null,
              after: null,
            });
          }
        }
        w.flush();
      })
      .immediate();
    for (let start = 0; start < n; start += BATCH) {
      const end = Math.min(n, start + BATCH);
      sqlite
        .transaction(() => {
          // Foreign keys checked at commit instead of per statement: still enforced (the commit
          // fails on a dangling reference), but an insert that cannot fail half-way needs no
          // statement journal (with writer.ts's OR ROLLBACK: a third off each session and
          // follow-up insert). The pragma lapses at every COMMIT, so it is set per batch.
          sqlite.pragma('defer_foreign_keys = ON');
          // Re-read the counters under this batch's write lock: the app may have registered a
          // case between two batches.
          serials.clear();
          for (let i = start; i < end; i++) {
            buildCase(env, times[i]!, forced.get(i));
            // Flushed often enough that the buffered rows die young (a 5,000-case buffer was
            // promoted to the old generation: a fifth of the CPU went to the collector), yet in
            // runs long enough that each table's rows go in sorted (measured best near 100).
            if ((i - start) % FLUSH_EVERY === FLUSH_EVERY - 1) w.flush();
          }
          w.flush();
          storeCounters();
        })
        .immediate();
      options.onProgress?.(end, n);
    }
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`temp_store = ${tempStore}`);
  }

  const summary: DemoSummary = {
    cases: counts.cases,
    parties: counts.parties,
    mediators: roster.length,
    sessions: counts.sessions,
    referrals: counts.referrals,
    confirmations: counts.confirmations,
    followups: counts.followups,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  ctx.logger.info('demo data generated', { ...summary, seed });
  return summary;
}
