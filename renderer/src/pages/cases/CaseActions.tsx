/**
 * The next legal steps for a case, as buttons. Steps that need a reason (reject, fail, withdraw,
 * transfer) or the agreement's terms ask for them in a dialog before anything is saved. No step
 * can be undone, so every one asks first, naming the case and the step (the dialog, or a
 * confirmation for the steps that need nothing more), and the toast says what was done to which case.
 */
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { ACTIONS, stepConfirmQuestion, stepDoneMessage, type ActionCode } from '../../../../electron/common/domain/lifecycle';
import { AgreeFields, agreeInitialValues, agreeStepInput, type AgreeValues } from './AgreeFields';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../../components/textLimit';
import { useCaseMutation } from './useCaseMutation';

const REASON_LIMIT = textLimit('理由', TEXT_LIMITS.reason);
const TARGET_LIMIT = textLimit('移交单位', 100);
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
    const v = (await form.validateFields()) as { reason?: string; targetUnit?: string } & AgreeValues;
    const extra: Record<string, unknown> = { reason: v.reason, targetUnit: v.targetUnit };
    if (open === 'agree') Object.assign(extra, agreeStepInput(v, detail));
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
                // 达成协议 starts from what is already saved in 调解协议内容: nothing is typed twice.
                if (a === 'agree') form.setFieldsValue(agreeInitialValues(detail));
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
            <Form.Item
              name="targetUnit"
              label="移交单位"
              rules={[{ required: true, whitespace: true, message: '请填写移交单位' }, TARGET_LIMIT.rule]}
            >
              <Input count={TARGET_LIMIT.count} />
            </Form.Item>
          ) : null}
          {open === 'agree' ? <AgreeFields form={form} detail={detail} /> : null}
          {open && open !== 'agree' ? (
            <Form.Item
              name="reason"
              label={open === 'transfer' ? '移交理由' : '理由'}
              rules={[
                ...(ACTIONS[open].requires.includes('reason') ? [{ required: true, whitespace: true, message: '请填写理由' }] : []),
                REASON_LIMIT.rule,
              ]}
            >
              <Input.TextArea rows={3} count={REASON_LIMIT.count} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
