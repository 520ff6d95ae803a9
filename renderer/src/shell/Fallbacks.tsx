/** What the shell shows for a path that is not there or not for this role. Both lead home. */
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

function HomeButton() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => void navigate('/')}>
      返回首页
    </Button>
  );
}

export const NotFound = () => (
  <Result status="404" title="没有这个页面" subTitle="地址可能有误，或该功能尚未开放。" extra={<HomeButton />} />
);

export const NoAccess = () => (
  <Result status="403" title="无权访问" subTitle="您的角色无权使用此功能；如确有需要，请联系中心管理员。" extra={<HomeButton />} />
);

export const NothingToShow = () => <Result status="info" title="暂无可用功能" subTitle="您的账号还没有可用的功能，请联系中心管理员。" />;
