/**
 * The next legal steps for a case, as buttons. Steps that need a reason (reject, fail, withdraw,
 * transfer) or the agreement's terms ask for them in a dialog before anything is saved. No step
 * can be undone, so every one asks first, naming the case and the step (the dialog, or a
 * confirmation for the steps that need nothing more), and the toast says what was done to which case.
 */
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { ACTIONS, stepConfirmQuestion, stepDoneMessage, type ActionCode } from '../../../../electron/common/domain/lifecycle';
import { useCaseMutation } from './useCaseMutation';

const NEEDS_DIALOG: ActionCode[] = ['reject', 'fail', 'withdraw', 'transfer', 'agree'];
const DANGER: ActionCode[] = ['reject', 'withdraw'];

export function CaseActions({ detail }: { detail: CaseDetail }) {
  const [form] = Form.useForm();
  const [open, setOpen] = useState<ActionCode | null>(null);
  const { modal } = App.useApp();
  const lastAction = useRef<ActionCode>('accept');
  const step = useCaseMutation('cases.step', detail.id, {
    form,
    success: (after) => stepDoneMessage(lastAction.current, after.caseNumber),
    onDone: () => setOpen(null),
  });

  const run = (action: ActionCode, extra: Record<string, unknown> = {}) => {
    lastAction.current = action;
    step.mutate({ id: detail.id, version: detail.version, action, ...extra });
  };
  const confirmThenRun = (action: ActionCode) =>
    modal.confirm({
      title: `${ACTIONS[action].label}：${detail.caseNumber}`,
      content: stepConfirmQuestion(action, detail.caseNumber),
      okText: `确定${ACTIONS[action].label}`,
      cancelText: '取消',
      onOk: () => run(action),
    });

  const submitDialog = async () => {
    if (!open) return;
    const v = (await form.validateFields()) as {
      reason?: string;
      targetUnit?: string;
      terms?: string;
      agreedAmountYuan?: string;
      agreementEffectiveAt?: dayjs.Dayjs;
    };
    const extra: Record<string, unknown> = { reason: v.reason, targetUnit: v.targetUnit };
    if (open === 'agree') {
      const terms = (v.terms ?? '')
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean);
      if (terms.length) extra.agreement = { terms };
      if (v.agreedAmountYuan) extra.agreedAmountYuan = v.agreedAmountYuan;
      if (v.agreementEffectiveAt) extra.agreementEffectiveAt = v.agreementEffectiveAt.format('YYYY-MM-DD');
    }
    run(open, extra);
  };

  if (detail.availableActions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {detail.availableActions.map((a) => (
          <Button
            key={a}
            type={a === 'accept' || a === 'start' || a === 'agree' || a === 'close' ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            loading={step.isPending && step.variables?.action === a}
            onClick={() => {
              if (NEEDS_DIALOG.includes(a)) {
                form.resetFields();
                setOpen(a);
              } else confirmThenRun(a);
            }}
          >
            {ACTIONS[a].label}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? `${ACTIONS[open].label}：${detail.caseNumber}` : ''}
        okText={open ? `确定${ACTIONS[open].label}` : '确定'}
        cancelText="取消"
        confirmLoading={step.isPending}
        onOk={() => submitDialog().catch(() => undefined)}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open ? (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={stepConfirmQuestion(open, detail.caseNumber)} />
        ) : null}
        <Form form={form} name="step" layout="vertical" preserve={false}>
          {open === 'transfer' ? (
            <Form.Item name="targetUnit" label="移交单位" rules={[{ required: true, whitespace: true, message: '请填写移交单位' }]}>
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {open === 'agree' ? (
            <>
              <Form.Item name="terms" label="协议条款（每行一条，可稍后在“调解协议”中继续编辑）">
                <Input.TextArea rows={4} maxLength={20000} />
              </Form.Item>
              <Space>
                <Form.Item name="agreedAmountYuan" label="协议涉及金额（元）">
                  <Input maxLength={20} />
                </Form.Item>
                <Form.Item name="agreementEffectiveAt" label="协议生效日期" initialValue={dayjs()}>
                  <DatePicker />
                </Form.Item>
              </Space>
            </>
          ) : null}
          {open && open !== 'agree' ? (
            <Form.Item
              name="reason"
              label={open === 'transfer' ? '移交理由' : '理由'}
              rules={ACTIONS[open].requires.includes('reason') ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
