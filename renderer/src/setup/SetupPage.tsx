/**
 * 首次设置: the first screen of a new installation. Registers this centre (code, name, tier,
 * committee and its case-number abbreviation) and its first administrator in one step.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, Divider, Form, Input, Radio, Row, Typography } from 'antd';
import type { SetupInput } from '../../../electron/common/api/setup';
import { centreInput } from '../../../electron/common/api/setup';
import { loginName, requiredText } from '../../../electron/common/api/fields';
import { suggestCommittee } from '../../../electron/common/domain/committee';
import { TIER_LABELS, TIERS } from '../../../electron/common/domain/tiers';
import { useAuth } from '../auth/AuthProvider';
import { isApiError } from '../components/apiErrors';
import { EntryFrame } from '../components/EntryFrame';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordFields } from '../components/PasswordFields';
import { useApiMutation } from '../components/useApiMutation';
import { apiQueryKey } from '../components/useApiQuery';
import { zodRule } from '../components/zodRule';
import { CaseNumberPreview } from './CaseNumberPreview';

type Values = SetupInput & { admin: SetupInput['admin'] & { passwordConfirm: string } };
const c = centreInput.shape;

export function SetupPage() {
  const [form] = Form.useForm<Values>();
  const abbr = Form.useWatch(['centre', 'committeeAbbr'], form);
  const queryClient = useQueryClient();
  const auth = useAuth();
  const create = useApiMutation('setup.create', {
    form,
    showError: 'inline',
    onSuccess: (centre, input) => {
      auth.setLoginHint({
        notice: { type: 'success', text: '首次设置已完成，请用刚才设置的管理员账号登录' },
        loginName: input.admin.loginName,
      });
      queryClient.setQueryData(apiQueryKey('setup.status'), { setUp: true, centre: { name: centre.name, centreCode: centre.centreCode } });
    },
    onError: (e) => {
      // Someone finished setup from another window meanwhile: go on to login.
      if (isApiError(e, 'ALREADY_SET_UP')) void queryClient.invalidateQueries({ queryKey: ['setup.status'] });
    },
  });

  const submit = (v: Values) =>
    create.mutate({
      centre: v.centre,
      admin: { loginName: v.admin.loginName, displayName: v.admin.displayName, password: v.admin.password },
    });

  return (
    <EntryFrame subtitle="欢迎使用。开始之前，请登记本中心并创建第一位管理员。" width={780}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ centre: { tier: 'district' } }}
        onValuesChange={(changed: Partial<Values>) => {
          // The committee and the case numbers follow the centre's name until the user writes their own.
          if (changed.centre?.name === undefined) return;
          const suggested = suggestCommittee(changed.centre.name);
          if (!form.isFieldTouched(['centre', 'committeeName'])) form.setFieldValue(['centre', 'committeeName'], suggested.name);
          if (!form.isFieldTouched(['centre', 'committeeAbbr'])) form.setFieldValue(['centre', 'committeeAbbr'], suggested.abbr);
        }}
        aria-label="首次设置"
        scrollToFirstError
      >
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          首次设置
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          这些信息会印在调解文书上，并用于向区里上报数据。中心代码和案号简称设置后不宜更改，请核对清楚。
        </Typography.Paragraph>
        <ErrorAlert error={create.error} />

        <Divider titlePlacement="start">中心信息</Divider>
        <Row gutter={24}>
          <Col span={10}>
            <Form.Item
              name={['centre', 'centreCode']}
              label="中心代码"
              required
              rules={[zodRule(c.centreCode)]}
              extra="9 位数字：6 位行政区划代码 + 3 位区里分配的序号，例如 410711001"
            >
              <Input maxLength={9} inputMode="numeric" placeholder="例如 410711001" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name={['centre', 'name']} label="中心名称" required rules={[zodRule(c.name)]}>
              <Input placeholder="例如 牧野区非诉讼服务中心" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['centre', 'tier']} label="层级" required rules={[zodRule(c.tier)]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))} />
        </Form.Item>
        <Row gutter={24}>
          <Col span={14}>
            <Form.Item name={['centre', 'address']} label="地址" rules={[zodRule(c.address)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name={['centre', 'phone']} label="电话" rules={[zodRule(c.phone)]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={24}>
          <Col span={14}>
            <Form.Item name={['centre', 'committeeName']} label="人民调解委员会名称" required rules={[zodRule(c.committeeName)]}>
              <Input placeholder="例如 牧野区人民调解委员会" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name={['centre', 'committeeAbbr']}
              label="案号简称"
              required
              rules={[zodRule(c.committeeAbbr)]}
              extra={<CaseNumberPreview abbr={abbr} />}
            >
              <Input maxLength={6} placeholder="例如 牧调" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">首位管理员</Divider>
        <Row gutter={24}>
          <Col span={12}>
            <Form.Item
              name={['admin', 'loginName']}
              label="登录名"
              required
              rules={[zodRule(loginName)]}
              extra="字母、数字、下划线、点或横线"
            >
              <Input autoComplete="off" placeholder="例如 admin" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['admin', 'displayName']} label="姓名" required rules={[zodRule(requiredText('姓名', 40))]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <PasswordFields name={['admin', 'password']} confirmName={['admin', 'passwordConfirm']} label="密码" columns />

        <Button type="primary" size="large" htmlType="submit" loading={create.isPending} block style={{ marginTop: 8 }}>
          完成设置
        </Button>
      </Form>
    </EntryFrame>
  );
}
