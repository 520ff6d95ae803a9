/** 新增用户: login name, name, role and a first password. */
import { Form, Input, Modal, Select } from 'antd';
import { loginName, requiredText } from '../../../../electron/common/api/fields';
import { ROLE_OF_ROSTER_KIND, type MediatorView } from '../../../../electron/common/api/mediators';
import type { Role } from '../../../../electron/common/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields } from '../../components/PasswordFields';
import { useApiMutation } from '../../components/useApiMutation';
import { zodRule } from '../../components/zodRule';
import { roleOptions } from './roleOptions';

interface Values {
  loginName: string;
  displayName: string;
  role: Role;
  password: string;
  passwordConfirm: string;
}

/**
 * `forMediator`: a login for that roster entry (from 调解员名册 › 创建登录账号): the name and the
 * role follow the entry, and the account is linked to it.
 */
export function NewUserModal({ open, onClose, forMediator }: { open: boolean; onClose: () => void; forMediator?: MediatorView | null }) {
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('users.create', {
    form,
    showError: 'inline',
    invalidates: ['users.list'],
    success: (u) => `已新增用户“${u.displayName}”`,
    onSuccess: () => onClose(),
  });
  return (
    <Modal
      title={forMediator ? `为 ${forMediator.name} 创建登录账号` : '新增用户'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="新增"
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
      afterClose={() => create.reset()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        style={{ marginTop: 16 }}
        initialValues={forMediator ? { displayName: forMediator.name, role: ROLE_OF_ROSTER_KIND[forMediator.kind] } : {}}
        onFinish={(v) =>
          create.mutate({
            loginName: v.loginName,
            displayName: v.displayName,
            role: v.role,
            password: v.password,
            ...(forMediator ? { mediatorId: forMediator.id } : {}),
          })
        }
      >
        <ErrorAlert error={create.error} />
        <Form.Item
          name="loginName"
          label="登录名"
          required
          rules={[zodRule(loginName)]}
          extra="字母、数字、下划线、点或横线，例如 zhangsan"
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" required rules={[zodRule(requiredText('姓名', 40))]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions} placeholder="请选择角色" />
        </Form.Item>
        <PasswordFields label="初始密码" />
      </Form>
    </Modal>
  );
}
