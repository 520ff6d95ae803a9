/**
 * The fields of a written agreement (人民调解法 第二十九条) that the 达成协议 dialog (AgreeFields) and
 * the 调解协议内容 card (OutcomeCard) share: 各方当事人的责任, the terms (each its own way of
 * entering them), 履行方式, 履行地点 (the card only), 履行期限, 金额, 生效日期, 口头协议 — and how they are
 * filled from a case and read back into the contract's input.
 */
import { Checkbox, DatePicker, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import type { AgreementDetails } from '../../../../electron/common/api/case-details';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { formatYuan } from '../../../../electron/common/domain/money';
import { textLimit } from '../../components/textLimit';
import { fenOfYuan, yuanRule } from '../../components/yuanField';

/** Limits as the contract has them (common/api/limits.ts): counted, refused before saving, never cut. */
const LIMIT = {
  responsibility: textLimit('各方当事人的责任', TEXT_LIMITS.mediumText),
  method: textLimit('履行方式', 500),
  place: textLimit('地点', TEXT_LIMITS.place),
  amount: textLimit('金额', 20),
};

/** The shared fields' form values (the terms are each form's own). */
export interface AgreementFieldValues {
  responsibility?: string;
  performanceMethod?: string;
  performancePlace?: string;
  performanceDeadline?: dayjs.Dayjs | null;
  agreedAmountYuan?: string;
  agreementEffectiveAt?: dayjs.Dayjs | null;
  oral?: boolean;
}

/** The saved agreement as form values; a new one takes effect today unless changed. */
export function agreementFieldValues(detail: CaseDetail): Required<AgreementFieldValues> {
  const a = detail.agreement;
  return {
    responsibility: a?.responsibility ?? '',
    performanceMethod: a?.performanceMethod ?? '',
    performancePlace: a?.performancePlace ?? '',
    performanceDeadline: a?.performanceDeadline ? dayjs(a.performanceDeadline) : null,
    agreedAmountYuan: detail.agreedAmountFen !== null ? formatYuan(detail.agreedAmountFen).replace(/,/g, '') : '',
    agreementEffectiveAt: detail.agreementEffectiveAt ? dayjs(detail.agreementEffectiveAt) : dayjs(),
    oral: a?.oral ?? false,
  };
}

/** The form's values as the contract's input (cases.setAgreement, the agree step), the terms given. */
export function agreementFromForm(v: AgreementFieldValues, terms: string[], place: string | undefined) {
  const agreement: AgreementDetails = {
    responsibility: v.responsibility ?? '',
    terms,
    performanceMethod: v.performanceMethod ?? '',
    ...(place !== undefined ? { performancePlace: place } : {}),
    ...(v.performanceDeadline ? { performanceDeadline: v.performanceDeadline.format('YYYY-MM-DD') } : {}),
    oral: v.oral ?? false,
  };
  return {
    agreement,
    agreedAmountFen: fenOfYuan(v.agreedAmountYuan),
    ...(v.agreementEffectiveAt ? { agreementEffectiveAt: v.agreementEffectiveAt.format('YYYY-MM-DD') } : {}),
  };
}

/** The fields, with the terms' own input between the responsibilities and the rest. */
export function AgreementFields({ terms, withPlace = false }: { terms: ReactNode; withPlace?: boolean }) {
  return (
    <>
      <Form.Item name="responsibility" label="各方当事人的责任" rules={[LIMIT.responsibility.rule]}>
        <Input.TextArea rows={2} count={LIMIT.responsibility.count} />
      </Form.Item>
      {terms}
      <Space wrap>
        <Form.Item name="performanceMethod" label="履行方式" rules={[LIMIT.method.rule]}>
          <Input count={LIMIT.method.count} style={{ width: 260 }} />
        </Form.Item>
        {withPlace ? (
          <Form.Item name="performancePlace" label="履行地点" rules={[LIMIT.place.rule]}>
            <Input count={LIMIT.place.count} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="performanceDeadline" label="履行期限">
          <DatePicker />
        </Form.Item>
        <Form.Item name="agreedAmountYuan" label="协议涉及金额（元）" rules={[LIMIT.amount.rule, yuanRule]}>
          <Input count={LIMIT.amount.count} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="agreementEffectiveAt" label="协议生效日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="oral" valuePropName="checked" label=" ">
          <Checkbox>口头协议</Checkbox>
        </Form.Item>
      </Space>
    </>
  );
}
