/**
 * 设置 › 数据与备份: free space of the data dir, the backups in backups/, and restoring one of them
 * (or an uploaded file) while the app runs. The running app owns its data dir, so this page — not
 * `cli restore` — is where a restore happens: the app checks the file, keeps the current database
 * in backups/, swaps, reopens, and everyone signs in again.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { MAX_UPLOAD_BYTES, type BackupView, type RestoreView } from '../../../../electron/common/api/data';
import { useAuth } from '../../auth/AuthProvider';
import { dateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { readBase64 } from '../../components/readBase64';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';

export const formatBytes = (n: number) =>
  n >= 1024 ** 3
    ? `${(n / 1024 ** 3).toFixed(1)} GB`
    : n >= 1024 ** 2
      ? `${(n / 1024 ** 2).toFixed(1)} MB`
      : `${Math.max(1, Math.round(n / 1024))} KB`;

const KIND: [RegExp, string][] = [
  [/^daily-/, '每日自动备份'],
  [/^pre-restore-/, '恢复前的数据库'],
  [/^pre-migrate-/, '升级前的数据库'],
  [/^uploaded-/, '上传的备份'],
];
const kindOf = (name: string) => KIND.find(([re]) => re.test(name))?.[1] ?? '手动备份';

export function DataPage() {
  const { modal, message } = App.useApp();
  const auth = useAuth();
  const status = useApiQuery('data.status');
  const backups = useApiQuery('data.backups');
  const restore = useApiMutation('data.restore', { showError: 'inline' });

  const done = async (r: RestoreView) => {
    await auth.signOut('expired');
    auth.setLoginHint({
      notice: {
        type: 'success',
        text: `已从备份“${r.restoredFrom}”恢复${r.safetyCopy ? `，恢复前的数据库已另存为“${r.safetyCopy}”` : ''}。请重新登录。`,
      },
    });
  };

  const confirmRestore = (what: string, run: () => Promise<RestoreView>) =>
    modal.confirm({
      title: '从备份恢复数据？',
      content: (
        <>
          <p>将用“{what}”替换当前数据库。替换前，当前数据库会另存到备份列表中，可以再恢复回来。</p>
          <p>恢复后所有人都需要重新登录；在备份之后登记或修改的内容将不在恢复后的数据中。</p>
        </>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        let r: RestoreView;
        try {
          r = await run();
        } catch {
          return; // shown on the page (ErrorAlert below): the dialog closes, the data is unchanged
        }
        await done(r);
      },
    });

  const columns: TableColumnsType<BackupView> = [
    { title: '备份文件', dataIndex: 'name', render: (name: string) => <Typography.Text copyable={false}>{name}</Typography.Text> },
    { title: '类型', key: 'kind', render: (_, b) => kindOf(b.name), width: 140 },
    { title: '时间', dataIndex: 'modifiedAt', render: (t: string) => dateTime(t), width: 170 },
    { title: '大小', dataIndex: 'bytes', render: (n: number) => formatBytes(n), width: 110, align: 'right' },
    {
      title: '操作',
      key: 'restore',
      width: 110,
      render: (_, b) => (
        <Button
          size="small"
          danger
          onClick={() => confirmRestore(b.name, () => restore.mutateAsync({ backup: b.name }))}
          aria-label={`从 ${b.name} 恢复`}
        >
          恢复
        </Button>
      ),
    },
  ];

  const s = status.data;
  return (
    <>
      <PageHeader title="数据与备份" subtitle="数据目录的磁盘空间、自动备份，以及在程序运行时从备份恢复。" />
      <ErrorAlert error={status.error ?? backups.error} title="数据信息加载失败" />
      {s?.diskFullAt ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="磁盘空间不足"
          description={`${dateTime(s.diskFullAt)} 有一次保存因磁盘已满而失败。请清理磁盘；在此之前只能查看，不能新增或修改。`}
        />
      ) : null}
      {s?.warning ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={s.warning} /> : null}
      <Card title="数据目录" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { width: 160 } }}
          items={[
            { key: 'dir', label: '位置', children: backups.data?.dataDir ?? '—' },
            { key: 'free', label: '可用空间', children: s ? `${formatBytes(s.freeBytes)}（共 ${formatBytes(s.totalBytes)}）` : '—' },
          ]}
        />
      </Card>
      <Card
        title="备份"
        size="small"
        extra={
          <Upload
            accept=".sqlite,.db"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > MAX_UPLOAD_BYTES) {
                void message.error(
                  `文件过大：上传恢复最多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。更大的备份请复制到数据目录的 backups 文件夹，再从列表中选择。`,
                );
                return Upload.LIST_IGNORE;
              }
              confirmRestore(file.name, async () =>
                restore.mutateAsync({ upload: { fileName: file.name, contentBase64: await readBase64(file) } }),
              );
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<CloudUploadOutlined />}>上传备份文件并恢复</Button>
          </Upload>
        }
      >
        <ErrorAlert error={restore.error} title="恢复失败，当前数据未被改动" />
        <Table<BackupView>
          scroll={{ x: 'max-content' }}
          rowKey="name"
          size="small"
          columns={columns}
          dataSource={backups.data?.backups ?? []}
          loading={backups.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有备份。程序每天自动备份一次（保留最近 14 天）。' }}
        />
      </Card>
    </>
  );
}
