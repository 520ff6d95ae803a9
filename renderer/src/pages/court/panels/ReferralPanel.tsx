/**
 * 法院委派 on the case page: the court's data, the clock, the mediator chosen from the roster,
 * an extension with both parties' consent, and the result reported to the court.
 */
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CHOSEN_BY_LABELS,
  COURT_MODE_SHORT,
  COURT_RESULT_LABELS,
  COURT_RESULTS,
  type CourtResult,
  type ReferralView,
} from '../../../../../electron/common/api/court';
import { COURT_PROCEDURE_LABELS, COURT_REFERRAL_MODE_LABELS } from '../../../../../electron/common/domain/deadlines';
import { isOpen } from '../../../../../electron/common/domain/lifecycle';
import { courtModeOf, type SourceCode } from '../../../../../electron/common/domain/sources';
import { useUser } from '../../../auth/AuthProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../components/useApiMutation';
import { useApiQuery } from '../../../components/useApiQuery';
import type { CasePanelProps } from '../../cases/panelTypes';
import { MediatorPicker } from '../MediatorPicker';
import { ReferralClock } from '../ReferralClock';
import { isoOf, noFuture, todayDayjs } from '../format';

export const isCourtCase = (source: string) => courtModeOf(source as SourceCode) !== null;

const REFRESH = [
  'court.referral',
  'court.referrals',
  'cases.get',
  'supervision.list',
  'confirmations.get',
  'followups.list',
  'roster.candidates',
] as const;

