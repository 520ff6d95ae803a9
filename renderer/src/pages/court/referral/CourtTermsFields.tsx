/**
 * 法院信息 of a referral: delegated or entrusted (and then the court's procedure), the court and its
 * reference number, the dates, whom to report to; and the time limit those give, counted as the
 * server counts it.
 */
import { Alert, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { COURT_REFERENCE_EXAMPLE, courtReferenceSchema } from '../../../../../electron/common/api/court';
import { optionalText, requiredText } from '../../../../../electron/common/api/fields';
import { describeDue, legalDue, makeCalendar } from '../../../../../electron/common/domain/calendar';
import {
  COURT_PROCEDURE_LABELS,
  COURT_REFERRAL_MODE_LABELS,
  courtReferralDueDate,
  courtReferralLimitDays,
} from '../../../../../electron/common/domain/deadlines';
import { useApiQuery } from '../../../components/useApiQuery';
import { zodRule } from '../../../components/zodRule';
import { noFuture } from '../format';
import type { ReferralValues } from './referralValues';

export function CourtTermsFields() {
  const form = Form.useFormInstance<ReferralValues>();
  const mode = Form.useWatch(['referral', 'mode'], form);
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['referral', 'mode']} label="方式" rules={[{ required: true, message: '请选择委派或委托' }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={(['delegated', 'entrusted'] as const).map((m) => ({ value: m, label: COURT_REFERRAL_MODE_LABELS[m] }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {mode === 'entrusted' ? (
            <Form.Item
              name={['referral', 'procedure']}
              label="适用程序"
              rules={[{ required: true, message: '委托调解须选择法院适用普通程序还是简易程序' }]}
            >
              <Radio.Group
                options={(['ordinary', 'simple'] as const).map((p) => ({
                  value: p,
                  label: `${COURT_PROCEDURE_LABELS[p]}（${courtReferralLimitDays('entrusted', p)}日）`,
                }))}
              />
            </Form.Item>
          ) : null}
        </Col>
        <Col span={12}>
          <Form.Item name={['referral', 'court']} label="委派/委托法院" required rules={[zodRule(requiredText('委派/委托法院', 100))]}>
            <Input placeholder="如：新乡市牧野区人民法院" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={['referral', 'referenceNumber']}
            label="法院案号"
            required
            rules={[zodRule(courtReferenceSchema)]}
            extra={`如 ${COURT_REFERENCE_EXAMPLE}`}
          >
            <Input placeholder={COURT_REFERENCE_EXAMPLE} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['referral', 'referredAt']} label="委派/委托日期" rules={[{ required: true, message: '请填写委派/委托日期' }]}>
            <DatePicker disabledDate={noFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['referral', 'materialsSignedAt']}
            label="签收材料日期"
            dependencies={[['referral', 'referredAt']]}
            rules={[
              { required: true, message: '请填写签收材料日期' },
              ({ getFieldValue }) => ({
                validator: async (_, v: Dayjs | undefined) => {
                  const from = getFieldValue(['referral', 'referredAt']) as Dayjs | undefined;
                  if (v && noFuture(v)) throw new Error('签收材料日期不能晚于今天');
                  if (v && from && v.isBefore(from, 'day'))
                    throw new Error(`签收材料日期不能早于委派/委托日期（${from.format('YYYY-MM-DD')}）`);
                },
              }),
            ]}
            extra="期限自签收材料的次日起算"
          >
            <DatePicker disabledDate={noFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['referral', 'reportTo']} label="承办法官/书记员" rules={[zodRule(optionalText('承办法官/书记员', 100))]}>
            <Input placeholder="调解结果向谁报告" />
          </Form.Item>
        </Col>
      </Row>
      <DuePreview />
    </>
  );
}

/** 调解期限 N 日，至 …: the plain-count last day, moved off a rest day on the centre's calendar, as the server counts it. */
function DuePreview() {
  const form = Form.useFormInstance<ReferralValues>();
  const mode = Form.useWatch(['referral', 'mode'], form);
  const procedure = Form.useWatch(['referral', 'procedure'], form);
  const signed = Form.useWatch(['referral', 'materialsSignedAt'], form);
  const calendar = useApiQuery('calendar.get');
  const cal = useMemo(() => (calendar.data ? makeCalendar(calendar.data.years) : null), [calendar.data]);
  let due: string | null = null;
  let limit: number | null = null;
  try {
    if (mode && (mode === 'delegated' || procedure)) {
      limit = courtReferralLimitDays(mode, procedure ?? null);
      if (signed) {
        const nominal = courtReferralDueDate({ mode, procedure: procedure ?? null, materialsSignedOn: signed.format('YYYY-MM-DD') });
        due = cal ? describeDue(legalDue(cal, nominal)) : nominal;
      }
    }
  } catch {
    due = null; // a half-filled form: no preview rather than a wrong one
  }
  if (limit === null) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="due-preview"
      title={`调解期限 ${limit} 日${due ? `，至 ${due}` : ''}。延长须经双方当事人同意。`}
      style={{ marginBottom: 16 }}
    />
  );
}
