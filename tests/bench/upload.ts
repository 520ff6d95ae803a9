/**
 * Bench `upload-backlog`: a 10^5-case centre's whole backlog (every record still in the outbox,
 * as after the first install or a long outage) uploaded to the district test server over loopback.
 * Prints `{"op":"upload-backlog","n":RECORDS,"seconds":S,"peak_rss_mb":MB}` (n: records uploaded).
 * Targets: under a minute, peak RSS under 300 MB; a miss is reported on stderr.
 *
 * Three processes, so that each number is what it claims: the data is the runner's (copied, since
 * the upload empties the outbox), the district server runs in its own process
 * (tests/peers/district-server-main.ts, keeps no record data), and the upload itself runs in a
 * fresh child (this file with `--child`), whose RSS is sampled while it uploads.
 *
 * In `npm run bench` (suites.ts). Standalone, e.g. to profile:
 *   npx tsx tests/bench/upload.ts [--cases N | --data-dir DIR] [--cpu-prof-dir DIR]
 * (--data-dir: a data dir made by `cli demo`, copied first; without it `cli demo` makes one.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from './types';

const repo = path.resolve(import.meta.dirname, '..', '..');
const CENTRE = '410711001';

export interface UploadBenchLine {
  op: 'upload-backlog';
  n: number;
  seconds: number;
  peak_rss_mb: number;
}

export interface UploadBenchOptions {
  cases?: number;
  /** A data dir made by `cli demo` to copy instead of generating a new one. */
  dataDir?: string;
  /** A throw-away data dir to upload from as it is (the runner's copy); left in place. */
  useDir?: string;
  /** Extra node flags for the uploading child, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  childFlags?: string[];
  log?: (line: string) => void;
}

const tsx = (script: string, args: string[], flags: string[] = []) => [...flags, '--import', 'tsx', script, ...args];

function makeData(dir: string, opts: UploadBenchOptions, log: (l: string) => void): void {
  const from = opts.dataDir ?? process.env.BENCH_UPLOAD_DATA;
  if (from) {
    fs.cpSync(from, dir, { recursive: true });
    return;
  }
  const cases = opts.cases ?? 100_000;
  log(`upload-backlog: generating ${cases} demo cases…`);
  const r = spawnSync(
    process.execPath,
    tsx('electron/cli/index.ts', ['demo', '--data-dir', dir, '--cases', String(cases), '--seed', '7']),
    {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  if (r.status !== 0) throw new Error(`cli demo failed (${String(r.status)}): ${r.stderr}`);
}

function startServer(): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, tsx('tests/peers/district-server-main.ts', []), {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const { url, tokens } = JSON.parse(line) as { url: string; tokens: Record<string, string> };
      resolve({ child, url, token: tokens[CENTRE]! });
    });
    child.once('exit', (code) => reject(new Error(`district server exited (${String(code)})`)));
  });
}

/** User + system CPU seconds of a process (Linux /proc), or null where that cannot be read. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100;
  } catch {
    return null;
  }
}

interface ChildResult {
  records: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  startRssMb: number;
  batches: number;
  result: string;
  message: string;
  userSeconds: number;
  systemSeconds: number;
}

function runChild(dataDir: string, url: string, token: string, flags: string[]): Promise<ChildResult> {
  const child = spawn(process.execPath, tsx(fileURLToPath(import.meta.url), ['--child', dataDir, url], flags), {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
    // The token in the environment, not argv: it never shows in a process list.
    env: { ...process.env, UPLOAD_TOKEN: token, TZ: 'Asia/Shanghai' },
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`upload child failed (${String(code)}): ${out}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
}

export async function benchUploadBacklogCase(opts: UploadBenchOptions = {}): Promise<UploadBenchLine> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const dir = opts.useDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-upload-'));
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    if (!opts.useDir) makeData(dir, opts, log);
    server = await startServer();
    const serverCpuBefore = cpuSecondsOf(server.child.pid);
    const r = await runChild(dir, server.url, server.token, opts.childFlags ?? []);
    const serverCpu = cpuSecondsOf(server.child.pid);
    log(
      `upload-backlog: ${r.records} records in ${r.batches} batches, ${r.seconds} s wall, ${r.cpuSeconds} s CPU ` +
        `(uploading process: user ${r.userSeconds.toFixed(1)} s, system ${r.systemSeconds.toFixed(1)} s)` +
        `${serverCpu !== null && serverCpuBefore !== null ? `, ${(serverCpu - serverCpuBefore).toFixed(2)} s CPU (district server)` : ''}, ` +
        `RSS ${r.startRssMb} → peak ${r.peakRssMb} MB; ${r.result}: ${r.message}`,
    );
    if (r.result !== 'ok') throw new Error(`upload-backlog did not finish cleanly: ${r.message}`);
    if (r.seconds > TARGET_SECONDS) log(`bench: upload-backlog ${r.seconds} s misses its target of ${TARGET_SECONDS} s`);
    if (r.peakRssMb > TARGET_RSS_MB) log(`bench: upload-backlog peak RSS ${r.peakRssMb} MB misses its target of ${TARGET_RSS_MB} MB`);
    return { op: 'upload-backlog', n: r.records, seconds: r.seconds, peak_rss_mb: r.peakRssMb };
  } finally {
    server?.child.kill('SIGTERM');
    if (!opts.useDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 300;

/** For `npm run bench`: the whole upload of the runner's backlog, once, on a copy of its data dir. */
export const uploadSuite: BenchSuite = (b) => [
  {
    op: 'upload-backlog',
    n: 1,
    warmup: 0,
    run: () => undefined,
    report: async () => {
      const copy = b.copyDataDir();
      try {
        return { ...(await benchUploadBacklogCase({ useDir: copy.dir })) };
      } finally {
        copy.cleanup();
      }
    },
  },
];

async function child(dataDir: string, url: string): Promise<void> {
  const { openServices } = await import('../../electron/backend');
  const { createLogger } = await import('../../electron/services/core/logger');
  const { requireCentre } = await import('../../electron/services/centre');
  const { benchUploadBacklog } = await import('./upload-backlog');
  const ctx = openServices({ dataDir, logger: createLogger({}) });
  try {
    const centre = requireCentre(ctx);
    const cpu = process.cpuUsage();
    const r = await benchUploadBacklog({
      db: ctx.db,
      server: { url, token: process.env.UPLOAD_TOKEN ?? '', centreCode: centre.centreCode },
      deviceId: centre.deviceId,
    });
    const used = process.cpuUsage(cpu);
    process.stdout.write(`${JSON.stringify({ ...r, userSeconds: used.user / 1e6, systemSeconds: used.system / 1e6 })}\n`);
  } finally {
    ctx.db.close();
  }
}

const argv = process.argv.slice(2);
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (argv[0] === '--child') {
    await child(argv[1]!, argv[2]!);
  } else {
    const flag = (name: string) => {
      const i = argv.indexOf(name);
      return i >= 0 ? argv[i + 1] : undefined;
    };
    const cases = flag('--cases');
    const dataDir = flag('--data-dir');
    const prof = flag('--cpu-prof-dir');
    const line = await benchUploadBacklogCase({
      ...(cases ? { cases: Number(cases) } : {}),
      ...(dataDir ? { dataDir } : {}),
      ...(prof ? { childFlags: ['--cpu-prof', `--cpu-prof-dir=${prof}`] } : {}),
    });
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
