/**
 * Which screen the window shows: first-run setup until the centre exists, then login, then (for a
 * password an admin set) the password change, then the shell.
 */
import { Button, Result } from 'antd';
import { useAuth } from '../auth/AuthProvider';
import { FirstPasswordPage } from '../auth/FirstPasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { errorMessage } from '../components/apiErrors';
import { LoadingScreen } from '../components/LoadingScreen';
import { useApiQuery } from '../components/useApiQuery';
import { SetupPage } from '../setup/SetupPage';
import { Shell } from '../shell/Shell';

export function Boot() {
  const status = useApiQuery('setup.status', undefined, { staleTime: Infinity });
  const auth = useAuth();

  if (status.isPending) return <LoadingScreen tip="正在启动调解工作台…" />;
  if (status.isError) {
    return (
      <Result
        status="error"
        title="调解工作台无法启动"
        subTitle={errorMessage(status.error)}
        extra={
          <Button type="primary" loading={status.isFetching} onClick={() => void status.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  const centre = status.data.centre;
  if (!status.data.setUp || !centre) return <SetupPage />;
  if (auth.status === 'restoring') return <LoadingScreen tip="正在恢复登录…" />;
  if (auth.status === 'signedOut') return <LoginPage centreName={centre.name} />;
  if (auth.user?.mustChangePassword) return <FirstPasswordPage centreName={centre.name} />;
  return <Shell centreName={centre.name} />;
}
