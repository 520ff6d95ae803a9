/**
 * 终端配对: a browser on the centre's LAN that is not yet a workstation. It names the host, takes
 * the one-time 配对码 the administrator created in 终端管理, and explains how to check that this
 * really is the centre host (its certificate's SHA-256 fingerprint, read on the host by the admin).
 * After pairing the host has set this browser's device cookie; the kind of device decides what the
 * window shows next (see DeviceGate).
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { DEVICE_KIND_LABELS, PAIRING_CODE_MINUTES } from '../../../electron/common/api/devices';
import { restartEvents } from '../api/events';
import { EntryFrame } from '../components/EntryFrame';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiMutation } from '../components/useApiMutation';
import { apiQueryKey } from '../components/useApiQuery';

export function PairingPage({
  centreName,
  refusal,
  onPaired,
}: {
  centreName: string | null;
  refusal?: string | null;
  onPaired?: () => void;
}) {
  const [form] = Form.useForm<{ code: string }>();
  const queryClient = useQueryClient();
  const pair = useApiMutation('devices.pair', {
    form,
    showError: 'inline',
    success: (r) => `已配对为${DEVICE_KIND_LABELS[r.device.kind]}“${r.device.name}”`,
    onSuccess: async () => {
      restartEvents();
      onPaired?.();
      // Everything read so far was read as an unpaired (or revoked) browser.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'devices.current' });
      await queryClient.resetQueries({ queryKey: apiQueryKey('devices.current') });
    },
  });
  const host = window.location.host;

  return (
    <EntryFrame subtitle={centreName ?? '中心网络'} width={620}>
      <h1 style={{ fontSize: 22, fontWeight: 600, margin: '0 0 8px' }}>终端配对</h1>
      {refusal ? (
        <Alert type="error" showIcon role="alert" data-testid="device-refusal" style={{ marginBottom: 16 }} title={refusal} />
      ) : null}
      <Typography.Paragraph type="secondary">
        {refusal ? '重新配对后即可继续使用。' : '本机尚未配对，不能使用中心主机上的数据。'}
        {`请向中心管理员索取配对码（在中心主机的“设置 › 终端管理”中生成，${PAIRING_CODE_MINUTES} 分钟内有效，只能使用一次）。`}
      </Typography.Paragraph>
      <Typography.Paragraph>
        中心主机：
        <Typography.Text strong data-testid="pairing-host">
          {host}
        </Typography.Text>
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(v) => pair.mutate({ code: v.code.trim() })}
        aria-label="终端配对"
      >
        <ErrorAlert error={pair.error} />
        <Form.Item name="code" label="配对码" rules={[{ required: true, whitespace: true, message: '请填写配对码' }]}>
          <Input
            autoFocus
            autoComplete="off"
            maxLength={32}
            style={{ fontSize: 24, letterSpacing: 4, fontFamily: 'monospace' }}
            placeholder="管理员给您的配对码"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pair.isPending}>
          配对
        </Button>
      </Form>
      <Alert
        type="info"
        icon={<SafetyCertificateOutlined />}
        showIcon
        style={{ marginTop: 24 }}
        title="先确认这是本中心的主机"
        description={
          <ol style={{ paddingLeft: 20, margin: '8px 0 0' }}>
            <li>中心主机使用自己生成的证书，浏览器第一次打开时会提示“您的连接不是私密连接”。</li>
            <li>
              点地址栏左侧的“不安全”或锁形图标 › 证书 › 详细信息，找到 <strong>SHA-256 指纹</strong>。
            </li>
            <li>
              请管理员读出中心主机上显示的指纹（主机启动时打印的第二行，以 <Typography.Text code>SHA256:</Typography.Text>{' '}
              开头），逐组核对，完全一致才能继续；不一致请不要输入配对码，并告知管理员。
            </li>
            <li>核对无误后，可在浏览器中信任该证书（或由管理员把证书导入本机的受信任根证书），以后不再提示。</li>
          </ol>
        }
      />
    </EntryFrame>
  );
}