export function ReferralPanel({ detail, onChanged }: CasePanelProps) {
  const user = useUser();
  const referral = useApiQuery('court.referral', { caseId: detail.id });
  const [dialog, setDialog] = useState<'mediator' | 'extend' | 'report' | null>(null);
  const mayAct = (user.role === 'court_mediator' || user.role === 'admin') && detail.permissions.canEdit;
  const r = referral.data;
  if (referral.isPending) return <Skeleton active />;
  if (referral.error) return <ErrorAlert error={referral.error} title="委派信息加载失败" />;
  if (!r) return <Typography.Text type="secondary">本案不是法院委派或委托的案件。</Typography.Text>;
  const open = isOpen(detail.status);
  const done = () => {
    setDialog(null);
    onChanged();
  };
  return (
    <div data-testid="referral-panel">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <ReferralClock r={r} />
        {mayAct ? (
          <Space wrap>
            {open && r.clock !== 'reported' ? <Button onClick={() => setDialog('mediator')}>选择调解员</Button> : null}
            {open && r.clock !== 'reported' && r.clock !== 'overdue' ? <Button onClick={() => setDialog('extend')}>延长期限</Button> : null}
            {r.clock !== 'reported' ? (
              <Button type="primary" onClick={() => setDialog('report')}>
                报告调解结果
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Flex>
      {r.clock === 'overdue' ? (
        <Alert type="error" showIcon style={{ marginTop: 16 }} title={`已超过调解期限（${r.dueDate}），请尽快向法院报告调解结果`} />
      ) : null}
      {r.result ? (
        <Alert
          type={r.result === 'agreement' ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 16 }}
          title={`${r.resultReportedAt} 已向法院报告：${COURT_RESULT_LABELS[r.result]}`}
          description={
            [r.resultReason ? `原因：${r.resultReason}` : null, r.materialsReturned ? '材料退回法院' : null].filter(Boolean).join('；') ||
            undefined
          }
        />
      ) : null}
      <Descriptions
        size="small"
        column={2}
        bordered
        style={{ marginTop: 16 }}
        items={[
          { key: 'court', label: '法院', children: r.court },
          { key: 'ref', label: '法院案号', children: r.referenceNumber },
          {
            key: 'mode',
            label: '方式',
            children: COURT_REFERRAL_MODE_LABELS[r.mode] + (r.procedure ? `，${COURT_PROCEDURE_LABELS[r.procedure]}` : ''),
          },
          {
            key: 'limit',
            label: '期限',
            children: `${r.timeLimitDays} 日${r.extensionDays ? ` + 延长 ${r.extensionDays} 日` : ''}，至 ${r.dueDate ?? '—'}${r.dueNote ? `（${r.dueNote}）` : ''}`,
          },
          { key: 'referred', label: '委派/委托日期', children: r.referredAt },
          { key: 'signed', label: '签收材料日期', children: r.materialsSignedAt ?? '—' },
          { key: 'reportTo', label: '承办法官/书记员', children: r.reportTo || '—' },
          {
            key: 'mediators',
            label: '调解员',
            children: detail.mediators.length
              ? detail.mediators.map((m) => (
                  <Tag key={m.id}>
                    {m.name}（{CHOSEN_BY_LABELS[m.chosenBy]}）
                  </Tag>
                ))
              : '尚未选定',
          },
          ...(r.extensionConsent ? [{ key: 'consent', label: '延长记录', span: 2, children: r.extensionConsent }] : []),
        ]}
      />
      <ChooseMediatorModal open={dialog === 'mediator'} detail={detail} onClose={() => setDialog(null)} onDone={done} />
      <ExtendModal open={dialog === 'extend'} r={r} onClose={() => setDialog(null)} onDone={done} />
      <ReportModal open={dialog === 'report'} r={r} detail={detail} onClose={() => setDialog(null)} onDone={done} />
    </div>
  );
}

interface DialogProps {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

function ChooseMediatorModal({ open, detail, onClose, onDone }: DialogProps & Pick<CasePanelProps, 'detail'>) {
  const [form] = Form.useForm<{ mediatorId?: string; chosenBy: 'parties' | 'assigned' }>();
  const assign = useApiMutation('cases.assignMediator', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: '已选定调解员',
    onSuccess: onDone,
  });
  return (
    <Modal
      title="选择调解员"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      okButtonProps={{ loading: assign.isPending }}
      destroyOnHidden
      afterClose={() => assign.reset()}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ chosenBy: 'parties' }}
        onFinish={(v) =>
          v.mediatorId &&
          assign.mutate({
            id: detail.id,
            version: detail.version,
            mediatorId: v.mediatorId,
            chosenBy: v.chosenBy,
            role: detail.mediators.length ? 'assistant' : 'lead',
          })
        }
      >
        <ErrorAlert error={assign.error} />
        <Form.Item name="mediatorId" label="调解员" rules={[{ required: true, message: '请选择调解员' }]}>
          <MediatorPicker specialty={detail.category} caseId={detail.id} />
        </Form.Item>
        <Form.Item name="chosenBy" label="产生方式">
          <Radio.Group
            options={[
              { value: 'parties', label: '当事人从名册中选定' },
              { value: 'assigned', label: '当事人未选定，由对接点指定' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExtendModal({ open, r, onClose, onDone }: DialogProps & { r: ReferralView }) {
  const [form] = Form.useForm<{ days?: number; bothConsented: boolean; consent?: string; reason?: string }>();
  const extend = useApiMutation('court.extend', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: (x) => `已延长，期限至 ${x.dueDate}`,
    onSuccess: onDone,
  });
  return (
    <Modal
      title="延长调解期限"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="延长"
      okButtonProps={{ loading: extend.isPending }}
      destroyOnHidden
      afterClose={() => extend.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ bothConsented: false }}
        onFinish={(v) =>
          extend.mutate({
            id: r.caseId,
            version: r.caseVersion,
            days: v.days ?? 0,
            bothConsented: v.bothConsented,
            consent: v.consent,
            reason: v.reason,
          })
        }
      >
        <Alert type="info" showIcon title="延长调解期限须经双方当事人同意（特邀调解规定）。" style={{ marginBottom: 16 }} />
        <ErrorAlert error={extend.error} />
        <Form.Item name="days" label="延长天数" rules={[{ required: true, message: '请填写延长天数' }]}>
          <InputNumber min={1} max={60} precision={0} suffix="天" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="bothConsented" valuePropName="checked">
          <Checkbox>双方当事人均已同意延长</Checkbox>
        </Form.Item>
        <Form.Item name="consent" label="同意方式" extra="如：双方在调解笔录上签字同意；提交书面同意书">
          <Input />
        </Form.Item>
        <Form.Item name="reason" label="延长理由">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportModal({ open, r, detail, onClose, onDone }: DialogProps & { r: ReferralView } & Pick<CasePanelProps, 'detail'>) {
  const [form] = Form.useForm<{ result?: CourtResult; reason?: string; reportedAt?: Dayjs; agreementEffectiveAt?: Dayjs }>();
  const result = Form.useWatch('result', form);
  const report = useApiMutation('court.reportResult', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: '已记录向法院报告的调解结果',
    onSuccess: onDone,
  });
  const fixed =
    detail.outcome && (COURT_RESULTS as readonly string[]).includes(detail.outcome) ? (detail.outcome as CourtResult) : undefined;
  return (
    <Modal
      title="向法院报告调解结果"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="记录报告"
      okButtonProps={{ loading: report.isPending }}
      destroyOnHidden
      afterClose={() => report.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ result: fixed, reportedAt: todayDayjs(), agreementEffectiveAt: todayDayjs() }}
        onFinish={(v) =>
          v.result &&
          report.mutate({
            id: r.caseId,
            version: r.caseVersion,
            result: v.result,
            reason: v.reason,
            reportedAt: isoOf(v.reportedAt) ?? '',
            ...(v.result === 'agreement' && !fixed && v.agreementEffectiveAt
              ? { agreementEffectiveAt: isoOf(v.agreementEffectiveAt) }
              : {}),
          })
        }
      >
        <ErrorAlert error={report.error} />
        {fixed ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`本案已记录结果：${COURT_RESULT_LABELS[fixed]}`} /> : null}
        <Form.Item name="result" label="调解结果" rules={[{ required: true, message: '请选择调解结果' }]}>
          <Radio.Group disabled={!!fixed} options={COURT_RESULTS.map((x) => ({ value: x, label: COURT_RESULT_LABELS[x] }))} />
        </Form.Item>
        {result === 'agreement' && !fixed ? (
          <Form.Item
            name="agreementEffectiveAt"
            label="协议生效日期"
            rules={[{ required: true, message: '请填写协议生效日期' }]}
            extra="各方签名、盖章或按指印之日；司法确认的30日期限自此起算"
          >
            <DatePicker disabledDate={noFuture} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={result === 'failed' ? '调解不成的原因' : '说明'}
          rules={result === 'failed' ? [{ required: true, message: '调解不成须填写原因' }] : []}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {result === 'failed' && r.mode === 'delegated' ? (
          <Alert type="warning" showIcon title="委派调解不成的，材料退回法院。" style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item name="reportedAt" label="报告日期" rules={[{ required: true, message: '请填写报告日期' }]}>
          <DatePicker disabledDate={noFuture} style={{ width: 200 }} />
        </Form.Item>
        <Typography.Text type="secondary">
          向{r.court}
          {r.reportTo ? `（${r.reportTo}）` : ''}报告{COURT_MODE_SHORT[r.mode]}调解结果。
        </Typography.Text>
      </Form>
    </Modal>
  );
}
