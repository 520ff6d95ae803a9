/**
 * The wire side of district-api.md: one POST of a batch and one GET of the status, each turned
 * into a closed set of answers the upload can act on. The token goes into the Authorization
 * header and nowhere else: no answer, reason or error built here ever contains it.
 */
import { AppError } from '../../common/errors';

export interface Endpoint {
  serverUrl: string;
  token: string;
  centreCode: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type BatchAnswer =
  | { type: 'stored'; accepted: number; duplicates: number; receivedAt: string }
  | { type: 'malformed'; error: string } // 400
  | { type: 'unauthorised' } // 401
  | { type: 'other-centre' } // 403
  | { type: 'conflict' } // 409
  | { type: 'too-large' } // 413
  | { type: 'invalid'; errors: { index: number; message: string }[] } // 422
  | { type: 'busy'; status: number; retryAfterMs: number | null } // 429, 503
  | { type: 'unknown'; reason: string } // other 5xx, reset, time-out, an answer that is not the API's
  | { type: 'unexpected'; status: number }; // a status the API does not list (404: wrong address?)

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS only, except on this machine (district-api.md "Transport"). */
export function checkServerUrl(serverUrl: string): URL {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new AppError('UPLOAD', `区平台地址无效：${serverUrl}`);
  }
  if (url.username || url.password) throw new AppError('UPLOAD', '区平台地址中不能包含用户名或密码，令牌请在设置中单独填写');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url;
  throw new AppError('UPLOAD', `区平台地址必须使用 HTTPS（仅本机测试地址 127.0.0.1/localhost 可用 HTTP）：${url.origin}`);
}

function endpointUrl(serverUrl: string, path: string): string {
  const base = checkServerUrl(serverUrl);
  // A base with a path prefix (https://host/platform) keeps it: resolve against a trailing slash.
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(path, base).toString();
}

function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Why a request got no answer, in words for the status page; never the request itself. */
function networkReason(e: unknown): string {
  const err = e as { name?: string; cause?: { code?: string; name?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.cause?.name === 'TimeoutError') return '等待区平台应答超时';
  const code = err.cause?.code ?? '';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return '连接被重置';
  if (code === 'ECONNREFUSED') return '区平台拒绝连接';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '找不到区平台服务器（DNS）';
  return `网络错误${code ? `（${code}）` : ''}`;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function headers(ep: Endpoint): Record<string, string> {
  return { Authorization: `Bearer ${ep.token}`, Accept: 'application/json' };
}

/** `body`: the batch's JSON, gzipped (as stored with the batch, so every retry sends the same bytes). */
export async function postBatch(ep: Endpoint, batchId: string, body: Buffer): Promise<BatchAnswer> {
  const doFetch = ep.fetch ?? fetch;
  let res: Response;
  let payload: unknown;
  try {
    res = await doFetch(endpointUrl(ep.serverUrl, 'api/v1/batches'), {
      method: 'POST',
      headers: {
        ...headers(ep),
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Idempotency-Key': batchId,
      },
      body,
      signal: AbortSignal.timeout(ep.timeoutMs ?? 30_000),
    });
    // Read within the same time-out: a server that sends headers and then stalls is no answer either.
    payload = await readJson(res);
  } catch (e) {
    return { type: 'unknown', reason: networkReason(e) };
  }
  const p = (payload ?? {}) as Record<string, unknown>;
  switch (res.status) {
    case 200: {
      // A 200 that is not the API's answer (a proxy's page, cut-off JSON) says nothing about the batch.
      const ok =
        p.batchId === batchId && Number.isInteger(p.accepted) && Number.isInteger(p.duplicates) && typeof p.receivedAt === 'string';
      if (!ok)
        return {
          type: 'unknown',
          reason: payload === undefined ? '区平台应答不是 JSON（可能被网关或代理拦截）' : '区平台应答内容不符合接口',
        };
      return { type: 'stored', accepted: p.accepted as number, duplicates: p.duplicates as number, receivedAt: p.receivedAt as string };
    }
    case 400:
      return { type: 'malformed', error: typeof p.error === 'string' ? p.error : '请求格式错误' };
    case 401:
      return { type: 'unauthorised' };
    case 403:
      return { type: 'other-centre' };
    case 409:
      return { type: 'conflict' };
    case 413:
      return { type: 'too-large' };
    case 422: {
      const errors = Array.isArray(p.errors)
        ? (p.errors as unknown[]).flatMap((e) => {
            const x = e as { index?: unknown; message?: unknown };
            return Number.isInteger(x?.index)
              ? [{ index: x.index as number, message: typeof x.message === 'string' ? x.message : '记录不合规' }]
              : [];
          })
        : [];
      return { type: 'invalid', errors };
    }
    case 429:
    case 503:
      return { type: 'busy', status: res.status, retryAfterMs: retryAfterMs(res.headers.get('retry-after'), Date.now()) };
    default:
      if (res.status >= 500) return { type: 'unknown', reason: `区平台内部错误（HTTP ${res.status}）` };
      if (res.status === 408) return { type: 'unknown', reason: '区平台等待请求超时（HTTP 408）' };
      return { type: 'unexpected', status: res.status };
  }
}

export type StatusAnswer =
  | { type: 'ok'; counts: Record<string, number>; lastBatchId: string | null; lastReceivedAt: string | null }
  | { type: 'unauthorised' }
  | { type: 'other-centre' }
  | { type: 'failed'; reason: string };

export async function fetchStatus(ep: Endpoint): Promise<StatusAnswer> {
  const doFetch = ep.fetch ?? fetch;
  try {
    const res = await doFetch(endpointUrl(ep.serverUrl, `api/v1/centres/${encodeURIComponent(ep.centreCode)}/status`), {
      headers: headers(ep),
      signal: AbortSignal.timeout(ep.timeoutMs ?? 30_000),
    });
    const payload = (await readJson(res)) as Record<string, unknown> | undefined;
    if (res.status === 401) return { type: 'unauthorised' };
    if (res.status === 403) return { type: 'other-centre' };
    if (res.status !== 200) return { type: 'failed', reason: `区平台应答 HTTP ${res.status}` };
    const counts = payload?.counts;
    if (!counts || typeof counts !== 'object') return { type: 'failed', reason: '区平台状态应答不符合接口' };
    return {
      type: 'ok',
      counts: counts as Record<string, number>,
      lastBatchId: typeof payload.lastBatchId === 'string' ? payload.lastBatchId : null,
      lastReceivedAt: typeof payload.lastReceivedAt === 'string' ? payload.lastReceivedAt : null,
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    return { type: 'failed', reason: networkReason(e) };
  }
}
