/**
 * 牵头单位与责任人 on the case page: the lead unit, co-operating units, responsible leader and
 * person of a cross-unit case (限期化解), and escalation to the next tier (上报).
 */
import { Alert, Button, Col, Descriptions, Flex, Form, Input, Modal, Row, Select, Tag } from 'antd';
import { useState } from 'react';
import { optionalText, requiredText } from '../../../../../electron/common/api/fields';
import { isOpen } from '../../../../../electron/common/domain/lifecycle';
import { nextTier, tierLabel } from '../../../../../electron/common/domain/tiers';
import { useUser } from '../../../auth/AuthProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../components/useApiMutation';
import { zodRule } from '../../../components/zodRule';
import type { CasePanelProps } from '../../cases/panelTypes';
import { dateTime } from '../format';

const REFRESH = ['cases.get', 'supervision.list', 'court.referrals'] as const;

interface Values {
  leadUnit?: string;
  coUnits: string[];
  responsibleLeader?: string;
  responsiblePerson?: string;
}

export function ResponsibilityPanel({ detail, onChanged }: CasePanelProps) {
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [escalating, setEscalating] = useState(false);
  const mayEdit = user.role !== 'intake' && detail.permissions.canEdit;
  const save = useApiMutation('supervision.setResponsibility', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: '已保存牵头单位与责任人',
    onSuccess: () => onChanged(),
  });
  const up = nextTier(detail.tier);
  const open = isOpen(detail.status);
  return (
    <div data-testid="responsibility-panel">
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'tier',
            label: '办理层级',
            children: tierLabel(detail.tier) + (detail.originTier !== detail.tier ? `（由${tierLabel(detail.originTier)}上报）` : ''),
          },
          { key: 'esc', label: '上报时间', children: detail.escalatedAt ? dateTime(detail.escalatedAt) : '未上报' },
          { key: 'deadline', label: '化解期限', children: detail.deadline ?? '未设定' },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!mayEdit}
        key={detail.version}
        initialValues={{
          leadUnit: detail.leadUnit ?? '',
          coUnits: detail.coUnits,
          responsibleLeader: detail.responsibleLeader ?? '',
          responsiblePerson: detail.responsiblePerson ?? '',
        }}
        onFinish={(v) =>
          save.mutate({
            id: detail.id,
            version: detail.version,
            leadUnit: v.leadUnit,
            coUnits: v.coUnits ?? [],
            responsibleLeader: v.responsibleLeader,
            responsiblePerson: v.responsiblePerson,
          })
        }
      >
        <ErrorAlert error={save.error} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="leadUnit" label="牵头单位" rules={[zodRule(optionalText('牵头单位', 100))]}>
              <Input placeholder="如：区信访局" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="coUnits" label="协办单位" extra="输入单位名称后按回车，可填多个">
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} aria-label="协办单位" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsibleLeader" label="包案领导" rules={[zodRule(optionalText('包案领导', 50))]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsiblePerson" label="责任人" rules={[zodRule(optionalText('责任人', 50))]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        {mayEdit ? (
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
            {open && up ? (
              <Button danger onClick={() => setEscalating(true)}>
                上报{tierLabel(up)}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Form>
      {detail.coUnits.length > 0 ? (
        <div style={{ marginTop: 8 }}>
          {detail.coUnits.map((u) => (
            <Tag key={u}>{u}</Tag>
          ))}
        </div>
      ) : null}
      {up ? (
        <EscalateModal
          open={escalating}
          detail={detail}
          target={tierLabel(up)}
          onClose={() => setEscalating(false)}
          onDone={() => (setEscalating(false), onChanged())}
        />
      ) : null}
    </div>
  );
}

function EscalateModal({
  open,
  detail,
  target,
  onClose,
  onDone,
}: { open: boolean; target: string; onClose: () => void; onDone: () => void } & Pick<CasePanelProps, 'detail'>) {
  const [form] = Form.useForm<{ reason: string }>();
  const escalate = useApiMutation('cases.escalate', {
    form,
    showError: 'inline',
    invalidates: REFRESH,
    success: `已上报${target}`,
    onSuccess: onDone,
  });
  return (
    <Modal
      title={`上报${target}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="上报"
      okButtonProps={{ loading: escalate.isPending, danger: true }}
      destroyOnHidden
      afterClose={() => escalate.reset()}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`案件由${tierLabel(detail.tier)}上报至${target}办理，状态不变，列入督办清单。`}
      />
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        onFinish={(v) => escalate.mutate({ id: detail.id, version: detail.version, reason: v.reason })}
      >
        <ErrorAlert error={escalate.error} />
        <Form.Item name="reason" label="上报理由" required rules={[zodRule(requiredText('上报理由', 1000))]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
