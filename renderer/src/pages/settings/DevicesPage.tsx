/**
 * 设置 › 终端管理 (administrators): the centre's workstations. Create a one-time pairing code for a
 * kind of device and a name (shown large, with the minutes left), see every paired device (name,
 * kind, last seen, address, status), rename one, or revoke one (it is refused from its next call).
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  DEVICE_KIND_LABELS,
  DEVICE_KINDS,
  PAIRING_CODE_MINUTES,
  type DeviceKind,
  type DeviceRow,
  type PairingCode,
} from '../../../../electron/common/api/devices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';
import { dateTime, shortDateTime } from '../../components/dates';
import { clockTime } from '../../components/dates';

const kindOptions = DEVICE_KINDS.map((k) => ({ value: k, label: DEVICE_KIND_LABELS[k] }));
const KIND_HINTS: Record<DeviceKind, string> = {
  desk: '工作人员登录后按各自角色办理业务',
  kiosk: '只能自助登记、查询进度、补打小票，不能登录',
  display: '只显示叫号信息',
};

/** Seconds until `iso`, updated every second; 0 once it has passed. */
function useSecondsLeft(iso: string | null): number {
  // A clock that ticks while there is something to count down to; the seconds are derived from it.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [iso]);
  return iso ? Math.max(0, Math.ceil(dayjs(iso).diff(dayjs(now), 'millisecond') / 1000)) : 0;
}

function CodeCard({ code }: { code: PairingCode }) {
  const left = useSecondsLeft(code.expiresAt);
  const mmss = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
  return (
    <div data-testid="pairing-code-card" style={{ textAlign: 'center', padding: '8px 0' }}>
      <div>
        为{DEVICE_KIND_LABELS[code.kind]}“{code.name}”生成的配对码：
      </div>
      <div
        data-testid="pairing-code"
        style={{
          fontSize: 56,
          fontWeight: 700,
          fontFamily: 'monospace',
          letterSpacing: 8,
          color: left > 0 ? '#1f5fa8' : '#999',
          margin: '8px 0',
        }}
      >
        {code.code}
      </div>
      {left > 0 ? (
        <Typography.Text data-testid="pairing-countdown">
          剩余 <strong>{mmss}</strong>（{clockTime(code.expiresAt)} 前有效，只能使用一次）
        </Typography.Text>
      ) : (
        <Typography.Text type="danger" data-testid="pairing-countdown">
          已过期，请重新生成
        </Typography.Text>
      )}
    </div>
  );
}

function RenameModal({ device, onClose }: { device: DeviceRow | null; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const rename = useApiMutation('devices.rename', {
    form,
    showError: 'inline',
    invalidates: ['devices.list'],
    success: '已改名',
    onSuccess: onClose,
  });
  return (
    <Modal
      title="终端改名"
      open={device !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: rename.isPending }}
      destroyOnHidden
      afterClose={() => rename.reset()}
    >
      {device ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ name: device.name }}
          clearOnDestroy
          onFinish={(v) => rename.mutate({ id: device.id, name: v.name })}
        >
          <ErrorAlert error={rename.error} />
          <Form.Item
            name="name"
            label="终端名称"
            rules={[
              { required: true, whitespace: true, message: '请填写终端名称' },
              { max: 40, message: '不能超过 40 个字' },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

export function DevicesPage() {
  const devices = useApiQuery('devices.list', undefined, { staleTime: 0 });
  const current = useApiQuery('devices.current', undefined);
  const host = current.data?.host ?? null;
  const [form] = Form.useForm<{ kind: DeviceKind; name: string }>();
  const [code, setCode] = useState<PairingCode | null>(null);
  const [renaming, setRenaming] = useState<DeviceRow | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'desk';
  const create = useApiMutation('devices.createPairingCode', { form, showError: 'inline', onSuccess: (c) => setCode(c) });
  const revoke = useApiMutation('devices.revoke', { invalidates: ['devices.list'], success: (d) => `已吊销“${d.name}”` });

  const columns: TableColumnsType<DeviceRow> = [
    { title: '名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kind', width: 120, render: (k: DeviceKind) => DEVICE_KIND_LABELS[k] },
    { title: '配对时间', dataIndex: 'pairedAt', width: 150, render: dateTime },
    { title: '最近在线', dataIndex: 'lastSeenAt', width: 150, render: dateTime },
    { title: '地址', dataIndex: 'lastAddress', width: 150, render: (a: string | null) => a ?? '—' },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_: unknown, d) =>
        d.revokedAt ? <Tag color="error">已吊销 {shortDateTime(d.revokedAt)}</Tag> : <Tag color="success">正常</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_: unknown, d) => (
        <Space size={4}>
          <Button type="link" onClick={() => setRenaming(d)}>
            改名
          </Button>
          {d.revokedAt ? null : (
            <Popconfirm
              title={`吊销终端“${d.name}”？`}
              description="吊销后该终端立即不能再使用，需用新的配对码重新配对。"
              okText="吊销"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => revoke.mutateAsync({ id: d.id }).catch(() => undefined)}
            >
              <Button type="link" danger loading={revoke.isPending && revoke.variables?.id === d.id}>
                吊销
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
        title="终端管理"
        subtitle="本中心的工作台、自助登记机和叫号显示屏。新终端须用管理员生成的配对码配对后才能使用中心主机的数据。"
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Card size="small" title="添加终端">
            <Form form={form} layout="vertical" initialValues={{ kind: 'desk' }} onFinish={(v) => create.mutate(v)} aria-label="生成配对码">
              <ErrorAlert error={create.error} />
              <Form.Item name="kind" label="终端类型" extra={KIND_HINTS[kind]} rules={[{ required: true, message: '请选择终端类型' }]}>
                <Select options={kindOptions} />
              </Form.Item>
              <Form.Item
                name="name"
                label="终端名称"
                rules={[
                  { required: true, whitespace: true, message: '请填写终端名称' },
                  { max: 40, message: '不能超过 40 个字' },
                ]}
              >
                <Input maxLength={40} placeholder="如：1号调解室、大厅自助机" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                生成配对码
              </Button>
            </Form>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="配对码" style={{ height: '100%' }}>
            {code ? (
              <CodeCard code={code} />
            ) : (
              <Typography.Paragraph type="secondary">
                生成后在这里显示。配对码 {PAIRING_CODE_MINUTES} 分钟内有效，只能使用一次。
              </Typography.Paragraph>
            )}
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title="在新终端上怎样配对"
              description={
                host ? (
                  <div data-testid="host-address">
                    <div>
                      在该机的浏览器中打开 <Typography.Text copyable>{host.url}</Typography.Text>
                      ，浏览器提示证书不受信任时，查看证书的 SHA-256 指纹，与下面一行逐组核对一致后再继续，然后输入配对码。 桌面程序：先运行
                      mediation-desk --cli machine --connect 主机地址 --fingerprint 加下面的指纹。
                    </div>
                    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                      SHA256: {host.fingerprint}
                    </Typography.Text>
                  </div>
                ) : (
                  '本机未作为中心主机在局域网上提供服务：请在主机上运行 npm run serve -- --lan（或 mediation-desk --cli serve --lan），再在终端上打开它显示的地址。'
                )
              }
            />
          </Card>
        </Col>
      </Row>
      <ErrorAlert error={devices.error} />
      <Table<DeviceRow>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        columns={columns}
        dataSource={devices.data ?? []}
        loading={devices.isPending}
        pagination={false}
        locale={{ emptyText: '还没有配对的终端' }}
        aria-label="终端列表"
      />
      <RenameModal device={renaming} onClose={() => setRenaming(null)} />
    </>
  );
}
