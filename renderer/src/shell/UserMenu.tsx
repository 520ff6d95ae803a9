/** The signed-in user in the header, with 修改密码 and 退出登录. */
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../electron/common/roles';
import { useAuth, useUser } from '../auth/AuthProvider';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';

export function UserMenu() {
  const user = useUser();
  const { signOut } = useAuth();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') void signOut('manual');
          },
        }}
      >
        <Button type="text" size="large" aria-label="当前用户菜单" data-testid="current-user" style={{ height: 44 }}>
          <Space size={8}>
            <UserOutlined />
            <span>{user.displayName}</span>
            <Typography.Text type="secondary">{ROLE_LABELS[user.role]}</Typography.Text>
            <DownOutlined style={{ fontSize: 12 }} />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
