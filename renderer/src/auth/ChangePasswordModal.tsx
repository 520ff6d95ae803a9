/** 修改密码: the signed-in user changes their own password (the old one is asked for). */
import { Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordFields } from '../components/PasswordFields';
import { useApiMutation } from '../components/useApiMutation';

interface Values {
  oldPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useApiMutation('auth.changePassword', {
    form,
    showError: 'inline',
    success: '密码已修改：本账号在其他窗口和设备上的登录已退出，下次登录请使用新密码',
    onSuccess: () => onClose(),
  });
  return (
    <Modal
      title="修改密码"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存新密码"
      okButtonProps={{ loading: change.isPending }}
      destroyOnHidden
      afterClose={() => change.reset()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        onFinish={(v) => change.mutate({ oldPassword: v.oldPassword, newPassword: v.newPassword })}
        style={{ marginTop: 16 }}
      >
        <ErrorAlert error={change.error} />
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请填写原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields name="newPassword" confirmName="newPasswordConfirm" label="新密码" />
      </Form>
    </Modal>
  );
}
