/**
 * 文书 on the case page: which documents the case can have (and why not), a preview of the print
 * view, printing (the document is registered first: unchanged content reprints the registered
 * version, changed content makes a new one), the Word file, and the case's document register with
 * prints and the signed copies received back.
 *
 * The agreed terms and the undisputed facts are edited in their own cards above (OutcomeCard);
 * once saved, the case's new version refreshes this panel, so the preview shows the change.
 */
import { App, Button, Checkbox, Flex, Modal, Skeleton, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DocumentEntry, DocumentOption, GeneratedDocument } from '../../../../electron/common/api/documents';
import { useUser } from '../../auth/AuthProvider';
import { errorMessage } from '../../components/apiErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiMutation } from '../../components/useApiMutation';
import { callOp, useApiQuery } from '../../components/useApiQuery';
import type { CasePanelProps } from '../cases/panelTypes';
import { DOCX_MIME, downloadBase64, printHtml } from './printing';

const REFRESH = ['documents.list', 'documents.types'] as const;

const optionKey = (o: Pick<DocumentOption, 'type' | 'subjectId'>) => `${o.type}:${o.subjectId ?? ''}`;
const when = (s: string | null) => (s ? s.replace('T', ' ').slice(0, 16) : '');

interface PreviewState {
  option: DocumentOption;
  html: string;
}

