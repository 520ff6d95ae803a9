/** 重置密码: an administrator sets a new password for someone who forgot theirs or is locked out. */
import { Alert, Form, Modal } from 'antd';
import type { UserRow } from '../../../../electron/common/api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields } from '../../components/PasswordFields';
import { useApiMutation } from '../../components/useApiMutation';

interface Values {
  password: string;
  passwordConfirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const reset = useApiMutation('users.resetPassword', {
    form,
    showError: 'inline',
    invalidates: ['users.list'],
    success: `已重置${user ? `“${user.displayName}”` : ''}的密码`,
    onSuccess: () => onClose(),
  });
  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.loginName}）` : '重置密码'}
      open={!!user}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="重置密码"
      okButtonProps={{ loading: reset.isPending }}
      destroyOnHidden
      afterClose={() => reset.reset()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        style={{ marginTop: 16 }}
        onFinish={(v) => user && reset.mutate({ userId: user.id, password: v.password })}
      >
        <Alert
          type="info"
          showIcon
          title="重置后该用户会退出所有已登录的窗口，需用新密码重新登录；账号锁定也随之解除。"
          style={{ marginBottom: 16 }}
        />
        <ErrorAlert error={reset.error} />
        <PasswordFields label="新密码" />
      </Form>
    </Modal>
  );
}
