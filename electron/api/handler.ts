/**
 * The shape of a handler: the contract's parsed input in, the contract's output out, with the
 * caller's identity and the app's services at hand.
 */
import type { SessionUser } from '../common/api/auth';
import type { IsPublic, OpTable, OutputOf, ParsedInputOf } from '../common/api/contract';
import type { AppServices } from '../app-services';
import type { Actor } from '../services/core/context';

export interface CallContext {
  app: AppServices;
  /** The signed-in user; null for public operations called without a session. */
  user: SessionUser | null;
  actor: Actor;
  session: string | null;
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
