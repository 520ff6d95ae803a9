/**
 * The renderer's only way to the app: a typed `call(op, input)` over whichever transport this
 * window has — Electron's preload bridge, or the host's HTTP API (with the launch token, or a paired
 * workstation's device cookie). Every call carries an idempotency key; see `send` for what happens
 * while the centre host cannot be reached.
 */
import type { Api, OpName } from '../../../electron/common/api';
import type { ApiRequest, ApiResponse, InputOf, OutputOf } from '../../../electron/common/api/contract';
import type { ErrorBody } from '../../../electron/common/errors';
import type { MediationDeskBridge } from '../../../electron/common/api/bridge';
import { connection, OFFLINE_MESSAGE } from './connection';
import { isWriteOp } from '../../../electron/common/push';

/** An API error as the UI sees it: code for logic, Chinese message for people. */
export class ApiError extends Error {
  readonly code: ErrorBody['code'];
  readonly fields?: Record<string, string>;
  constructor(body: ErrorBody) {
    super(body.message);
    this.code = body.code;
    if (body.fields) this.fields = body.fields;
  }
}

const TOKEN_KEY = 'mediation-desk.launch-token';
const SESSION_KEY = 'mediation-desk.session';

/** The browser host puts its launch token in the URL once; keep it for this tab and tidy the URL. */
function launchToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const bridge = (): MediationDeskBridge | undefined => (window as unknown as { mediationDesk?: MediationDeskBridge }).mediationDesk;

/** The host could not be reached (no answer at all, or a gateway between us said so). */
class Unreachable extends Error {}

/** HTTP statuses that mean "the host is not there right now", not "the host refused". */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** Headers for the host: the launch token when this tab has one; a paired browser relies on its device cookie. */
export function hostHeaders(): Record<string, string> {
  const token = launchToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** One attempt: the host's answer, or Unreachable. */
async function sendOnce(req: ApiRequest): Promise<ApiResponse> {
  const b = bridge();
  if (b?.invoke) {
    try {
      return await b.invoke(req);
    } catch {
      throw new Unreachable();
    }
  }
  let res: Response;
  try {
    res = await fetch('./api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hostHeaders() },
      // A paired browser workstation proves itself with its HttpOnly device cookie.
      credentials: 'same-origin',
      body: JSON.stringify(req),
    });
  } catch {
    throw new Unreachable();
  }
  if (GATEWAY_STATUSES.has(res.status)) throw new Unreachable();
  try {
    return (await res.json()) as ApiResponse;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的内容（HTTP ${res.status}）` } };
  }
}

/** Waits between retries of a write while the host is away: 0.5 s, doubling, at most 5 s. */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 5000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a request. A read that cannot reach the host fails at once with OFFLINE (the screen shows
 * the banner and refreshes when the host is back). A write is retried, the same request with the
 * same idempotency key, until the host answers: the host applies it once however often it arrives.
 */
async function send(req: ApiRequest, write: boolean): Promise<ApiResponse> {
  let wait = RETRY_FIRST_MS;
  for (;;) {
    try {
      const res = await sendOnce(req);
      connection.set('online');
      return res;
    } catch (e) {
      if (!(e instanceof Unreachable)) throw e;
      connection.set('reconnecting');
      if (!write) return { ok: false, error: { code: 'OFFLINE', message: OFFLINE_MESSAGE } };
      await sleep(wait);
      wait = Math.min(wait * 2, RETRY_MAX_MS);
    }
  }
}

/** Told why the session ended, in the server's words (timed out, account disabled, ...). */
type Listener = (message: string) => void;
const expiredListeners = new Set<Listener>();

export const session = {
  get: () => sessionStorage.getItem(SESSION_KEY),
  set: (token: string | null) => (token ? sessionStorage.setItem(SESSION_KEY, token) : sessionStorage.removeItem(SESSION_KEY)),
  /** Called when the app answers that the session has ended (idle time-out, user disabled). */
  onExpired: (fn: Listener) => {
    expiredListeners.add(fn);
    return () => expiredListeners.delete(fn);
  },
};

/** This machine's device credential was refused (revoked, or unknown to the host): the gate offers pairing. */
type DeviceListener = (error: ErrorBody) => void;
const deviceListeners = new Set<DeviceListener>();
export const onDeviceRefused = (fn: DeviceListener): (() => void) => {
  deviceListeners.add(fn);
  return () => void deviceListeners.delete(fn);
};

/** This tab was opened with the host's launch token (the host's own operator, or the browser host). */
export const hasLaunchToken = () => launchToken() !== null;

export async function call<K extends OpName>(
  op: K,
  ...args: undefined extends InputOf<Api[K]> ? [input?: InputOf<Api[K]>] : [input: InputOf<Api[K]>]
): Promise<OutputOf<Api[K]>> {
  const sentWith = session.get();
  const res = await send({ op, input: args[0], session: sentWith, idempotencyKey: crypto.randomUUID() }, isWriteOp(op));
  if (res.ok) return res.data as OutputOf<Api[K]>;
  // Only the session this request carried has ended: a write retried across a host restart can come
  // back long after the user has signed in again, and must not end the new session.
  if (res.error.code === 'UNAUTHENTICATED' && sentWith && session.get() === sentWith) {
    session.set(null);
    for (const fn of expiredListeners) fn(res.error.message);
  }
  if (res.error.code === 'DEVICE_REVOKED' || res.error.code === 'DEVICE_UNPAIRED') for (const fn of deviceListeners) fn(res.error);
  throw new ApiError(res.error);
}

export const isElectron = () => !!bridge();
/** The calls go over Electron's IPC to services in this machine (a one-PC centre); otherwise over HTTP(S) to a host. */
export const viaIpc = () => !!bridge()?.invoke;
