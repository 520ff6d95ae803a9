/**
 * centre-load: one centre host (its own process, HTTPS on loopback, LAN mode) on the bench
 * database, with 30 desk workstations doing a realistic mix (search, list, open a case, record a
 * session, register a case), 2 kiosks registering citizens, and 1 hall display subscribed to the
 * push channel, for 60 s. Each workstation is paired with its own code and speaks through its own
 * keep-alive agent with the host's certificate pinned, as separate machines would.
 *
 * One line: {"op":"centre-load","workstations":33,"requests":N,"errors":E,"p50_ms","p95_ms",
 * "p99_ms","push_p95_ms","peak_rss_mb"}. push_ms is from a desk sending queue.callNext to the
 * display receiving the change. Targets: errors 0, p95 ≤ 50 ms, push_p95 ≤ 1000 ms.
 *
 * In `npm run bench` (suites.ts); CENTRE_LOAD_SECONDS shortens or lengthens the run. Standalone:
 *   npx tsx tests/bench/centre-load.ts --data-dir DIR [--seconds S]   (DIR is used as is: copy it first)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DEMO_ADMIN } from '../../electron/cli/commands/demo';
import { todayIso } from '../../electron/common/domain/dates';
import type { PushEvent } from '../../electron/common/push';
import { Rng } from '../../electron/services/demo/prng';
import { dataPaths } from '../../electron/services/data-dir';
import { kioskInput } from '../integration/intake/harness';
import { walkInCase } from '../support/cases';
import { percentile } from './measure';
import type { BenchSuite } from './types';

const repo = path.resolve(import.meta.dirname, '..', '..');
const DESKS = 30;
const KIOSKS = 2;
const log = (line: string) => process.stderr.write(`${line}\n`);

export interface CentreLoadLine {
  op: 'centre-load';
  workstations: number;
  seconds: number;
  requests: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  push_p95_ms: number | null;
  push_n: number;
  peak_rss_mb: number;
  /** The host process's CPU time over the whole run (start-up and pairing included). */
  host_cpu_s: number;
  error_samples?: string[];
}

interface Host {
  port: number;
  token: string;
  cert: string;
  stop(): Promise<{ peak_rss_mb: number; cpu_s: number }>;
}

function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'tests', 'bench', 'centre-host.ts'), dataDir], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  lines.on('line', (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
  const nextLine = () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiters.push(resolve)));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`centre host exited (${String(code)})`)));
    void nextLine().then((l) => {
      const first = JSON.parse(l) as { port: number; token: string; cert: string };
      resolve({
        ...first,
        stop: async () => {
          child.stdin.write('stop\n');
          return JSON.parse(await nextLine()) as { peak_rss_mb: number; cpu_s: number };
        },
      });
    });
  });
}

interface Client {
  agent: https.Agent;
  cookie: string | null;
}

function post(
  host: Host,
  client: Client,
  body: unknown,
  auth: 'token' | 'device',
): Promise<{ ms: number; ok: boolean; data: unknown; error?: string; setCookie?: string }> {
  const t0 = performance.now();
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
    if (auth === 'token') headers.authorization = `Bearer ${host.token}`;
    if (client.cookie) headers.cookie = client.cookie;
    const req = https.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/invoke',
        headers,
        agent: client.agent,
        ca: host.cert,
        checkServerIdentity: () => undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - t0;
          try {
            const j = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              ok: boolean;
              data?: unknown;
              error?: { code: string; message: string };
            };
            resolve({
              ms,
              ok: j.ok,
              data: j.data,
              ...(j.ok ? {} : { error: `${j.error?.code}: ${j.error?.message}` }),
              ...(res.headers['set-cookie'] ? { setCookie: res.headers['set-cookie'][0]!.split(';')[0]! } : {}),
            });
          } catch {
            resolve({ ms, ok: false, data: null, error: `HTTP ${res.statusCode}` });
          }
        });
      },
    );
    req.on('error', (e) => resolve({ ms: performance.now() - t0, ok: false, data: null, error: e.message }));
    req.end(payload);
  });
}

