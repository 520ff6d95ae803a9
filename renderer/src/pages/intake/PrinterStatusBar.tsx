/** The ticket printer's state at the counter: online / offline / 缺纸, with 测试打印 and 刷新. */
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Typography } from 'antd';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';

export const PRINTER_STATUS_REFRESH_MS = 60_000;

export function PrinterStatusBar() {
  const { message } = App.useApp();
  const status = useApiQuery('printers.status', {}, { refetchInterval: PRINTER_STATUS_REFRESH_MS, staleTime: 0 });
  const test = useApiMutation('printers.test', {
    invalidates: ['printers.status'],
    onSuccess: (r) => (r.printed ? void message.success('测试小票已打印') : void message.error(r.printError ?? '测试打印失败')),
  });
  const s = status.data;
  let tag = <Tag>检查中…</Tag>;
  if (s) {
    if (!s.id) tag = <Tag color="warning">未设置</Tag>;
    else if (!s.online) tag = <Tag color="error">离线</Tag>;
    else if (s.paper === 'out') tag = <Tag color="error">缺纸</Tag>;
    else if (s.paper === 'low') tag = <Tag color="warning">纸将用完</Tag>;
    else tag = <Tag color="success">在线</Tag>;
  }
  return (
    <Flex
      align="center"
      gap={12}
      wrap
      data-testid="printer-status"
      style={{ padding: '10px 16px', marginBottom: 16, border: '1px solid #e3e7ee', borderRadius: 4, background: '#fafbfc' }}
    >
      <PrinterOutlined style={{ fontSize: 18 }} />
      <span>小票打印机{s?.name ? `“${s.name}”` : ''}：</span>
      {tag}
      <Typography.Text type="secondary" style={{ flex: 1, minWidth: 200 }}>
        {status.isError ? '无法读取打印机状态' : (s?.message ?? '')}
      </Typography.Text>
      <Button icon={<ReloadOutlined />} loading={status.isFetching} onClick={() => void status.refetch()}>
        刷新
      </Button>
      <Button icon={<PrinterOutlined />} disabled={!s?.id} loading={test.isPending} onClick={() => test.mutate({})}>
        测试打印
      </Button>
    </Flex>
  );
}
