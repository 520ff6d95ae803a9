/**
 * One entry for both transports (IPC and HTTP): look the operation up in the contract, check who
 * is calling, parse the input with its zod schema, run the handler, and turn every failure into a
 * typed `{code, message}` in Chinese. It never throws and never returns a stack trace.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { api } from '../common/api';
import type { ApiRequest, ApiResponse, OpDef } from '../common/api/contract';
import { AppError, isAppError } from '../common/errors';
import type { AppServices } from '../app-services';
import { findUser, toSessionUser } from '../services/auth/users';
import { getSettings } from '../services/core/settings';
import { LOCAL_SOURCE, type CallContext, type RequestSource } from './handler';
import { handlers } from './handlers';
import { DISK_FULL_MESSAGE, isDiskFull } from '../../db/open';

const requestSchema = z.object({
  op: z.string().min(1).max(100),
  input: z.unknown().optional(),
  session: z.string().max(200).nullable().optional(),
  /** Set by the renderer on every write, so that a save retried after a dropped connection is applied once. */
  idempotencyKey: z.string().min(8).max(100).optional(),
});

/** zod issues → one Chinese message plus field paths for forms. */
function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const first = Object.values(fields)[0] ?? '输入有误';
  return new AppError('VALIDATION', Object.keys(fields).length > 1 ? `${first}（共 ${Object.keys(fields).length} 处需要修改）` : first, fields);
}

export async function dispatch(app: AppServices, raw: unknown, source: RequestSource = LOCAL_SOURCE): Promise<ApiResponse> {
  try {
    const parsedRequest = requestSchema.safeParse(raw);
    if (!parsedRequest.success) throw new AppError('VALIDATION', '请求格式错误');
    const req: ApiRequest = parsedRequest.data;
    const def = (api as Record<string, OpDef>)[req.op];
    const handler = (handlers as Record<string, (input: unknown, call: CallContext) => unknown>)[req.op];
    if (!def || !handler || !Object.hasOwn(api, req.op)) throw new AppError('UNKNOWN_OPERATION', `未知的操作：${req.op.slice(0, 100)}`);

    const call = authorise(app, def, req.session ?? null, source);
    const input = def.input.safeParse(req.input);
    if (!input.success) throw validationError(input.error);
    const data = await handler(input.data, call);
    return { ok: true, data };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.toBody() };
    if (e instanceof z.ZodError) return { ok: false, error: validationError(e).toBody() };
    // A full disk: SQLite rolled the write back, reading still works; the status page shows it.
    if (isDiskFull(e)) {
      app.data.noteDiskFull();
      return { ok: false, error: { code: 'DISK_FULL', message: DISK_FULL_MESSAGE } };
    }
    // Unexpected: log it with a reference the user can quote; show no internals.
    const ref = randomBytes(4).toString('hex');
    app.ctx.logger.error('unexpected error in API call', { ref, op: (raw as { op?: unknown })?.op, error: (e as Error)?.stack ?? String(e) });
    return { ok: false, error: { code: 'INTERNAL', message: `系统内部错误（编号 ${ref}），请重试或联系管理员。` } };
  }
}

function authorise(app: AppServices, def: OpDef, session: string | null, source: RequestSource): CallContext {
  if (def.access === 'public') {
    const userId = app.sessions.touch(session, getSettings(app.ctx).sessionIdleMinutes);
    const row = userId ? findUser(app.ctx, userId) : undefined;
    const user = row && row.active ? toSessionUser(row) : null;
    return { app, source, user, session, actor: user ? { id: user.id, name: user.displayName, role: user.role } : { id: null, name: '未登录', role: null } };
  }
  const userId = app.sessions.touch(session, getSettings(app.ctx).sessionIdleMinutes);
  if (!userId) throw new AppError('UNAUTHENTICATED', session ? '登录已超时，请重新登录' : '请先登录');
  const row = findUser(app.ctx, userId);
  if (!row || !row.active) {
    app.sessions.end(session);
    throw new AppError('UNAUTHENTICATED', '账号已停用或不存在，请重新登录');
  }
  const user = toSessionUser(row);
  if (def.access !== 'signed-in' && !def.access.includes(user.role)) {
    throw new AppError('FORBIDDEN', `您的角色无权执行“${def.title}”`);
  }
  return { app, source, user, session, actor: { id: user.id, name: user.displayName, role: user.role } };
}
