/** Shared by the auth tests: calls from a given source (this machine or a paired device). */
import type { RequestSource } from '../../../electron/api/handler';
import type { ApiResponse } from '../../../electron/common/api/contract';
import type { TestApp } from '../../support/backend';

export const device = (id: string, kind: 'desk' | 'kiosk' = 'desk'): RequestSource => ({
  kind: 'device',
  deviceId: id,
  deviceKind: kind,
  address: `192.168.1.${id.length + 20}`,
});

/** One API call as it arrives from `source`. */
export const from = (
  app: TestApp,
  source: RequestSource | undefined,
  op: string,
  input?: unknown,
  session: string | null = null,
): Promise<ApiResponse> => app.backend.invoke({ op, input, session }, source);

export const loginFrom = (app: TestApp, source: RequestSource | undefined, loginName: string, password: string) =>
  from(app, source, 'auth.login', { loginName, password });

/** The median of `n` timings of `f`, in milliseconds. */
export async function medianMs(n: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}
