/**
 * The one contract between the renderer and the main process.
 *
 * Each operation is declared once, with a zod schema for its input, the TypeScript type of its
 * output and the roles that may call it. The same table is served over Electron IPC and over the
 * browser host's HTTP; the renderer's client is typed from it and never knows which transport
 * carries the call. This file and its siblings are pure (zod only): the renderer imports them.
 */
import type { z } from 'zod';
import type { ErrorBody } from '../errors';
import type { Role } from '../roles';

/**
 * Who may call an operation:
 * - 'public': anyone with the transport (login, first-run setup, the citizens' kiosk);
 * - 'signed-in': any signed-in user;
 * - a list of roles: signed-in users with one of these roles.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface OpDef<I extends z.ZodType = z.ZodType, O = unknown, A extends Access = Access> {
  readonly input: I;
  readonly access: A;
  /** Chinese name of the operation, for the audit log and error messages. */
  readonly title: string;
  /** Phantom: carries the output type. Never set at run time. */
  readonly __output?: O;
}

/** Declare an operation: `op<Output>()({ input, access, title })`. */
export const op =
  <O>() =>
  <I extends z.ZodType, const A extends Access>(def: { input: I; access: A; title: string }): OpDef<I, O, A> =>
    def;

// OpDef's parameters are all read-only (covariant), so its widest form is OpDef with its defaults.
export type OpTable = Record<string, OpDef>;
export type InputOf<D> = D extends OpDef<infer I> ? z.input<I> : never;
export type ParsedInputOf<D> = D extends OpDef<infer I> ? z.output<I> : never;
export type OutputOf<D> = D extends OpDef<z.ZodType, infer O> ? O : never;
export type IsPublic<D> = D extends OpDef<z.ZodType, unknown, 'public'> ? true : false;

/** What travels over either transport. */
export interface ApiRequest {
  op: string;
  input?: unknown;
  /** The login session token, when signed in. */
  session?: string | null;
  /** Set on writes: a retried save with the same key is answered from the first, never applied twice. */
  idempotencyKey?: string;
}

export type ApiResponse<O = unknown> = { ok: true; data: O } | { ok: false; error: ErrorBody };

/** Merge per-domain tables; a name declared twice is a programming error caught at start-up. */
export function mergeTables<T extends OpTable[]>(...tables: T): UnionToIntersection<T[number]> {
  const merged: OpTable = {};
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      if (name in merged) throw new Error(`API operation declared twice: ${name}`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
