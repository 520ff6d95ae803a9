/**
 * 司法确认 on the case page: the 30-day window from the agreement's effective day (warning as it
 * closes), then the application, the court's acceptance (调确字 / 民特) and its ruling.
 */
import { Alert, Button, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Skeleton, Steps, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  ACCEPTANCE_NUMBER_EXAMPLE,
  acceptanceNumberSchema,
  CONFIRMATION_RULING_LABELS,
  CONFIRMATION_RULINGS,
  type ConfirmationMatter,
  type ConfirmationRuling,
  type ConfirmationState,
} from '../../../../../electron/common/api/court';
import { requiredText } from '../../../../../electron/common/api/fields';
import { EXCLUDED_MATTERS } from '../../../../../electron/common/domain/confirmation';
import { useUser } from '../../../auth/AuthProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../components/useApiMutation';
import { useApiQuery } from '../../../components/useApiQuery';
import { zodRule } from '../../../components/zodRule';
import type { CasePanelProps } from '../../cases/panelTypes';
import { isoOf, noFuture, todayDayjs } from '../format';

const REFRESH = ['confirmations.get', 'cases.get', 'roster.performance'] as const;

function WindowAlert({ st }: { st: ConfirmationState }) {
  const w0 = st.window;
  if (!w0) return null;
  // The last day as the law counts it, with how a rest day moved it.
  const w = { ...w0, lastDay: w0.lastDayNote ? `${w0.lastDay}（${w0.lastDayNote}）` : w0.lastDay };
  if (st.confirmation) {
    return (
      <Alert
        type="success"
        showIcon
        title={`已于 ${st.confirmation.appliedAt} 申请司法确认（协议生效 ${w.firstDay}，申请期限至 ${w.lastDay}）`}
      />
    );
  }
  if (w.state === 'closed') {
    return (
      <Alert
        type="error"
        showIcon
        data-window="closed"
        title={`申请司法确认的期限已于 ${w.lastDay} 届满`}
        description="双方当事人应当自调解协议生效之日起30日内共同申请；已超过期限的，不能再申请司法确认。"
      />
    );
  }
  if (w.state === 'closing') {
    return (
      <Alert
        type="warning"
        showIcon
        data-window="closing"
        title={
          w.daysLeft === 0
            ? `今天（${w.lastDay}）是申请司法确认的最后一天`
            : `申请司法确认的期限即将届满：还剩 ${w.daysLeft} 天（至 ${w.lastDay}）`
        }
        description="如当事人需要司法确认，请尽快协助双方共同向法院申请。"
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-window="open"
      title={`可申请司法确认：协议于 ${w.firstDay} 生效，双方可在 ${w.lastDay} 前（含当日）共同申请，还剩 ${w.daysLeft} 天（${w.workingDaysLeft} 个工作日）`}
    />
  );
}

export function ConfirmationPanel({ detail, onChanged }: CasePanelProps) {
  const user = useUser();
  const q = useApiQuery('confirmations.get', { caseId: detail.id });
  const [dialog, setDialog] = useState<'apply' | 'accept' | 'rule' | null>(null);
  // The same rule the services apply (common/access.ts): no button that would be refused.
  const mayAct = user.role !== 'intake' && detail.permissions.canEdit;
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} title="司法确认信息加载失败" />;
  const st = q.data;
  if (!st.eligible) return <Typography.Text type="secondary">{st.ineligibleReason}</Typography.Text>;
  const c = st.confirmation;
  const current = !c ? 0 : !c.acceptedAt ? 1 : !c.ruling ? 2 : 3;
  const done = () => {
    setDialog(null);
    onChanged();
  };
  return (
    <div data-testid="confirmation-panel">
      <WindowAlert st={st} />
      <Steps
        size="small"
        current={current}
        style={{ margin: '20px 0' }}
        items={[
          { title: '申请', content: c ? `${c.appliedAt} · ${c.court}` : st.window ? `期限至 ${st.window.lastDay}` : undefined },
          { title: '法院受理', content: c?.acceptedAt ? `${c.acceptedAt} · ${c.acceptanceNumber ?? ''}` : '3日内决定是否受理' },
          {
            title: '裁定',
            content: c?.ruling ? `${c.ruledAt} · ${CONFIRMATION_RULING_LABELS[c.ruling]}` : '受理后15日内作出裁定',
            ...(c?.ruling === 'dismissed' ? { status: 'error' as const } : {}),
          },
        ]}
      />
      {c?.ruling ? (
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            { key: 'court', label: '法院', children: c.court },
            { key: 'no', label: '案号', children: c.acceptanceNumber },
            { key: 'ruling', label: '裁定', children: CONFIRMATION_RULING_LABELS[c.ruling] },
            { key: 'date', label: '裁定日期', children: c.ruledAt },
            ...(c.note ? [{ key: 'note', label: '备注', span: 2, children: c.note }] : []),
          ]}
        />
      ) : null}
      {mayAct && !c && st.window?.state !== 'closed' ? (
        <Button type="primary" onClick={() => setDialog('apply')}>
          登记司法确认申请
        </Button>
      ) : null}
      {mayAct && !c && st.window?.state === 'closed' ? <Button onClick={() => setDialog('apply')}>补登期限内已提出的申请</Button> : null}
      {mayAct && c && !c.acceptedAt ? (
        <Button type="primary" onClick={() => setDialog('accept')}>
          登记法院受理
        </Button>
      ) : null}
      {mayAct && c?.acceptedAt && !c.ruling ? (
        <Button type="primary" onClick={() => setDialog('rule')}>
          登记裁定结果
        </Button>
      ) : null}
      <ApplyModal open={dialog === 'apply'} st={st} onClose={() => setDialog(null)} onDone={done} />
      {c ? <AcceptModal open={dialog === 'accept'} id={c.id} version={c.version} onClose={() => setDialog(null)} onDone={done} /> : null}
      {c ? <RuleModal open={dialog === 'rule'} id={c.id} version={c.version} onClose={() => setDialog(null)} onDone={done} /> : null}
    </div>
  );
}