function subscribe(host: Host, client: Client, onEvent: (e: PushEvent) => void): () => void {
  const req = https.request(
    {
      host: '127.0.0.1',
      port: host.port,
      path: '/api/events',
      headers: { cookie: client.cookie ?? '' },
      agent: false,
      ca: host.cert,
      checkServerIdentity: () => undefined,
    },
    (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) !== -1) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: change') && data) onEvent(JSON.parse(data.slice(6)) as PushEvent);
        }
      });
    },
  );
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Query values from the database itself, so searches and opened cases are real ones. */
function sample(dataDir: string, rng: Rng) {
  const db = new Database(dataPaths(dataDir).database, { readonly: true });
  try {
    const names = (db.prepare('SELECT name FROM parties ORDER BY rowid LIMIT 20000').all() as { name: string }[]).map((r) => r.name);
    const ids = (db.prepare('SELECT id FROM cases WHERE deleted = 0 ORDER BY rowid LIMIT 20000').all() as { id: string }[]).map(
      (r) => r.id,
    );
    const mediating = (
      db.prepare("SELECT id FROM cases WHERE status = 'mediating' AND deleted = 0 LIMIT 3000").all() as { id: string }[]
    ).map((r) => r.id);
    const pick = <T>(list: T[]) => list[rng.int(0, list.length - 1)]!;
    return {
      term: () => {
        const n = pick(names);
        // A surname, a full name or two characters, as people type at the counter.
        const k = rng.int(0, 2);
        return k === 0 ? [...n][0]! : k === 1 ? n : [...n].slice(0, 2).join('');
      },
      caseId: () => pick(ids),
      mediating: () => (mediating.length ? pick(mediating) : null),
    };
  } finally {
    db.close();
  }
}

