/** 暂停/除名/恢复: a roster member's status, always with the date and, unless restored, the reason. */
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  MEDIATOR_STATUS_LABELS,
  MEDIATOR_STATUSES,
  type MediatorStatus,
  type MediatorView,
} from '../../../../electron/common/api/mediators';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiMutation } from '../../components/useApiMutation';
import { isoOf, noFuture, todayDayjs } from '../court/format';

export function StatusModal({ mediator, onClose }: { mediator: MediatorView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ status: MediatorStatus; date?: Dayjs; reason?: string }>();
  const status = Form.useWatch('status', form);
  const save = useApiMutation('mediators.setStatus', {
    form,
    showError: 'inline',
    invalidates: ['mediators.list', 'roster.performance', 'roster.candidates'],
    success: (m) => `${m.name}：${MEDIATOR_STATUS_LABELS[m.status]}`,
    onSuccess: onClose,
  });
  return (
    <Modal
      title={mediator ? `变更状态：${mediator.name}` : '变更状态'}
      open={!!mediator}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      okButtonProps={{ loading: save.isPending, danger: status !== 'active' }}
      destroyOnHidden
      afterClose={() => save.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ status: mediator?.status === 'active' ? 'suspended' : 'active', date: todayDayjs() }}
        onFinish={(v) =>
          mediator &&
          save.mutate({ id: mediator.id, version: mediator.version, status: v.status, date: isoOf(v.date) ?? '', reason: v.reason })
        }
      >
        <ErrorAlert error={save.error} />
        <Form.Item name="status" label="状态">
          <Radio.Group
            options={MEDIATOR_STATUSES.map((s) => ({ value: s, label: s === 'active' ? '恢复在册' : MEDIATOR_STATUS_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
          <DatePicker disabledDate={noFuture} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因"
          rules={status === 'active' ? [] : [{ required: true, whitespace: true, message: '暂停或除名须填写原因' }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