interface DialogProps {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

const MATTER_OPTIONS: { value: ConfirmationMatter; label: string }[] = [
  { value: 'none', label: '不涉及以下事项' },
  ...EXCLUDED_MATTERS.map((m) => ({ value: m.code, label: m.label })),
];

function ApplyModal({ open, st, onClose, onDone }: DialogProps & { st: ConfirmationState }) {
  const [form] = Form.useForm<{ court: string; appliedAt?: Dayjs; matter: ConfirmationMatter; note?: string }>();
  const apply = useApiMutation('confirmations.apply', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: '已登记司法确认申请',
    onSuccess: onDone,
  });
  return (
    <Modal
      title="登记司法确认申请"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      okButtonProps={{ loading: apply.isPending }}
      destroyOnHidden
      afterClose={() => apply.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ court: st.suggestedCourt ?? '', appliedAt: todayDayjs(), matter: 'none' }}
        onFinish={(v) =>
          apply.mutate({ caseId: st.caseId, court: v.court, appliedAt: isoOf(v.appliedAt) ?? '', matter: v.matter, note: v.note })
        }
      >
        <ErrorAlert error={apply.error} />
        <Form.Item
          name="court"
          label="受理法院"
          required
          rules={[zodRule(requiredText('受理法院', 100))]}
          extra="委派调解的向委派法院申请；其他向当事人住所地、标的物所在地或调解组织所在地的基层法院申请"
        >
          <Input />
        </Form.Item>
        <Form.Item name="appliedAt" label="申请日期" rules={[{ required: true, message: '请填写申请日期' }]}>
          <DatePicker disabledDate={noFuture} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="matter" label="协议所涉事项" extra="确认身份、收养、婚姻关系的协议不能申请司法确认">
          <Select options={MATTER_OPTIONS} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AcceptModal({ open, id, version, onClose, onDone }: DialogProps & { id: string; version: number }) {
  const [form] = Form.useForm<{ acceptedAt?: Dayjs; acceptanceNumber: string }>();
  const accept = useApiMutation('confirmations.accept', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: '已登记法院受理',
    onSuccess: onDone,
  });
  return (
    <Modal
      title="登记法院受理"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      okButtonProps={{ loading: accept.isPending }}
      destroyOnHidden
      afterClose={() => accept.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ acceptedAt: todayDayjs() }}
        onFinish={(v) => accept.mutate({ id, version, acceptedAt: isoOf(v.acceptedAt) ?? '', acceptanceNumber: v.acceptanceNumber })}
      >
        <ErrorAlert error={accept.error} />
        <Form.Item name="acceptedAt" label="受理日期" rules={[{ required: true, message: '请填写受理日期' }]}>
          <DatePicker disabledDate={noFuture} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="acceptanceNumber"
          label="受理案号"
          required
          rules={[zodRule(acceptanceNumberSchema)]}
          extra={`调确字或民特案号，如 ${ACCEPTANCE_NUMBER_EXAMPLE}`}
        >
          <Input placeholder={ACCEPTANCE_NUMBER_EXAMPLE} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RuleModal({ open, id, version, onClose, onDone }: DialogProps & { id: string; version: number }) {
  const [form] = Form.useForm<{ ruling?: ConfirmationRuling; ruledAt?: Dayjs; note?: string }>();
  const rule = useApiMutation('confirmations.rule', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: '已登记裁定结果',
    onSuccess: onDone,
  });
  return (
    <Modal
      title="登记裁定结果"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      okButtonProps={{ loading: rule.isPending }}
      destroyOnHidden
      afterClose={() => rule.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ ruledAt: todayDayjs() }}
        onFinish={(v) => v.ruling && rule.mutate({ id, version, ruling: v.ruling, ruledAt: isoOf(v.ruledAt) ?? '', note: v.note })}
      >
        <ErrorAlert error={rule.error} />
        <Form.Item name="ruling" label="裁定结果" rules={[{ required: true, message: '请选择裁定结果' }]}>
          <Radio.Group options={CONFIRMATION_RULINGS.map((x) => ({ value: x, label: CONFIRMATION_RULING_LABELS[x] }))} />
        </Form.Item>
        <Form.Item name="ruledAt" label="裁定日期" rules={[{ required: true, message: '请填写裁定日期' }]}>
          <DatePicker disabledDate={noFuture} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
