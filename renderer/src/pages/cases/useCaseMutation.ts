/**
 * Writes on the case page. Every case operation answers with the case as it now is; that answer
 * replaces the cached case, so the page always holds the latest version for the next write. When
 * the server says someone else changed the case (CONFLICT, 已被他人修改), the page reloads the case
 * so the user sees the other change before trying again.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import type { OpName } from '../../../../electron/common/api';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { isApiError, type FieldRename } from '../../components/apiErrors';
import { useApiMutation } from '../../components/useApiMutation';
import { apiQueryKey } from '../../components/useApiQuery';

type CaseOp = Extract<
  OpName,
  | 'cases.step'
  | 'cases.update'
  | 'cases.setDeadline'
  | 'cases.escalate'
  | 'cases.setAgreement'
  | 'cases.setUndisputed'
  | 'cases.assignMediator'
  | 'cases.unassignMediator'
  | 'parties.add'
  | 'parties.update'
  | 'parties.remove'
  | 'sessions.add'
  | 'sessions.update'
>;

export function useCaseMutation<K extends CaseOp>(
  op: K,
  caseId: string,
  opts: { success?: string | ((detail: CaseDetail) => string); form?: FormInstance; rename?: FieldRename; onDone?: () => void } = {},
) {
  const queryClient = useQueryClient();
  return useApiMutation(op, {
    ...(opts.form ? { form: opts.form } : {}),
    ...(opts.rename ? { rename: opts.rename } : {}),
    ...(opts.success ? { success: opts.success } : {}),
    invalidates: ['cases.list', 'cases.desk', 'cases.search'],
    onSuccess: (detail) => {
      queryClient.setQueryData(apiQueryKey('cases.get', { id: caseId }), detail);
      opts.onDone?.();
    },
    onError: (error) => {
      if (isApiError(error, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: apiQueryKey('cases.get', { id: caseId }) });
    },
  });
}
