/**
 * 窗口登记 › 打印机设置 (administrators): this machine's ticket printers — a network printer
 * (host and port, usually 9100) or a system printer by name, its paper width, which one prints
 * the tickets, a test print and a status check.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import type { PrinterStatusView, PrinterView } from '../../../../electron/common/api/intake';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { callOp, useApiQuery } from '../../components/useApiQuery';
import { errorMessage } from '../../components/apiErrors';

interface Values {
  name: string;
  kind: 'tcp' | 'system';
  host?: string;
  port?: number;
  systemName?: string;
  width: 58 | 80;
  ticket: boolean;
}

function toValues(p: PrinterView): Values {
  if (p.uri.startsWith('printer:'))
    return { name: p.name, kind: 'system', systemName: p.uri.slice('printer:'.length), width: p.width, ticket: p.ticket };
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:]+):(\d+)$/.exec(p.uri);
  return {
    name: p.name,
    kind: 'tcp',
    host: m?.[1]?.replace(/^\[|\]$/g, '') ?? '',
    port: Number(m?.[2] ?? 9100),
    width: p.width,
    ticket: p.ticket,
  };
}

function address(v: Values): string {
  if (v.kind === 'system') return `printer:${v.systemName ?? ''}`;
  const host = (v.host ?? '').trim();
  return `tcp://${host.includes(':') ? `[${host}]` : host}:${v.port ?? 9100}`;
}

function StatusCell({ id }: { id: string }) {
  const [status, setStatus] = useState<PrinterStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await callOp('printers.status', { id }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  let tag = null;
  if (status)
    tag = !status.online ? (
      <Tag color="error">离线</Tag>
    ) : status.paper === 'out' ? (
      <Tag color="error">缺纸</Tag>
    ) : status.paper === 'low' ? (
      <Tag color="warning">纸将用完</Tag>
    ) : (
      <Tag color="success">在线</Tag>
    );
  return (
    <Space direction="vertical" size={2}>
      <Space>
        {tag}
        <Button size="small" loading={busy} onClick={() => void check()}>
          检查状态
        </Button>
      </Space>
      {status ? <Typography.Text type="secondary">{status.message}</Typography.Text> : null}
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </Space>
  );
}

export function PrintersPage() {
  const { message } = App.useApp();
  const printers = useApiQuery('printers.list');
  const [editing, setEditing] = useState<PrinterView | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'tcp';
  const save = useApiMutation('printers.save', {
    form,
    rename: { address: 'host' },
    showError: 'inline',
    invalidates: ['printers.list', 'printers.status'],
    success: '已保存打印机',
    onSuccess: () => setEditing(null),
  });
  const remove = useApiMutation('printers.remove', { invalidates: ['printers.list', 'printers.status'], success: '已删除打印机' });
  const choose = useApiMutation('printers.setTicket', { invalidates: ['printers.list', 'printers.status'], success: '已设为小票打印机' });
  const test = useApiMutation('printers.test', {
    onSuccess: (r) => (r.printed ? void message.success('测试小票已打印') : void message.error(r.printError ?? '测试打印失败')),
  });

  const columns: TableColumnsType<PrinterView> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (n: string, p) => (
        <Space>
          {n}
          {p.ticket ? <Tag color="blue">小票打印机</Tag> : null}
        </Space>
      ),
    },
    { title: '地址', dataIndex: 'uri', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
    { title: '纸宽', dataIndex: 'width', width: 90, render: (w: number) => `${w} 毫米` },
    { title: '状态', key: 'status', width: 320, render: (_: unknown, p) => <StatusCell id={p.id} /> },
    {
      title: '操作',
      key: 'actions',
      width: 330,
      render: (_: unknown, p) => (
        <Space size={0} wrap>
          <Button type="link" loading={test.isPending && test.variables?.id === p.id} onClick={() => test.mutate({ id: p.id })}>
            测试打印
          </Button>
          {p.ticket ? null : (
            <Button type="link" onClick={() => choose.mutate({ id: p.id })}>
              设为小票打印机
            </Button>
          )}
          <Button type="link" onClick={() => setEditing(p)}>
            修改
          </Button>
          <Popconfirm
            title={`删除打印机“${p.name}”？`}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => remove.mutateAsync({ id: p.id }).catch(() => undefined)}
          >
            <Button type="link" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const open = editing !== null;
  return (
    <>
      <PageHeader
        title="打印机设置"
        subtitle="本机使用的小票打印机（每台电脑单独设置）。网络打印机一般使用 9100 端口。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            添加打印机
          </Button>
        }
      />
      <ErrorAlert error={printers.error} />
      <Table<PrinterView>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        columns={columns}
        dataSource={printers.data ?? []}
        loading={printers.isPending}
        pagination={false}
        locale={{ emptyText: '还没有添加打印机' }}
      />
      <Modal
        title={editing === 'new' ? '添加打印机' : '修改打印机'}
        open={open}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        okButtonProps={{ loading: save.isPending }}
        destroyOnHidden
        afterClose={() => save.reset()}
      >
        {open ? (
          <Form<Values>
            form={form}
            layout="vertical"
            clearOnDestroy
            aria-label="打印机"
            initialValues={
              editing === 'new' ? { kind: 'tcp', port: 9100, width: 80, ticket: (printers.data?.length ?? 0) === 0 } : toValues(editing)
            }
            onFinish={(v) =>
              save.mutate({
                ...(editing !== 'new' ? { id: editing.id } : {}),
                name: v.name,
                address: address(v),
                width: v.width,
                ticket: v.ticket,
              })
            }
          >
            <ErrorAlert error={save.error} />
            <Form.Item
              name="name"
              label="名称"
              rules={[{ required: true, whitespace: true, message: '请填写打印机名称' }]}
              extra="如：一号窗口小票机"
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="kind" label="连接方式">
              <Radio.Group
                options={[
                  { value: 'tcp', label: '网络打印机（IP 地址）' },
                  { value: 'system', label: '系统打印机（名称）' },
                ]}
              />
            </Form.Item>
            {kind === 'tcp' ? (
              <Space align="start">
                <Form.Item
                  name="host"
                  label="IP 地址或主机名"
                  rules={[{ required: true, whitespace: true, message: '请填写打印机的 IP 地址' }]}
                  style={{ width: 260 }}
                >
                  <Input placeholder="192.168.1.50" />
                </Form.Item>
                <Form.Item name="port" label="端口" rules={[{ required: true, message: '请填写端口' }]}>
                  <InputNumber min={1} max={65535} style={{ width: 120 }} />
                </Form.Item>
              </Space>
            ) : (
              <Form.Item
                name="systemName"
                label="系统打印机名称"
                rules={[{ required: true, whitespace: true, message: '请填写系统打印机名称' }]}
                extra="与操作系统“打印机和扫描仪”中显示的名称一致"
              >
                <Input placeholder="XP-80C" />
              </Form.Item>
            )}
            <Form.Item name="width" label="纸宽">
              <Radio.Group
                options={[
                  { value: 80, label: '80 毫米' },
                  { value: 58, label: '58 毫米' },
                ]}
              />
            </Form.Item>
            <Form.Item name="ticket" valuePropName="checked">
              <Checkbox>用作本机的小票打印机</Checkbox>
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
