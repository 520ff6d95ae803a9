/**
 * 设置 › 区级上传 (administrators): where the district server is, the centre's token (entered
 * once, afterwards only shown masked), the night window, a connection test, 立即上传 with a
 * progress bar, and how the uploads went — the last run, what is still waiting, the check against
 * the district's counts, and the records the district refused, each with 重新上传.
 */
import { Card, Flex } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useApiQuery } from '../../../components/useApiQuery';
import { ConnectionForm } from './ConnectionForm';
import { UploadNow } from './UploadNow';
import { UploadStatus } from './UploadStatus';

export function UploadPage() {
  const settings = useApiQuery('upload.settings.get');
  const status = useApiQuery('upload.status');
  return (
    <>
      <PageHeader title="区级上传" subtitle="每晚把本中心的案件、当事人、调解记录等上传到区诉源治理平台。用户、密码和设置不会上传。" />
      <ErrorAlert error={settings.error} title="设置加载失败" />
      <Flex gap={16} align="flex-start" wrap>
        <Card title="连接设置" size="small" style={{ flex: '1 1 520px', minWidth: 0 }}>
          {settings.data ? (
            <ConnectionForm key={`${settings.data.serverUrl ?? ''}|${settings.data.tokenMasked ?? ''}`} settings={settings.data} />
          ) : null}
        </Card>
        <div style={{ flex: '2 1 640px', minWidth: 0 }}>
          <UploadNow configured={status.data?.configured ?? false} />
          <UploadStatus />
        </div>
      </Flex>
    </>
  );
}