export function DocumentsPanel({ detail, onChanged }: CasePanelProps) {
  const user = useUser();
  // Documents print the case in full: only for those who may read it in full and change it (common/access.ts).
  const mayAct = user.role !== 'intake' && detail.permissions.canEdit && detail.permissions.canReadFull;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const types = useApiQuery('documents.types', { caseId: detail.id }, { enabled: mayAct });
  const register = useApiQuery('documents.list', { caseId: detail.id });
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const markSigned = useApiMutation('documents.markSigned', { invalidates: REFRESH, onSuccess: () => onChanged() });

  // A saved change to the case (terms, facts, parties, …) may change every document.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['documents.types'] });
    void queryClient.invalidateQueries({ queryKey: ['documents.list'] });
  }, [detail.version, queryClient]);

  const refresh = async () => {
    await Promise.all(REFRESH.map((op) => queryClient.invalidateQueries({ queryKey: [op] })));
    onChanged();
  };

  /** Run one action with its button spinning; errors become a message. */
  const run = async (key: string, fn: () => Promise<void>) => {
    setBusy(key);
    try {
      await fn();
    } catch (e) {
      void message.error(e instanceof Error && !('code' in e) ? e.message : errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  /** Print a registered version, then record that it was printed. */
  const printEntry = async (d: Pick<DocumentEntry, 'id' | 'title' | 'docVersion'>, created?: boolean) => {
    const { html } = await callOp('documents.html', { id: d.id });
    const result = await printHtml(html);
    if (result === 'cancelled') {
      void message.info('已取消打印');
      await refresh();
      return;
    }
    await callOp('documents.markPrinted', { id: d.id });
    void message.success(`已打印：${d.title} 第${d.docVersion}版${created ? '（内容有变化，已登记为新版本）' : ''}`);
    await refresh();
  };

  const generate = (o: DocumentOption): Promise<GeneratedDocument> =>
    callOp('documents.generate', { caseId: detail.id, type: o.type, subjectId: o.subjectId });

  const printOption = (o: DocumentOption) =>
    run(`print:${optionKey(o)}`, async () => {
      const d = await generate(o);
      await printEntry(d, d.created && d.docVersion > 1);
    });

  const downloadEntry = async (id: string) => {
    const { base64, fileName } = await callOp('documents.docx', { id });
    downloadBase64(base64, fileName, DOCX_MIME);
  };

  const downloadOption = (o: DocumentOption) =>
    run(`docx:${optionKey(o)}`, async () => {
      const d = await generate(o);
      await downloadEntry(d.id);
      await refresh();
    });

  const openPreview = (o: DocumentOption) =>
    run(`preview:${optionKey(o)}`, async () => {
      const p = await callOp('documents.preview', { caseId: detail.id, type: o.type, subjectId: o.subjectId });
      if (!p.fits) {
        void message.warning(p.reason ?? '该文书不适用于本案');
        return;
      }
      setPreview({ option: o, html: p.html });
    });

  const optionColumns: TableColumnsType<DocumentOption> = [
    {
      title: '文书',
      key: 'title',
      width: 210,
      render: (_: unknown, o) => (
        <span>
          {o.title}
          {o.subjectLabel ? <Typography.Text type="secondary">　{o.subjectLabel}</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: '适用',
      key: 'fits',
      render: (_: unknown, o) =>
        o.fits ? (
          <Tag color="success">可制作</Tag>
        ) : (
          <Space size={4} align="start">
            <Tag>不适用</Tag>
            <Typography.Text type="secondary" data-testid="doc-reason">
              {o.reason}
            </Typography.Text>
          </Space>
        ),
    },
    { title: '已登记', dataIndex: 'latestVersion', width: 72, render: (v: number | null) => (v ? `第${v}版` : '—') },
    {
      title: '操作',
      key: 'op',
      width: 200,
      render: (_: unknown, o) =>
        o.fits ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              loading={busy === `preview:${optionKey(o)}`}
              disabled={busy !== null}
              onClick={() => void openPreview(o)}
            >
              预览
            </Button>
            <Button
              type="link"
              size="small"
              loading={busy === `print:${optionKey(o)}`}
              disabled={busy !== null}
              onClick={() => void printOption(o)}
            >
              打印
            </Button>
            <Button
              type="link"
              size="small"
              loading={busy === `docx:${optionKey(o)}`}
              disabled={busy !== null}
              onClick={() => void downloadOption(o)}
            >
              下载 Word
            </Button>
          </Space>
        ) : null,
    },
  ];

  const entryColumns: TableColumnsType<DocumentEntry> = [
    {
      title: '文书',
      key: 'title',
      render: (_: unknown, d) => (
        <span>
          {d.title}
          {d.subjectLabel ? <Typography.Text type="secondary">　{d.subjectLabel}</Typography.Text> : null}
          {d.latest ? null : (
            <Tag style={{ marginLeft: 6 }} color="default">
              已有新版本
            </Tag>
          )}
        </span>
      ),
    },
    { title: '版本', dataIndex: 'docVersion', width: 64, render: (v: number) => `第${v}版` },
    {
      title: '制作',
      key: 'generated',
      width: 140,
      render: (_: unknown, d) => (
        <span>
          {d.generatedBy}
          <br />
          <Typography.Text type="secondary">{when(d.generatedAt)}</Typography.Text>
        </span>
      ),
    },
    {
      title: '内容摘要',
      dataIndex: 'contentHash',
      width: 104,
      render: (h: string) => (
        <Tooltip title={`SHA-256：${h}`}>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {h.slice(0, 8)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: '打印',
      key: 'printed',
      width: 130,
      render: (_: unknown, d) =>
        d.printCount > 0 ? (
          <span data-testid="doc-printed">
            <Tag color="blue">已打印 {d.printCount} 次</Tag>
            <br />
            <Typography.Text type="secondary">{when(d.printedAt)}</Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">未打印</Typography.Text>
        ),
    },
    {
      title: '签字件',
      key: 'signed',
      width: 130,
      render: (_: unknown, d) => (
        <Tooltip title={d.signedCopyAt ? `收回于 ${when(d.signedCopyAt)}` : '当事人签字（按指印）、盖章后的文书已收回归档时勾选'}>
          <Checkbox
            checked={d.signedCopyAt !== null}
            disabled={!mayAct || (markSigned.isPending && markSigned.variables?.id === d.id)}
            onChange={(e) => markSigned.mutate({ id: d.id, received: e.target.checked })}
          >
            已收回签字件
          </Checkbox>
        </Tooltip>
      ),
    },
    ...(mayAct
      ? [
          {
            title: '操作',
            key: 'op',
            width: 110,
            render: (_: unknown, d: DocumentEntry) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  loading={busy === `reprint:${d.id}`}
                  disabled={busy !== null}
                  onClick={() => void run(`reprint:${d.id}`, () => printEntry(d))}
                >
                  打印
                </Button>
                <Button
                  type="link"
                  size="small"
                  loading={busy === `file:${d.id}`}
                  disabled={busy !== null}
                  onClick={() => void run(`file:${d.id}`, () => downloadEntry(d.id))}
                >
                  Word
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="documents-panel">
      {mayAct ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            协议内容、无争议事实请在上方卡片中修改并保存，预览即显示修改后的内容；内容有变化时，打印会登记为新版本，原有版本保留不变。
          </Typography.Paragraph>
          {types.error ? <ErrorAlert error={types.error} title="文书列表加载失败" /> : null}
          {types.isPending ? (
            <Skeleton active />
          ) : (
            <Table<DocumentOption>
              scroll={{ x: 'max-content' }}
              rowKey={optionKey}
              size="small"
              columns={optionColumns}
              dataSource={types.data ?? []}
              pagination={false}
              aria-label="可制作的文书"
              data-testid="document-types"
            />
          )}
        </>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        文书登记
      </Typography.Title>
      {register.error ? <ErrorAlert error={register.error} title="文书登记加载失败" /> : null}
      <Table<DocumentEntry>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        columns={entryColumns}
        dataSource={register.data ?? []}
        loading={register.isPending}
        pagination={false}
        locale={{ emptyText: '尚未制作文书' }}
        aria-label="文书登记"
        data-testid="document-register"
      />
      <Modal
        title={preview ? `预览：${preview.option.title}${preview.option.subjectLabel ? `（${preview.option.subjectLabel}）` : ''}` : ''}
        open={preview !== null}
        width={920}
        onCancel={() => setPreview(null)}
        destroyOnHidden
        footer={
          preview ? (
            <Flex justify="space-between" align="center">
              <Typography.Text type="secondary">预览为当前案件内容，尚未登记；打印时登记。</Typography.Text>
              <Space>
                <Button onClick={() => setPreview(null)}>关闭</Button>
                <Button
                  loading={busy === `docx:${optionKey(preview.option)}`}
                  disabled={busy !== null}
                  onClick={() => void downloadOption(preview.option)}
                >
                  下载 Word
                </Button>
                <Button
                  type="primary"
                  loading={busy === `print:${optionKey(preview.option)}`}
                  disabled={busy !== null}
                  onClick={() => void printOption(preview.option).then(() => setPreview(null))}
                >
                  打印
                </Button>
              </Space>
            </Flex>
          ) : null
        }
      >
        {preview ? (
          <iframe
            title="文书预览"
            data-testid="document-preview"
            // No scripts, a unique origin: the document is shown, nothing in it can act.
            sandbox=""
            srcDoc={preview.html}
            style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9', background: '#e6e6e6' }}
          />
        ) : null}
      </Modal>
    </div>
  );
}
