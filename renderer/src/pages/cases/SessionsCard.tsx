/**
 * The case's dated records, several per case: mediation sessions (调解记录, counted 第N次调解) and
 * investigations (调查: the site seen, people asked — printed together as 人民调解调查记录). Both have
 * a time, a place, the people present and what was said or found; the form names them as the kind does.
 */
import { Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Radio, Row, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseDetail, SessionView } from '../../../../electron/common/api/cases';
import { useDraft } from '../../components/useDraft';
import { useCaseMutation } from './useCaseMutation';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../../components/textLimit';
import {
  SESSION_FIELD_LABELS,
  SESSION_KIND_LABELS,
  SESSION_KINDS,
  type SessionKind,
} from '../../../../electron/common/domain/sessionKinds';

const limits = (kind: SessionKind) => {
  const label = SESSION_FIELD_LABELS[kind];
  return {
    place: textLimit('地点', TEXT_LIMITS.place),
    participants: textLimit(label.participants, TEXT_LIMITS.participants),
    record: textLimit(label.record, TEXT_LIMITS.longText),
    recorder: textLimit('记录人', TEXT_LIMITS.recorder),
  };
};

const RECORD_HINT: Record<SessionKind, string> = {
  mediation: '调解情况（各方陈述、调解经过、达成的意见）',
  investigation: '调查情况（查看的现场、询问的内容、查明的事实）',
};

/** "第 2 次调解" / "第 1 次调查": each kind counted on its own, as the documents count them. */
function ordinals(list: SessionView[]): number[] {
  const seen: Record<SessionKind, number> = { mediation: 0, investigation: 0 };
  return list.map((s) => ++seen[s.kind]);
}

interface SessionForm {
  kind: SessionKind;
  heldAt: Dayjs;
  place: string;
  participants: string;
  record?: string;
  recorder?: string;
}

export function SessionsCard({ detail, editable }: { detail: CaseDetail; editable: boolean }) {
  const [form] = Form.useForm<SessionForm>();
  const [editing, setEditing] = useState<SessionView | 'new' | null>(null);
  const close = () => setEditing(null);
  // The record of a session is long typing: it survives a lost connection until the host has it.
  const draft = useDraft(editing === null ? null : `session:${detail.id}:${editing === 'new' ? 'new' : editing.id}`, form);
  const saved = () => {
    draft.clear();
    close();
  };
  const discard = () => {
    draft.clear();
    close();
  };
  const kind: SessionKind = Form.useWatch('kind', form) ?? 'mediation';
  const add = useCaseMutation('sessions.add', detail.id, { success: `已记录${SESSION_KIND_LABELS[kind]}`, onDone: saved });
  const update = useCaseMutation('sessions.update', detail.id, { success: '已保存', onDone: saved });
  const canAdd = editable && detail.status === 'mediating';
  const LIMIT = limits(kind);
  const label = SESSION_FIELD_LABELS[kind];
  const counts = ordinals(detail.sessions);

  const start = (k: SessionKind) => {
    form.resetFields();
    form.setFieldsValue({ kind: k, heldAt: dayjs() });
    setEditing('new');
  };

  const save = async () => {
    const v = await form.validateFields();
    const session = {
      kind: v.kind,
      heldAt: v.heldAt.format('YYYY-MM-DDTHH:mm'),
      place: v.place,
      participants: v.participants,
      record: v.record ?? '',
      recorder: v.recorder,
    };
    if (editing === 'new') add.mutate({ caseId: detail.id, session });
    else if (editing) update.mutate({ caseId: detail.id, sessionId: editing.id, sessionVersion: editing.version, session });
  };

  return (
    <Card
      size="small"
      title={`调解与调查记录（${detail.sessions.length}）`}
      style={{ marginBottom: 16 }}
      extra={
        editable ? (
          <Space size={8}>
            {SESSION_KINDS.map((k) => (
              <Button key={k} disabled={!canAdd} title={canAdd ? undefined : '开始调解后才能记录'} onClick={() => start(k)}>
                记录一次{SESSION_KIND_LABELS[k]}
              </Button>
            ))}
          </Space>
        ) : null
      }
    >
      {detail.sessions.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={canAdd ? '还没有调解或调查记录' : '开始调解后可记录每次调解、调查的情况'}
        />
      ) : (
        <Timeline
          data-testid="sessions"
          items={detail.sessions.map((s, i) => ({
            children: (
              <div>
                {s.kind === 'investigation' ? <Tag color="blue">调查</Tag> : null}
                <Typography.Text strong>
                  第 {counts[i]} 次{s.kind === 'investigation' ? '调查' : ''}：{s.heldAt.replace('T', ' ').slice(0, 16)}，{s.place}
                </Typography.Text>
                {editable ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({
                        kind: s.kind,
                        heldAt: dayjs(s.heldAt),
                        place: s.place,
                        participants: s.participants,
                        record: s.record,
                        recorder: s.recorder,
                      });
                      setEditing(s);
                    }}
                  >
                    修改
                  </Button>
                ) : null}
                <div>
                  {SESSION_FIELD_LABELS[s.kind].participants}：{s.participants}
                </div>
                {s.record ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.record}</Typography.Paragraph>
                ) : null}
                {s.recorder ? <Typography.Text type="secondary">记录人：{s.recorder}</Typography.Text> : null}
              </div>
            ),
          }))}
        />
      )}
      <Modal
        open={editing !== null}
        width={720}
        title={editing === 'new' ? `记录一次${SESSION_KIND_LABELS[kind]}` : `修改${SESSION_KIND_LABELS[kind]}记录`}
        okText="保存"
        cancelText="取消"
        confirmLoading={add.isPending || update.isPending}
        onOk={() => save().catch(() => undefined)}
        onCancel={discard}
        destroyOnHidden
      >
        <Form form={form} name="session" layout="vertical" initialValues={{ kind: 'mediation' }}>
          <Form.Item name="kind" label="记录类型">
            <Radio.Group
              optionType="button"
              options={SESSION_KINDS.map((k) => ({ value: k, label: k === 'mediation' ? '调解（调解记录）' : '调查（调查记录）' }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item name="heldAt" label={label.heldAt} rules={[{ required: true, message: '请选择时间' }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item
                name="place"
                label={label.place}
                rules={[{ required: true, whitespace: true, message: '请填写地点' }, LIMIT.place.rule]}
              >
                <Input count={LIMIT.place.count} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="participants"
            label={label.participants}
            rules={[{ required: true, whitespace: true, message: `请填写${label.participants}` }, LIMIT.participants.rule]}
          >
            <Input count={LIMIT.participants.count} />
          </Form.Item>
          <Form.Item name="record" label={RECORD_HINT[kind]} rules={[LIMIT.record.rule]}>
            <Input.TextArea rows={6} count={LIMIT.record.count} />
          </Form.Item>
          <Form.Item name="recorder" label="记录人" rules={[LIMIT.recorder.rule]}>
            <Input count={LIMIT.recorder.count} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