export async function runCentreLoad(dataDir: string, seconds: number): Promise<CentreLoadLine> {
  const rng = new Rng(20_261_203);
  const values = sample(dataDir, rng);
  const host = await startHost(dataDir);
  const admin: Client = { agent: new https.Agent({ keepAlive: true, maxSockets: 4 }), cookie: null };
  const adminLogin = await post(
    host,
    admin,
    { op: 'auth.login', input: { loginName: DEMO_ADMIN.loginName, password: DEMO_ADMIN.password } },
    'token',
  );
  if (!adminLogin.ok) throw new Error(`admin login failed: ${adminLogin.error}`);
  const adminSession = (adminLogin.data as { session: string }).session;

  const pairOne = async (kind: 'desk' | 'kiosk' | 'display', name: string): Promise<Client> => {
    const code = await post(host, admin, { op: 'devices.createPairingCode', input: { kind, name }, session: adminSession }, 'token');
    if (!code.ok) throw new Error(`pairing code: ${code.error}`);
    const c: Client = { agent: new https.Agent({ keepAlive: true, maxSockets: 2 }), cookie: null };
    const paired = await post(host, c, { op: 'devices.pair', input: { code: (code.data as { code: string }).code } }, 'device');
    if (!paired.ok || !paired.setCookie) throw new Error(`pairing: ${paired.error}`);
    c.cookie = paired.setCookie;
    return c;
  };
  const desks: { client: Client; session: string }[] = [];
  for (let i = 0; i < DESKS; i++) {
    const client = await pairOne('desk', `调解室${i + 1}`);
    const login = await post(
      host,
      client,
      { op: 'auth.login', input: { loginName: DEMO_ADMIN.loginName, password: DEMO_ADMIN.password } },
      'device',
    );
    if (!login.ok) throw new Error(`desk login: ${login.error}`);
    desks.push({ client, session: (login.data as { session: string }).session });
  }
  const kiosks = await Promise.all(Array.from({ length: KIOSKS }, (_, i) => pairOne('kiosk', `自助机${i + 1}`)));
  const display = await pairOne('display', '大厅叫号屏');

  const latencies: number[] = [];
  const pushMs: number[] = [];
  let errors = 0;
  const errorSamples = new Set<string>();
  const byOp = new Map<string, number[]>();
  const record = (r: { ms: number; ok: boolean; error?: string }, op = 'other') => {
    latencies.push(r.ms);
    byOp.set(op, [...(byOp.get(op) ?? []), r.ms]);
    if (!r.ok) {
      errors += 1;
      if (errorSamples.size < 5 && r.error) errorSamples.add(r.error);
    }
  };

  // The display: the next queue-only change after a call resolves that call's wait.
  let callWaiter: ((at: number) => void) | null = null;
  const unsubscribe = subscribe(host, display, (e) => {
    if (callWaiter && e.topics.length === 1 && e.topics[0] === 'queue') {
      const w = callWaiter;
      callWaiter = null;
      w(performance.now());
    }
  });
  await sleep(200);

  const deadline = Date.now() + seconds * 1000;
  let registered = 0;
  let called = 0;

  const desk = async (d: { client: Client; session: string }, index: number) => {
    const r = new Rng(1000 + index);
    while (Date.now() < deadline) {
      await sleep(r.int(300, 1500));
      const roll = r.int(1, 100);
      const call = async (op: string, input: unknown, write = false) =>
        record(
          await post(host, d.client, { op, input, session: d.session, ...(write ? { idempotencyKey: randomUUID() } : {}) }, 'device'),
          op,
        );
      if (roll <= 30) await call('cases.search', { q: values.term() });
      else if (roll <= 55) await call('cases.list', { page: r.int(1, 20), pageSize: 20 });
      else if (roll <= 80) await call('cases.get', { id: values.caseId() });
      else if (roll <= 90) {
        const caseId = values.mediating();
        if (caseId)
          await call(
            'sessions.add',
            {
              caseId,
              session: { heldAt: `${todayIso(new Date())}T08:00`, place: '调解室', participants: '双方当事人', record: '双方陈述意见。' },
            },
            true,
          );
      } else await call('cases.register', walkInCase({ title: `负载测试 ${index}-${r.int(1, 1e9)}` }), true);
    }
  };

  const kiosk = async (k: Client, index: number) => {
    let n = 0;
    while (Date.now() < deadline) {
      await sleep(4000);
      if (Date.now() >= deadline) break;
      n += 1;
      const phone = `139${String(index * 100_000 + n).padStart(8, '0')}`;
      const res = await post(host, k, { op: 'intake.submit', input: kioskInput({ phone }), idempotencyKey: randomUUID() }, 'device');
      record(res, 'intake.submit');
      if (res.ok) registered += 1;
    }
  };

  // Desk 1 also calls the next number whenever someone is waiting; the display measures the push.
  const caller = async () => {
    const d = desks[0]!;
    while (Date.now() < deadline) {
      await sleep(1500);
      if (registered <= called) continue;
      const heard = new Promise<number>((resolve) => (callWaiter = resolve));
      const t0 = performance.now();
      const res = await post(
        host,
        d.client,
        { op: 'queue.callNext', input: { desk: '1号窗口' }, session: d.session, idempotencyKey: randomUUID() },
        'device',
      );
      record(res, 'queue.callNext');
      if (!res.ok) {
        callWaiter = null;
        continue;
      }
      called += 1;
      const at = await Promise.race([heard, sleep(5000).then(() => null)]);
      if (at === null) errors += 1;
      else pushMs.push(at - t0);
    }
  };

  log(`bench: centre-load: ${DESKS} desks, ${KIOSKS} kiosks, 1 display for ${seconds} s ...`);
  await Promise.all([...desks.map((d, i) => desk(d, i)), ...kiosks.map((k, i) => kiosk(k, i)), caller()]);
  unsubscribe();
  const host0 = await host.stop();
  for (const c of [admin, display, ...kiosks, ...desks.map((d) => d.client)]) c.agent.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  const pushSorted = [...pushMs].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  const line: CentreLoadLine = {
    op: 'centre-load',
    workstations: DESKS + KIOSKS + 1,
    seconds,
    requests: latencies.length,
    errors,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    push_p95_ms: pushSorted.length ? round(percentile(pushSorted, 95)) : null,
    push_n: pushSorted.length,
    peak_rss_mb: host0.peak_rss_mb,
    host_cpu_s: host0.cpu_s,
  };
  for (const [op, list] of byOp) {
    const s = [...list].sort((a, b) => a - b);
    log(`bench: centre-load   ${op}: n ${s.length}, p50 ${round(percentile(s, 50))} ms, p95 ${round(percentile(s, 95))} ms`);
  }
  if (errorSamples.size) line.error_samples = [...errorSamples];
  if (errors > 0) log(`bench: centre-load had ${errors} errors, e.g. ${[...errorSamples].join(' | ')}`);
  if (line.p95_ms > 50) log(`bench: centre-load p95 ${line.p95_ms} ms misses its target of 50 ms`);
  if ((line.push_p95_ms ?? 0) > 1000) log(`bench: centre-load push p95 ${line.push_p95_ms} ms misses its target of 1000 ms`);
  return line;
}

export const centreLoadSuite: BenchSuite = (b) => [
  {
    op: 'centre-load',
    run: () => undefined,
    report: async () => {
      const copy = b.copyDataDir();
      try {
        return { ...(await runCentreLoad(copy.dir, Number(process.env.CENTRE_LOAD_SECONDS ?? 60))) };
      } finally {
        copy.cleanup();
      }
    },
  },
];

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, seconds: { type: 'string', default: '60' } } });
  if (!values['data-dir']) throw new Error('--data-dir DIR is required');
  runCentreLoad(values['data-dir'], Number(values.seconds)).then(
    (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
    (e: unknown) => {
      log(`bench: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
    },
  );
}
