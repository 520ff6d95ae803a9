/**
 * A write through TanStack Query that reports its own errors: the server's Chinese message as a
 * toast (or left to an inline <ErrorAlert> with `showError: 'inline'`), field messages on the
 * form when one is given, and a refresh of the reads it makes stale.
 *
 *   const create = useApiMutation('users.create', { form, invalidates: ['users.list'], success: '已新增用户' });
 *   <Button loading={create.isPending} onClick={() => create.mutate(values)}>
 */
import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import type { Api, OpName } from '../../../electron/common/api';
import type { InputOf, OutputOf } from '../../../electron/common/api/contract';
import { applyFieldErrors, errorMessage, isApiError, type FieldRename } from './apiErrors';
import { callOp } from './useApiQuery';

export interface ApiMutationOptions<K extends OpName> extends Omit<
  UseMutationOptions<OutputOf<Api[K]>, Error, InputOf<Api[K]>>,
  'mutationFn'
> {
  /** Put the error's field messages on this form. */
  form?: FormInstance;
  /** Server field path → form field name, where the form is shaped differently from the input. */
  rename?: FieldRename;
  /** 'toast' (default): antd message; 'inline': the caller shows `error` itself (e.g. <ErrorAlert>). */
  showError?: 'toast' | 'inline';
  /** A short success toast, e.g. '已保存'. */
  success?: string | ((data: OutputOf<Api[K]>) => string);
  /** Operations whose cached reads this write makes stale. */
  invalidates?: readonly OpName[];
}

export function useApiMutation<K extends OpName>(op: K, options: ApiMutationOptions<K> = {}) {
  const { form, rename, showError = 'toast', success, invalidates = [], onSuccess, onError, ...rest } = options;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation<OutputOf<Api[K]>, Error, InputOf<Api[K]>>({
    ...rest,
    mutationFn: (input) => callOp(op, input),
    onSuccess: async (data, variables, onMutateResult, context) => {
      await Promise.all(invalidates.map((name) => queryClient.invalidateQueries({ queryKey: [name] })));
      if (success) void message.success(typeof success === 'function' ? success(data) : success);
      await onSuccess?.(data, variables, onMutateResult, context);
    },
    onError: async (error, variables, onMutateResult, context) => {
      if (form) applyFieldErrors(form, error, rename);
      // An ended session sends the user to the login page, which says why; no toast on top.
      if (showError === 'toast' && !isApiError(error, 'UNAUTHENTICATED')) void message.error(errorMessage(error));
      await onError?.(error, variables, onMutateResult, context);
    },
  });
}
