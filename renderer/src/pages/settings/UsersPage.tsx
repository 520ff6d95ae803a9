/** 设置 › 用户管理 (administrators): who may sign in, with which role; add, reset password, unlock, enable/disable. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { UserRow } from '../../../../electron/common/api/auth';
import { ROLE_LABELS } from '../../../../electron/common/roles';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';
import { NewUserModal } from './NewUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { isLocked, UserStatusTag } from './UserStatusTag';
import { dateTime } from '../../components/dates';

export function UsersPage() {
  const me = useUser();
  const users = useApiQuery('users.list');
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const setActive = useApiMutation('users.setActive', {
    invalidates: ['users.list'],
    success: (u) => `已${u.active ? '启用' : '停用'}用户“${u.displayName}”`,
  });
  const unlock = useApiMutation('users.unlock', {
    invalidates: ['users.list'],
    success: (u) => `已解除用户“${u.displayName}”的登录锁定`,
  });

  const columns: TableColumnsType<UserRow> = [
    { title: '登录名', dataIndex: 'loginName' },
    {
      title: '姓名',
      dataIndex: 'displayName',
      render: (name: string, u) => (
        <>
          {name}
          {u.id === me.id ? <Typography.Text type="secondary">（当前账号）</Typography.Text> : null}
        </>
      ),
    },
    { title: '角色', dataIndex: 'role', render: (r: UserRow['role']) => ROLE_LABELS[r] },
    { title: '状态', key: 'status', render: (_: unknown, u) => <UserStatusTag user={u} /> },
    { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => dateTime(t) },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_: unknown, u) => (
        <Space size={4}>
          <Button type="link" onClick={() => setResetting(u)}>
            重置密码
          </Button>
          {isLocked(u) ? (
            <Popconfirm
              title={`解除用户“${u.displayName}”的登录锁定？`}
              description="该账号在所有设备上的锁定都会解除，可以立即用原密码登录。"
              okText="解锁"
              cancelText="取消"
              onConfirm={() => unlock.mutateAsync({ userId: u.id }).catch(() => undefined)}
            >
              <Button type="link" loading={unlock.isPending && unlock.variables?.userId === u.id}>
                解锁
              </Button>
            </Popconfirm>
          ) : null}
          {u.id === me.id ? null : (
            <Popconfirm
              title={`${u.active ? '停用' : '启用'}用户“${u.displayName}”？`}
              description={u.active ? '停用后该用户立即退出登录且不能再登录；其经办的记录不受影响。' : '启用后该用户可以用原密码登录。'}
              okText={u.active ? '停用' : '启用'}
              okButtonProps={{ danger: u.active }}
              cancelText="取消"
              onConfirm={() => setActive.mutateAsync({ userId: u.id, active: !u.active }).catch(() => undefined)}
            >
              <Button type="link" danger={u.active} loading={setActive.isPending && setActive.variables?.userId === u.id}>
                {u.active ? '停用' : '启用'}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        subtitle="本中心可以登录调解工作台的人员及其角色。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增用户
          </Button>
        }
      />
      <ErrorAlert error={users.error} title="用户列表加载失败" />
      <Table<UserRow>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isPending}
        pagination={false}
        aria-label="用户列表"
      />
      <NewUserModal open={adding} onClose={() => setAdding(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
