/**
 * One entry for both transports (IPC and HTTP): look the operation up in the contract, check who
 * is calling, parse the input with its zod schema, run the handler, and turn every failure into a
 * typed `{code, message}` in Chinese. It never throws and never returns a stack trace.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { api } from '../common/api';
import { deviceMayCall } from '../common/api/devices';
import { isWriteOp, topicsOf } from '../common/push';
import type { ApiRequest, ApiResponse, OpDef } from '../common/api/contract';
import { AppError, isAppError } from '../common/errors';
import { stripUnsafeDeep } from '../common/text';
import type { AppServices } from '../app-services';
import { PASSWORD_CHANGE_OPS, PASSWORD_CHANGE_REQUIRED_MESSAGE } from '../common/api/auth';
import { findUser, toSessionUser } from '../services/auth/users';
import { getSettings } from '../services/core/centre-settings-store';
import { findKept, keep, PENDING } from '../services/devices/idempotency';
import { LOCAL_SOURCE, type CallContext, type CallHooks, type RequestSource } from './handler';
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
  return new AppError(
    'VALIDATION',
    Object.keys(fields).length > 1 ? `${first}（共 ${Object.keys(fields).length} 处需要修改）` : first,
    fields,
  );
}

/** What an unpaired machine on the LAN may call: learn that it is unpaired, and pair. */
const UNPAIRED_OPS: readonly string[] = ['devices.current', 'devices.pair', 'setup.status'];
/**
 * Writes whose answer is not kept: pairing hands a credential to the transport, and a code is one use
 * anyway; a restore replaces the very database the answer would be kept in (and run inside a
 * transaction on the connection it closes). Restoring the same backup twice gives the same data.
 */
const NOT_KEPT: readonly string[] = ['devices.pair', 'data.restore'];

export async function dispatch(
  app: AppServices,
  raw: unknown,
  source: RequestSource = LOCAL_SOURCE,
  hooks: CallHooks = {},
): Promise<ApiResponse> {
  try {
    const parsedRequest = requestSchema.safeParse(raw);
    if (!parsedRequest.success) throw new AppError('VALIDATION', '请求格式错误');
    const req: ApiRequest = parsedRequest.data;
    const def = (api as Record<string, OpDef>)[req.op];
    const handler = (handlers as Record<string, (input: unknown, call: CallContext) => unknown>)[req.op];
    if (!def || !handler || !Object.hasOwn(api, req.op)) throw new AppError('UNKNOWN_OPERATION', `未知的操作：${req.op.slice(0, 100)}`);

    checkDeviceKind(req.op, source);
    // A kiosk or a display never acts as a signed-in person, whatever session token it sends.
    const session = source.deviceKind === 'kiosk' || source.deviceKind === 'display' ? null : (req.session ?? null);
    const call = authorise(app, req.op, def, session, source, hooks);
    // Controls and direction overrides leave every text field here, whatever the schema (common/text.ts).
    const input = def.input.safeParse(stripUnsafeDeep(req.input));
    if (!input.success) throw validationError(input.error);

    if (!isWriteOp(req.op)) return { ok: true, data: await handler(input.data, call) };
    const answer =
      req.idempotencyKey && !NOT_KEPT.includes(req.op)
        ? await keptWrite(app, req.op, `${callerOf(source)}`, req.idempotencyKey, () => handler(input.data, call))
        : { ok: true as const, data: await handler(input.data, call) };
    if (answer.ok) publish(app, req.op, input.data);
    return answer;
  } catch (e) {
    return failure(app, raw, e);
  }
}

