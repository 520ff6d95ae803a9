/**
 * How long the upload takes on whatever backlog the database holds, and how much memory it needs
 * (the target: 5×10^5 records under 300 MB RSS). For `npm run bench`; no test asserts on times.
 *
 * Run the district server in another process when measuring memory: an in-process test server
 * keeps what it receives and would be counted here.
 */
import type { Db } from '../../db/open';
import { runUpload, type UploadResult } from '../../electron/services/upload/run';

export interface BenchServer {
  url: string;
  token: string;
  centreCode: string;
}

export interface BenchResult {
  records: number;
  batches: number;
  seconds: number;
  /** CPU time of this process (user + system): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  recordsPerSecond: number;
  /** Highest RSS sampled while the upload ran. */
  peakRssMb: number;
  startRssMb: number;
  /** The OS's peak for the whole process (includes whatever ran before the upload). */
  processMaxRssMb: number;
  result: UploadResult;
  message: string;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function benchUploadBacklog(opts: {
  db: Db;
  server: BenchServer;
  deviceId?: string;
  maxRecords?: number;
}): Promise<BenchResult> {
  // Counted by the run itself (what it sent): counting the outbox first would read it through the
  // connection's memory map, outside the run's own settings, and inflate the RSS measured here.
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  let batches = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 50);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  try {
    const summary = await runUpload({
      db: opts.db,
      serverUrl: opts.server.url,
      token: opts.server.token,
      centreCode: opts.server.centreCode,
      deviceId: opts.deviceId ?? '8a6f0f1e-1d7e-4a8b-9f5e-2b1c7d9e0a34',
      trigger: 'manual',
      ...(opts.maxRecords ? { maxRecords: opts.maxRecords } : {}),
      onProgress: (p) => {
        if (p.phase !== 'reconcile') batches += 1;
        sample();
      },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const records = summary.sent;
    const cpu = process.cpuUsage(cpuBefore);
    sample();
    return {
      records,
      batches,
      seconds: Math.round(seconds * 100) / 100,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      recordsPerSecond: Math.round(records / Math.max(seconds, 1e-9)),
      peakRssMb: mb(peak),
      startRssMb: mb(startRss),
      processMaxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      result: summary.result,
      message: summary.message,
    };
  } finally {
    clearInterval(timer);
  }
}
