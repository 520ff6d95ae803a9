/**
 * 修改初始密码: shown instead of the shell while the signed-in user's password is one an admin set
 * (new account, reset). The backend refuses every other operation until it is changed; this page
 * is the way through, or out (退出登录).
 */
import { Alert, Button, Form, Input } from 'antd';
import { EntryFrame } from '../components/EntryFrame';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordFields } from '../components/PasswordFields';
import { useApiMutation } from '../components/useApiMutation';
import { useAuth, useUser } from './AuthProvider';

interface Values {
  oldPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function FirstPasswordPage({ centreName }: { centreName: string }) {
  const auth = useAuth();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const change = useApiMutation('auth.changePassword', {
    form,
    showError: 'inline',
    success: '密码已修改，下次登录请使用新密码',
    onSuccess: () => auth.passwordChanged(),
  });
  return (
    <EntryFrame subtitle={centreName} width={460}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label="修改初始密码"
        onFinish={(v) => change.mutate({ oldPassword: v.oldPassword, newPassword: v.newPassword })}
      >
        <h1 style={{ fontSize: 22, fontWeight: 600, margin: '0 0 16px' }}>修改初始密码</h1>
        {change.error ? (
          <ErrorAlert error={change.error} />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${user.displayName}，您的密码由管理员设置或重置。为保护案件信息，请先改为只有您自己知道的新密码，再开始工作。`}
          />
        )}
        <Form.Item name="oldPassword" label="当前密码（管理员告知的密码）" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <PasswordFields name="newPassword" confirmName="newPasswordConfirm" label="新密码" />
        <Button type="primary" htmlType="submit" block loading={change.isPending} style={{ marginTop: 8 }}>
          保存新密码并进入
        </Button>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => void auth.signOut('manual')}>
          退出登录
        </Button>
      </Form>
    </EntryFrame>
  );
}
