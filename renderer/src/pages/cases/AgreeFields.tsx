/**
 * The 达成协议 dialog's fields: every item a written agreement must hold (人民调解法 第二十九条,
 * common/domain/agreement.ts), starting from what is already saved in 调解协议内容. What is still
 * missing is listed as the user types; 结案 is refused until it is complete, for the same rule.
 */
import { Alert, Form, Input, type FormInstance } from 'antd';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { agreementMissingMessage, missingAgreementItems } from '../../../../electron/common/domain/agreement';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { AgreementFields, agreementFieldValues, agreementFromForm, type AgreementFieldValues } from './AgreementFields';

export interface AgreeValues extends AgreementFieldValues {
  terms?: string;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);

/** The contract's limits on the terms (common/api/cases.ts agreementInput): 100 terms of 5000 characters each. */
const termsRule = (_: unknown, text: string | undefined) => {
  const all = lines(text);
  if (all.length > 100) return Promise.reject(new Error('协议条款不能超过 100 条'));
  const long = all.findIndex((t) => t.length > TEXT_LIMITS.mediumText);
  if (long >= 0) return Promise.reject(new Error(`第 ${long + 1} 条协议条款超过 ${TEXT_LIMITS.mediumText} 字，请精简`));
  return Promise.resolve();
};

export function agreeInitialValues(detail: CaseDetail): AgreeValues {
  const { performancePlace: _shownOnTheCardOnly, ...values } = agreementFieldValues(detail);
  return { ...values, terms: (detail.agreement?.terms ?? []).join('\n') };
}

/** The step's input: the whole agreement as the dialog now has it (keeping the place, which the dialog does not show). */
export function agreeStepInput(v: AgreeValues, detail: CaseDetail) {
  return agreementFromForm(v, lines(v.terms), detail.agreement?.performancePlace || undefined);
}

export function AgreeFields({ form, detail }: { form: FormInstance; detail: CaseDetail }) {
  const values = (Form.useWatch([], form) ?? {}) as AgreeValues;
  const missing = missingAgreementItems({
    principals: detail.parties.filter((p) => p.role !== 'agent').length,
    summary: detail.summary,
    agreement: {
      responsibility: values.responsibility,
      terms: lines(values.terms),
      performanceMethod: values.performanceMethod,
      performanceDeadline: values.performanceDeadline ? values.performanceDeadline.format('YYYY-MM-DD') : '',
      oral: values.oral,
    },
  });
  const message = agreementMissingMessage(missing);
  return (
    <>
      <AgreementFields
        terms={
          <Form.Item name="terms" label="协议内容（每行一条）" rules={[{ validator: termsRule }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        }
      />
      {message ? (
        <Alert type="info" showIcon data-testid="agreement-missing" title={`${message}。可以先达成协议，补齐后才能打印协议书和结案。`} />
      ) : null}
    </>
  );
}
