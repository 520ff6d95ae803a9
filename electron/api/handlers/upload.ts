import {
  RECORD_KIND_LABELS,
  recordKindLabel,
  type RejectionView,
  type UploadProgressView,
  type UploadSettingsView,
  type UploadStatusView,
  type uploadOps,
} from '../../common/api/upload';
import { AppError, isAppError } from '../../common/errors';
import { getCentre } from '../../services/centre';
import { recordAudit } from '../../services/core/audit';
import type { ServiceContext } from '../../services/core/context';
import { getSettings, updateSettings } from '../../services/core/centre-settings-store';
import { maskSecret } from '../../services/secrets';
import { DISTRICT_TOKEN, readToken, readUploadConfig } from '../../services/upload/background';
import type { AppServices } from '../../app-services';
import { checkServerUrl, releaseRejections, testConnection, uploadStatus } from '../../services/upload';
import type { RecordKind } from '../../services/records/kinds';
import type { Handlers } from '../handler';

const MAX_REJECTIONS_LISTED = 200;

function settingsView(ctx: ServiceContext): UploadSettingsView {
  const s = getSettings(ctx);
  const token = readToken(ctx);
  return {
    serverUrl: s.uploadServerUrl,
    tokenSet: token !== null,
    tokenMasked: maskSecret(token),
    windowStart: s.uploadWindowStart,
    windowEnd: s.uploadWindowEnd,
    centreCode: getCentre(ctx)?.centreCode ?? null,
  };
}

/** The engine's own check too (it is the one the upload applies), as a field error of the form. */
function checkUrlField(url: string): void {
  try {
    checkServerUrl(url);
  } catch (e) {
    if (isAppError(e)) throw new AppError('VALIDATION', e.message, { serverUrl: e.message });
    throw e;
  }
}

// The case a rejected record belongs to, so that someone can find and fix it.
const CASE_OF: Partial<Record<RecordKind, string>> = {
  case: 'SELECT case_number AS n FROM cases WHERE id = ?',
  party: 'SELECT c.case_number AS n FROM parties t JOIN cases c ON c.id = t.case_id WHERE t.id = ?',
  session: 'SELECT c.case_number AS n FROM sessions t JOIN cases c ON c.id = t.case_id WHERE t.id = ?',
  document: 'SELECT c.case_number AS n FROM documents t JOIN cases c ON c.id = t.case_id WHERE t.id = ?',
  confirmation: 'SELECT c.case_number AS n FROM confirmations t JOIN cases c ON c.id = t.case_id WHERE t.id = ?',
  followup: 'SELECT c.case_number AS n FROM followups t JOIN cases c ON c.id = t.case_id WHERE t.id = ?',
  event: 'SELECT c.case_number AS n FROM audit t JOIN cases c ON c.id = t.case_id WHERE t.id = ?',
};

function caseNumberOf(ctx: ServiceContext, kind: RecordKind, id: string): string | null {
  const sql = CASE_OF[kind];
  if (!sql) return null;
  const row = ctx.db.sqlite.prepare(sql).get(id) as { n: string } | undefined;
  return row?.n ?? null;
}

function statusView({ ctx, uploads }: AppServices): UploadStatusView {
  const s = uploadStatus(ctx.db);
  const rejections: RejectionView[] = s.rejections.slice(0, MAX_REJECTIONS_LISTED).map((r) => ({
    kind: r.kind,
    kindLabel: recordKindLabel(r.kind),
    recordId: r.recordId,
    version: r.version,
    caseNumber: caseNumberOf(ctx, r.kind, r.recordId),
    message: r.message,
    at: r.at,
  }));
  return {
    configured: readUploadConfig(ctx) !== null,
    lastRun: s.lastRun,
    pending: s.pending,
    inFlightBatches: s.inFlightBatches,
    rejections,
    rejectionCount: s.rejections.length,
    nextRunAt: uploads.schedule()?.nextRunAt ?? null,
  };
}

function lockedElsewhere(ctx: ServiceContext): boolean {
  const row = ctx.db.sqlite.prepare("SELECT expires_at AS expiresAt FROM locks WHERE name = 'upload'").get() as
    { expiresAt: string } | undefined;
  return row !== undefined && Date.parse(row.expiresAt) > ctx.clock.now().getTime();
}

function progressView({ ctx, uploads }: AppServices): UploadProgressView {
  const run = uploads.current();
  const last = uploads.lastFinished();
  const p = run?.progress ?? null;
  const total = run?.total ?? 0;
  const done = p ? Math.max(0, Math.min(total, total - p.pending)) : 0;
  return {
    running: run !== null,
    runId: run?.runId ?? null,
    trigger: run?.trigger ?? null,
    startedAt: run?.startedAt ?? null,
    phase: p?.phase ?? null,
    total,
    done,
    percent: run === null ? 0 : p?.phase === 'reconcile' ? 100 : total === 0 ? 0 : Math.floor((done / total) * 100),
    sent: p?.sent ?? 0,
    accepted: p?.accepted ?? 0,
    duplicates: p?.duplicates ?? 0,
    rejected: p?.rejected ?? 0,
    elsewhere: run === null && lockedElsewhere(ctx),
    last: last ? { runId: last.runId, result: last.result, message: last.message } : null,
  };
}

export const uploadHandlers: Handlers<typeof uploadOps> = {
  'upload.settings.get': (_input, { app }) => settingsView(app.ctx),

  'upload.settings.save': (input, { app, actor }) => {
    const { ctx } = app;
    checkUrlField(input.serverUrl);
    updateSettings(ctx, actor, {
      uploadServerUrl: input.serverUrl,
      uploadWindowStart: input.windowStart,
      uploadWindowEnd: input.windowEnd,
    });
    if (input.token) {
      const had = readToken(ctx) !== null;
      ctx.secrets.set(DISTRICT_TOKEN, input.token);
      // The audit says that it changed, never what to.
      recordAudit(ctx, actor, {
        operation: 'upload.token',
        entityKind: 'settings',
        entityId: DISTRICT_TOKEN,
        summary: had ? '更换区平台令牌' : '设置区平台令牌',
      });
    }
    app.uploads.settingsChanged();
    return settingsView(ctx);
  },

  'upload.testConnection': async (input, { app }) => {
    const { ctx } = app;
    const serverUrl = input?.serverUrl || getSettings(ctx).uploadServerUrl;
    const token = input?.token || readToken(ctx);
    const centre = getCentre(ctx);
    if (!centre) throw new AppError('NOT_SET_UP', '尚未完成首次设置。');
    if (!serverUrl) return { ok: false, message: '尚未填写区平台地址。' };
    if (!token) return { ok: false, message: '尚未填写区平台令牌。' };
    return testConnection({ serverUrl, token, centreCode: centre.centreCode });
  },

  'upload.runNow': async (_input, { app }) => {
    const { runId } = await app.uploads.start('manual');
    return { runId };
  },

  'upload.status': (_input, { app }) => statusView(app),

  'upload.progress': (_input, { app }) => progressView(app),

  'upload.resend': (input, { app, actor }) => {
    const { ctx } = app;
    const released = releaseRejections(ctx.db, { kind: input.kind, recordId: input.recordId });
    if (released === 0) throw new AppError('NOT_FOUND', '没有找到这条被拒记录（可能已重新上传或已修改）。');
    recordAudit(ctx, actor, {
      operation: 'upload.resend',
      entityKind: 'upload',
      entityId: `${input.kind}/${input.recordId}`,
      summary: `重新上传被区平台拒收的${RECORD_KIND_LABELS[input.kind]}记录`,
    });
    return { released };
  },
};
