/** The case's parties with their full details (the case page is where ID numbers show in full). */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Modal, Popconfirm, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PARTY_ROLE_LABELS, type CaseDetail, type PartyView } from '../../../../electron/common/api/cases';
import { idTypeLabel } from '../../../../electron/common/domain/identity';
import { useDraft } from '../../components/useDraft';
import { PartyFields } from '../../components/parties/PartyFields';
import { toPartyInput, type PartyFormValues } from '../../components/parties/partyFormValues';
import { useCaseMutation } from './useCaseMutation';

const SEX = { male: '男', female: '女' } as const;

/**
 * The dialog's form is one party, from its root; the server names the party's fields under the
 * input ('party.phone') or, for what only the service checks, as the case's first new party
 * ('parties.0.idNumber').
 */
const partyField = (path: string) => path.replace(/^(party|parties\.\d+)\./, '');

export function PartiesCard({ detail, editable }: { detail: CaseDetail; editable: boolean }) {
  const [form] = Form.useForm<PartyFormValues>();
  const [editing, setEditing] = useState<PartyView | 'new' | null>(null);
  const close = () => setEditing(null);
  // What is being typed survives a lost connection until the host has the party.
  const draft = useDraft(editing === null ? null : `party:${detail.id}:${editing === 'new' ? 'new' : editing.id}`, form);
  const saved = () => {
    draft.clear();
    close();
  };
  const discard = () => {
    draft.clear();
    close();
  };
  const add = useCaseMutation('parties.add', detail.id, { form, rename: partyField, success: '已添加当事人', onDone: saved });
  const update = useCaseMutation('parties.update', detail.id, { form, rename: partyField, success: '已保存', onDone: saved });
  const remove = useCaseMutation('parties.remove', detail.id, { success: '已删除' });
  const byId = new Map(detail.parties.map((p) => [p.id, p]));
  const targets = detail.parties.filter((p) => p.role !== 'agent').map((p) => ({ value: p.id, label: p.name }));

  const save = async () => {
    const values = await form.validateFields();
    const party = toPartyInput(values);
    if (editing === 'new') add.mutate({ id: detail.id, version: detail.version, party });
    else if (editing) update.mutate({ caseId: detail.id, partyId: editing.id, partyVersion: editing.version, party });
  };

  return (
    <Card
      size="small"
      title={`当事人（${detail.parties.length}）`}
      extra={
        editable ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ role: 'respondent', kind: 'person', idType: 'resident_id' });
              setEditing('new');
            }}
          >
            添加当事人
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="parties">
        {detail.parties.map((p) => (
          <Descriptions
            key={p.id}
            size="small"
            bordered
            column={3}
            title={
              <Space>
                <Tag color={p.role === 'applicant' ? 'blue' : p.role === 'respondent' ? 'volcano' : 'default'}>
                  {PARTY_ROLE_LABELS[p.role]}
                </Tag>
                <span>{p.name}</span>
                {p.role === 'agent' && p.representsId ? (
                  <span>
                    （代理 {byId.get(p.representsId)?.name ?? ''}，{p.authority === 'special' ? '特别授权' : '一般授权'}）
                  </span>
                ) : null}
              </Space>
            }
            extra={
              editable ? (
                <Space size={0}>
                  <Button
                    type="link"
                    onClick={() => {
                      form.resetFields();
                      form.setFieldsValue({ ...(p as unknown as PartyFormValues), birthDate: p.birthDate ? dayjs(p.birthDate) : null });
                      setEditing(p);
                    }}
                  >
                    修改
                  </Button>
                  <Popconfirm
                    title={`删除当事人“${p.name}”？`}
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutateAsync({ id: detail.id, version: detail.version, partyId: p.id }).catch(() => undefined)}
                  >
                    <Button type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null
            }
            items={
              p.kind === 'org'
                ? [
                    { key: 'code', label: '统一社会信用代码', children: p.creditCode ?? '—' },
                    { key: 'rep', label: '法定代表人', children: p.legalRepresentative ?? '—' },
                    { key: 'phone', label: '联系电话', children: p.phone ?? '—' },
                    { key: 'addr', label: '住所地', children: p.address ?? '—', span: 3 },
                  ]
                : [
                    { key: 'sex', label: '性别', children: p.sex ? SEX[p.sex] : '—' },
                    { key: 'birth', label: '出生日期', children: p.birthDate ?? '—' },
                    { key: 'eth', label: '民族', children: p.ethnicity ?? '—' },
                    { key: 'id', label: p.idType ? idTypeLabel(p.idType) : '证件号码', children: p.idNumber ?? '—' },
                    { key: 'phone', label: '联系电话', children: p.phone ?? '—' },
                    { key: 'occ', label: '职业', children: p.occupation ?? '—' },
                    { key: 'addr', label: '住址', children: p.address ?? '—', span: 3 },
                  ]
            }
          />
        ))}
      </Space>
      <Modal
        open={editing !== null}
        width={860}
        title={editing === 'new' ? '添加当事人' : '修改当事人'}
        okText="保存"
        cancelText="取消"
        confirmLoading={add.isPending || update.isPending}
        onOk={() => save().catch(() => undefined)}
        onCancel={discard}
        destroyOnHidden
      >
        <Form form={form} name="party" layout="vertical">
          <PartyFields agentTargets={targets} />
        </Form>
      </Modal>
    </Card>
  );
}
