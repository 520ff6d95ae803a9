/** The dispute itself: what, where from, when due; editing its fields and its deadline. */
import { Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import type { CaseDetail, caseFieldsPatch } from '../../../../electron/common/api/cases';
import { categoryLabel } from '../../../../electron/common/domain/categories';
import { isOpen, STORED_OUTCOME_LABELS } from '../../../../electron/common/domain/lifecycle';
import { formatYuan } from '../../../../electron/common/domain/money';
import { sourceLabel } from '../../../../electron/common/domain/sources';
import { tierLabel } from '../../../../electron/common/domain/tiers';
import { categoryOptions } from './labels';
import { DeadlineTag } from './StatusTag';
import { useCaseMutation } from './useCaseMutation';
import { usePinnedVersion } from './usePinnedVersion';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../../components/textLimit';

const LIMIT = {
  title: textLimit('纠纷简述', TEXT_LIMITS.title),
  summary: textLimit('事实经过', TEXT_LIMITS.longText),
  claims: textLimit('争议事项', TEXT_LIMITS.mediumText),
};

const time = (t: string | null) => (t ? t.replace('T', ' ').slice(0, 16) : '—');

export function CaseInfoCard({ detail, editable }: { detail: CaseDetail; editable: boolean }) {
  const [editForm] = Form.useForm();
  const [deadlineForm] = Form.useForm<{ deadline: Dayjs; reason: string }>();
  const [dialog, setDialog] = useState<'edit' | 'deadline' | null>(null);
  const version = usePinnedVersion(detail.version);
  const close = () => {
    version.release();
    setDialog(null);
  };
  const update = useCaseMutation('cases.update', detail.id, { form: editForm, success: '已保存', onDone: close });
  const deadline = useCaseMutation('cases.setDeadline', detail.id, { form: deadlineForm, success: '已调整期限', onDone: close });
  const r = detail.reporter;

  return (
    <Card
      size="small"
      title="纠纷情况"
      style={{ marginBottom: 16 }}
      extra={
        editable ? (
          <Space>
            <Button
              data-testid="edit-case"
              onClick={() => {
                editForm.setFieldsValue({ title: detail.title, category: detail.category, summary: detail.summary, claims: detail.claims });
                version.pin();
                setDialog('edit');
              }}
            >
              修改
            </Button>
            {isOpen(detail.status) ? (
              <Button
                onClick={() => {
                  deadlineForm.setFieldsValue({ deadline: detail.deadline ? dayjs(detail.deadline) : dayjs().add(30, 'day'), reason: '' });
                  version.pin();
                  setDialog('deadline');
                }}
              >
                调整期限
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'cat', label: '类别', children: categoryLabel(detail.category) },
          { key: 'src', label: '来源', children: sourceLabel(detail.source) },
          {
            key: 'tier',
            label: '层级',
            children:
              detail.tier === detail.originTier
                ? tierLabel(detail.tier)
                : `${tierLabel(detail.tier)}（由${tierLabel(detail.originTier)}上报）`,
          },
          { key: 'reg', label: '登记时间', children: time(detail.registeredAt) },
          { key: 'acc', label: '受理时间', children: time(detail.acceptedAt) },
          { key: 'dl', label: '化解期限', children: <DeadlineTag row={detail} /> },
          { key: 'amt', label: '涉及金额', children: detail.amountFen !== null ? `${formatYuan(detail.amountFen)} 元` : '—' },
          {
            key: 'out',
            label: '结果',
            children: detail.outcome
              ? `${STORED_OUTCOME_LABELS[detail.outcome]}${detail.outcomeNote ? `（${detail.outcomeNote}）` : ''}`
              : '—',
          },
          { key: 'closed', label: '结案时间', children: time(detail.closedAt) },
          ...(r && (r.name || r.grid || r.reference)
            ? [{ key: 'rep', label: '上报信息', span: 3, children: [r.name, r.grid, r.reference].filter(Boolean).join('，') }]
            : []),
          ...(detail.rejectReason ? [{ key: 'rej', label: '不予受理理由', span: 3, children: detail.rejectReason }] : []),
          ...(detail.transferredTo ? [{ key: 'tr', label: '移交单位', span: 3, children: detail.transferredTo }] : []),
        ]}
      />
      <Typography.Title level={5}>事实经过</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="case-summary">
        {detail.summary || '—'}
      </Typography.Paragraph>
      <Typography.Title level={5}>争议事项</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.claims || '—'}</Typography.Paragraph>

      <Modal
        open={dialog === 'edit'}
        width={760}
        title="修改纠纷情况"
        okText="保存"
        cancelText="取消"
        confirmLoading={update.isPending}
        onCancel={close}
        destroyOnHidden
        onOk={() =>
          editForm
            .validateFields()
            .then((v: z.input<typeof caseFieldsPatch>) => update.mutate({ id: detail.id, version: version.get(), patch: v }))
            .catch(() => undefined)
        }
      >
        <Form form={editForm} name="case-edit" layout="vertical">
          <Form.Item
            name="title"
            label="纠纷简述"
            rules={[{ required: true, whitespace: true, message: '请填写纠纷简述' }, LIMIT.title.rule]}
          >
            <Input count={LIMIT.title.count} />
          </Form.Item>
          <Form.Item name="category" label="类别">
            <Select options={categoryOptions} />
          </Form.Item>
          <Form.Item name="summary" label="事实经过" rules={[LIMIT.summary.rule]}>
            <Input.TextArea rows={5} count={LIMIT.summary.count} />
          </Form.Item>
          <Form.Item name="claims" label="争议事项" rules={[LIMIT.claims.rule]}>
            <Input.TextArea rows={3} count={LIMIT.claims.count} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'deadline'}
        title="调整化解期限"
        okText="保存"
        cancelText="取消"
        confirmLoading={deadline.isPending}
        onCancel={close}
        destroyOnHidden
        onOk={() =>
          deadlineForm
            .validateFields()
            .then((v) =>
              deadline.mutate({ id: detail.id, version: version.get(), deadline: v.deadline.format('YYYY-MM-DD'), reason: v.reason }),
            )
            .catch(() => undefined)
        }
      >
        <Form form={deadlineForm} name="deadline" layout="vertical">
          <Form.Item name="deadline" label="新的期限" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, message: '请填写调整理由' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
