/** 回访 on the case page: the visits scheduled after the agreement, recording one, adding one. */
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Radio, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  FOLLOWUP_METHOD_LABELS,
  FOLLOWUP_METHODS,
  PERFORMANCE_LABELS,
  PERFORMANCES,
  type FollowupMethod,
  type FollowupView,
  type Performance,
} from '../../../../../electron/common/api/court';
import { requiredText } from '../../../../../electron/common/api/fields';
import { useUser } from '../../../auth/AuthProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../components/useApiMutation';
import { useApiQuery } from '../../../components/useApiQuery';
import { zodRule } from '../../../components/zodRule';
import type { CasePanelProps } from '../../cases/panelTypes';
import { DueDate } from '../../cases/StatusTag';
import { isoOf, noFuture, todayDayjs } from '../format';

const REFRESH = ['followups.list', 'followups.due', 'cases.get'] as const;

export function dueTag(f: Pick<FollowupView, 'doneAt' | 'daysLeft'>) {
  if (f.doneAt) return <Tag color="success">已回访</Tag>;
  if (f.daysLeft === null) return null;
  if (f.daysLeft < 0) return <Tag color="error">逾期 {-f.daysLeft} 天</Tag>;
  if (f.daysLeft === 0) return <Tag color="warning">今天</Tag>;
  return <Tag color={f.daysLeft <= 3 ? 'warning' : 'default'}>{f.daysLeft} 天后</Tag>;
}

export function FollowupPanel({ detail, onChanged }: CasePanelProps) {
  const mayAct = useUser().role !== 'intake' && detail.permissions.canEdit;
  const q = useApiQuery('followups.list', { caseId: detail.id });
  const [recording, setRecording] = useState<FollowupView | null>(null);
  const [extraDate, setExtraDate] = useState<Dayjs | null>(null);
  const schedule = useApiMutation('followups.schedule', {
    invalidates: REFRESH,
    success: (x) => `已安排回访（共 ${x.followups.filter((f) => !f.doneAt).length} 次待回访）`,
    onSuccess: () => {
      setExtraDate(null);
      onChanged();
    },
  });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} title="回访记录加载失败" />;
  const data = q.data;
  if (!data.eligible) return <Typography.Text type="secondary">{data.ineligibleReason}</Typography.Text>;

  const columns: TableColumnsType<FollowupView> = [
    { title: '计划日期', dataIndex: 'dueOn', width: 180, render: (_: unknown, f) => <DueDate due={f.dueOn} note={f.dueNote} /> },
    { title: '状态', key: 'state', width: 110, render: (_: unknown, f) => dueTag(f) },
    { title: '回访日期', dataIndex: 'doneAt', width: 120, render: (d: string | null) => d ?? '—' },
    { title: '方式', dataIndex: 'method', width: 100, render: (m: FollowupMethod | null) => (m ? FOLLOWUP_METHOD_LABELS[m] : '—') },
    {
      title: '履行情况',
      dataIndex: 'performance',
      width: 100,
      render: (p: Performance | null) =>
        p ? <Tag color={p === 'performed' ? 'success' : p === 'partly' ? 'warning' : 'error'}>{PERFORMANCE_LABELS[p]}</Tag> : '—',
    },
    { title: '回访人', dataIndex: 'visitor', width: 90, render: (v: string) => v || '—' },
    { title: '情况', dataIndex: 'notes', render: (n: string) => n || '—' },
    {
      title: '操作',
      key: 'op',
      width: 100,
      render: (_: unknown, f) =>
        f.doneAt || !mayAct ? null : (
          <Button type="link" onClick={() => setRecording(f)}>
            登记回访
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="followup-panel">
      {mayAct && data.suggested.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`建议回访：${data.suggested.map((s) => `${s.dueOn}（${s.label}）`).join('；')}`}
          action={
            <Button
              size="small"
              type="primary"
              loading={schedule.isPending && !schedule.variables?.dates}
              onClick={() => schedule.mutate({ caseId: detail.id })}
            >
              按建议安排回访
            </Button>
          }
        />
      ) : null}
      <Table<FollowupView>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.followups}
        pagination={false}
        locale={{ emptyText: '尚未安排回访' }}
        aria-label="回访记录"
      />
      <Flex gap={8} align="center" style={{ marginTop: 12, display: mayAct ? undefined : 'none' }}>
        <Typography.Text>另行安排：</Typography.Text>
        <DatePicker
          value={extraDate}
          onChange={setExtraDate}
          aria-label="回访日期"
          disabledDate={(d) => !!data.agreementOn && d.format('YYYY-MM-DD') < data.agreementOn}
        />
        <Button
          disabled={!extraDate}
          loading={schedule.isPending && !!schedule.variables?.dates}
          onClick={() => extraDate && schedule.mutate({ caseId: detail.id, dates: [extraDate.format('YYYY-MM-DD')] })}
        >
          新增回访
        </Button>
      </Flex>
      <RecordModal
        f={recording}
        agreementOn={data.agreementOn}
        onClose={() => setRecording(null)}
        onDone={() => (setRecording(null), onChanged())}
      />
    </div>
  );
}

function RecordModal({
  f,
  agreementOn,
  onClose,
  onDone,
}: {
  f: FollowupView | null;
  agreementOn: string | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const user = useUser();
  const [form] = Form.useForm<{ doneAt?: Dayjs; method?: FollowupMethod; performance?: Performance; notes?: string; visitor: string }>();
  const record = useApiMutation('followups.record', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: '已登记回访',
    onSuccess: onDone,
  });
  return (
    <Modal
      title="登记回访"
      open={!!f}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      okButtonProps={{ loading: record.isPending }}
      destroyOnHidden
      afterClose={() => record.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ doneAt: todayDayjs(), method: 'phone', visitor: user.displayName }}
        onFinish={(v) =>
          f &&
          v.method &&
          v.performance &&
          record.mutate({
            id: f.id,
            version: f.version,
            doneAt: isoOf(v.doneAt) ?? '',
            method: v.method,
            performance: v.performance,
            notes: v.notes ?? '',
            visitor: v.visitor,
          })
        }
      >
        <ErrorAlert error={record.error} />
        {f ? (
          <Typography.Paragraph type="secondary">
            计划于 {f.dueOn} 回访{agreementOn ? `（协议 ${agreementOn} 生效）` : ''}。
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="doneAt" label="回访日期" rules={[{ required: true, message: '请填写回访日期' }]}>
          <DatePicker disabledDate={noFuture} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="method" label="回访方式" rules={[{ required: true, message: '请选择回访方式' }]}>
          <Radio.Group options={FOLLOWUP_METHODS.map((m) => ({ value: m, label: FOLLOWUP_METHOD_LABELS[m] }))} />
        </Form.Item>
        <Form.Item name="performance" label="履行情况" rules={[{ required: true, message: '请选择履行情况' }]}>
          <Radio.Group options={PERFORMANCES.map((p) => ({ value: p, label: PERFORMANCE_LABELS[p] }))} />
        </Form.Item>
        <Form.Item name="notes" label="回访情况">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="visitor" label="回访人" required rules={[zodRule(requiredText('回访人', 50))]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
