/**
 * The 达成协议 dialog's fields: every item a written agreement must hold (人民调解法 第二十九条,
 * common/domain/agreement.ts), starting from what is already saved in 调解协议内容. What is still
 * missing is listed as the user types; 结案 is refused until it is complete, for the same rule.
 */
import { Alert, Checkbox, DatePicker, Form, Input, Space, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { agreementMissingMessage, missingAgreementItems } from '../../../../electron/common/domain/agreement';
import { formatYuan } from '../../../../electron/common/domain/money';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../../components/textLimit';

export interface AgreeValues {
  responsibility?: string;
  terms?: string;
  performanceMethod?: string;
  performanceDeadline?: dayjs.Dayjs | null;
  agreedAmountYuan?: string;
  agreementEffectiveAt?: dayjs.Dayjs | null;
  oral?: boolean;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);

/** Limits as the contract has them: counted, refused before saving, never cut. */
const LIMIT = {
  responsibility: textLimit('各方当事人的责任', TEXT_LIMITS.mediumText),
  method: textLimit('履行方式', 500),
  amount: textLimit('金额', 20),
};

/** The contract's limits on the terms (common/api/cases.ts agreementInput): 100 terms of 5000 characters each. */
const termsRule = (_: unknown, text: string | undefined) => {
  const all = lines(text);
  if (all.length > 100) return Promise.reject(new Error('协议条款不能超过 100 条'));
  const long = all.findIndex((t) => t.length > TEXT_LIMITS.mediumText);
  if (long >= 0) return Promise.reject(new Error(`第 ${long + 1} 条协议条款超过 ${TEXT_LIMITS.mediumText} 字，请精简`));
  return Promise.resolve();
};

export function agreeInitialValues(detail: CaseDetail): AgreeValues {
  const a = detail.agreement;
  return {
    responsibility: a?.responsibility ?? '',
    terms: (a?.terms ?? []).join('\n'),
    performanceMethod: a?.performanceMethod ?? '',
    performanceDeadline: a?.performanceDeadline ? dayjs(a.performanceDeadline) : null,
    agreedAmountYuan: detail.agreedAmountFen !== null ? formatYuan(detail.agreedAmountFen).replace(/,/g, '') : '',
    agreementEffectiveAt: detail.agreementEffectiveAt ? dayjs(detail.agreementEffectiveAt) : dayjs(),
    oral: a?.oral ?? false,
  };
}

/** The step's input: the whole agreement as the dialog now has it (keeping what the dialog does not show). */
export function agreeStepInput(v: AgreeValues, detail: CaseDetail) {
  const terms = lines(v.terms);
  return {
    agreement: {
      ...(detail.agreement?.performancePlace ? { performancePlace: detail.agreement.performancePlace } : {}),
      responsibility: v.responsibility ?? '',
      terms,
      performanceMethod: v.performanceMethod ?? '',
      ...(v.performanceDeadline ? { performanceDeadline: v.performanceDeadline.format('YYYY-MM-DD') } : {}),
      oral: v.oral ?? false,
    },
    ...(v.agreedAmountYuan ? { agreedAmountYuan: v.agreedAmountYuan } : {}),
    ...(v.agreementEffectiveAt ? { agreementEffectiveAt: v.agreementEffectiveAt.format('YYYY-MM-DD') } : {}),
  };
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
      <Form.Item name="responsibility" label="各方当事人的责任" rules={[LIMIT.responsibility.rule]}>
        <Input.TextArea rows={2} count={LIMIT.responsibility.count} />
      </Form.Item>
      <Form.Item name="terms" label="协议内容（每行一条）" rules={[{ validator: termsRule }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="performanceMethod" label="履行方式" rules={[LIMIT.method.rule]}>
          <Input count={LIMIT.method.count} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="performanceDeadline" label="履行期限">
          <DatePicker />
        </Form.Item>
        <Form.Item name="agreedAmountYuan" label="协议涉及金额（元）" rules={[LIMIT.amount.rule]}>
          <Input count={LIMIT.amount.count} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="agreementEffectiveAt" label="协议生效日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="oral" valuePropName="checked" label=" ">
          <Checkbox>口头协议</Checkbox>
        </Form.Item>
      </Space>
      {message ? (
        <Alert type="info" showIcon data-testid="agreement-missing" title={`${message}。可以先达成协议，补齐后才能打印协议书和结案。`} />
      ) : null}
    </>
  );
}
