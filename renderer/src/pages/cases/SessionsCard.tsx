/** Mediation sessions and their record (调解记录), several per case. */
import { Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseDetail, SessionView } from '../../../../electron/common/api/cases';
import { useDraft } from '../../components/useDraft';
import { useCaseMutation } from './useCaseMutation';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../../components/textLimit';

const LIMIT = {
  place: textLimit('地点', TEXT_LIMITS.place),
  participants: textLimit('参加人员', TEXT_LIMITS.participants),
  record: textLimit('调解情况', TEXT_LIMITS.longText),
  recorder: textLimit('记录人', TEXT_LIMITS.recorder),
};

interface SessionForm {
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
  const add = useCaseMutation('sessions.add', detail.id, { success: '已记录调解', onDone: saved });
  const update = useCaseMutation('sessions.update', detail.id, { success: '已保存', onDone: saved });
  const canAdd = editable && detail.status === 'mediating';

  const save = async () => {
    const v = await form.validateFields();
    const session = {
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
      title={`调解记录（${detail.sessions.length}）`}
      style={{ marginBottom: 16 }}
      extra={
        editable ? (
          <Button
            disabled={!canAdd}
            title={canAdd ? undefined : '开始调解后才能记录'}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ heldAt: dayjs() });
              setEditing('new');
            }}
          >
            记录一次调解
          </Button>
        ) : null
      }
    >
      {detail.sessions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canAdd ? '还没有调解记录' : '开始调解后可记录每次调解的情况'} />
      ) : (
        <Timeline
          data-testid="sessions"
          items={detail.sessions.map((s, i) => ({
            children: (
              <div>
                <Typography.Text strong>
                  第 {i + 1} 次：{s.heldAt.replace('T', ' ').slice(0, 16)}，{s.place}
                </Typography.Text>
                {editable ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({
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
                <div>参加人员：{s.participants}</div>
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
        title={editing === 'new' ? '记录一次调解' : '修改调解记录'}
        okText="保存"
        cancelText="取消"
        confirmLoading={add.isPending || update.isPending}
        onOk={() => save().catch(() => undefined)}
        onCancel={discard}
        destroyOnHidden
      >
        <Form form={form} name="session" layout="vertical">
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item name="heldAt" label="调解时间" rules={[{ required: true, message: '请选择时间' }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="place" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }, LIMIT.place.rule]}>
                <Input count={LIMIT.place.count} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="participants"
            label="参加人员"
            rules={[{ required: true, whitespace: true, message: '请填写参加人员' }, LIMIT.participants.rule]}
          >
            <Input count={LIMIT.participants.count} />
          </Form.Item>
          <Form.Item name="record" label="调解情况（各方陈述、调解经过、达成的意见）" rules={[LIMIT.record.rule]}>
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
