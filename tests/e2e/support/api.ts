/**
 * Calls to a running host's API from the test process, typed by the contract: for seeding data a
 * test needs but does not test (it does not go through the UI).
 */
import type { Api, OpName } from '../../../electron/common/api';
import type { ApiResponse, InputOf, OutputOf } from '../../../electron/common/api/contract';

export interface HostAddress {
  /** http://127.0.0.1:PORT/ */
  origin: string;
  token: string;
}

export async function apiCall<K extends OpName>(host: HostAddress, op: K, input: InputOf<Api[K]> | undefined, session?: string): Promise<OutputOf<Api[K]>> {
  const res = await fetch(new URL('api/invoke', host.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ op, input, session: session ?? null }),
  });
  const body = (await res.json()) as ApiResponse<OutputOf<Api[K]>>;
  if (!body.ok) throw new Error(`${op} failed: ${body.error.code} ${body.error.message}`);
  return body.data;
}

/** Sign in over the API and return the session token. */
export async function apiLogin(host: HostAddress, loginName: string, password: string): Promise<string> {
  return (await apiCall(host, 'auth.login', { loginName, password })).session;
}
