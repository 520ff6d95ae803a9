/**
 * The upload as the running app uses it: the district token in the secret store, the address and
 * the night window in the settings, one upload at a time in this process (立即上传 and the night
 * scheduler share it; the engine's lock covers other processes), the running upload's progress
 * for the progress bar, and the scheduler started with the app's background jobs.
 *
 * One per running app: createBackend builds it as `app.uploads`, where the API handlers and the
 * backend find it.
 */
import { AppError } from '../../common/errors';
import { getCentre } from '../centre';
import type { ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { pendingCount } from './batches';
import { runUpload, type UploadProgress, type UploadSummary, type UploadTrigger } from './run';
import { createUploadScheduler, lastSuccessfulUpload, type SchedulerOptions, type UploadScheduler } from './schedule';
import { checkServerUrl } from './transport';

/** The secret store's name for the district's bearer token. */
export const DISTRICT_TOKEN = 'district-token';

export interface UploadConfig {
  serverUrl: string;
  token: string;
  centreCode: string;
  deviceId: string;
  windowStart: string;
  windowEnd: string;
}

export interface RunningUpload {
  runId: string;
  trigger: UploadTrigger;
  startedAt: string;
  /** Outbox rows when the run started: the progress bar's 100 %. */
  total: number;
  progress: UploadProgress | null;
}

export interface FinishedUpload {
  runId: string | null;
  trigger: UploadTrigger;
  result: UploadSummary['result'];
  message: string;
}

export function readToken(ctx: Pick<ServiceContext, 'secrets'>): string | null {
  const t = ctx.secrets.get(DISTRICT_TOKEN);
  return t && t.trim() !== '' ? t : null;
}

/** What an upload needs, from the settings, the secret store and the centre; null when any is missing. */
export function readUploadConfig(ctx: Pick<ServiceContext, 'db' | 'secrets'>): UploadConfig | null {
  const settings = getSettings(ctx);
  const centre = getCentre(ctx);
  const token = readToken(ctx);
  if (!settings.uploadServerUrl || !token || !centre) return null;
  return {
    serverUrl: settings.uploadServerUrl,
    token,
    centreCode: centre.centreCode,
    deviceId: centre.deviceId,
    windowStart: settings.uploadWindowStart,
    windowEnd: settings.uploadWindowEnd,
  };
}

export interface AppUploadOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  scheduler?: Partial<SchedulerOptions>;
}

export class AppUploads {
  private running: RunningUpload | null = null;
  private finished: FinishedUpload | null = null;
  private scheduler: UploadScheduler | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: AppUploadOptions = {},
  ) {}

  current(): RunningUpload | null {
    return this.running;
  }

  lastFinished(): FinishedUpload | null {
    return this.finished;
  }

  /**
   * Start one upload in the background; resolves once it has started (with its run id) and
   * gives the promise of its end. BUSY when an upload already runs here or in another process.
   */
  async start(
    trigger: UploadTrigger,
    override: { serverUrl?: string; token?: string } = {},
  ): Promise<{ runId: string; done: Promise<UploadSummary> }> {
    if (this.running) {
      throw new AppError(
        'BUSY',
        `另一个上传正在进行（本机${this.running.trigger === 'manual' ? '手动' : '自动'}上传，开始于 ${this.running.startedAt}），请等它完成后再试。`,
      );
    }
    const { ctx } = this;
    const settings = getSettings(ctx);
    const centre = getCentre(ctx);
    if (!centre) throw new AppError('NOT_SET_UP', '尚未完成首次设置，不能上传。');
    const serverUrl = override.serverUrl ?? settings.uploadServerUrl;
    const token = override.token ?? readToken(ctx);
    if (!serverUrl) throw new AppError('VALIDATION', '尚未设置区平台地址，请在“设置 → 区级上传”中填写。');
    if (!token) throw new AppError('VALIDATION', '尚未设置区平台令牌，请在“设置 → 区级上传”中填写。');
    checkServerUrl(serverUrl);

    const total = pendingCount(ctx.db);
    const before = (ctx.db.sqlite.prepare('SELECT max(id) AS id FROM upload_runs').get() as { id: string | null }).id ?? '';
    const state: RunningUpload = { runId: '', trigger, startedAt: '', total, progress: null };
    const done = runUpload({
      db: ctx.db,
      serverUrl,
      token,
      centreCode: centre.centreCode,
      deviceId: centre.deviceId,
      trigger,
      clock: ctx.clock,
      logger: ctx.logger,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      onProgress: (p) => {
        state.progress = p;
      },
    });
    // The engine takes its lock and writes its run row before its first wait: a new row now
    // means it has started; none means it refused at once (BUSY, bad settings).
    const row = ctx.db.sqlite
      .prepare('SELECT id, started_at AS startedAt FROM upload_runs WHERE id > ? ORDER BY id DESC LIMIT 1')
      .get(before) as { id: string; startedAt: string } | undefined;
    if (!row) {
      const summary = await done;
      return { runId: summary.runId, done: Promise.resolve(summary) };
    }
    state.runId = row.id;
    state.startedAt = row.startedAt;
    this.running = state;
    const tracked = done.then(
      (summary) => {
        this.finished = { runId: summary.runId, trigger, result: summary.result, message: summary.message };
        return summary;
      },
      (e: unknown) => {
        const message = `上传出错：${e instanceof Error ? e.message : String(e)}`;
        this.finished = { runId: state.runId, trigger, result: 'failed', message };
        ctx.logger.error('upload run failed', { runId: state.runId, error: message });
        throw e;
      },
    );
    const clear = () => {
      if (this.running === state) this.running = null;
      this.scheduler?.poke();
    };
    tracked.then(clear, clear);
    // The caller may not wait for the end (立即上传): an error is in `finished` and the log.
    tracked.catch(() => undefined);
    return { runId: state.runId, done: tracked };
  }

  /** The night scheduler (createBackend's background jobs). Does nothing until uploading is set up. */
  startSchedule(): void {
    if (this.scheduler) return;
    const { ctx } = this;
    this.scheduler = createUploadScheduler({
      clock: ctx.clock,
      logger: ctx.logger,
      config: () => {
        const c = readUploadConfig(ctx);
        return c ? { start: c.windowStart, end: c.windowEnd } : null;
      },
      lastSuccessAt: () => lastSuccessfulUpload(ctx.db),
      upload: async (trigger) => await (await this.start(trigger)).done,
      ...(this.options.scheduler ? { options: this.options.scheduler } : {}),
    });
    this.scheduler.start();
  }

  /** The settings changed: plan again now. */
  settingsChanged(): void {
    this.scheduler?.poke();
  }

  schedule(): ReturnType<UploadScheduler['state']> | null {
    return this.scheduler?.state() ?? null;
  }

  stop(): void {
    this.scheduler?.stop();
    this.scheduler = null;
  }
}
