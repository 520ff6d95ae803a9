/** 设置 › 系统设置 (administrators): time-outs and day counts shared by every machine of the centre. */
import { Button, Form, InputNumber, type FormRule } from 'antd';
import type { Settings } from '../../../../electron/common/centre-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';

type Values = Pick<Settings, 'sessionIdleMinutes' | 'kioskIdleSeconds' | 'nearDeadlineDays' | 'followupDaysAfterAgreement'>;

/** A whole number in a range, in Chinese. The limits are those of settingsSchema. */
const intRange = (label: string, min: number, max: number, unit: string): FormRule[] => [
  { required: true, message: `请填写${label}` },
  { type: 'integer', message: `${label}应为整数` },
  { type: 'number', min, max, message: `${label}应在 ${min}–${max} ${unit}之间` },
];

const FIELDS: { name: keyof Values; label: string; min: number; max: number; unit: string; extra: string }[] = [
  {
    name: 'sessionIdleMinutes',
    label: '登录超时',
    min: 1,
    max: 1440,
    unit: '分钟',
    extra: '无人操作超过这个时间自动退出登录。修改后，下次登录时生效。',
  },
  {
    name: 'kioskIdleSeconds',
    label: '自助登记屏空闲清屏',
    min: 30,
    max: 600,
    unit: '秒',
    extra: '群众自助登记屏幕无人操作超过这个时间，先询问，再清空屏幕。',
  },
  { name: 'nearDeadlineDays', label: '临近期限提醒', min: 0, max: 30, unit: '天', extra: '距办理期限不超过这么多天的案件列为“临近期限”。' },
  { name: 'followupDaysAfterAgreement', label: '协议回访', min: 1, max: 180, unit: '天', extra: '达成调解协议后多少天安排第一次回访。' },
];

export function SystemSettingsPage() {
  const settings = useApiQuery('settings.get');
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('settings.update', { form, invalidates: ['settings.get'], success: '系统设置已保存' });

  return (
    <>
      <PageHeader title="系统设置" subtitle="本中心所有电脑共用这些设置。" />
      <ErrorAlert error={settings.error} title="设置加载失败" />
      {settings.data ? (
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={settings.data}
          // The whole settings object goes back: the contract's patch schema fills absent keys with
          // their defaults, so a partial patch would reset the settings this form does not show.
          onFinish={(v) => settings.data && save.mutate({ ...settings.data, ...v })}
        >
          {FIELDS.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} extra={f.extra} rules={intRange(f.label, f.min, f.max, f.unit)}>
              <InputNumber precision={0} min={f.min} max={f.max} suffix={f.unit} style={{ width: 200 }} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存设置
          </Button>
        </Form>
      ) : null}
    </>
  );
}
