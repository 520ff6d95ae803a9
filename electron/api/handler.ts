/**
 * The shape of a handler: the contract's parsed input in, the contract's output out, with the
 * caller's identity and the app's services at hand.
 */
import type { SessionUser } from '../common/api/auth';
import type { IsPublic, OpTable, OutputOf, ParsedInputOf } from '../common/api/contract';
import type { AppServices } from '../app-services';
import type { Actor } from '../services/core/context';

/**
 * Where a call came from. Every transport says so: Electron IPC, the loopback browser host and
 * the CLI are this machine ('local'); on the centre network a paired workstation is a 'device'
 * whose kind bounds what it may call. Rate limits, lockouts and the audit trail key on it.
 */
export interface RequestSource {
  kind: 'local' | 'device';
  /** The paired device's id, for kind 'device'. */
  deviceId: string | null;
  /** desk | kiosk | display for a paired device; null for this machine. */
  deviceKind: 'desk' | 'kiosk' | 'display' | null;
  /** The peer's network address where the transport knows it (HTTP), else null. */
  address: string | null;
}

export const LOCAL_SOURCE: RequestSource = Object.freeze({ kind: 'local', deviceId: null, deviceKind: null, address: null });

/** What a transport lets a handler do beyond answering: the HTTP host sets the device cookie. */
export interface CallHooks {
  /** Hand a new device credential to the transport (an HttpOnly cookie); never put in the JSON answer. */
  setDeviceCredential?(credential: string): void;
}

export interface CallContext {
  app: AppServices;
  /** The machine the call came from. */
  source: RequestSource;
  /** The signed-in user; null for public operations called without a session. */
  user: SessionUser | null;
  actor: Actor;
  session: string | null;
  hooks: CallHooks;
}

/** Narrowed for operations that require a signed-in user. */
export interface SignedInCall extends CallContext {
  user: SessionUser;
  actor: Actor & { id: string };
}

export type Handler<D> = (
  input: ParsedInputOf<D>,
  call: IsPublic<D> extends true ? CallContext : SignedInCall,
) => OutputOf<D> | Promise<OutputOf<D>>;
export type Handlers<T extends OpTable> = { [K in keyof T]: Handler<T[K]> };
