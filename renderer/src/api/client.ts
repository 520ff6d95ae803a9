/**
 * The renderer's only way to the app: a typed `call(op, input)` over whichever transport this
 * window has — Electron's preload bridge, or the browser host's HTTP API with the launch token.
 */
import type { Api, OpName } from '../../../electron/common/api';
import type { ApiRequest, ApiResponse, InputOf, OutputOf } from '../../../electron/common/api/contract';
import type { ErrorBody } from '../../../electron/common/errors';
import type { MediationDeskBridge } from '../../../electron/common/api/bridge';

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

async function send(req: ApiRequest): Promise<ApiResponse> {
  const b = bridge();
  if (b) return b.invoke(req);
  let res: Response;
  try {
    res = await fetch('./api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${launchToken() ?? ''}` },
      body: JSON.stringify(req),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到调解工作台服务，请确认程序仍在运行' } };
  }
  try {
    return (await res.json()) as ApiResponse;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的内容（HTTP ${res.status}）` } };
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

export async function call<K extends OpName>(op: K, ...args: undefined extends InputOf<Api[K]> ? [input?: InputOf<Api[K]>] : [input: InputOf<Api[K]>]): Promise<OutputOf<Api[K]>> {
  const res = await send({ op, input: args[0], session: session.get() });
  if (res.ok) return res.data as OutputOf<Api[K]>;
  if (res.error.code === 'UNAUTHENTICATED' && session.get()) {
    session.set(null);
    for (const fn of expiredListeners) fn(res.error.message);
  }
  throw new ApiError(res.error);
}

export const isElectron = () => !!bridge();
