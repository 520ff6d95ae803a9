/** Mediators on the case; assigning one from the roster (active only; recusal is checked by the app). */
import { Button, Card, Form, Modal, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { MEDIATOR_KIND_LABELS } from '../../../../electron/common/api/mediators';
import { categoryLabel } from '../../../../electron/common/domain/categories';
import { useApiQuery } from '../../components/useApiQuery';
import { useCaseMutation } from './useCaseMutation';

export function MediatorsCard({ detail, editable }: { detail: CaseDetail; editable: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ mediatorId: string; role: 'lead' | 'assistant'; chosenBy: 'parties' | 'assigned' }>();
  const [specialtyOnly, setSpecialtyOnly] = useState(true);
  const roster = useApiQuery(
    'mediators.list',
    { status: 'active', ...(specialtyOnly ? { specialty: detail.category as never } : {}) },
    { enabled: open },
  );
  const assign = useCaseMutation('cases.assignMediator', detail.id, { form, success: '已指派', onDone: () => setOpen(false) });
  const unassign = useCaseMutation('cases.unassignMediator', detail.id, { success: '已取消指派' });
  const assigned = new Set(detail.mediators.map((m) => m.id));

  return (
    <Card
      size="small"
      title="调解员"
      style={{ marginBottom: 16 }}
      extra={
        editable ? (
          <Button
            onClick={() => {
              form.resetFields();
              setOpen(true);
            }}
          >
            指派调解员
          </Button>
        ) : null
      }
    >
      {detail.mediators.length === 0 ? <Typography.Text type="secondary">尚未指派调解员</Typography.Text> : null}
      <Space wrap data-testid="case-mediators">
        {detail.mediators.map((m) => (
          <Tag key={m.id} color={m.role === 'lead' ? 'blue' : 'default'}>
            {m.name}（{MEDIATOR_KIND_LABELS[m.kind as keyof typeof MEDIATOR_KIND_LABELS] ?? m.kind}
            {m.role === 'assistant' ? '，协助' : ''}
            {m.chosenBy === 'parties' ? '，当事人选定' : ''}）
            {editable ? (
              <Popconfirm
                title={`取消指派 ${m.name}？`}
                okText="确定"
                cancelText="取消"
                onConfirm={() => unassign.mutateAsync({ id: detail.id, version: detail.version, mediatorId: m.id }).catch(() => undefined)}
              >
                <a style={{ marginLeft: 6 }}>×</a>
              </Popconfirm>
            ) : null}
          </Tag>
        ))}
      </Space>
      <Modal
        open={open}
        title="指派调解员"
        okText="指派"
        cancelText="取消"
        confirmLoading={assign.isPending}
        onOk={() =>
          form
            .validateFields()
            .then((v) => assign.mutate({ id: detail.id, version: detail.version, ...v }))
            .catch(() => undefined)
        }
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} name="assign" layout="vertical" initialValues={{ role: 'lead', chosenBy: 'assigned' }}>
          <Radio.Group value={specialtyOnly} onChange={(e) => setSpecialtyOnly(e.target.value as boolean)} style={{ marginBottom: 12 }}>
            <Radio value={true}>只看擅长“{categoryLabel(detail.category)}”的</Radio>
            <Radio value={false}>全部在册调解员</Radio>
          </Radio.Group>
          <Form.Item name="mediatorId" label="调解员" rules={[{ required: true, message: '请选择调解员' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={roster.isLoading}
              notFoundContent={
                roster.isLoading
                  ? '加载中…'
                  : specialtyOnly
                    ? `名册中没有擅长“${categoryLabel(detail.category)}”的在册调解员，请选上方“全部在册调解员”`
                    : '名册中还没有在册调解员：请管理员在“调解员名册”中添加，或在“设置 › 用户管理”中新增调解员账号（会自动列入名册）'
              }
              options={(roster.data ?? [])
                .filter((m) => !assigned.has(m.id))
                .map((m) => ({
                  value: m.id,
                  label: `${m.name}（${m.organisation || MEDIATOR_KIND_LABELS[m.kind]}，在办 ${m.openCases} 件）`,
                }))}
            />
          </Form.Item>
          <Form.Item name="role" label="分工">
            <Radio.Group
              options={[
                { value: 'lead', label: '主持调解' },
                { value: 'assistant', label: '协助调解' },
              ]}
            />
          </Form.Item>
          <Form.Item name="chosenBy" label="产生方式">
            <Radio.Group
              options={[
                { value: 'parties', label: '当事人选定' },
                { value: 'assigned', label: '指派' },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
