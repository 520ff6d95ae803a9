/**
 * 窗口登记 › 代为登记: the clerk registers a citizen who prefers help, with every field of the
 * kiosk; the registration gets a queue number and a ticket as at the kiosk (channel 'clerk').
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Result, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { CONSENT_NOTICE, MAX_DESCRIPTION, MAX_NAME, type IntakeInput, type SubmitResult } from '../../../../electron/common/api/intake';
import type { CategoryCode } from '../../../../electron/common/domain/categories';
import type { IdType } from '../../../../electron/common/domain/identity';
import { ErrorAlert } from '../../components/ErrorAlert';
import { intakeRule, type IntakeField } from '../../components/parties/intakeCheck';
import { PartyFields } from '../../components/parties/PartyFields';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useDraft } from '../../components/useDraft';
import { categoryOptions } from '../cases/labels';
import { PrinterStatusBar } from './PrinterStatusBar';

interface Values {
  category: CategoryCode;
  name?: string;
  phone?: string;
  idType: IdType;
  idNumber?: string;
  otherParty?: string;
  otherPartyPhone?: string;
  description?: string;
  consent: boolean;
}

/** The form's values → the operation's input (the form is shaped like it, the blanks left out). */
function toInput(v: Values): IntakeInput {
  return {
    channel: 'clerk',
    category: v.category,
    name: v.name ?? '',
    phone: v.phone ?? '',
    ...(v.idNumber?.trim() ? { idType: v.idType, idNumber: v.idNumber } : {}),
    ...(v.otherParty?.trim() ? { otherParty: v.otherParty } : {}),
    ...(v.otherPartyPhone?.trim() ? { otherPartyPhone: v.otherPartyPhone } : {}),
    description: v.description ?? '',
    consent: v.consent as true,
  };
}

/** The clerk is told to ask the citizen, where the contract's words are for whoever fills the form in. */
const rule = (field: IntakeField) => intakeRule(field, toInput, { consent: '请先向群众告知并取得同意' });

export function ClerkRegisterPage() {
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<SubmitResult | null>(null);
  // The citizen's details survive a lost connection or a page change until the host has them.
  const draft = useDraft(done ? null : 'intake.clerk', form);
  const submit = useApiMutation('intake.submit', {
    form,
    showError: 'inline',
    invalidates: ['intake.pending', 'intake.list', 'queue.today'],
    onSuccess: (r) => {
      draft.clear();
      setDone(r);
    },
  });
  const reprint = useApiMutation('intake.reprint', {
    onSuccess: (r) => done && setDone({ ...done, printed: r.printed, printError: r.printError }),
  });

  if (done) {
    return (
      <>
        <PageHeader title="代为登记" subtitle="已登记，请把小票交给群众，提醒其凭查询码和手机号后四位查询进度。" />
        <PrinterStatusBar />
        <Result
          status={done.printed ? 'success' : 'warning'}
          title={
            <span>
              排队号{' '}
              <strong data-testid="clerk-queue-code" style={{ fontSize: 40 }}>
                {done.queueCode}
              </strong>
            </span>
          }
          subTitle={done.printed ? '小票已打印' : '登记已保存，但小票没有打印出来'}
          extra={
            <Space>
              <Button
                icon={<PrinterOutlined />}
                loading={reprint.isPending}
                onClick={() => done.intakeId && reprint.mutate({ intakeId: done.intakeId })}
              >
                重新打印
              </Button>
              <Button
                type="primary"
                onClick={() => {
                  setDone(null);
                  submit.reset();
                  form.resetFields();
                }}
              >
                登记下一位
              </Button>
            </Space>
          }
        >
          {done.printError ? <Alert type="error" showIcon title={done.printError} style={{ marginBottom: 16 }} /> : null}
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="查询码">
              <Typography.Text strong copyable data-testid="clerk-query-code">
                {done.queryCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="登记编号">{done.registrationNumber}</Descriptions.Item>
            <Descriptions.Item label="纠纷类别">{done.categoryLabel}</Descriptions.Item>
            <Descriptions.Item label="取号时间">{done.issuedAt.slice(0, 16).replace('T', ' ')}</Descriptions.Item>
          </Descriptions>
        </Result>
      </>
    );
  }

  const onFinish = (v: Values) => submit.mutate(toInput(v));

  return (
    <>
      <PageHeader title="代为登记" subtitle="为到窗口求助的群众登记纠纷，保存后自动取号并打印小票。带 * 的为必填项。" />
      <PrinterStatusBar />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ idType: 'resident_id', consent: false }}
        onFinish={onFinish}
        scrollToFirstError
        aria-label="代为登记"
      >
        <ErrorAlert error={submit.error} />
        <Card title="申请人" size="small" style={{ marginBottom: 16 }}>
          <PartyFields variant="contact" rule={rule} />
        </Card>
        <Card title="对方当事人（知道的话）" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="otherParty" label="姓名或单位名称" rules={[rule('otherParty')]}>
                <Input maxLength={MAX_NAME} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="otherPartyPhone" label="联系电话" rules={[rule('otherPartyPhone')]}>
                <Input maxLength={20} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="纠纷情况" size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="category" label="纠纷类别" rules={[{ required: true, message: '请选择纠纷类别' }]} style={{ maxWidth: 320 }}>
            <Select options={categoryOptions} showSearch optionFilterProp="label" placeholder="请选择" />
          </Form.Item>
          <Form.Item name="description" label="发生了什么、希望怎样解决" required rules={[rule('description')]}>
            <Input.TextArea rows={4} maxLength={MAX_DESCRIPTION} showCount />
          </Form.Item>
        </Card>
        <Card title="告知与同意" size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            请向群众说明：{CONSENT_NOTICE.voluntary}
            {CONSENT_NOTICE.what}
            {CONSENT_NOTICE.why}
            {CONSENT_NOTICE.who}
            {CONSENT_NOTICE.howLong}
          </Typography.Paragraph>
          <Form.Item name="consent" valuePropName="checked" rules={[rule('consent')]}>
            <Checkbox>已向申请人告知以上内容，申请人自愿申请调解并同意使用其个人信息</Checkbox>
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} icon={<PrinterOutlined />}>
          登记并打印小票
        </Button>
      </Form>
    </>
  );
}
