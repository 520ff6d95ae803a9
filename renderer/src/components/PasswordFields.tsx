/**
 * A new password and its confirmation, checked with the contract's password rule. Used by first-run
 * setup, new user, reset password and change password.
 */
import { Col, Form, Input, Row } from 'antd';
import { password } from '../../../electron/common/api/fields';
import { zodRule } from './zodRule';

export const PASSWORD_HINT = '至少 8 位，须同时包含字母和数字';

// antd types a field name as `any`; these are the shapes a name takes.
type Name = string | number | (string | number)[];

export function PasswordFields({
  name = 'password',
  label = '密码',
  confirmName = 'passwordConfirm',
  columns = false,
}: {
  name?: Name;
  label?: string;
  confirmName?: Name;
  columns?: boolean;
}) {
  const first = (
    <Form.Item name={name} label={label} required extra={PASSWORD_HINT} rules={[zodRule(password)]}>
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
  const second = (
    <Form.Item
      name={confirmName}
      label={`确认${label}`}
      required
      dependencies={[name]}
      rules={[
        ({ getFieldValue }) => ({
          validator: async (_rule, value: unknown) => {
            if (!value) throw new Error(`请再次输入${label}`);
            if (value !== getFieldValue(name)) throw new Error('两次输入的密码不一致');
          },
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
  if (!columns) {
    return (
      <>
        {first}
        {second}
      </>
    );
  }
  return (
    <Row gutter={24}>
      <Col span={12}>{first}</Col>
      <Col span={12}>{second}</Col>
    </Row>
  );
}