function failure(app: AppServices, raw: unknown, e: unknown): ApiResponse {
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

/** Device kinds bound what a machine can ever call, before any session or role is looked at. */
function checkDeviceKind(op: string, source: RequestSource): void {
  if (source.kind !== 'device') return;
  if (!source.deviceKind) {
    if (!UNPAIRED_OPS.includes(op)) throw new AppError('DEVICE_UNPAIRED', '本机尚未配对：请先向管理员索取配对码完成配对');
    return;
  }
  if (!deviceMayCall(source.deviceKind, op)) {
    const what = source.deviceKind === 'kiosk' ? '自助登记机' : source.deviceKind === 'display' ? '叫号显示屏' : '工作台';
    throw new AppError('DEVICE_FORBIDDEN', `本终端是${what}，不能执行此操作`);
  }
}

/** Who an idempotency key belongs to: each device, or this machine. */
const callerOf = (source: RequestSource) => (source.kind === 'device' && source.deviceId ? `device:${source.deviceId}` : 'local');

/** Same key while the first call is still running: wait for its answer instead of running again. */
async function keptWrite(app: AppServices, op: string, caller: string, key: string, run: () => unknown): Promise<ApiResponse> {
  const running = app.writesInFlight;
  const id = `${caller}\u0000${key}`;
  const already = running.get(id);
  if (already) return already;
  const work = keptWriteOnce(app, op, caller, key, run).finally(() => running.delete(id));
  running.set(id, work);
  return work;
}

async function keptWriteOnce(app: AppServices, op: string, caller: string, key: string, run: () => unknown): Promise<ApiResponse> {
  const { ctx } = app;
  const prior = findKept(ctx, caller, key);
  if (prior && prior.op !== op) throw new AppError('VALIDATION', '请求编号已用于另一项操作，请刷新后重试');
  if (prior?.state === 'answered') return prior.answer;
  if (prior?.state === 'pending') {
    throw new AppError('CONFLICT', '上次提交时主机中断，无法确认是否已保存：请刷新后核对，再决定是否重新提交');
  }
  // The handler's synchronous part (every service writes in one transaction before any await) runs
  // in the same transaction as the kept answer: a crash keeps both or neither.
  let result: unknown;
  ctx.db.sqlite
    .transaction(() => {
      result = run();
      if (result instanceof Promise) keep(ctx, caller, key, op, PENDING);
      else keep(ctx, caller, key, op, { ok: true, data: result });
    })
    .immediate();
  if (!(result instanceof Promise)) return { ok: true, data: result };
  try {
    const answer: ApiResponse = { ok: true, data: await result };
    keep(ctx, caller, key, op, answer);
    return answer;
  } catch (e) {
    // The asynchronous part failed: nothing was acknowledged, so a retry may run again.
    forget(app, caller, key);
    throw e;
  }
}

function forget(app: AppServices, caller: string, key: string): void {
  app.ctx.db.sqlite.prepare('DELETE FROM idempotent_answers WHERE caller = ? AND key = ?').run(caller, key);
}

/** The case a change is about, so a desk with that case open refreshes it: `caseId`, or the `id` of a cases.* write. */
function publish(app: AppServices, op: string, input: unknown): void {
  const i = (input ?? {}) as { caseId?: unknown; id?: unknown };
  const caseId = typeof i.caseId === 'string' ? i.caseId : op.startsWith('cases.') && typeof i.id === 'string' ? i.id : undefined;
  app.centre.push.publish(topicsOf(op), caseId);
}

function authorise(app: AppServices, op: string, def: OpDef, session: string | null, source: RequestSource, hooks: CallHooks): CallContext {
  if (def.access === 'public') {
    const userId = app.sessions.touch(session, getSettings(app.ctx).sessionIdleMinutes, source.deviceId);
    const row = userId ? findUser(app.ctx, userId) : undefined;
    const user = row && row.active ? toSessionUser(row) : null;
    const deviceId = source.deviceId;
    return {
      app,
      source,
      hooks,
      user,
      session,
      actor: user ? { id: user.id, name: user.displayName, role: user.role, deviceId } : { id: null, name: '未登录', role: null, deviceId },
    };
  }
  const userId = app.sessions.touch(session, getSettings(app.ctx).sessionIdleMinutes, source.deviceId);
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
  // Enforced here, not only by the screen: until the user replaces an admin-set password, nothing else.
  if (row.mustChangePassword && !PASSWORD_CHANGE_OPS.includes(op))
    throw new AppError('PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_REQUIRED_MESSAGE);
  return { app, source, hooks, user, session, actor: { id: user.id, name: user.displayName, role: user.role, deviceId: source.deviceId } };
}
