/**
 * Whether the centre host answers: one small store the whole window shares. The client and the
 * push channel report what they see (an answer → online; a dropped connection or a gateway error →
 * reconnecting); the banner and the kiosk's 暂停服务 screen subscribe to it.
 */
import { useSyncExternalStore } from 'react';

export type ConnectionState = 'online' | 'reconnecting';

let state: ConnectionState = 'online';
const listeners = new Set<() => void>();

export const connection = {
  get: (): ConnectionState => state,
  set: (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const fn of listeners) fn();
  },
  subscribe: (fn: () => void): (() => void) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};

/** The connection state as React state: re-renders the component when it changes. */
export const useConnection = (): ConnectionState => useSyncExternalStore(connection.subscribe, connection.get, connection.get);

/** What the banner says, and what a read that could not reach the host fails with. */
export const OFFLINE_MESSAGE = '与中心主机的连接已中断，正在重新连接…';
