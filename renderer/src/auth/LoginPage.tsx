/**
 * 登录: login name and password. Shows the server's own words on failure (remaining tries,
 * lockout) and why the page is shown (timed out, signed out, just set up).
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { EntryFrame } from '../components/EntryFrame';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiMutation } from '../components/useApiMutation';
import { useAuth } from './AuthProvider';

interface LoginValues {
  loginName: string;
  password: string;
}

export function LoginPage({ centreName }: { centreName: string }) {
  const auth = useAuth();
  const [form] = Form.useForm<LoginValues>();
  const login = useApiMutation('auth.login', {
    form,
    showError: 'inline',
    onSuccess: (result) => auth.signIn(result),
    onError: () => form.setFieldValue('password', ''),
  });
  const notice = auth.loginHint.notice;

  return (
    <EntryFrame subtitle={centreName} width={420}>
      <Form<LoginValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        initialValues={{ loginName: auth.loginHint.loginName ?? '' }}
        onFinish={(values) => login.mutate(values)}
        aria-label="登录"
      >
        <h1 style={{ fontSize: 22, fontWeight: 600, margin: '0 0 20px' }}>登录</h1>
        {login.error ? (
          <ErrorAlert error={login.error} />
        ) : notice ? (
          <Alert type={notice.type} showIcon title={notice.text} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item name="loginName" label="登录名" rules={[{ required: true, whitespace: true, message: '请填写登录名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!auth.loginHint.loginName} />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={!!auth.loginHint.loginName} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} style={{ marginTop: 8 }}>
          登录
        </Button>
      </Form>
    </EntryFrame>
  );
}
