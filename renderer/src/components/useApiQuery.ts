/**
 * Read an operation through TanStack Query. The query key is `[op, input]`, so a mutation can
 * refresh every read of an operation by its name (see useApiMutation's `invalidates`).
 */
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Api, OpName } from '../../../electron/common/api';
import type { InputOf, OutputOf } from '../../../electron/common/api/contract';
import { call } from '../api/client';

type Output<K extends OpName> = OutputOf<Api[K]>;

export const apiQueryKey = <K extends OpName>(op: K, input?: InputOf<Api[K]>) => [op, input ?? null] as const;

/** Untyped door to `call` for generic helpers; callers stay typed through the signatures here. */
export const callOp = <K extends OpName>(op: K, input: InputOf<Api[K]> | undefined): Promise<Output<K>> =>
  (call as unknown as (op: K, input?: unknown) => Promise<Output<K>>)(op, input);

export function useApiQuery<K extends OpName>(
  op: K,
  input?: InputOf<Api[K]>,
  options?: Omit<UseQueryOptions<Output<K>, Error, Output<K>, ReturnType<typeof apiQueryKey<K>>>, 'queryKey' | 'queryFn'>,
) {
  return useQuery({ queryKey: apiQueryKey(op, input), queryFn: () => callOp(op, input), ...options });
}
