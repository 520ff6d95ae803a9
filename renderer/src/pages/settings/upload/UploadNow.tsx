/** 立即上传: start a run now and follow its progress (also one the scheduler or the CLI started). */
import { CloudUploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApiMutation } from '../../../components/useApiMutation';
import { apiQueryKey, useApiQuery } from '../../../components/useApiQuery';

export function UploadNow({ configured }: { configured: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [started, setStarted] = useState(false);
  const progress = useApiQuery('upload.progress', undefined, {
    // Every second while an upload runs; now and then otherwise, to notice one the scheduler started.
    refetchInterval: (q) => (q.state.data?.running || q.state.data?.elsewhere ? 1000 : 15_000),
  });
  const p = progress.data;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (!p) return;
    // A run started or ended (here or by the scheduler): the status below shows what it did.
    const now = `${String(p.running)}|${p.last?.runId ?? ''}`;
    if (seen.current !== null && seen.current !== now) void queryClient.invalidateQueries({ queryKey: ['upload.status'] });
    seen.current = now;
  }, [p, queryClient]);

  const run = useApiMutation('upload.runNow', {
    onSuccess: async () => {
      setStarted(true);
      void message.info('已开始上传');
      await queryClient.invalidateQueries({ queryKey: apiQueryKey('upload.progress') });
      await queryClient.invalidateQueries({ queryKey: ['upload.status'] });
    },
  });

  const running = p?.running ?? false;
  return (
    <Card title="立即上传" size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">不必等到夜间，马上把待上传的记录发给区平台。上传在后台进行，可以离开本页。</Typography.Text>
        <Space>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={run.isPending}
            disabled={running || !configured}
            onClick={() => run.mutate(undefined)}
          >
            立即上传
          </Button>
          {!configured ? <Typography.Text type="warning">请先填写并保存区平台地址和令牌。</Typography.Text> : null}
        </Space>
        {p?.elsewhere ? <Alert type="info" showIcon title="另一个上传正在进行（命令行或其他电脑），完成后本页会更新。" /> : null}
        {running ? (
          <div data-testid="upload-progress">
            <Progress percent={p?.percent ?? 0} status="active" />
            <Typography.Text type="secondary">
              {p?.phase === 'reconcile'
                ? '正在与区平台核对数量…'
                : `已处理 ${p?.done ?? 0} / ${p?.total ?? 0} 条（区平台新收 ${p?.accepted ?? 0} 条，重复 ${p?.duplicates ?? 0} 条，被拒 ${p?.rejected ?? 0} 条）`}
            </Typography.Text>
          </div>
        ) : null}
        {!running && started && p?.last ? (
          <Alert
            data-testid="upload-result"
            type={p.last.result === 'ok' ? 'success' : p.last.result === 'partial' ? 'warning' : 'error'}
            showIcon
            title={p.last.result === 'ok' ? '上传完成' : p.last.result === 'partial' ? '上传未全部完成' : '上传失败'}
            // The message starts with the same words as the title.
            description={p.last.message.replace(/^(上传完成|上传未全部完成|上传失败)：?/, '')}
          />
        ) : null}
      </Space>
    </Card>
  );
}
