/** 连接设置: the district server's address, the centre's token (write-only, shown masked), the night window, a connection test. */
import { Alert, Button, Form, Input, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { serverUrlField, tokenField, type UploadSettingsView } from '../../../../../electron/common/api/upload';
import { errorMessage } from '../../../components/apiErrors';
import { useApiMutation } from '../../../components/useApiMutation';
import { zodRule } from '../../../components/zodRule';

interface Values {
  serverUrl: string;
  token?: string;
  windowStart: Dayjs;
  windowEnd: Dayjs;
}

export function ConnectionForm({ settings }: { settings: UploadSettingsView }) {
  const [form] = Form.useForm<Values>();
  const [changingToken, setChangingToken] = useState(!settings.tokenSet);
  const [test, setTest] = useState<{ ok: boolean; message: string } | null>(null);
  const save = useApiMutation('upload.settings.save', {
    form,
    invalidates: ['upload.settings.get', 'upload.status'],
    success: '区级上传设置已保存',
    // The page then shows the form again from the saved settings: the token only masked.
  });
  const testing = useApiMutation('upload.testConnection', {
    showError: 'inline',
    onSuccess: (r) => setTest(r),
    onError: (e) => setTest({ ok: false, message: errorMessage(e) }),
  });

  const runTest = async () => {
    setTest(null);
    const serverUrl = (form.getFieldValue('serverUrl') as string | undefined)?.trim();
    const token = changingToken ? (form.getFieldValue('token') as string | undefined)?.trim() : undefined;
    try {
      await form.validateFields(['serverUrl', ...(token ? ['token'] : [])]);
    } catch {
      return;
    }
    testing.mutate({ ...(serverUrl ? { serverUrl } : {}), ...(token ? { token } : {}) });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="区级上传设置"
      style={{ maxWidth: 640 }}
      initialValues={{
        serverUrl: settings.serverUrl ?? '',
        token: '',
        windowStart: dayjs(settings.windowStart, 'HH:mm'),
        windowEnd: dayjs(settings.windowEnd, 'HH:mm'),
      }}
      onFinish={(v) =>
        save.mutate({
          serverUrl: v.serverUrl.trim(),
          ...(changingToken && v.token?.trim() ? { token: v.token.trim() } : {}),
          windowStart: v.windowStart.format('HH:mm'),
          windowEnd: v.windowEnd.format('HH:mm'),
        })
      }
    >
      <Form.Item
        name="serverUrl"
        label="区平台地址"
        extra="区诉源治理平台提供的接口地址，须以 https:// 开头（本机测试地址 127.0.0.1 除外）。"
        rules={[zodRule(serverUrlField)]}
      >
        <Input placeholder="https://district.example.cn" autoComplete="off" spellCheck={false} />
      </Form.Item>

      {changingToken ? (
        <Form.Item
          name="token"
          label="区平台令牌"
          extra="区平台下发给本中心的令牌。保存后不再完整显示，也不会写入日志或上传。"
          rules={[...(settings.tokenSet ? [] : [{ required: true, whitespace: true, message: '请填写区平台令牌' }]), zodRule(tokenField)]}
        >
          <Input.Password
            placeholder={settings.tokenSet ? '输入新令牌；留空则保留原令牌' : '粘贴区平台下发的令牌'}
            autoComplete="new-password"
            spellCheck={false}
          />
        </Form.Item>
      ) : (
        <Form.Item label="区平台令牌" extra="令牌已加密保存，只显示首尾几位。">
          <Space>
            <Typography.Text data-testid="token-masked">已设置：{settings.tokenMasked}</Typography.Text>
            <Button onClick={() => setChangingToken(true)}>更换</Button>
          </Space>
        </Form.Item>
      )}
      {changingToken && settings.tokenSet ? (
        <Button
          type="link"
          style={{ marginTop: -16, marginBottom: 8, paddingInline: 0 }}
          onClick={() => (form.setFieldValue('token', ''), setChangingToken(false))}
        >
          不更换，保留原令牌
        </Button>
      ) : null}

      <Form.Item
        label="每晚上传时段"
        extra="每晚在这个时段内随机选一个时刻自动上传，避免全区各中心同时上传；可跨午夜，例如 23:00 至 05:00。电脑在时段内关机的，下次开机后几分钟内补传。"
      >
        <Space align="start">
          <Form.Item name="windowStart" noStyle rules={[{ required: true, message: '请选择开始时间' }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} aria-label="开始时间" />
          </Form.Item>
          <Typography.Text style={{ lineHeight: '32px' }}>至</Typography.Text>
          <Form.Item
            name="windowEnd"
            noStyle
            dependencies={['windowStart']}
            rules={[
              { required: true, message: '请选择结束时间' },
              ({ getFieldValue }) => ({
                validator: async (_r, v: Dayjs | undefined) => {
                  const start = getFieldValue('windowStart') as Dayjs | undefined;
                  if (v && start && v.format('HH:mm') === start.format('HH:mm')) throw new Error('结束时间不能与开始时间相同');
                },
              }),
            ]}
          >
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} aria-label="结束时间" />
          </Form.Item>
        </Space>
      </Form.Item>

      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存设置
        </Button>
        <Button loading={testing.isPending} onClick={() => void runTest()}>
          测试连接
        </Button>
      </Space>
      {test ? (
        <Alert
          data-testid="connection-result"
          style={{ marginTop: 16 }}
          type={test.ok ? 'success' : 'error'}
          showIcon
          title={test.ok ? '连接成功' : '连接失败'}
          description={test.message}
        />
      ) : null}
    </Form>
  );
}
